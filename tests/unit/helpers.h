/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/helpers.h - what several unit tests share: an engine that loads nothing but what
 * the test gives it (no built-in or user folder, no CADRE_PLUGIN_PATH).
 */
#ifndef CADRE_TEST_HELPERS_H
#define CADRE_TEST_HELPERS_H

#include <cadre/cadre.h>

/* An engine with only `builtin` (NULL for none) on its path and the given limits (0 for the
 * defaults). */
static cadre_engine *bare_engine(const char *builtin, int isolation, uint32_t native_ms,
                                 uint32_t lua_ms, size_t lua_memory) __attribute__((unused));
static cadre_engine *bare_engine(const char *builtin, int isolation, uint32_t native_ms,
                                 uint32_t lua_ms, size_t lua_memory)
{
    cadre_engine_options o;
    cadre_engine *e = NULL;
    cadre_error err;

    cadre_engine_options_init(&o);
    o.builtin_dir = builtin ? builtin : "";
    o.user_dir = "";
    o.use_env_path = 0;
    o.isolation = isolation;
    o.native_time_limit_ms = native_ms;
    o.worker_program = CADRE_TEST_WORKER; /* libcadre is linked statically into the tests */
    o.lua_time_limit_ms = lua_ms;
    o.lua_memory_limit = lua_memory;
    o.vet_cache_dir = ""; /* every load tried, nothing written to the user's cache */
    if (cadre_engine_new(&e, &o, &err) != 0) fprintf(stderr, "# engine: %s\n", err.message);
    return e;
}

#endif
