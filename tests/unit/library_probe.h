/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/library_probe.h - runs the same code in a sandbox (with the library functions of
 * core/library.c and core/pattern.c) and in a plain Lua state (with Lua's own), and compares
 * the transcripts. Shared by test_library.c and the fuzz_pattern harness.
 */
#ifndef CADRE_TEST_LIBRARY_PROBE_H
#define CADRE_TEST_LIBRARY_PROBE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lua/sandbox.h"

/* Given (s, p, init), calls each pattern function and returns one line per call: its results
 * with their types, or its error. Given only s, runs s as code and returns the same for it. */
static const char probe_src[] =
    "local function pack(...)\n"
    "  local t = {}\n"
    "  for i = 1, select('#', ...) do\n"
    "    local v = select(i, ...)\n"
    "    t[#t + 1] = type(v) .. ':' .. tostring(v)\n"
    "  end\n"
    "  return table.concat(t, ',')\n"
    "end\n"
    "local function try(f, ...)\n"
    "  local r = table.pack(pcall(f, ...))\n"
    "  if not r[1] then return 'error:' .. tostring(r[2]) end\n"
    "  return pack(table.unpack(r, 2, r.n))\n"
    "end\n"
    "local function each(s, p, init)\n"
    "  local t = {}\n"
    "  for a, b in string.gmatch(s, p, init) do\n"
    "    t[#t + 1] = pack(a, b)\n"
    "    if #t > 50 then break end\n"
    "  end\n"
    "  return table.concat(t, ';')\n"
    "end\n"
    "local function rep_fn(...) return select('#', ...) .. '<' .. tostring((...)) .. '>' end\n"
    "local rep_tab = setmetatable({}, {__index = function(_, k)\n"
    "  if k == 'a' then return false end\n"
    "  return '[' .. tostring(k) .. ']'\n"
    "end})\n"
    "return function(s, p, init)\n"
    "  if p == nil then\n"
    "    local f, err = load(s, '=case')\n"
    "    if not f then return 'compile:' .. err end\n"
    "    return try(f)\n"
    "  end\n"
    "  return table.concat({\n"
    "    try(string.find, s, p, init), try(string.find, s, p, init, true),\n"
    "    try(string.match, s, p, init), try(each, s, p, init),\n"
    "    try(string.gsub, s, p, '<%0|%1>'), try(string.gsub, s, p, rep_fn, init),\n"
    "    try(string.gsub, s, p, rep_tab), try(string.gsub, s, p, '%2'),\n"
    "  }, '\\n')\n"
    "end\n";

typedef struct pattern_probe {
    lua_State *ref;     /* plain Lua with the standard library */
    cadre__sandbox *sb; /* the sandbox, with pattern.c */
    int ref_fn, sb_fn;  /* registry references to the two probes */
} pattern_probe;

/* Sets up both states, the sandbox with a CPU budget of budget_ms; 0 or -1 (message in why). */
static int probe_open(pattern_probe *pp, uint32_t budget_ms, cadre_error *why)
{
    cadre__sandbox_config cfg = {{budget_ms, 64u << 20}, "probe.lua", NULL, NULL, NULL};
    int rc;

    memset(pp, 0, sizeof(*pp));
    pp->ref = luaL_newstate();
    luaL_openlibs(pp->ref);
    if (luaL_loadbuffer(pp->ref, probe_src, sizeof(probe_src) - 1, "@probe.lua") != LUA_OK ||
        lua_pcall(pp->ref, 0, 1, 0) != LUA_OK) {
        snprintf(why->message, sizeof(why->message), "%s", lua_tostring(pp->ref, -1));
        return -1;
    }
    pp->ref_fn = luaL_ref(pp->ref, LUA_REGISTRYINDEX);
    if (cadre__sandbox_new(&pp->sb, &cfg, why) != 0 ||
        cadre__sandbox_load(pp->sb, probe_src, sizeof(probe_src) - 1, why) != 0)
        return -1;
    cadre__sandbox_begin(pp->sb);
    rc = cadre__sandbox_pcall(pp->sb, 0, 1, why);
    cadre__sandbox_end(pp->sb);
    if (rc != 0) return -1;
    pp->sb_fn = luaL_ref(cadre__sandbox_state(pp->sb), LUA_REGISTRYINDEX);
    return 0;
}

static void probe_close(pattern_probe *pp) __attribute__((unused));
static void probe_close(pattern_probe *pp)
{
    if (pp->sb) cadre__sandbox_free(pp->sb);
    if (pp->ref) lua_close(pp->ref);
}

/* With p NULL, s is code to run. */
static void probe_push(lua_State *L, int fn, const char *s, size_t ls, const char *p, size_t lp,
                       int init)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
    lua_pushlstring(L, s, ls);
    if (p != NULL) {
        lua_pushlstring(L, p, lp);
        lua_pushinteger(L, init);
    } else {
        lua_pushnil(L);
        lua_pushnil(L);
    }
}

/* Runs the probe (on a pattern case, or with p NULL on code) in the sandbox, then (unless the
 * sandbox failed, which returns -1 with the error in err: the budget stopped it, and Lua's own
 * matcher would take as long or longer) in plain Lua. Returns 1 if the transcripts are equal, 0 if
 * not; with `report`, a description of the case and both transcripts is written there (malloc'd,
 * for the caller to free) when they differ or when `always` is set. */
static int probe_compare(pattern_probe *pp, const char *s, size_t ls, const char *p, size_t lp,
                         int init, cadre_error *err, char **report, int always)
{
    lua_State *L = cadre__sandbox_state(pp->sb);
    const char *want, *got;
    size_t lwant, lgot;
    int equal, rc;

    cadre__sandbox_begin(pp->sb);
    probe_push(L, pp->sb_fn, s, ls, p, lp, init);
    rc = cadre__sandbox_pcall(pp->sb, 3, 1, err);
    cadre__sandbox_end(pp->sb);
    if (rc != 0) return -1;
    got = lua_tolstring(L, -1, &lgot);
    probe_push(pp->ref, pp->ref_fn, s, ls, p, lp, init);
    lua_call(pp->ref, 3, 1);
    want = lua_tolstring(pp->ref, -1, &lwant);
    equal = lwant == lgot && memcmp(want, got, lwant) == 0;
    if (report != NULL && (!equal || always)) {
        size_t n = ls + lp + lwant + lgot + 100;

        *report = malloc(n);
        if (*report != NULL)
            snprintf(*report, n, "subject [%.*s] pattern [%.*s] init %d\nlua:\n%s\ncadre:\n%s",
                     (int)ls, s, (int)lp, p ? p : "", init, want, got);
    }
    lua_pop(pp->ref, 1);
    lua_pop(L, 1);
    return equal;
}

#endif
