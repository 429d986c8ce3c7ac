/* SPDX-License-Identifier: MIT */
/*
 * core/engine_internal.h - the engine object, shared by engine.c (the registry) and run.c
 * (assessing and reports).
 */
#ifndef CADRE_ENGINE_INTERNAL_H
#define CADRE_ENGINE_INTERNAL_H

#include "plugin_internal.h"

/* One loaded plugin in the registry, with where it was found. */
typedef struct cadre__entry {
    cadre__plugin *plugin;
    int builtin; /* from the built-in folder: its name is reserved */
} cadre__entry;

typedef struct cadre__inflight cadre__inflight;

struct cadre_engine {
    cadre__arena arena; /* folder names and refusal texts */
    cadre__vec dirs;    /* const char *, folders added with cadre_engine_add_dir */
    cadre__vec trusted; /* char *, real paths of trusted folders (arena) */
    char *builtin_dir;  /* "" for none */
    char *worker_program;
    char *builtin_real; /* its real path, or NULL */
    char *user_dir;     /* NULL for the default */
    char *vet_cache;    /* NULL for none */
    int use_env_path;
    int isolation; /* cadre_isolation */
    int allow_override;
    cadre__load_ctx ctx; /* limits and output for the loaders */
    cadre__output output;
    cadre_diag_fn on_diag;
    void *userdata;
    cadre__vec plugins; /* cadre__entry, sorted by name */
    cadre__vec refused; /* cadre_diag */
    int loaded;
    /* The fingerprint, computed once for every report until a plugin is loaded or a parameter
     * set (cadre__engine_fingerprint). */
    char fp[65];
    int fp_valid;
    /* Candidates submitted and not yet collected (run.c), oldest first, and the hook that ends
     * them when the engine is freed, set by run.c when it queues one. */
    cadre__inflight *inflight, *inflight_tail;
    void (*drop_inflight)(cadre_engine *e);
};

cadre__plugin *cadre__engine_find(const cadre_engine *e, const char *name);
/* The engine's fingerprint (cadre_engine_fingerprint), cached: static in the engine. */
const char *cadre__engine_fingerprint(cadre_engine *e);
/* Plugin i of the registry (sorted by name), or NULL. */
cadre__plugin *cadre__engine_plugin_at(const cadre_engine *e, size_t i);
/* True for file names discovery loads: "*.so" and "*.lua" but not "*_test.lua" or dot files. */
int cadre__is_plugin_file(const char *name);

/* Plugin path safety (safety.c): a plugin runs with the user's rights, so a file or folder
 * someone else can write to is refused. ENOTFOUND for a folder that does not exist. */
int cadre__check_dir_safety(const char *dir, int required, cadre_error *err);
int cadre__check_path_safety(const char *path, cadre_error *err);

#endif
