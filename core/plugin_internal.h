/*
 * core/plugin_internal.h - the engine's view of a loaded plugin, whatever its kind.
 *
 * Only the registry (engine.c) holds plugins and library handles; the native and Lua loaders
 * build a cadre__plugin and hand it over, and the engine calls it through `ops`.
 */
#ifndef CADRE_PLUGIN_INTERNAL_H
#define CADRE_PLUGIN_INTERNAL_H

#include "builder.h"

typedef struct cadre__plugin cadre__plugin;

typedef struct cadre__plugin_ops {
    /* Runs one assessment into `b`. Errors go into the builder; the return value only says
     * whether one happened. */
    int (*assess)(cadre__plugin *p, const cadre_candidate *c, const cadre_params *params,
                  cadre_builder *b);
    /* Releases everything the loader acquired (states, library handles). */
    void (*unload)(cadre__plugin *p);
} cadre__plugin_ops;

struct cadre__plugin {
    cadre_plugin_meta meta; /* strings live in `arena` */
    const cadre__plugin_ops *ops;
    cadre__arena arena;
    void *impl;
    cadre__param *params; /* one per spec in meta.params; value = default until set */
    size_t param_count;
};

/* Limits for Lua rubrics. */
typedef struct cadre__lua_limits {
    uint32_t time_ms;
    size_t memory;
} cadre__lua_limits;

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

/* Loaders. `path` contains a '/'; `sha256` is the file's hash, already computed. */
int cadre__native_load(cadre__plugin **out, const char *path, const char *sha256, cadre_error *err);
int cadre__lua_load(cadre__plugin **out, const char *path, const char *sha256, const char *text,
                    size_t len, const cadre__lua_limits *limits, cadre_error *err);

#endif
