/* SPDX-License-Identifier: MIT */
/*
 * core/lua/numbers.c - the numeric helpers of the rubric API in C: cadre.ramp, cadre.steps,
 * cadre.level_score and cadre.clamp (docs/rubric-authoring.md, "Helpers").
 *
 * They were Lua functions that checked each argument with a call of their own; the built-in
 * rubrics call them a few hundred times per person, and one C call does what five Lua calls
 * did (docs/performance.md). Results, their types (an integer 0 or 100 at the ends, a float
 * between) and the error messages are those of the Lua versions.
 */
#include <stdio.h>

#include <lauxlib.h>

#include "lua/numbers.h"

/* Raises "FNAME: WHAT must be a number, got TYPE" at the line that called the helper. */
static int not_number(lua_State *L, int arg, const char *fname, const char *what)
{
    luaL_where(L, 2);
    lua_pushfstring(L, "%s: %s must be a number, got %s", fname, what, luaL_typename(L, arg));
    lua_concat(L, 2);
    return lua_error(L);
}

#define NEED_NUMBER(L, arg, fname, what)                                                           \
    do {                                                                                           \
        if (lua_type(L, arg) != LUA_TNUMBER) return not_number(L, arg, fname, what);               \
    } while (0)

/* cadre.ramp(x, lo, hi): 0 at or below lo, 100 at or above hi, a straight line between; nil
 * stays nil. */
static int ramp(lua_State *L)
{
    lua_Number x, lo, hi;

    if (lua_isnoneornil(L, 1)) {
        lua_pushnil(L);
        return 1;
    }
    NEED_NUMBER(L, 1, "cadre.ramp", "x");
    NEED_NUMBER(L, 2, "cadre.ramp", "lo");
    NEED_NUMBER(L, 3, "cadre.ramp", "hi");
    x = lua_tonumber(L, 1), lo = lua_tonumber(L, 2), hi = lua_tonumber(L, 3);
    if (hi <= lo) return luaL_error(L, "cadre.ramp: hi must be greater than lo");
    if (x <= lo)
        lua_pushinteger(L, 0);
    else if (x >= hi)
        lua_pushinteger(L, 100);
    else
        lua_pushnumber(L, (x - lo) / (hi - lo) * 100);
    return 1;
}

/* cadre.steps(x, {{at, score}, ...}): the score of the highest threshold reached. */
static int steps(lua_State *L)
{
    lua_Number x;

    if (lua_isnoneornil(L, 1)) {
        lua_pushnil(L);
        return 1;
    }
    NEED_NUMBER(L, 1, "cadre.steps", "x");
    x = lua_tonumber(L, 1);
    lua_settop(L, 2);
    lua_pushinteger(L, 0); /* 3: the score so far */
    for (lua_Integer i = 1;; i++) {
        if (lua_geti(L, 2, i) == LUA_TNIL) break; /* 4: steps[i], as ipairs reads it */
        lua_geti(L, 4, 1);                        /* 5 */
        lua_geti(L, 4, 2);                        /* 6 */
        if (lua_type(L, 5) != LUA_TNUMBER || lua_type(L, 6) != LUA_TNUMBER) {
            char what[48];

            snprintf(what, sizeof(what), "steps[%lld][%d]", (long long)i,
                     lua_type(L, 5) != LUA_TNUMBER ? 1 : 2);
            return not_number(L, lua_type(L, 5) != LUA_TNUMBER ? 5 : 6, "cadre.steps", what);
        }
        if (x >= lua_tonumber(L, 5)) lua_replace(L, 3);
        lua_settop(L, 3);
    }
    lua_settop(L, 3);
    return 1;
}

/* cadre.level_score(have, need): 100 when have meets need, else the share reached. */
static int level_score(lua_State *L)
{
    lua_Number have, need;

    if (lua_isnoneornil(L, 1)) {
        lua_pushnil(L);
        return 1;
    }
    NEED_NUMBER(L, 1, "cadre.level_score", "have");
    NEED_NUMBER(L, 2, "cadre.level_score", "need");
    have = lua_tonumber(L, 1), need = lua_tonumber(L, 2);
    if (need <= 0 || have >= need)
        lua_pushinteger(L, 100);
    else if (have <= 0)
        lua_pushinteger(L, 0);
    else
        lua_pushnumber(L, have / need * 100);
    return 1;
}

/* cadre.clamp(x, lo, hi): x, or the bound it passes (returned as given). */
static int clamp(lua_State *L)
{
    NEED_NUMBER(L, 1, "cadre.clamp", "x");
    lua_settop(L, 3);
    if (lua_compare(L, 1, 2, LUA_OPLT))
        lua_pushvalue(L, 2);
    else if (lua_compare(L, 3, 1, LUA_OPLT))
        lua_pushvalue(L, 3);
    else
        lua_pushvalue(L, 1);
    return 1;
}

void cadre__numbers_register(lua_State *L)
{
    static const luaL_Reg fns[] = {{"ramp", ramp},
                                   {"steps", steps},
                                   {"level_score", level_score},
                                   {"clamp", clamp},
                                   {NULL, NULL}};

    luaL_setfuncs(L, fns, 0);
}
