/* SPDX-License-Identifier: MIT */
/*
 * core/plugin_internal.h - the engine's view of a loaded plugin, whatever its kind.
 *
 * Only the registry (engine.c) holds plugins and library handles; the native and Lua loaders
 * build a cadre__plugin and hand it over, and the engine calls it through `ops`.
 */
#ifndef CADRE_PLUGIN_INTERNAL_H
#define CADRE_PLUGIN_INTERNAL_H

#include "builder.h"
#include "output.h"

typedef struct cadre__plugin cadre__plugin;

/* One candidate as it travels to a plugin in another process: its source name and JSON. */
typedef struct cadre__request {
    const char *source;
    const char *candidate; /* the candidate packed (worker/pack.h), len bytes */
    size_t len;
} cadre__request;

typedef struct cadre__plugin_ops {
    /* Runs one assessment into `b`. Errors go into the builder; the return value only says
     * whether one happened. */
    int (*assess)(cadre__plugin *p, const cadre_candidate *c, const cadre_params *params,
                  cadre_builder *b);
    /* Releases everything the loader acquired (states, library handles, worker processes). */
    void (*unload)(cadre__plugin *p);
    /* For plugins that run in another process (remote.c), NULL otherwise: submit() starts an
     * assessment of `req` without waiting, collect() waits for its result, so that the engine
     * can work on other plugins meanwhile. One submission at a time. */
    void (*submit)(cadre__plugin *p, const cadre__request *req);
    void (*collect)(cadre__plugin *p, cadre_builder *b);
} cadre__plugin_ops;

struct cadre__plugin {
    cadre_plugin_meta meta; /* strings live in `arena` */
    const cadre__plugin_ops *ops;
    cadre__arena arena;
    void *impl;
    cadre__param *params; /* one per spec in meta.params; value = default until set */
    size_t param_count;
    cadre__output *output;       /* where its printed lines go; NULL: raw to stdout (a worker) */
    cadre__output_count printed; /* what it printed so far */
};

/* Limits for Lua rubrics. */
typedef struct cadre__lua_limits {
    uint32_t time_ms;
    size_t memory;
} cadre__lua_limits;

/* What a loader needs besides the file. */
typedef struct cadre__load_ctx {
    cadre__lua_limits limits;
    cadre__output *output;      /* the engine's sink; NULL in a worker process */
    uint32_t native_time_ms;    /* deadline of one isolated native call */
    size_t worker_memory;       /* address space a worker may add to the engine's */
    const char *worker_program; /* the cadre-worker program isolated plugins run in */
    const char *vet_cache;      /* folder of vetted rubric keys (vet_cache.h), or NULL */
    int always_vet;             /* try every rubric at load, cached or not */
} cadre__load_ctx;

#define CADRE__MAX_PLUGIN_BYTES (16u * 1024u * 1024u)
#define CADRE__MAX_NAME         64

/* Allocates a plugin with an arena, or NULL. */
cadre__plugin *cadre__plugin_alloc(void);
/* Unloads (if loaded) and frees. */
void cadre__plugin_free(cadre__plugin *p);
/* Copies metadata and parameter specs into the plugin's arena and validates them: name is an
 * identifier, specs are well-formed, defaults fit their types. On failure fills err. */
int cadre__plugin_set_meta(cadre__plugin *p, const cadre_plugin_meta *m, const char *path,
                           cadre_error *err);
/* Checks `value` against `spec`; on failure writes why into msg. */
int cadre__param_check(const cadre_param_spec *spec, const char *value, char *msg, size_t size);
/* Sets parameter `key` to `value` after checking it; the string is not copied and must outlive
 * its use. On failure (no such parameter, a bad value) writes why into msg and returns -1. */
int cadre__plugin_set_param(cadre__plugin *p, const char *key, const char *value, char *msg,
                            size_t size);
/* Passes a line the plugin printed to its destination (output.c), or in a worker process
 * straight to standard output, which the engine reads. */
void cadre__plugin_print(cadre__plugin *p, const char *line, size_t len);
/* Fills the plugin metadata of a result. */
void cadre__result_meta(cadre_result *res, const cadre__plugin *p);

/* Loaders. `path` contains a '/'; `sha256` is the file's hash, already computed. A rubric is
 * loaded from `text`, the bytes that were hashed. */
int cadre__native_load(cadre__plugin **out, const char *path, const char *sha256, cadre_error *err);
int cadre__lua_load(cadre__plugin **out, const char *path, const char *sha256, const char *text,
                    size_t len, const cadre__load_ctx *ctx, cadre_error *err);
/* Loads a plugin in a worker process of its own (worker/remote.c); `text` is NULL for a
 * native plugin. */
int cadre__remote_load(cadre__plugin **out, const char *path, const char *sha256, const char *text,
                       size_t len, const cadre__load_ctx *ctx, cadre_error *err);

#endif
