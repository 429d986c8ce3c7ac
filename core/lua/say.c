/* SPDX-License-Identifier: MIT */
/*
 * core/lua/say.c - cadre.say and the number and list words of the rubric API (say.h).
 *
 * The words are the ones the Lua helpers always wrote, to the byte: "%.1f" with a trailing
 * ".0" trimmed for numbers, "1 year"/"2.5 years", "$850K"/"$1.2M", "a, b and c". printf's
 * rounding (to nearest, ties to even on the exact binary value) is kept by doing the
 * arithmetic only where no tie is near, and asking snprintf otherwise.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/say.h"

/* ---- numbers ---- */

/* Writes x with `places` decimals (0 or 1) as "%.*f" would, then drops a ".0". Returns the
 * length; out has room for 64 bytes. */
static size_t put_fixed(char *out, double x, int places)
{
    double scale = places ? 10.0 : 1.0, y = x * scale, frac;
    char t[32], *p = t + sizeof(t);
    unsigned long long m;
    size_t n;
    int neg = signbit(x) != 0;

    frac = y - floor(y);
    if (!isfinite(y) || fabs(y) >= 1e12 || fabs(frac - 0.5) < 1e-6) {
        /* Huge, odd or too near a tie to be sure: printf decides. */
        int k = snprintf(out, 64, "%.*f", places, x);

        n = k < 0 ? 0 : (size_t)k;
        if (places && n >= 2 && memcmp(out + n - 2, ".0", 2) == 0) n -= 2;
        out[n] = '\0';
        return n;
    }
    m = (unsigned long long)floor(fabs(y) + 0.5);
    if (places && m % 10 != 0) {
        *--p = (char)('0' + m % 10);
        *--p = '.';
    }
    if (places) m /= 10;
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (neg) *--p = '-'; /* printf writes "-0.0" for a tiny negative number, trimmed "-0" */
    n = (size_t)(t + sizeof(t) - p);
    memcpy(out, p, n);
    out[n] = '\0';
    return n;
}

static double need_number(lua_State *L, int arg, const char *fname, const char *what)
{
    if (lua_type(L, arg) != LUA_TNUMBER)
        luaL_error(L, "%s: %s must be a number, got %s", fname, what, luaL_typename(L, arg));
    return lua_tonumber(L, arg);
}

static void add_num(luaL_Buffer *b, double x)
{
    char t[64];

    luaL_addlstring(b, t, put_fixed(t, x, 1));
}

static void add_years(luaL_Buffer *b, double x)
{
    if (x == 1) {
        luaL_addstring(b, "1 year");
        return;
    }
    add_num(b, x);
    luaL_addstring(b, " years");
}

static void add_money(luaL_Buffer *b, double x)
{
    char t[64];

    luaL_addchar(b, '$');
    if (x >= 1e9) {
        luaL_addlstring(b, t, put_fixed(t, x / 1e9, 1));
        luaL_addchar(b, 'B');
    } else if (x >= 1e6) {
        luaL_addlstring(b, t, put_fixed(t, x / 1e6, 1));
        luaL_addchar(b, 'M');
    } else if (x >= 1e3) {
        luaL_addlstring(b, t, put_fixed(t, x / 1e3, 0));
        luaL_addchar(b, 'K');
    } else {
        luaL_addlstring(b, t, put_fixed(t, x, 0));
    }
}

/* Adds tostring(v) of the value at idx (negative indices are not stable here: absolute only). */
static void add_tostring(luaL_Buffer *b, int idx)
{
    lua_State *L = b->L;

    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);

        luaL_addlstring(b, s, n);
        return;
    }
    luaL_tolstring(L, idx, NULL);
    luaL_addvalue(b);
}

/* "a, b and c" from the list at absolute index idx (a table, or anything with # and []). */
static void add_list(luaL_Buffer *b, int idx, const char *conj, size_t conj_len)
{
    lua_State *L = b->L;
    lua_Integer n = luaL_len(L, idx);

    for (lua_Integer i = 1; i <= n; i++) {
        if (i > 1 && i < n) luaL_addstring(b, ", ");
        if (i > 1 && i == n) {
            luaL_addchar(b, ' ');
            luaL_addlstring(b, conj, conj_len);
            luaL_addchar(b, ' ');
        }
        /* The buffer may keep a box on top of the stack: an item is pushed, turned into a
         * string in place and handed over with luaL_addvalue, the one call that allows it. */
        lua_geti(L, idx, i);
        if (lua_type(L, -1) != LUA_TSTRING) {
            luaL_tolstring(L, -1, NULL);
            lua_remove(L, -2);
        }
        luaL_addvalue(b);
    }
}

/* ---- the Lua functions ---- */

/* One word from one number: the body of cadre.num, cadre.years and cadre.money. */
static int word(lua_State *L, const char *fname, const char *what,
                void (*add)(luaL_Buffer *, double))
{
    luaL_Buffer b;

    need_number(L, 1, fname, what);
    luaL_buffinit(L, &b);
    add(&b, lua_tonumber(L, 1));
    luaL_pushresult(&b);
    return 1;
}

static int say_num(lua_State *L)
{
    return word(L, "cadre.num", "x", add_num);
}

static int say_years(lua_State *L)
{
    return word(L, "cadre.years", "n", add_years);
}

static int say_money(lua_State *L)
{
    return word(L, "cadre.money", "n", add_money);
}

static int say_list(lua_State *L)
{
    size_t cl;
    const char *conj = luaL_optlstring(L, 2, "and", &cl);
    luaL_Buffer b;

    if (lua_type(L, 1) != LUA_TTABLE && lua_type(L, 1) != LUA_TUSERDATA)
        return luaL_error(L, "cadre.list: items must be a list, got %s", luaL_typename(L, 1));
    lua_settop(L, 2);
    luaL_buffinit(L, &b);
    add_list(&b, 1, conj, cl);
    luaL_pushresult(&b);
    return 1;
}

/* cadre.say(template, ...): see docs/rubric-authoring.md, "Writing the sentences". */
static int say(lua_State *L)
{
    size_t len;
    const char *t = luaL_checklstring(L, 1, &len), *end = t + len, *run = t;
    int nargs = lua_gettop(L), arg = 1;
    luaL_Buffer b;

    luaL_buffinit(L, &b);
    for (const char *p = t; p < end; p++) {
        char c;

        if (*p != '%') continue;
        luaL_addlstring(&b, run, (size_t)(p - run));
        if (p + 1 >= end) return luaL_error(L, "cadre.say: the template ends with a lone %%");
        c = *++p;
        run = p + 1;
        if (c == '%') {
            luaL_addchar(&b, '%');
            continue;
        }
        if (!strchr("sdnyl$o", c))
            return luaL_error(L,
                              "cadre.say: unknown directive %%%c (use %%s %%d %%n %%y %%$ %%l %%o "
                              "or %%%%)",
                              c);
        if (++arg > nargs)
            return luaL_error(L, "cadre.say: %%%c has no value (argument %d is missing)", c, arg);
        switch (c) {
        case 's':
            if (lua_isnoneornil(L, arg))
                return luaL_error(L, "cadre.say: argument %d (%%s) is nil", arg);
            add_tostring(&b, arg);
            break;
        case 'l':
        case 'o':
            if (lua_type(L, arg) != LUA_TTABLE && lua_type(L, arg) != LUA_TUSERDATA)
                return luaL_error(L, "cadre.say: argument %d (%%%c) must be a list, got %s", arg, c,
                                  luaL_typename(L, arg));
            add_list(&b, arg, c == 'l' ? "and" : "or", c == 'l' ? 3 : 2);
            break;
        default: {
            double x;

            if (lua_type(L, arg) != LUA_TNUMBER)
                return luaL_error(L, "cadre.say: argument %d (%%%c) must be a number, got %s", arg,
                                  c, luaL_typename(L, arg));
            x = lua_tonumber(L, arg);
            if (c == 'd') {
                char d[64];

                luaL_addlstring(&b, d, put_fixed(d, floor(x + 0.5), 0));
            } else if (c == 'n') {
                add_num(&b, x);
            } else if (c == 'y') {
                add_years(&b, x);
            } else {
                add_money(&b, x);
            }
        }
        }
    }
    luaL_addlstring(&b, run, (size_t)(end - run));
    if (arg < nargs)
        return luaL_error(L, "cadre.say: %d value%s left over (the template uses %d)", nargs - arg,
                          nargs - arg == 1 ? "" : "s", arg - 1);
    luaL_pushresult(&b);
    return 1;
}

void cadre__say_register(lua_State *L)
{
    static const luaL_Reg fns[] = {{"say", say},         {"num", say_num},   {"years", say_years},
                                   {"money", say_money}, {"list", say_list}, {NULL, NULL}};

    luaL_setfuncs(L, fns, 0);
}
