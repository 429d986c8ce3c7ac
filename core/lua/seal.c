/* SPDX-License-Identifier: MIT */
/*
 * core/lua/seal.c - see seal.h.
 *
 * Registry entries (none reachable from the rubric):
 *   FROZEN  frozen table -> its hidden table of entries
 *   WATCH   {targets, keys, values}: three arrays, one watched variable per index (a target is
 *           a function, the key its upvalue number, or a frozen table, the key a metafield)
 *   PRINT   a userdata: the same values as identities (pointers, numbers), which the check after
 *           every assessment compares first; only on a difference does it look closer
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/seal.h"

#define FROZEN_KEY "cadre.frozen"
#define WATCH_KEY  "cadre.watch"
#define PRINT_KEY  "cadre.fingerprint"
#define SEALED_KEY "cadre.sealed"
#define LOCKED     "the rubric's state is read-only after loading"

/* Fields Lua reads raw from a metatable: they stay in a frozen table so it can serve as one. */
static const char *const metafields[] = {
    "__index", "__newindex", "__call",  "__tostring",  "__len", "__eq",   "__lt",     "__le",
    "__unm",   "__add",      "__sub",   "__mul",       "__div", "__mod",  "__pow",    "__idiv",
    "__band",  "__bor",      "__bxor",  "__shl",       "__shr", "__bnot", "__concat", "__close",
    "__mode",  "__name",     "__pairs", "__metatable", NULL};

static int is_metafield(lua_State *L, int idx)
{
    const char *k;

    if (lua_type(L, idx) != LUA_TSTRING) return 0;
    k = lua_tostring(L, idx);
    if (k[0] != '_' || k[1] != '_') return 0;
    for (int i = 0; metafields[i]; i++)
        if (strcmp(k, metafields[i]) == 0) return 1;
    return 0;
}

/* Pushes the hidden table of the table at idx, or nil when it is not frozen. */
static int push_hidden(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_getfield(L, LUA_REGISTRYINDEX, FROZEN_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_pushnil(L);
        return LUA_TNIL;
    }
    lua_pushvalue(L, idx);
    lua_rawget(L, -2);
    lua_remove(L, -2);
    return lua_type(L, -1);
}

/* ---- the frozen tables' metamethods ---- */

static int frozen_newindex(lua_State *L)
{
    const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    int global;

    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    global = lua_rawequal(L, 1, -1);
    if (global) {
        int declared;

        if (push_hidden(L, 1) != LUA_TTABLE) lua_pushvalue(L, 1); /* not frozen yet */
        lua_pushvalue(L, 2);
        declared = lua_rawget(L, -2) != LUA_TNIL;

        if (!declared)
            return luaL_error(L,
                              "assignment to undeclared global '%s' after loading; keep state "
                              "in locals",
                              k ? k : luaL_typename(L, 2));
        return luaL_error(L,
                          "assignment to global '%s' during an assessment: %s, so that no "
                          "candidate's data can reach the next; use a local",
                          k ? k : "?", LOCKED);
    }
    return luaL_error(L,
                      "attempt to change a table of the rubric's own (key %s%s%s) during an "
                      "assessment: %s, so that no candidate's data can reach the next; build "
                      "per-candidate tables inside the function",
                      k ? "'" : "", k ? k : luaL_typename(L, 2), k ? "'" : "", LOCKED);
}

static int frozen_len(lua_State *L)
{
    lua_len(L, lua_upvalueindex(1));
    return 1;
}

/* next() over a frozen table: walks the hidden table, so that its state stays private. */
static int frozen_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (push_hidden(L, 1) == LUA_TTABLE)
        lua_replace(L, 1);
    else
        lua_pop(L, 1);
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
}

/* The iterator pairs() gets for one frozen table: its hidden table is upvalue 1, out of the
 * rubric's reach (a C function's upvalues cannot be read from Lua). */
static int frozen_iter(lua_State *L)
{
    lua_settop(L, 2);
    if (lua_next(L, lua_upvalueindex(1))) return 2;
    lua_pushnil(L);
    return 1;
}

static int frozen_pairs(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1)); /* frozen_iter over this table's hidden one */
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* ---- replacements of the raw functions ---- */

static int seal_next(lua_State *L)
{
    return frozen_next(L);
}

static int seal_rawget(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    lua_settop(L, 2);
    if (push_hidden(L, 1) == LUA_TTABLE)
        lua_replace(L, 1);
    else
        lua_pop(L, 1);
    lua_rawget(L, 1);
    return 1;
}

static int seal_rawlen(lua_State *L)
{
    int t = lua_type(L, 1);

    luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
    if (t == LUA_TTABLE && push_hidden(L, 1) == LUA_TTABLE)
        lua_replace(L, 1);
    else if (t == LUA_TTABLE)
        lua_pop(L, 1);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
    return 1;
}

static int seal_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    if (push_hidden(L, 1) != LUA_TNIL) {
        lua_settop(L, 2);
        return frozen_newindex(L);
    }
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

void cadre__seal_install(lua_State *L)
{
    static const luaL_Reg fns[] = {{"next", seal_next},
                                   {"rawget", seal_rawget},
                                   {"rawlen", seal_rawlen},
                                   {"rawset", seal_rawset},
                                   {NULL, NULL}};

    lua_pushglobaltable(L);
    luaL_setfuncs(L, fns, 0);
    lua_pop(L, 1);
}

int cadre__seal_sealed(lua_State *L)
{
    int sealed = lua_getfield(L, LUA_REGISTRYINDEX, SEALED_KEY) == LUA_TBOOLEAN;

    lua_pop(L, 1);
    return sealed;
}

/* ---- finding everything reachable ---- */

typedef struct walk {
    int seen;                  /* value -> true */
    int todo;                  /* array of values to visit */
    int tables;                /* array of tables to freeze */
    int upids;                 /* upvalue id (light userdata) -> true */
    int frozen;                /* the registry's FROZEN table */
    int targets, keys, values; /* the watch list being built */
    lua_Integer ntodo, ntables, nwatch;
} walk;

static void visit_later(lua_State *L, walk *w, int idx)
{
    int t = lua_type(L, idx);

    luaL_checkstack(L, 4, "sealing the rubric");
    if (t != LUA_TTABLE && t != LUA_TFUNCTION && t != LUA_TTHREAD) return;
    lua_pushvalue(L, idx);
    if (lua_rawget(L, w->seen) != LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, w->seen);
    lua_pushvalue(L, idx);
    lua_rawseti(L, w->todo, ++w->ntodo);
}

static void watch(lua_State *L, walk *w, int target, int key, int value)
{
    lua_Integer i = ++w->nwatch;

    lua_pushvalue(L, target);
    lua_rawseti(L, w->targets, i);
    lua_pushvalue(L, key);
    lua_rawseti(L, w->keys, i);
    lua_pushvalue(L, value);
    lua_rawseti(L, w->values, i);
}

static void visit_function(lua_State *L, walk *w, int f)
{
    luaL_checkstack(L, 8, "sealing the rubric");
    /* The variables Lua functions capture are watched (a C function's upvalues are the
     * engine's own, and no Lua code can assign them). */
    int watched = !lua_iscfunction(L, f);

    for (int n = 1; lua_getupvalue(L, f, n) != NULL; n++) {
        int v = lua_gettop(L);

        visit_later(L, w, v);
        if (watched) {
            /* Closures share captured variables: watch each variable once. */
            lua_pushlightuserdata(L, lua_upvalueid(L, f, n));
            if (lua_rawget(L, w->upids) == LUA_TNIL) {
                lua_pushlightuserdata(L, lua_upvalueid(L, f, n));
                lua_pushboolean(L, 1);
                lua_rawset(L, w->upids);
                lua_pushinteger(L, n);
                watch(L, w, f, lua_gettop(L), v);
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
        lua_settop(L, v - 1);
    }
}

static void visit_table(lua_State *L, walk *w, int t)
{
    luaL_checkstack(L, 8, "sealing the rubric");
    /* Already frozen (data read while loading): its entries are frozen too, and its
     * metatable is the engine's. */
    lua_pushvalue(L, t);
    if (lua_rawget(L, w->frozen) != LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);

    lua_pushnil(L);
    while (lua_next(L, t)) {
        visit_later(L, w, -2);
        visit_later(L, w, -1);
        lua_pop(L, 1);
    }
    if (lua_getmetatable(L, t)) {
        visit_later(L, w, -1);
        lua_pop(L, 1);
    }
    lua_pushvalue(L, t);
    lua_rawseti(L, w->tables, ++w->ntables);
}

/* Visits everything reachable from the values already queued. */
static void visit_all(lua_State *L, walk *w)
{
    while (w->ntodo > 0) {
        int v;

        lua_rawgeti(L, w->todo, w->ntodo);
        lua_pushnil(L);
        lua_rawseti(L, w->todo, w->ntodo--);
        v = lua_gettop(L);
        switch (lua_type(L, v)) {
        case LUA_TTABLE:
            visit_table(L, w, v);
            break;
        case LUA_TFUNCTION:
            visit_function(L, w, v);
            break;
        case LUA_TTHREAD:
            luaL_error(L,
                       "the rubric keeps a coroutine made while loading; it would carry its state "
                       "from one candidate to the next: create coroutines inside the functions "
                       "that use them");
            break;
        }
        lua_settop(L, v - 1);
    }
}

/* ---- freezing ---- */

/* Freezes table t: entries to a new hidden table (metafields stay, and are watched). */
static void freeze(lua_State *L, walk *w, int t)
{
    int h, fm, old_mt;

    luaL_checkstack(L, 12, "sealing the rubric");
    lua_getfield(L, LUA_REGISTRYINDEX, FROZEN_KEY);
    lua_pushvalue(L, t);
    if (lua_rawget(L, -2) != LUA_TNIL) { /* already frozen (data read twice) */
        lua_pop(L, 2);
        return;
    }
    lua_pop(L, 2);
    lua_newtable(L);
    h = lua_gettop(L);
    /* Move the entries; lua_next cannot go on after a key is removed, so copy, then clear. */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, h);
    }
    lua_pushnil(L);
    while (lua_next(L, h)) {
        lua_pop(L, 1);
        if (is_metafield(L, -1)) {
            if (w) {
                lua_pushvalue(L, -1);
                lua_rawget(L, h);
                watch(L, w, t, lua_gettop(L) - 1, lua_gettop(L));
                lua_pop(L, 1);
            }
            continue;
        }
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, t);
    }
    /* The hidden table inherits the old metatable, so lookups chain through it as before. */
    old_mt = lua_getmetatable(L, t) ? lua_gettop(L) : 0;
    if (old_mt) {
        lua_pushvalue(L, old_mt);
        lua_setmetatable(L, h);
    }
    lua_createtable(L, 0, 8);
    fm = lua_gettop(L);
    if (old_mt) { /* operators on the table itself keep working */
        lua_pushnil(L);
        while (lua_next(L, old_mt)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, fm);
        }
    }
    lua_pushvalue(L, h);
    lua_setfield(L, fm, "__index");
    lua_pushcfunction(L, frozen_newindex);
    lua_setfield(L, fm, "__newindex");
    if (lua_getfield(L, fm, "__len") == LUA_TNIL) {
        lua_pushvalue(L, h);
        lua_pushcclosure(L, frozen_len, 1);
        lua_setfield(L, fm, "__len");
    }
    lua_pop(L, 1);
    if (lua_getfield(L, fm, "__pairs") == LUA_TNIL) {
        lua_pushvalue(L, h);
        lua_pushcclosure(L, frozen_iter, 1);
        lua_pushcclosure(L, frozen_pairs, 1);
        lua_setfield(L, fm, "__pairs");
    }
    lua_pop(L, 1);
    lua_pushliteral(L, LOCKED);
    lua_setfield(L, fm, "__metatable");
    lua_pushvalue(L, fm);
    lua_setmetatable(L, t);
    /* Record t -> h. */
    lua_getfield(L, LUA_REGISTRYINDEX, FROZEN_KEY);
    lua_pushvalue(L, t);
    lua_pushvalue(L, h);
    lua_rawset(L, -3);
    lua_settop(L, h - 1);
}

static void ensure_registry_table(lua_State *L, const char *key)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, key);
    }
    lua_pop(L, 1);
}

/* Prepares a walk: its tables on the stack from `base`. */
static void walk_open(lua_State *L, walk *w)
{
    memset(w, 0, sizeof(*w));
    for (int i = 0; i < 4; i++)
        lua_newtable(L);
    w->seen = lua_gettop(L) - 3;
    w->todo = w->seen + 1;
    w->tables = w->seen + 2;
    w->upids = w->seen + 3;
    ensure_registry_table(L, FROZEN_KEY);
    lua_getfield(L, LUA_REGISTRYINDEX, FROZEN_KEY);
    w->frozen = lua_gettop(L);
}

static void freeze_all(lua_State *L, walk *w)
{
    for (lua_Integer i = 1; i <= w->ntables; i++) {
        lua_rawgeti(L, w->tables, i);
        freeze(L, w, lua_gettop(L));
        lua_pop(L, 1);
    }
}

static void fingerprint(lua_State *L, walk *w);

int cadre__seal(lua_State *L)
{
    walk w;
    int base;

    lua_settop(L, 0);
    luaL_checkstack(L, 16, "sealing the rubric");
    walk_open(L, &w);
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 0);
    base = lua_gettop(L) - 2;
    w.targets = base, w.keys = base + 1, w.values = base + 2;
    /* The roots: the globals (the libraries and the cadre helpers hang from them) and the
     * rubric's descriptor. (Data files are frozen as they are read.) */
    lua_pushglobaltable(L);
    visit_later(L, &w, -1);
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.rubric");
    visit_later(L, &w, -1);
    lua_pop(L, 1);
    visit_all(L, &w);
    freeze_all(L, &w);
    /* Strings find their methods through the string metatable, which is the engine's and
     * locked: point it at the string library's hidden table, so that ("x"):upper() costs no
     * more than before sealing. */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        if (lua_getfield(L, -1, "__index") == LUA_TTABLE && push_hidden(L, -1) == LUA_TTABLE)
            lua_setfield(L, -3, "__index");
        else
            lua_pop(L, 1);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    /* The watch list: {targets, keys, values}, and its fingerprint. */
    lua_createtable(L, 3, 0);
    for (int i = 0; i < 3; i++) {
        lua_pushvalue(L, base + i);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, WATCH_KEY);
    fingerprint(L, &w);
    lua_pushboolean(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, SEALED_KEY);
    return 0;
}

void cadre__seal_value(lua_State *L, int idx)
{
    walk w;

    idx = lua_absindex(L, idx);
    walk_open(L, &w);
    visit_later(L, &w, idx);
    visit_all(L, &w);
    /* Data holds no metamethods worth watching: freeze without a watch list. */
    for (lua_Integer i = 1; i <= w.ntables; i++) {
        lua_rawgeti(L, w.tables, i);
        freeze(L, NULL, lua_gettop(L));
        lua_pop(L, 1);
    }
    lua_pop(L, 5);
}

/* ---- checking after an assessment ---- */

/* A value's identity: equal identities mean rawequal values, as long as the values are kept
 * alive (the watch list holds them). */
typedef struct vid {
    int type;
    union {
        const void *p;
        lua_Integer i;
        lua_Number n;
        int b;
    } u;
    int isint;
} vid;

static vid identity(lua_State *L, int idx)
{
    vid v;

    memset(&v, 0, sizeof(v));
    v.type = lua_type(L, idx);
    switch (v.type) {
    case LUA_TNIL:
        break;
    case LUA_TBOOLEAN:
        v.u.b = lua_toboolean(L, idx);
        break;
    case LUA_TNUMBER:
        v.isint = lua_isinteger(L, idx);
        if (v.isint)
            v.u.i = lua_tointeger(L, idx);
        else
            v.u.n = lua_tonumber(L, idx);
        break;
    default:
        v.u.p = lua_topointer(L, idx);
        break;
    }
    return v;
}

static int same_identity(const vid *a, const vid *b)
{
    if (a->type != b->type || a->isint != b->isint) return 0;
    switch (a->type) {
    case LUA_TNIL:
        return 1;
    case LUA_TBOOLEAN:
        return a->u.b == b->u.b;
    case LUA_TNUMBER:
        return a->isint ? a->u.i == b->u.i : a->u.n == b->u.n;
    default:
        return a->u.p == b->u.p;
    }
}

/* The fingerprint: for each watched variable, in watch-list order, its upvalue number (0 for
 * a metafield) and the identity of its value. */
typedef struct fp_entry {
    int upvalue;
    vid value;
} fp_entry;

static void fingerprint(lua_State *L, walk *w)
{
    fp_entry *fp = lua_newuserdatauv(L, (size_t)(w->nwatch ? w->nwatch : 1) * sizeof(*fp), 0);

    luaL_checkstack(L, 8, "sealing the rubric");
    for (lua_Integer i = 1; i <= w->nwatch; i++) {
        lua_rawgeti(L, w->targets, i);
        lua_rawgeti(L, w->keys, i);
        lua_rawgeti(L, w->values, i);
        fp[i - 1].upvalue = lua_type(L, -3) == LUA_TFUNCTION ? (int)lua_tointeger(L, -2) : 0;
        fp[i - 1].value = identity(L, -1);
        lua_pop(L, 3);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, PRINT_KEY);
}

/* The quick check: 1 when every watched variable is as it was sealed. The watch list's
 * targets are at `targets`, its keys at `keys`, n entries. */
static int unchanged(lua_State *L, int targets, int keys, lua_Integer n)
{
    const fp_entry *fp;
    int top = lua_gettop(L), ok = 1;

    if (lua_getfield(L, LUA_REGISTRYINDEX, PRINT_KEY) != LUA_TUSERDATA) {
        lua_settop(L, top);
        return 0;
    }
    fp = lua_touserdata(L, -1);
    for (lua_Integer i = 1; ok && i <= n; i++) {
        vid now;

        lua_rawgeti(L, targets, i);
        if (fp[i - 1].upvalue) {
            if (lua_getupvalue(L, -1, fp[i - 1].upvalue) == NULL) lua_pushnil(L);
        } else {
            lua_rawgeti(L, keys, i);
            lua_rawget(L, -2);
        }
        now = identity(L, -1);
        ok = same_identity(&now, &fp[i - 1].value);
        lua_settop(L, top + 1);
    }
    lua_settop(L, top);
    return ok;
}

/* The line where the function at idx starts, or 0. */
static int line_of(lua_State *L, int idx)
{
    lua_Debug ar;

    lua_pushvalue(L, idx);
    return lua_getinfo(L, ">S", &ar) && ar.linedefined > 0 ? ar.linedefined : 0;
}

int cadre__seal_verify(lua_State *L, char *why, size_t size, int *line)
{
    int top = lua_gettop(L), changed = 0;
    lua_Integer n;

    if (!lua_checkstack(L, 8) || lua_getfield(L, LUA_REGISTRYINDEX, WATCH_KEY) != LUA_TTABLE) {
        lua_settop(L, top);
        return 0;
    }
    lua_rawgeti(L, top + 1, 1); /* targets: top + 2 */
    lua_rawgeti(L, top + 1, 2); /* keys: top + 3 */
    lua_rawgeti(L, top + 1, 3); /* values: top + 4 */
    n = (lua_Integer)lua_rawlen(L, top + 2);
    if (unchanged(L, top + 2, top + 3, n)) {
        lua_settop(L, top);
        return 0;
    }
    /* Something changed: find what, put everything back, and say what it was. */
    for (lua_Integer i = 1; i <= n; i++) {
        int is_fn, same;
        const char *name;

        lua_rawgeti(L, top + 2, i); /* target: top + 5 */
        lua_rawgeti(L, top + 3, i); /* key: top + 6 */
        lua_rawgeti(L, top + 4, i); /* value then: top + 7 */
        is_fn = lua_type(L, top + 5) == LUA_TFUNCTION;
        if (is_fn) {
            name = lua_getupvalue(L, top + 5, (int)lua_tointeger(L, top + 6));
        } else {
            lua_pushvalue(L, top + 6);
            lua_rawget(L, top + 5);
            name = lua_tostring(L, top + 6);
        }
        same = lua_rawequal(L, -1, top + 7);
        lua_pop(L, 1);
        if (!same) {
            if (!changed++) {
                snprintf(why, size,
                         is_fn ? "the assessment changed '%s', a variable kept between "
                                 "assessments (it belongs to the function at this line or "
                                 "around it); such state would carry one candidate's data into "
                                 "the next, so it is read-only after loading: use a local "
                                 "inside the function"
                               : "the assessment changed the field '%s' of a table of the "
                                 "rubric's own; such state would carry one candidate's data "
                                 "into the next, so it is read-only after loading",
                         name && *name ? name : "?");
                *line = is_fn ? line_of(L, top + 5) : 0;
            }
            /* Put it back, so that the next candidate starts from the loaded state. */
            lua_pushvalue(L, top + 7);
            if (is_fn) {
                lua_setupvalue(L, top + 5, (int)lua_tointeger(L, top + 6));
            } else {
                lua_pushvalue(L, top + 6);
                lua_insert(L, -2);
                lua_rawset(L, top + 5);
            }
        }
        lua_settop(L, top + 4);
    }
    lua_settop(L, top);
    return changed ? -1 : 0;
}
