/*
 * core/engine_internal.h - the engine object, shared by engine.c (registry) and run.c
 * (assessing and reports).
 */
#ifndef CADRE_ENGINE_INTERNAL_H
#define CADRE_ENGINE_INTERNAL_H

#include "plugin_internal.h"

struct cadre_engine {
    cadre__arena arena; /* folder names and refusal texts */
    cadre__vec dirs;    /* const char *, folders added with cadre_engine_add_dir */
    char *builtin_dir;  /* "" for none */
    char *user_dir;     /* NULL for the default */
    int use_env_path;
    cadre__lua_limits limits;
    cadre_diag_fn on_diag;
    void *userdata;
    cadre__vec plugins; /* cadre__plugin *, sorted by name */
    cadre__vec refused; /* cadre_diag */
    int loaded;
    int isolation;                /* cadre_isolation */
    uint32_t native_time_ms;      /* deadline of an isolated native assessment */
    struct cadre__worker *worker; /* the isolation worker, once started (isolate.c) */
};
typedef struct cadre__worker cadre__worker;

cadre__plugin *cadre__engine_find(const cadre_engine *e, const char *name);
/* True for file names discovery loads: "*.so" and "*.lua" but not "*_test.lua" or dot files. */
int cadre__is_plugin_file(const char *name);

/* Plugin path safety (safety.c): a plugin runs with the user's rights, so a file or folder
 * someone else can write to is refused. ENOTFOUND for a folder that does not exist. */
int cadre__check_dir_safety(const char *dir, int required, cadre_error *err);
int cadre__check_path_safety(const char *path, cadre_error *err);

#endif
