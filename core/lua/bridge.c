/* SPDX-License-Identifier: MIT */
/*
 * core/lua/bridge.c - the candidate (and parameters) as read-only Lua objects.
 *
 * Each object a rubric sees is a full userdata whose metatable reads from a hidden table, so
 * neither assignment, rawset nor next() can change or bypass it. Reading a field the person
 * did not give returns nil and records the field as a missing input of the criterion being
 * scored; reading a field that does not exist in the schema is an error that names it and
 * suggests the closest real one, which catches typos in rubrics.
 *
 * A rubric reads a few of the candidate's groups, so groups are built on first access and kept
 * in the hidden table (pairs() and # build whatever is left first): an assessment pays for
 * what it reads. A proxy built for one call refuses to build anything in a later one, when
 * its candidate may be gone (the epoch check).
 */
#include <math.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/bridge.h"
#include "candidate/schema.h"
#include "candidate/vocab.h"

#define RECORDER_KEY "cadre.missing"

/* Registry keys by address: cheaper than by name on every proxy made. */
static const char proxy_mt_key, epoch_key;

typedef enum pkind {
    K_GROUP,      /* fixed fields from `fields` (the root too) */
    K_SKILLS,     /* skill id -> level */
    K_INDUSTRIES, /* industry id -> years (0 for an unlisted id when the map was given) */
    K_LIST,       /* 1..n */
    K_EXTRA,      /* free-form object */
    K_PARAMS      /* declared parameters; uservalue 3 holds the set of declared keys */
} pkind;

typedef struct proxy {
    pkind kind;
    int provided; /* 0: the person gave nothing here; lookups return nil without recording */
    int complete; /* K_GROUP: every member the person gave is in the hidden table */
    const cadre__field *fields;  /* K_GROUP: the members */
    const void *base;            /* K_GROUP: the struct the members' offsets point into */
    const cadre_candidate *cand; /* K_GROUP: the candidate, for the root's extra members */
    lua_Integer epoch;           /* K_GROUP: the call the proxy was made for */
} proxy;

/* ---- recording missing inputs ---- */

void cadre__lua_record_missing(lua_State *L, const char *path)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, RECORDER_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    if (lua_getfield(L, -1, path) == LUA_TNIL) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -3, path);
        lua_pushstring(L, path);
        lua_rawseti(L, -3, (lua_Integer)lua_rawlen(L, -3) + 1);
    }
    lua_pop(L, 2);
}

void cadre__lua_set_recorder(lua_State *L, int on)
{
    if (on)
        lua_newtable(L);
    else
        lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, RECORDER_KEY);
}

/* ---- the proxy metatable ---- */

static const char *proxy_path(lua_State *L, int idx)
{
    lua_getiuservalue(L, idx, 2);
    return lua_tostring(L, -1); /* stays on the stack; callers do not pop before use */
}

static int fail_unknown(lua_State *L, const char *path, const char *key, const char *what,
                        const char *suggestion)
{
    return luaL_error(L, "%s%s%s is not %s%s%s%s", path, *path ? "." : "", key, what,
                      suggestion ? " (did you mean '" : "", suggestion ? suggestion : "",
                      suggestion ? "'?)" : "");
}

static void push_path(lua_State *L, const char *path, const char *key)
{
    if (*path)
        lua_pushfstring(L, "%s.%s", path, key);
    else
        lua_pushstring(L, key);
}

static int absent(lua_State *L, const proxy *p, const char *path, const char *key)
{
    if (p->provided) {
        push_path(L, path, key);
        cadre__lua_record_missing(L, lua_tostring(L, -1));
    }
    lua_pushnil(L);
    return 1;
}

static void push_empty(lua_State *L, const cadre__field *f, const char *path);
static int push_member(lua_State *L, const proxy *p, const cadre__field *f, const char *path);
static int push_root_extra(lua_State *L, const proxy *p, const char *key);

/* The root's members that are not candidate fields. */
static int is_root_extra(const char *key)
{
    return strcmp(key, "source") == 0 || strcmp(key, "skill_evidence") == 0;
}

static lua_Integer current_epoch(lua_State *L)
{
    lua_Integer e;

    lua_rawgetp(L, LUA_REGISTRYINDEX, &epoch_key);
    e = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return e;
}

/* Builds member `key` of a group proxy (at index 1) into its hidden table (at index 3) and
 * leaves it on top; returns 0, leaving nothing, when the person did not give it. */
static int build_member(lua_State *L, const proxy *p, const cadre__field *f, const char *key,
                        const char *path)
{
    if (p->epoch != current_epoch(L))
        return luaL_error(L, "this candidate object belongs to an earlier assessment call");
    if (!(f ? push_member(L, p, f, path) : push_root_extra(L, p, key))) return 0;
    lua_pushstring(L, key);
    lua_pushvalue(L, -2);
    lua_rawset(L, 3);
    return 1;
}

static int index_group(lua_State *L, const proxy *p, const char *path, const char *key)
{
    const cadre__field *f = cadre__fields_find(p->fields, key);

    if (f == NULL && p->cand != NULL && is_root_extra(key)) {
        if (build_member(L, p, NULL, key, path)) return 1;
        lua_pushnil(L);
        return 1;
    }
    if (f != NULL && !p->complete && build_member(L, p, f, key, path)) return 1;
    if (f == NULL) {
        return fail_unknown(L, path, key, "a candidate field",
                            cadre__fields_suggest(p->fields, key));
    }
    switch (f->kind) {
    case CADRE__F_SKILLS:
    case CADRE__F_EXTRA:
        /* Absent, but read key by key: an empty map that records each key read, so the person
         * is told "skills.leadership", not just "skills". */
        push_path(L, path, key);
        push_empty(L, f, lua_tostring(L, -1));
        ((proxy *)lua_touserdata(L, -1))->provided = 1;
        return 1;
    case CADRE__F_IDLIST:
    case CADRE__F_INDUSTRIES:
    case CADRE__F_ACHIEVEMENTS:
        /* The whole list is absent: record it once, hand out an empty one. */
        push_path(L, path, key);
        cadre__lua_record_missing(L, lua_tostring(L, -1));
        push_empty(L, f, lua_tostring(L, -1));
        return 1;
    default:
        return absent(L, p, path, key);
    }
}

static int index_vocab_map(lua_State *L, const proxy *p, const char *path, const char *key,
                           const char *vocab)
{
    const cadre__vocab *v = cadre__vocab_get(vocab);

    if (cadre__vocab_find(v, key) == NULL) {
        char what[64];

        snprintf(what, sizeof(what), "a known %s id", vocab);
        return fail_unknown(L, path, key, what, cadre__vocab_suggest(v, key));
    }
    if (p->kind == K_INDUSTRIES && p->provided) {
        lua_pushinteger(L, 0); /* the person listed their industries; this is not one */
        return 1;
    }
    return absent(L, p, path, key);
}

static int proxy_index(lua_State *L)
{
    const proxy *p = lua_touserdata(L, 1);
    const char *path, *key;

    lua_settop(L, 2);
    lua_getiuservalue(L, 1, 1); /* 3: the hidden table */
    lua_pushvalue(L, 2);
    if (lua_rawget(L, 3) != LUA_TNIL) return 1;
    lua_pop(L, 1);
    path = proxy_path(L, 1); /* 4 */
    if (p->kind == K_LIST) {
        if (lua_type(L, 2) == LUA_TNUMBER) return lua_pushnil(L), 1; /* past the end */
        return luaL_error(L, "%s is a list: use ipairs(), #, or cadre.has(list, value)", path);
    }
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "%s has only string keys, not %s", *path ? path : "the candidate",
                          luaL_typename(L, 2));
    key = lua_tostring(L, 2);
    switch (p->kind) {
    case K_GROUP:
        return index_group(L, p, path, key);
    case K_SKILLS:
        return index_vocab_map(L, p, path, key, "skill");
    case K_INDUSTRIES:
        return index_vocab_map(L, p, path, key, "industry");
    case K_EXTRA:
        return absent(L, p, path, key);
    case K_PARAMS:
        lua_getiuservalue(L, 1, 3);
        if (lua_getfield(L, -1, key) != LUA_TNIL) return lua_pushnil(L), 1; /* declared, unset */
        return luaL_error(L, "no parameter '%s' is declared in this rubric's params", key);
    case K_LIST:
        break;
    }
    return lua_pushnil(L), 1;
}

static int proxy_newindex(lua_State *L)
{
    const char *path = proxy_path(L, 1);

    return luaL_error(L, "the candidate is read-only: cannot set %s%s%s", path, *path ? "." : "",
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "[...]");
}

static void complete_group(lua_State *L);

static int proxy_len(lua_State *L)
{
    complete_group(L);
    lua_getiuservalue(L, 1, 1);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

static int proxy_next(lua_State *L)
{
    /* next() over the hidden table, so pairs() yields the same proxies __index does. */
    complete_group(L);
    lua_getiuservalue(L, 1, 1);
    lua_pushvalue(L, 2);
    if (lua_next(L, -2)) return 2;
    lua_pushnil(L);
    return 1;
}

static int proxy_pairs(lua_State *L)
{
    complete_group(L);
    lua_pushcfunction(L, proxy_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int proxy_tostring(lua_State *L)
{
    const char *path = proxy_path(L, 1);

    lua_pushfstring(L, "candidate%s%s (read-only)", *path ? "." : "", path);
    return 1;
}

static void push_metatable(lua_State *L)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &proxy_mt_key) == LUA_TTABLE) return;
    lua_pop(L, 1);
    {
        static const luaL_Reg m[] = {{"__index", proxy_index},       {"__newindex", proxy_newindex},
                                     {"__len", proxy_len},           {"__pairs", proxy_pairs},
                                     {"__tostring", proxy_tostring}, {NULL, NULL}};

        lua_createtable(L, 0, 7);
        luaL_setfuncs(L, m, 0);
        lua_pushliteral(L, "read-only");
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &proxy_mt_key);
    }
}

/* Wraps the table on top of the stack in a proxy, replacing it; returns the proxy. */
static proxy *make_proxy(lua_State *L, pkind kind, int provided, const cadre__field *fields,
                         const char *path)
{
    proxy *p = lua_newuserdatauv(L, sizeof(*p), 3);

    memset(p, 0, sizeof(*p));
    p->kind = kind;
    p->provided = provided;
    p->complete = 1;
    p->fields = fields;
    lua_insert(L, -2);
    lua_setiuservalue(L, -2, 1);
    lua_pushstring(L, path);
    lua_setiuservalue(L, -2, 2);
    push_metatable(L);
    lua_setmetatable(L, -2);
    return p;
}

static void push_empty(lua_State *L, const cadre__field *f, const char *path)
{
    pkind k = f->kind == CADRE__F_SKILLS       ? K_SKILLS
              : f->kind == CADRE__F_INDUSTRIES ? K_INDUSTRIES
              : f->kind == CADRE__F_EXTRA      ? K_EXTRA
                                               : K_LIST;

    lua_newtable(L);
    make_proxy(L, k, 0, NULL, path);
}

/* ---- building the objects ---- */

void cadre__lua_push_number(lua_State *L, double d)
{
    /* Whole numbers become integers so that tostring() shows "12", not "12.0". */
    if (d == floor(d) && fabs(d) < 9007199254740992.0)
        lua_pushinteger(L, (lua_Integer)d);
    else
        lua_pushnumber(L, d);
}

static void push_value(lua_State *L, const cadre_value *v, const char *path)
{
    luaL_checkstack(L, 6, "extra nested too deeply");
    switch (v->kind) {
    case CADRE_VALUE_NULL:
        lua_pushnil(L);
        return;
    case CADRE_VALUE_BOOL:
        lua_pushboolean(L, v->as.boolean);
        return;
    case CADRE_VALUE_NUMBER:
        cadre__lua_push_number(L, v->as.number);
        return;
    case CADRE_VALUE_STRING:
        lua_pushstring(L, v->as.string);
        return;
    case CADRE_VALUE_ARRAY:
        lua_createtable(L, (int)v->as.array.count, 0);
        for (size_t i = 0; i < v->as.array.count; i++) {
            lua_pushfstring(L, "%s[%d]", path, (int)i + 1);
            push_value(L, &v->as.array.items[i], lua_tostring(L, -1));
            lua_remove(L, -2);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        make_proxy(L, K_LIST, 1, NULL, path);
        return;
    case CADRE_VALUE_OBJECT:
        lua_createtable(L, 0, (int)v->as.object.count);
        for (size_t i = 0; i < v->as.object.count; i++) {
            lua_pushfstring(L, "%s.%s", path, v->as.object.keys[i]);
            push_value(L, &v->as.object.values[i], lua_tostring(L, -1));
            lua_remove(L, -2);
            lua_setfield(L, -2, v->as.object.keys[i]);
        }
        make_proxy(L, K_EXTRA, 1, NULL, path);
        return;
    }
    lua_pushnil(L);
}

static void push_strings(lua_State *L, const cadre_strings *s, const char *path)
{
    lua_createtable(L, (int)s->count, 0);
    for (size_t i = 0; i < s->count; i++) {
        lua_pushstring(L, s->items[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    make_proxy(L, K_LIST, 1, NULL, path);
}

/* A group proxy over the struct at base, with no member built yet. */
static void push_group(lua_State *L, const cadre__field *fields, const void *base,
                       const cadre_candidate *cand, const char *path)
{
    proxy *p;

    lua_createtable(L, 0, (int)cadre__fields_count(fields) + (cand ? 2 : 0));
    p = make_proxy(L, K_GROUP, 1, fields, path);
    p->complete = 0;
    p->base = base;
    p->cand = cand;
    p->epoch = current_epoch(L);
}

static void push_achievements(lua_State *L, const cadre_candidate *c, const cadre__field *f,
                              const char *path)
{
    lua_createtable(L, (int)c->achievements.count, 0);
    for (size_t i = 0; i < c->achievements.count; i++) {
        lua_pushfstring(L, "%s[%d]", path, (int)i + 1);
        push_group(L, f->sub, CADRE_ITEM(cadre_achievement, c->achievements, i), NULL,
                   lua_tostring(L, -1));
        lua_remove(L, -2);
        /* Details of one achievement are optional: reading an absent one is not "missing". */
        ((proxy *)lua_touserdata(L, -1))->provided = 0;
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    make_proxy(L, K_LIST, 1, NULL, path);
}

/* Pushes member f of group p if the person gave it and returns 1; else pushes nothing, 0. The
 * member's path is the group's path and its name. */
static int push_member(lua_State *L, const proxy *p, const cadre__field *f, const char *gpath)
{
    const char *src = (const char *)p->base + f->offset;
    const cadre_candidate *c = p->base;
    const char *path = f->name;

    luaL_checkstack(L, 8, "candidate");
    if (*gpath)
        path = lua_pushfstring(L, "%s.%s", gpath, f->name);
    else
        lua_pushstring(L, path);
    switch (f->kind) {
    case CADRE__F_NUM:
    case CADRE__F_INT: {
        const cadre_num *n = (const cadre_num *)src;

        if (!n->set) break;
        cadre__lua_push_number(L, n->value);
        goto pushed;
    }
    case CADRE__F_STR:
    case CADRE__F_VOCAB:
    case CADRE__F_IDENT:
        if (*(const char *const *)src == NULL) break;
        lua_pushstring(L, *(const char *const *)src);
        goto pushed;
    case CADRE__F_FLAG:
        if (*(const cadre_flag *)src == CADRE_FLAG_UNSET) break;
        lua_pushboolean(L, *(const cadre_flag *)src == CADRE_FLAG_YES);
        goto pushed;
    case CADRE__F_ENUM: {
        const char *name = cadre__enum_name(cadre__enum_get(f->aux), *(const int *)src);

        if (name == NULL) break;
        lua_pushstring(L, name);
        goto pushed;
    }
    case CADRE__F_GROUP:
        push_group(L, f->sub, p->base, NULL, path);
        goto pushed;
    case CADRE__F_IDLIST:
        if (!((const cadre_strings *)src)->set) break;
        push_strings(L, (const cadre_strings *)src, path);
        goto pushed;
    case CADRE__F_INDUSTRIES:
        if (!c->industries.set) break;
        lua_createtable(L, 0, (int)c->industries.count);
        for (size_t i = 0; i < c->industries.count; i++) {
            cadre__lua_push_number(L, CADRE_ITEM(cadre_industry, c->industries, i)->years);
            lua_setfield(L, -2, CADRE_ITEM(cadre_industry, c->industries, i)->id);
        }
        make_proxy(L, K_INDUSTRIES, 1, NULL, path);
        goto pushed;
    case CADRE__F_SKILLS:
        if (!c->skills.set) break;
        lua_createtable(L, 0, (int)c->skills.count);
        for (size_t i = 0; i < c->skills.count; i++) {
            lua_pushinteger(L, CADRE_ITEM(cadre_skill, c->skills, i)->level);
            lua_setfield(L, -2, CADRE_ITEM(cadre_skill, c->skills, i)->id);
        }
        make_proxy(L, K_SKILLS, 1, NULL, path);
        goto pushed;
    case CADRE__F_ACHIEVEMENTS:
        if (!c->achievements.set) break;
        push_achievements(L, c, f, path);
        goto pushed;
    case CADRE__F_EXTRA:
        if (c->extra == NULL) break;
        push_value(L, c->extra, path);
        goto pushed;
    case CADRE__F_VERSION:
    case CADRE__F_SKIP:
        break;
    }
    lua_pop(L, 1);
    return 0;
pushed:
    lua_remove(L, -2);
    return 1;
}

/* Pushes root member "source" or "skill_evidence" (skill id -> the evidence the person gave
 * for it; not part of the JSON schema's shape) and returns 1, or 0 when it is absent. */
static int push_root_extra(lua_State *L, const proxy *p, const char *key)
{
    int source = strcmp(key, "source") == 0;

    if (source) {
        if (p->cand->source == NULL) return 0;
        lua_pushstring(L, p->cand->source);
        return 1;
    }
    lua_newtable(L);
    for (size_t i = 0; i < p->cand->skills.count; i++) {
        const cadre_skill *sk = CADRE_ITEM(cadre_skill, p->cand->skills, i);

        if (sk->evidence == NULL) continue;
        lua_pushstring(L, sk->evidence);
        lua_setfield(L, -2, sk->id);
    }
    make_proxy(L, K_EXTRA, 0, NULL, "skill_evidence");
    return 1;
}

/* For pairs() and #: builds every member of the group proxy at index 1 not built yet. */
static void complete_group(lua_State *L)
{
    proxy *p = lua_touserdata(L, 1);
    static const char *const extras[] = {"source", "skill_evidence"};

    if (p == NULL || p->kind != K_GROUP || p->complete) return;
    lua_settop(L, 2);
    lua_getiuservalue(L, 1, 1); /* 3 */
    proxy_path(L, 1);           /* 4 */
    for (const cadre__field *f = p->fields; f->name != NULL; f++) {
        if (lua_getfield(L, 3, f->name) == LUA_TNIL &&
            build_member(L, p, f, f->name, lua_tostring(L, 4)))
            lua_pop(L, 1);
        lua_pop(L, 1);
    }
    for (size_t i = 0; p->cand && i < 2; i++) {
        if (lua_getfield(L, 3, extras[i]) == LUA_TNIL && build_member(L, p, NULL, extras[i], ""))
            lua_pop(L, 1);
        lua_pop(L, 1);
    }
    p->complete = 1;
    lua_settop(L, 2);
}

void cadre__lua_push_candidate(lua_State *L, const cadre_candidate *c)
{
    luaL_checkstack(L, 16, "candidate");
    /* A new epoch: proxies of earlier calls can no longer build members. */
    lua_pushinteger(L, current_epoch(L) + 1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &epoch_key);
    push_group(L, cadre__root_fields, c, c, "");
}

void cadre__lua_push_params(lua_State *L, const cadre__param *params, size_t n)
{
    lua_newtable(L);
    for (size_t i = 0; i < n; i++) {
        const cadre_param_spec *s = params[i].spec;
        const char *v = params[i].value;

        if (v == NULL) continue;
        if (s->type == CADRE_PARAM_BOOLEAN)
            lua_pushboolean(L, strcmp(v, "true") == 0);
        else if (s->type == CADRE_PARAM_NUMBER || s->type == CADRE_PARAM_INTEGER)
            cadre__lua_push_number(L, cadre__params_number(&(cadre_params){params, n}, s->key, 0));
        else
            lua_pushstring(L, v);
        lua_setfield(L, -2, s->key);
    }
    make_proxy(L, K_PARAMS, 1, NULL, "params");
    lua_newtable(L);
    for (size_t i = 0; i < n; i++) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, params[i].spec->key);
    }
    lua_setiuservalue(L, -2, 3);
}
