/* SPDX-License-Identifier: MIT */
/*
 * core/lua/library.c - string.rep, table.insert, remove and move, and setmetatable for the sandbox;
 * see library.h for why each is replaced.
 *
 * Each follows the behaviour of Lua 5.4's own, argument checks and messages included, so a
 * rubric cannot tell the difference until it asks for work without end.
 */
#include <limits.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lua/library.h"

#define TICK_MASK     0xfffu
/* string.rep refuses results above this many bytes, as Lua does where int is 32 bits. */
#define MAX_REP_BYTES ((size_t)INT_MAX)

/* ---- string.rep ---- */

static int lib_rep(lua_State *L)
{
    size_t l, lsep, total;
    const char *s = luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    luaL_Buffer b;
    char *out;

    if (n <= 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    if (l + lsep < l || l + lsep > MAX_REP_BYTES / (size_t)n)
        return luaL_error(L, "resulting string too large");
    total = (size_t)n * l + (size_t)(n - 1) * lsep;
    if (total == 0) { /* Lua would loop n times to copy nothing */
        lua_pushliteral(L, "");
        return 1;
    }
    /* total is now at most the memory cap, so the copying below is bounded too. */
    out = luaL_buffinitsize(L, &b, total);
    for (lua_Integer i = 0; i < n; i++) {
        memcpy(out, s, l);
        out += l;
        if (i + 1 < n && lsep > 0) {
            memcpy(out, sep, lsep);
            out += lsep;
        }
    }
    luaL_pushresultsize(&b, total);
    return 1;
}

/* ---- table.insert, remove, move ---- */

enum { NEED_READ = 1, NEED_WRITE = 2, NEED_LEN = 4 };

/* Argument arg must be a table, or have the metamethods for what the function does with it. */
static void check_table(lua_State *L, int arg, int need)
{
    int top = lua_gettop(L), fine;

    if (lua_type(L, arg) == LUA_TTABLE) return;
    fine = lua_getmetatable(L, arg);
    if (fine && (need & NEED_READ)) {
        lua_pushliteral(L, "__index");
        fine = lua_rawget(L, top + 1) != LUA_TNIL;
    }
    if (fine && (need & NEED_WRITE)) {
        lua_pushliteral(L, "__newindex");
        fine = lua_rawget(L, top + 1) != LUA_TNIL;
    }
    if (fine && (need & NEED_LEN)) {
        lua_pushliteral(L, "__len");
        fine = lua_rawget(L, top + 1) != LUA_TNIL;
    }
    lua_settop(L, top);
    if (!fine) luaL_checktype(L, arg, LUA_TTABLE); /* raises the usual message */
}

static lua_Integer table_len(lua_State *L, int need)
{
    check_table(L, 1, need | NEED_LEN);
    return luaL_len(L, 1);
}

static void tick(lua_State *L, lua_Integer i)
{
    if (((lua_Unsigned)i & TICK_MASK) == 0) {
        const cadre__budget_fn *check = lua_touserdata(L, lua_upvalueindex(1));

        if (check != NULL && *check != NULL) (*check)(L);
    }
}

/* t[to] = t[from], through metamethods as Lua's own does. */
static void copy_slot(lua_State *L, int src, lua_Integer from, int dst, lua_Integer to)
{
    lua_geti(L, src, from);
    lua_seti(L, dst, to);
}

static int lib_insert(lua_State *L)
{
    lua_Integer end = table_len(L, NEED_READ | NEED_WRITE), pos;

    end = (lua_Integer)((lua_Unsigned)end + 1u); /* the first empty slot; wraps as Lua's does */
    switch (lua_gettop(L)) {
    case 2:
        pos = end;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)end, 2, "position out of bounds");
        for (lua_Integer i = end; i > pos; i--) {
            tick(L, i);
            copy_slot(L, 1, i - 1, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int lib_remove(lua_State *L)
{
    lua_Integer size = table_len(L, NEED_READ | NEED_WRITE);
    lua_Integer pos = luaL_optinteger(L, 2, size);

    if (pos != size) /* Lua 5.4 blames argument 1 here, so rubrics see the same message */
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 1, "position out of bounds");
    lua_geti(L, 1, pos);
    for (; pos < size; pos++) {
        tick(L, pos);
        copy_slot(L, 1, pos + 1, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

static int lib_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4), n;
    int dst = lua_isnoneornil(L, 5) ? 1 : 5;

    check_table(L, 1, NEED_READ);
    check_table(L, dst, NEED_WRITE);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        /* Copy upwards unless the ranges overlap with the destination above the source. */
        if (t > e || t <= f || (dst != 1 && !lua_compare(L, 1, dst, LUA_OPEQ))) {
            for (lua_Integer i = 0; i < n; i++) {
                tick(L, i);
                copy_slot(L, 1, f + i, dst, t + i);
            }
        } else {
            for (lua_Integer i = n - 1; i >= 0; i--) {
                tick(L, i);
                copy_slot(L, 1, f + i, dst, t + i);
            }
        }
    }
    lua_pushvalue(L, dst);
    return 1;
}

/* ---- setmetatable ---- */

static int lib_setmetatable(lua_State *L)
{
    int type = lua_type(L, 2);

    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, type == LUA_TNIL || type == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    /* Lua decides whether to finalize an object when its metatable is set, by a raw look at
     * __gc; a field added later is never called. So looking here is enough. */
    if (type == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc is not available to rubrics (finalizers would run outside "
                                 "the CPU budget)");
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* ---- installing ---- */

void cadre__budget_push(lua_State *L, cadre__budget_fn check)
{
    cadre__budget_fn *ud = lua_newuserdatauv(L, sizeof(*ud), 0);

    *ud = check;
}

/* Every function gets the budget check as its upvalue 1. */
static void set_fields(lua_State *L, const char *lib, const luaL_Reg *fns, cadre__budget_fn check)
{
    lua_getglobal(L, lib);
    cadre__budget_push(L, check);
    luaL_setfuncs(L, fns, 1);
    lua_pop(L, 1);
}

void cadre__library_install(lua_State *L, cadre__budget_fn check)
{
    static const luaL_Reg string_fns[] = {{"rep", lib_rep}, {NULL, NULL}};
    static const luaL_Reg table_fns[] = {
        {"insert", lib_insert}, {"remove", lib_remove}, {"move", lib_move}, {NULL, NULL}};

    set_fields(L, LUA_STRLIBNAME, string_fns, check);
    set_fields(L, LUA_TABLIBNAME, table_fns, check);
    lua_pushcfunction(L, lib_setmetatable);
    lua_setglobal(L, "setmetatable");
}
