/* SPDX-License-Identifier: MIT */
/*
 * core/lua/rubric.c - Lua rubrics: load the file, check what it declares, run assessments.
 *
 * A rubric file returns a table (docs/plugins.md, docs/rubric-authoring.md). Most rubrics list
 * weighted criteria and bands and let the engine do the arithmetic (the list may be a function
 * of the person, and a band function may pick among the bands); a rubric may instead give an
 * assess function that builds the result itself through the `r` object.
 *
 * The descriptor is read with raw accesses only: a hostile table with metamethods must not
 * get to run code outside the budget. Every Lua call an assessment makes happens inside one
 * protected, budgeted call (do_assess), so no Lua error can escape to a panic.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/bridge.h"
#include "lua/numbers.h"
#include "lua/say.h"
#include "lua/seal.h"
#include "render.h"
#include "lua/sandbox.h"
#include "vet_cache.h"
#include "candidate/schema.h"
#include "candidate/vocab.h"

#define RESULT_MT      "cadre.result"
/* Where do_assess keeps the view: one fresh table per assessment, given to a criteria
 * function, then filled with the score and band and given to band, advise and summary. */
#define VIEW_INDEX     5
#define MAX_CRITERIA   100
#define MAX_INPUTS     32  /* fields a criterion built per person may name */
#define MIN_CONFIDENCE 0.5 /* below this share of weight with inputs, the band says so */

extern const char cadre__prelude[];
extern const size_t cadre__prelude_len;

typedef struct crit_def {
    const char *id;
    const char *label;
    double weight;
    const char *const *inputs; /* NULL-terminated */
    int line;                  /* where its score function starts */
} crit_def;

typedef struct band_def {
    double min;
    const char *label;
} band_def;

typedef struct rubric {
    cadre__sandbox *sb;
    const char *path;
    const char *text; /* the source, while loading: to find lines of fields */
    size_t text_len;
    crit_def *crit;
    size_t ncrit;
    band_def *bands;
    size_t nbands;
    double min_confidence;
    int whole_scores; /* scores shown (and banded) as whole numbers */
    int declarative;
    int dynamic;           /* criteria is a function(c, p) returning this person's list */
    const char *current;   /* criterion being scored, for messages */
    cadre_builder *active; /* the builder of the assessment running now, or NULL */
    unsigned gen;          /* bumped after every assessment; see result_ud */
} rubric;

/* The `r` object a rubric builds its result through. It may outlive the assessment (a rubric
 * can keep it in an upvalue) or be collected before the engine looks at it again, so it holds
 * no builder pointer of its own: it is valid while the rubric's run generation matches. */
struct rubric;
typedef struct result_ud {
    struct rubric *rb;
    unsigned gen;
} result_ud;

/* ---- finding lines in the source ---- */

/* Line of the first "key =" at the start of a line (after spaces), or 0. Descriptor tables
 * carry no line information, so errors about a field point at where it is written. */
static int line_of_key(const rubric *rb, const char *key)
{
    size_t klen = strlen(key);
    int line = 1;

    for (size_t i = 0; i < rb->text_len; i++) {
        size_t j = i;

        while (j < rb->text_len && (rb->text[j] == ' ' || rb->text[j] == '\t'))
            j++;
        if (j + klen < rb->text_len && strncmp(rb->text + j, key, klen) == 0) {
            size_t k = j + klen;

            while (k < rb->text_len && (rb->text[k] == ' ' || rb->text[k] == '\t'))
                k++;
            if (k < rb->text_len && rb->text[k] == '=' && rb->text[k + 1] != '=') return line;
        }
        while (i < rb->text_len && rb->text[i] != '\n')
            i++;
        line++;
    }
    return 0;
}

static int desc_fail(const rubric *rb, int line, const char *fmt, ...) CADRE__FMT(3, 4);
static int desc_fail(const rubric *rb, int line, const char *fmt, ...)
{
    char msg[900];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    /* Raised as a Lua error so that it unwinds through the protected loader. */
    lua_State *L = cadre__sandbox_state(rb->sb);
    lua_pushfstring(L, "%d\n%s", line, msg);
    return lua_error(L);
}

/* ---- reading the descriptor (inside a protected call) ---- */

static const char *const top_keys[] = {
    "name",   "version", "title",  "description",    "inputs", "params",       "bands", "criteria",
    "assess", "summary", "advise", "min_confidence", "band",   "whole_scores", NULL};

static const char *raw_string(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    lua_rawget(L, t);
    if (lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 1);
        return NULL;
    }
    return lua_tostring(L, -1); /* left on the stack, which anchors it */
}

static int raw_type(lua_State *L, int t, const char *key)
{
    int ty;

    lua_pushstring(L, key);
    ty = lua_rawget(L, t);
    lua_pop(L, 1);
    return ty;
}

static void check_top_keys(rubric *rb, lua_State *L, int t)
{
    lua_pushnil(L);
    while (lua_next(L, t)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        int ok = 0;

        for (int i = 0; k && top_keys[i]; i++)
            ok |= strcmp(k, top_keys[i]) == 0;
        if (!ok) {
            const char *s = k ? cadre__suggest_list(k, top_keys) : NULL;

            desc_fail(rb, k ? line_of_key(rb, k) : 0, "unknown rubric field %s%s%s%s%s%s",
                      k ? "'" : "(a ", k ? k : "non-string key", k ? "'" : ")",
                      s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        }
        lua_pop(L, 1);
    }
}

static char *dup(rubric *rb, cadre__arena *A, const char *s)
{
    char *c = cadre__arena_strdup(A, s);

    if (c == NULL) desc_fail(rb, 0, "out of memory");
    return c;
}

/* Checks a candidate field path such as "experience.management_years" or "skills.leadership". */
static const char *input_path_problem(const char *path, char *buf, size_t size)
{
    char head[128];
    const char *dot = strchr(path, '.');
    size_t n = dot ? (size_t)(dot - path) : strlen(path);
    const cadre__field *f;

    if (n >= sizeof(head)) return "is too long";
    memcpy(head, path, n);
    head[n] = '\0';
    f = cadre__fields_find(cadre__root_fields, head);
    if (f == NULL) {
        const char *s = cadre__fields_suggest(cadre__root_fields, head);

        snprintf(buf, size, "'%s' is not a candidate field%s%s%s", head,
                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        return buf;
    }
    if (dot == NULL) return NULL;
    if (f->kind == CADRE__F_GROUP && cadre__fields_find(f->sub, dot + 1) == NULL) {
        const char *s = cadre__fields_suggest(f->sub, dot + 1);

        snprintf(buf, size, "'%s' is not a field of %s%s%s%s", dot + 1, head,
                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        return buf;
    }
    if ((f->kind == CADRE__F_SKILLS || f->kind == CADRE__F_INDUSTRIES) &&
        cadre__vocab_find(cadre__vocab_get(f->aux), dot + 1) == NULL) {
        const char *s = cadre__vocab_suggest(cadre__vocab_get(f->aux), dot + 1);

        snprintf(buf, size, "'%s' is not a known %s id%s%s%s", dot + 1, f->aux,
                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        return buf;
    }
    return NULL;
}

/* Reads an optional list of input paths at index `t`. */
static const char *const *read_inputs(rubric *rb, lua_State *L, int t, cadre__arena *A,
                                      const char *where, int line)
{
    size_t n;
    const char **out;

    if (lua_isnil(L, t)) return NULL;
    if (!lua_istable(L, t)) desc_fail(rb, line, "%s: expected a list of candidate fields", where);
    n = lua_rawlen(L, t);
    if (n > 256) desc_fail(rb, line, "%s: more than 256 entries", where);
    out = cadre__arena_alloc(A, (n + 1) * sizeof(*out));
    if (out == NULL) desc_fail(rb, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        char why[200];
        const char *problem;

        if (lua_rawgeti(L, t, (lua_Integer)i + 1) != LUA_TSTRING)
            desc_fail(rb, line,
                      "%s[%zu]: expected a field path string such as "
                      "\"experience.management_years\"",
                      where, i + 1);
        problem = input_path_problem(lua_tostring(L, -1), why, sizeof(why));
        if (problem) desc_fail(rb, line, "%s[%zu]: %s", where, i + 1, problem);
        out[i] = dup(rb, A, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    return out;
}

static int function_line(lua_State *L, int idx)
{
    lua_Debug ar;

    lua_pushvalue(L, idx);
    return lua_getinfo(L, ">S", &ar) ? ar.linedefined : 0;
}

static void read_criteria(rubric *rb, lua_State *L, int t, cadre__arena *A)
{
    int base_line = line_of_key(rb, "criteria");
    size_t n;

    lua_pushliteral(L, "criteria");
    lua_rawget(L, t);
    if (!lua_istable(L, -1))
        desc_fail(rb, base_line, "criteria: expected a list of {id, label, weight, score}");
    n = lua_rawlen(L, -1);
    if (n == 0 || n > MAX_CRITERIA)
        desc_fail(rb, base_line, "criteria: expected 1 to %d criteria, got %zu", MAX_CRITERIA, n);
    rb->crit = cadre__arena_alloc(A, n * sizeof(*rb->crit));
    if (rb->crit == NULL) desc_fail(rb, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        int ci = lua_gettop(L) + 1, line = base_line;
        crit_def *c = &rb->crit[i];
        const char *id, *label;

        if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TTABLE)
            desc_fail(rb, line,
                      "criteria[%zu]: expected a table {id = ..., weight = ..., score = "
                      "function(c, p, r) ... end}",
                      i + 1);
        if (raw_type(L, ci, "score") == LUA_TFUNCTION) {
            lua_pushliteral(L, "score");
            lua_rawget(L, ci);
            line = function_line(L, -1);
            lua_pop(L, 1);
        }
        c->line = line;
        id = raw_string(L, ci, "id");
        if (id == NULL || !cadre__is_identifier(id, CADRE__MAX_NAME))
            desc_fail(rb, line, "criteria[%zu].id: expected a snake_case string", i + 1);
        c->id = dup(rb, A, id);
        for (size_t j = 0; j < i; j++)
            if (strcmp(rb->crit[j].id, id) == 0)
                desc_fail(rb, line, "criteria[%zu].id: '%s' is used twice", i + 1, id);
        label = raw_string(L, ci, "label");
        c->label = dup(rb, A, label ? label : id);
        lua_pushliteral(L, "weight");
        lua_rawget(L, ci);
        if (lua_type(L, -1) != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1)) ||
            lua_tonumber(L, -1) <= 0)
            desc_fail(rb, line, "criteria[%zu] (%s).weight: expected a positive number, got %s",
                      i + 1, id,
                      lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1));
        c->weight = lua_tonumber(L, -1);
        if (raw_type(L, ci, "score") != LUA_TFUNCTION)
            desc_fail(rb, line,
                      "criteria[%zu] (%s).score: expected a function(c, p, r) returning "
                      "score, evidence",
                      i + 1, id);
        lua_pushliteral(L, "inputs");
        lua_rawget(L, ci);
        {
            char where[96];

            snprintf(where, sizeof(where), "criteria[%zu] (%s).inputs", i + 1, id);
            c->inputs = read_inputs(rb, L, lua_gettop(L), A, where, line);
        }
        lua_settop(L, ci - 1);
    }
    rb->ncrit = n;
    lua_pop(L, 1);
}

static void read_bands(rubric *rb, lua_State *L, int t, cadre__arena *A)
{
    int line = line_of_key(rb, "bands");
    size_t n = 0;
    double lowest = INFINITY;

    lua_pushliteral(L, "bands");
    lua_rawget(L, t);
    if (lua_isnil(L, -1)) {
        if (rb->declarative)
            desc_fail(rb, line_of_key(rb, "criteria"),
                      "a rubric with criteria needs bands = {{min = 0, label = \"...\"}, ...}");
        lua_pop(L, 1);
        return;
    }
    if (lua_istable(L, -1)) n = lua_rawlen(L, -1);
    if (n == 0 || n > 20)
        desc_fail(rb, line, "bands: expected a list of 1 to 20 {min = number, label = string}");
    rb->bands = cadre__arena_alloc(A, n * sizeof(*rb->bands));
    if (rb->bands == NULL) desc_fail(rb, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        int bi = lua_gettop(L) + 1;
        const char *label;

        if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TTABLE)
            desc_fail(rb, line, "bands[%zu]: expected {min = number, label = string}", i + 1);
        lua_pushliteral(L, "min");
        lua_rawget(L, bi);
        if (lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) >= 0) ||
            lua_tonumber(L, -1) > 100)
            desc_fail(rb, line, "bands[%zu].min: expected a number 0..100", i + 1);
        rb->bands[i].min = lua_tonumber(L, -1);
        label = raw_string(L, bi, "label");
        if (label == NULL || *label == '\0')
            desc_fail(rb, line, "bands[%zu].label: expected a non-empty string", i + 1);
        rb->bands[i].label = dup(rb, A, label);
        if (rb->bands[i].min < lowest) lowest = rb->bands[i].min;
        lua_settop(L, bi - 1);
    }
    if (lowest > 0)
        desc_fail(rb, line,
                  "bands: the lowest min is %g, so a score below it would have no band; "
                  "give one band min = 0",
                  lowest);
    rb->nbands = n;
    lua_pop(L, 1);
}

static int param_type(const char *s)
{
    static const char *const names[] = {"string", "number", "integer", "boolean", "choice", NULL};

    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0) return i;
    return -1;
}

/* params = {role = {type = "choice", choices = {"coo", "operations_manager"}, default = "coo",
 *                   description = "..."}} */
static const cadre_param_spec *const *read_params(rubric *rb, lua_State *L, int t, cadre__arena *A)
{
    int line = line_of_key(rb, "params"), pt;
    cadre_param_spec **out;
    size_t n = 0, k = 0;

    lua_pushliteral(L, "params");
    lua_rawget(L, t);
    if (lua_isnil(L, -1)) return lua_pop(L, 1), NULL;
    if (!lua_istable(L, -1)) desc_fail(rb, line, "params: expected a table of name = {type = ...}");
    pt = lua_gettop(L);
    for (lua_pushnil(L); lua_next(L, pt); lua_pop(L, 1))
        n++;
    if (n > 64) desc_fail(rb, line, "params: more than 64 parameters");
    out = cadre__arena_alloc(A, (n + 1) * sizeof(*out));
    if (out == NULL) desc_fail(rb, 0, "out of memory");
    for (lua_pushnil(L); lua_next(L, pt); lua_pop(L, 1)) {
        int si = lua_gettop(L);
        cadre_param_spec *s = cadre__arena_alloc(A, sizeof(*s));
        const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        const char *ty, *desc;
        char msg[256];
        int type;

        if (s == NULL) desc_fail(rb, 0, "out of memory");
        if (key == NULL || !cadre__is_identifier(key, CADRE__MAX_NAME))
            desc_fail(rb, line, "params: names must be snake_case strings");
        if (!lua_istable(L, si)) desc_fail(rb, line, "params.%s: expected {type = ...}", key);
        ty = raw_string(L, si, "type");
        type = ty ? param_type(ty) : -1;
        if (type < 0)
            desc_fail(rb, line,
                      "params.%s.type: expected \"string\", \"number\", \"integer\", "
                      "\"boolean\" or \"choice\"",
                      key);
        s->struct_size = sizeof(*s);
        s->key = dup(rb, A, key);
        s->type = (cadre_param_type)type;
        desc = raw_string(L, si, "description");
        s->description = dup(rb, A, desc ? desc : "");
        lua_pushliteral(L, "choices");
        if (lua_rawget(L, si) == LUA_TTABLE) {
            luaL_Buffer buf;
            int ct = lua_gettop(L);

            luaL_buffinit(L, &buf);
            for (size_t i = 1; i <= lua_rawlen(L, ct); i++) {
                if (lua_rawgeti(L, ct, (lua_Integer)i) != LUA_TSTRING)
                    desc_fail(rb, line, "params.%s.choices: expected strings", key);
                if (i > 1) luaL_addchar(&buf, '|');
                luaL_addvalue(&buf);
            }
            luaL_pushresult(&buf);
            s->choices = dup(rb, A, lua_tostring(L, -1));
        }
        if (s->type == CADRE_PARAM_CHOICE && (s->choices == NULL || *s->choices == '\0'))
            desc_fail(rb, line, "params.%s: a choice needs choices = {\"a\", \"b\", ...}", key);
        lua_settop(L, si);
        lua_pushliteral(L, "default");
        lua_rawget(L, si);
        if (!lua_isnil(L, -1)) {
            const char *d = lua_type(L, -1) == LUA_TBOOLEAN
                                ? (lua_toboolean(L, -1) ? "true" : "false")
                                : lua_tostring(L, -1);

            if (d == NULL) desc_fail(rb, line, "params.%s.default: expected a plain value", key);
            if (cadre__param_check(s, d, msg, sizeof(msg)) != 0)
                desc_fail(rb, line, "params.%s.default: %s", key, msg);
            s->default_value = dup(rb, A, d);
        }
        lua_settop(L, si);
        out[k++] = s;
    }
    lua_pop(L, 1);
    return (const cadre_param_spec *const *)out;
}

/* Reads and checks the descriptor table at index 1; fills the plugin's metadata. Runs as a
 * protected call: problems are raised with desc_fail. */
static int read_descriptor(lua_State *L)
{
    cadre__plugin *p = lua_touserdata(L, 2);
    rubric *rb = p->impl;
    cadre__arena *A = &p->arena;
    cadre_plugin_meta *m = lua_touserdata(L, 3);
    const char *name, *version;
    int has_crit, has_assess;

    if (!lua_istable(L, 1))
        desc_fail(rb, 0, "the file must return a table describing the rubric, got %s",
                  luaL_typename(L, 1));
    check_top_keys(rb, L, 1);
    name = raw_string(L, 1, "name");
    if (name == NULL)
        desc_fail(rb, line_of_key(rb, "name"), "name: expected a string such as \"cfo_readiness\"");
    if (!cadre__is_identifier(name, CADRE__MAX_NAME))
        desc_fail(rb, line_of_key(rb, "name"),
                  "name: \"%s\" is not a snake_case identifier of at most %d bytes", name,
                  CADRE__MAX_NAME);
    version = raw_string(L, 1, "version");
    if (version == NULL)
        desc_fail(rb, line_of_key(rb, "version"), "version: expected a string such as \"1.0.0\"");
    has_crit = raw_type(L, 1, "criteria") != LUA_TNIL;
    has_assess = raw_type(L, 1, "assess") != LUA_TNIL;
    if (has_crit == has_assess)
        desc_fail(rb, line_of_key(rb, has_crit ? "assess" : "name"),
                  has_crit ? "give either criteria or an assess function, not both"
                           : "no criteria and no assess function: nothing to run");
    if (has_assess && raw_type(L, 1, "assess") != LUA_TFUNCTION)
        desc_fail(rb, line_of_key(rb, "assess"), "assess: expected a function(c, p, r)");
    for (int i = 0; i < 3; i++) {
        const char *fn = i == 2 ? "band" : i ? "advise" : "summary";
        int ty = raw_type(L, 1, fn);

        if (ty != LUA_TNIL && ty != LUA_TFUNCTION)
            desc_fail(rb, line_of_key(rb, fn), "%s: expected a function", fn);
    }
    rb->declarative = has_crit;
    rb->min_confidence = MIN_CONFIDENCE;
    if (raw_type(L, 1, "whole_scores") != LUA_TNIL) {
        if (raw_type(L, 1, "whole_scores") != LUA_TBOOLEAN)
            desc_fail(rb, line_of_key(rb, "whole_scores"), "whole_scores: expected true or false");
        lua_pushliteral(L, "whole_scores");
        lua_rawget(L, 1);
        rb->whole_scores = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    if (raw_type(L, 1, "min_confidence") != LUA_TNIL) {
        lua_pushliteral(L, "min_confidence");
        lua_rawget(L, 1);
        if (lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) >= 0) ||
            lua_tonumber(L, -1) > 1)
            desc_fail(rb, line_of_key(rb, "min_confidence"), "min_confidence: expected 0..1");
        rb->min_confidence = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    rb->dynamic = has_crit && raw_type(L, 1, "criteria") == LUA_TFUNCTION;
    if (raw_type(L, 1, "band") != LUA_TNIL && !has_crit)
        desc_fail(rb, line_of_key(rb, "band"),
                  "band: only a rubric with criteria has one (an assess function sets r:band)");
    if (has_crit && !rb->dynamic) read_criteria(rb, L, 1, A);
    read_bands(rb, L, 1, A);
    m->name = dup(rb, A, name);
    m->version = dup(rb, A, version);
    m->title = raw_string(L, 1, "title") ? dup(rb, A, lua_tostring(L, -1)) : m->name;
    m->description = raw_string(L, 1, "description") ? dup(rb, A, lua_tostring(L, -1)) : "";
    lua_pushliteral(L, "inputs");
    lua_rawget(L, 1);
    m->inputs = read_inputs(rb, L, lua_gettop(L), A, "inputs", line_of_key(rb, "inputs"));
    m->params = read_params(rb, L, 1, A);
    return 0;
}

/* ---- the `r` result object ---- */

static cadre_builder *check_r(lua_State *L)
{
    result_ud *u = luaL_checkudata(L, 1, RESULT_MT);

    if (u->rb->active == NULL || u->gen != u->rb->gen)
        luaL_error(L, "the result object r is only valid during the assessment it was given to");
    return u->rb->active;
}

/* Builder calls that fail raise the builder's message at the Lua line that made them. */
static int checked(lua_State *L, cadre_builder *b, int rc)
{
    if (rc != 0) return luaL_error(L, "%s", cadre__builder_fail_message(b));
    return 0;
}

static int r_finding(lua_State *L, cadre_finding_kind kind)
{
    cadre_builder *b = check_r(L);

    return checked(
        L, b, cadre__builder_finding(b, kind, luaL_checkstring(L, 2), luaL_optstring(L, 3, NULL)));
}

static int r_strength(lua_State *L)
{
    return r_finding(L, CADRE_FINDING_STRENGTH);
}

static int r_gap(lua_State *L)
{
    return r_finding(L, CADRE_FINDING_GAP);
}

static int r_risk(lua_State *L)
{
    return r_finding(L, CADRE_FINDING_RISK);
}

static int r_detail(lua_State *L)
{
    cadre_builder *b = check_r(L);

    return checked(L, b, cadre__builder_detail(b, luaL_checkstring(L, 2), luaL_checkstring(L, 3)));
}

static int r_rank(lua_State *L)
{
    cadre_builder *b = check_r(L);

    return checked(L, b,
                   cadre__builder_rank(b, luaL_checkstring(L, 2), luaL_optstring(L, 3, NULL),
                                       luaL_checknumber(L, 4), luaL_optstring(L, 5, NULL)));
}

static int r_missing(lua_State *L)
{
    cadre_builder *b = check_r(L);

    return checked(L, b,
                   cadre__builder_missing(b, luaL_optstring(L, 3, NULL), luaL_checkstring(L, 2)));
}

static int r_criterion(lua_State *L)
{
    cadre_builder *b = check_r(L);

    return checked(L, b,
                   cadre__builder_criterion(b, luaL_checkstring(L, 2), luaL_optstring(L, 3, NULL),
                                            luaL_checknumber(L, 4), luaL_checknumber(L, 5),
                                            luaL_checkstring(L, 6)));
}

static int r_score(lua_State *L)
{
    cadre_builder *b = check_r(L);

    return checked(L, b, cadre__builder_set_score(b, luaL_checknumber(L, 2)));
}

static int r_band(lua_State *L)
{
    cadre_builder *b = check_r(L);

    return checked(L, b, cadre__builder_set_band(b, luaL_checkstring(L, 2)));
}

static int r_summary(lua_State *L)
{
    cadre_builder *b = check_r(L);

    return checked(L, b, cadre__builder_set_summary(b, luaL_checkstring(L, 2)));
}

static int r_discount(lua_State *L)
{
    cadre_builder *b = check_r(L);

    return checked(L, b,
                   cadre__builder_discount(b, luaL_checknumber(L, 2), luaL_checkstring(L, 3)));
}

static void push_result_ud(lua_State *L, rubric *rb)
{
    result_ud *u = lua_newuserdatauv(L, sizeof(*u), 0);

    u->rb = rb;
    u->gen = rb->gen;
    if (luaL_newmetatable(L, RESULT_MT)) {
        static const luaL_Reg m[] = {
            {"strength", r_strength},   {"gap", r_gap},           {"risk", r_risk},
            {"detail", r_detail},       {"rank", r_rank},         {"missing", r_missing},
            {"criterion", r_criterion}, {"score", r_score},       {"band", r_band},
            {"summary", r_summary},     {"discount", r_discount}, {NULL, NULL}};

        luaL_newlib(L, m);
        lua_setfield(L, -2, "__index");
        lua_pushliteral(L, "read-only");
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

/* ---- running an assessment ---- */

typedef struct run {
    rubric *rb;
    cadre__plugin *p;
    const cadre_candidate *cand;
    const cadre_params *params;
    cadre_builder *b;
    int line; /* where to point when a returned value is wrong */
} run;

static int fail_here(lua_State *L, run *x, const char *fmt, ...) CADRE__FMT(3, 4);
static int fail_here(lua_State *L, run *x, const char *fmt, ...)
{
    char msg[600];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    /* If the builder failed first (a bad value), this keeps its message and adds the place. */
    cadre__builder_fail(x->b, CADRE_EPLUGIN, x->rb->path, x->line, msg);
    cadre__builder_locate(x->b, x->rb->path, x->line);
    return luaL_error(L, "%s", msg);
}

/* Pushes the rubric's functions, kept apart from its (frozen) descriptor when it loaded:
 * [i] the score function of criterion i, and "assess", "advise" and "summary". */
static void push_fns(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.fns");
}

/* Scores criterion c, whose score function is at stack index fn (0: the static criterion i of
 * the descriptor); the candidate, params and r are at indices 2, 3 and 4. */
static void score_criterion(lua_State *L, run *x, const crit_def *c, size_t i, int fn)
{
    int top = lua_gettop(L), nmissing;
    const char *evidence;
    double score = 0;
    int assessed;

    x->rb->current = c->id;
    x->line = c->line;
    cadre__lua_set_recorder(L, 1);
    push_fns(L);
    if (fn)
        lua_pushvalue(L, fn);
    else
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 4);
    lua_call(L, 3, 2);
    /* stack: ..., fns, score, evidence */
    assessed = !lua_isnil(L, -2);
    if (assessed && lua_type(L, -2) != LUA_TNUMBER)
        fail_here(L, x,
                  "criterion '%s' returned %s %s where a score (a number 0..100) was "
                  "expected",
                  c->id, lua_type(L, -2) == LUA_TSTRING ? "a" : "a value of type",
                  luaL_typename(L, -2));
    if (assessed) score = lua_tonumber(L, -2);
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
        fail_here(L, x, "criterion '%s' returned evidence of type %s; return score, \"why\"", c->id,
                  luaL_typename(L, -1));
    evidence = lua_tostring(L, -1);
    if (assessed && (evidence == NULL || *evidence == '\0'))
        fail_here(L, x,
                  "criterion '%s' returned a score without evidence; every score must say "
                  "why (return score, \"evidence\")",
                  c->id);
    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.missing");
    nmissing = (int)lua_rawlen(L, -1);
    if (!assessed && nmissing == 0 && c->inputs != NULL) {
        for (const char *const *in = c->inputs; *in; in++)
            cadre__lua_record_missing(L, *in);
        nmissing = (int)lua_rawlen(L, -1);
    }
    if (!assessed && nmissing == 0)
        fail_here(L, x,
                  "criterion '%s' returned no score although no input was missing; return "
                  "a number 0..100 (nil only when an input is missing)",
                  c->id);
    if (!assessed) {
        lua_pushfstring(L, "Not assessed, counted as 0: %s",
                        evidence ? evidence : "the inputs it needs were not given");
        evidence = lua_tostring(L, -1);
    }
    if (cadre__builder_criterion(x->b, c->id, c->label, c->weight, score, evidence) != 0)
        fail_here(L, x, "%s", cadre__builder_fail_message(x->b));
    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.missing");
    for (int k = 1; k <= nmissing; k++) {
        lua_rawgeti(L, -1, k);
        cadre__builder_missing(x->b, c->id, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    cadre__lua_set_recorder(L, 0);
    lua_settop(L, top);
    x->rb->current = NULL;
}

static const char *band_for(const rubric *rb, double score)
{
    const char *best = NULL;
    double best_min = -1;

    for (size_t i = 0; i < rb->nbands; i++)
        if (score >= rb->bands[i].min && rb->bands[i].min > best_min)
            best = rb->bands[i].label, best_min = rb->bands[i].min;
    return best;
}

/* The view advise() and summary() get:
 * {score, band, confidence, criteria = {id = {score, weight, evidence, label}}}. */
static void push_view(lua_State *L, run *x, double score, const char *band, double confidence)
{
    const cadre_criterion *c;

    lua_pushvalue(L, VIEW_INDEX); /* made before the criteria ran, which may have used it */
    cadre__lua_push_number(L, round(score * 10) / 10);
    lua_setfield(L, -2, "score");
    lua_pushstring(L, band);
    lua_setfield(L, -2, "band");
    lua_pushnumber(L, round(confidence * 100) / 100);
    lua_setfield(L, -2, "confidence");
    lua_newtable(L);
    for (size_t i = 0; (c = cadre__builder_criterion_at(x->b, i)) != NULL; i++) {
        lua_createtable(L, 0, 4);
        cadre__lua_push_number(L, round(c->score * 10) / 10);
        lua_setfield(L, -2, "score");
        cadre__lua_push_number(L, c->weight);
        lua_setfield(L, -2, "weight");
        lua_pushstring(L, c->evidence);
        lua_setfield(L, -2, "evidence");
        lua_pushstring(L, c->label);
        lua_setfield(L, -2, "label");
        lua_setfield(L, -2, c->id);
    }
    lua_setfield(L, -2, "criteria");
}

/* Calls rubric function `fn`, if present, with (c, p[, r][, view]); `view` is the value on top
 * of the stack when nargs_extra is 1. Leaves `want` results (nil if absent). */
static void call_optional(lua_State *L, run *x, const char *fn, int pass_r, int nargs_extra,
                          int want)
{
    int top = lua_gettop(L);

    push_fns(L);
    lua_pushstring(L, fn);
    lua_rawget(L, -2);
    if (!lua_isfunction(L, -1)) {
        lua_settop(L, top);
        if (want) lua_pushnil(L);
        return;
    }
    lua_remove(L, -2);
    x->line = function_line(L, -1);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    if (pass_r) lua_pushvalue(L, 4);
    for (int i = 0; i < nargs_extra; i++)
        lua_pushvalue(L, top - nargs_extra + 1 + i);
    lua_call(L, 2 + pass_r + nargs_extra, want);
}

/* A string member of the table at idx, through metamethods (the rubric's own tables are
 * frozen proxies); NULL if it is not a string. Leaves the value on the stack. */
static const char *member_string(lua_State *L, int idx, const char *key)
{
    return lua_getfield(L, idx, key) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
}

/* criteria(c, p, view): this person's list of criteria, each checked as the descriptor's would be
 * and scored at once. Read through metamethods, not raw: the list is usually one the rubric
 * built when it loaded, now frozen, and this runs inside the budgeted call anyway. The list
 * stays on the stack while it is scored, so the strings in crit_def stay alive. */
static void dynamic_criteria(lua_State *L, run *x)
{
    int top = lua_gettop(L), list;
    lua_Integer n;

    lua_pushvalue(L, VIEW_INDEX);
    call_optional(L, x, "criteria", 0, 1, 1);
    lua_remove(L, -2); /* the view's copy */
    list = lua_gettop(L);
    if (!lua_istable(L, list))
        fail_here(L, x, "criteria(c, p) returned a %s; return a list of {id, label, weight, score}",
                  luaL_typename(L, list));
    n = luaL_len(L, list);
    if (n <= 0 || n > MAX_CRITERIA)
        fail_here(L, x, "criteria(c, p) returned %lld criteria; expected 1 to %d", (long long)n,
                  MAX_CRITERIA);
    for (lua_Integer i = 1; i <= n; i++) {
        crit_def c = {0};
        const char *inputs[MAX_INPUTS + 1];
        int ci, fn;

        if (lua_geti(L, list, i) != LUA_TTABLE)
            fail_here(L, x, "criteria(c, p)[%lld]: expected a table {id, label, weight, score}",
                      (long long)i);
        ci = lua_gettop(L);
        c.id = member_string(L, ci, "id");
        if (c.id == NULL || !cadre__is_identifier(c.id, CADRE__MAX_NAME))
            fail_here(L, x, "criteria(c, p)[%lld].id: expected a snake_case string", (long long)i);
        /* an id used twice is refused by the builder, which names it */
        c.label = member_string(L, ci, "label");
        if (c.label == NULL) c.label = c.id;
        if (lua_getfield(L, ci, "weight") != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1)) ||
            lua_tonumber(L, -1) <= 0)
            fail_here(L, x, "criteria(c, p)[%lld] (%s).weight: expected a positive number",
                      (long long)i, c.id);
        c.weight = lua_tonumber(L, -1);
        lua_getfield(L, ci, "score");
        fn = lua_gettop(L);
        if (!lua_isfunction(L, fn))
            fail_here(L, x, "criteria(c, p)[%lld] (%s).score: expected a function(c, p, r)",
                      (long long)i, c.id);
        c.line = function_line(L, fn);
        if (lua_getfield(L, ci, "inputs") == LUA_TTABLE) {
            lua_Integer k, m = luaL_len(L, -1);

            if (m > MAX_INPUTS)
                fail_here(L, x, "criteria(c, p)[%lld] (%s).inputs: at most %d fields", (long long)i,
                          c.id, MAX_INPUTS);
            for (k = 1; k <= m; k++) {
                if (lua_geti(L, -1, k) != LUA_TSTRING)
                    fail_here(L, x, "criteria(c, p)[%lld] (%s).inputs: expected field names",
                              (long long)i, c.id);
                inputs[k - 1] = lua_tostring(L, -1);
                lua_pop(L, 1); /* still referenced by the inputs table, on the stack */
            }
            inputs[m] = NULL;
            c.inputs = inputs;
        }
        lua_pushvalue(L, fn);
        fn = lua_gettop(L);
        score_criterion(L, x, &c, (size_t)i - 1, fn);
        lua_settop(L, ci - 1);
    }
    lua_settop(L, top);
}

/* band(c, p, view): the band, when more than the score decides it (the view is on top of the
 * stack); it must be one of the rubric's bands, so reports keep a known set of verdicts. */
static void band_hook(lua_State *L, run *x)
{
    const char *label;
    int known = 0;

    call_optional(L, x, "band", 0, 1, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    if (lua_type(L, -1) != LUA_TSTRING)
        fail_here(L, x, "band returned a %s; return one of the rubric's band labels",
                  luaL_typename(L, -1));
    label = lua_tostring(L, -1);
    for (size_t i = 0; i < x->rb->nbands; i++)
        known |= strcmp(x->rb->bands[i].label, label) == 0;
    if (!known)
        fail_here(L, x, "band returned \"%s\", which is not one of the rubric's bands", label);
    if (cadre__builder_set_band(x->b, label) != 0)
        fail_here(L, x, "%s", cadre__builder_fail_message(x->b));
    /* advise and summary see the band that was set */
    lua_pushstring(L, label);
    lua_setfield(L, -3, "band");
    lua_pop(L, 1);
}

/* Everything an assessment does, as one protected call: args are a `run` pointer. */
static int do_assess(lua_State *L)
{
    run *x = lua_touserdata(L, 1);
    rubric *rb = x->rb;
    double score = 0, confidence;
    const char *band;
    int unknown;

    lua_settop(L, 1);
    /* The same candidate gets the same report whatever ran before it: restart the random
     * sequence (the original math.randomseed, kept by the sandbox). */
    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.randomseed");
    lua_pushinteger(L, 0);
    lua_call(L, 1, 0);
    cadre__lua_push_candidate(L, x->cand);                         /* 2 */
    cadre__lua_push_params(L, x->params->items, x->params->count); /* 3 */
    push_result_ud(L, rb);                                         /* 4 */
    lua_createtable(L, 0, 6);                                      /* 5: VIEW_INDEX */
    if (rb->dynamic) {
        dynamic_criteria(L, x);
    } else if (rb->declarative) {
        for (size_t i = 0; i < rb->ncrit; i++)
            score_criterion(L, x, &rb->crit[i], i, 0);
    } else {
        call_optional(L, x, "assess", 1, 0, 1);
        if (!lua_isnil(L, -1))
            fail_here(L, x,
                      "assess returned a %s; build the result with r:criterion(), r:band() "
                      "and friends, and return nothing",
                      luaL_typename(L, -1));
        lua_pop(L, 1);
    }
    if (cadre__builder_score(x->b, &score) != 0)
        fail_here(L, x, "the assessment added no criteria, so its score could not be explained");
    confidence = cadre__builder_confidence(x->b);
    /* One rounding rule: the band is judged on the score as the report shows it. */
    score = rb->whole_scores ? round(score) : round(score * 10) / 10;
    if (rb->whole_scores && rb->declarative && cadre__builder_set_score(x->b, score) != 0)
        fail_here(L, x, "%s", cadre__builder_fail_message(x->b));
    unknown = confidence < rb->min_confidence;
    if (rb->nbands == 0)
        band = NULL; /* an assess function sets its own */
    else if (unknown)
        band = CADRE__BAND_UNKNOWN; /* too little to go on: say so rather than guess */
    else
        band = band_for(rb, score);
    if (band != NULL && cadre__builder_set_band(x->b, band) != 0)
        fail_here(L, x, "%s", cadre__builder_fail_message(x->b));
    push_view(L, x, score, band, confidence);
    if (band != NULL && !unknown) band_hook(L, x);
    call_optional(L, x, "advise", 1, 1, 0);
    call_optional(L, x, "summary", 0, 1, 1);
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING)
            fail_here(L, x, "summary returned a %s; return a string", luaL_typename(L, -1));
        if (cadre__builder_set_summary(x->b, lua_tostring(L, -1)) != 0)
            fail_here(L, x, "%s", cadre__builder_fail_message(x->b));
    }
    return 0;
}

static int lua_assess(cadre__plugin *p, const cadre_candidate *c, const cadre_params *params,
                      cadre_builder *b)
{
    rubric *rb = p->impl;
    lua_State *L = cadre__sandbox_state(rb->sb);
    run x = {rb, p, c, params, b, 0};
    cadre_error err;
    int top = lua_gettop(L), rc;

    rb->active = b;
    cadre__sandbox_begin(rb->sb);
    lua_pushcfunction(L, do_assess);
    lua_pushlightuserdata(L, &x);
    rc = cadre__sandbox_pcall(rb->sb, 1, 0, &err);
    cadre__sandbox_end(rb->sb);
    {
        char why[500];
        int line = 0;

        /* Whatever the assessment changed of the rubric's own variables is put back, and the
         * assessment fails (probes at load time catch most of it). */
        if (cadre__seal_verify(L, why, sizeof(why), &line) != 0 && rc == 0) {
            rc = CADRE_EPLUGIN;
            cadre__fail(&err, rc, rb->path, line, 0, "%s", why);
            rb->current = NULL;
        }
    }
    rb->active = NULL; /* a rubric that kept r cannot reach this builder again */
    rb->gen++;
    cadre__lua_set_recorder(L, 0);
    if (rc != 0) {
        if (cadre__builder_failed(b)) {
            cadre__builder_locate(b, err.source, err.line);
        } else {
            char msg[1200];

            if (rb->current)
                snprintf(msg, sizeof(msg), "criterion '%s': %s", rb->current, err.message);
            else
                snprintf(msg, sizeof(msg), "%s", err.message);
            cadre__builder_fail(b, rc, err.source, err.line, msg);
        }
    }
    rb->current = NULL;
    lua_settop(L, top);
    /* A failed or aborted call may leave garbage; collect now, within this plugin's cap. */
    if (rc != 0) lua_gc(L, LUA_GCCOLLECT);
    return rc;
}

static void lua_unload(cadre__plugin *p)
{
    rubric *rb = p->impl;

    if (rb == NULL) return;
    cadre__sandbox_free(rb->sb);
    free(rb);
    p->impl = NULL;
}

static const cadre__plugin_ops lua_ops = {.assess = lua_assess, .unload = lua_unload};

lua_State *cadre__lua_plugin_state(cadre__plugin *p)
{
    return p && p->ops == &lua_ops ? cadre__sandbox_state(((rubric *)p->impl)->sb) : NULL;
}

/* ---- loading ---- */

/* cadre.data(name): each file is read and parsed once per rubric, then served from a cache. */
static int prim_data(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);

    if (lua_getfield(L, LUA_REGISTRYINDEX, "cadre.datacache") != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, "cadre.datacache");
    }
    if (lua_getfield(L, -1, name) != LUA_TNIL) return 1;
    lua_pop(L, 1);
    cadre__sandbox_push_data(L, name);
    cadre__seal_value(L, -1); /* data is read-only, like everything the rubric keeps */
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name);
    return 1;
}

/* cadre.vocab.<name> = {id1, id2, ..., [id] = {id, label, meaning, ...}} */
static void push_vocabs(lua_State *L)
{
    static const char *const extra_key[] = {"skill",         "onet",     "industry", "emphasis",
                                            "certification", "areas",    "tool",     "category",
                                            "field",         "business", "function", "operations"};
    const cadre__vocab *v;

    lua_newtable(L);
    for (size_t i = 0; (v = cadre__vocab_at(i)) != NULL; i++) {
        const char *ek = NULL;

        for (size_t k = 0; k < CADRE__ARRAY_LEN(extra_key); k += 2)
            if (strcmp(extra_key[k], v->name) == 0) ek = extra_key[k + 1];
        lua_createtable(L, (int)v->count, (int)v->count);
        for (size_t j = 0; j < v->count; j++) {
            const cadre__vocab_entry *e = &v->entries[j];

            lua_pushstring(L, e->id);
            lua_rawseti(L, -2, (lua_Integer)j + 1);
            lua_createtable(L, 0, 4);
            lua_pushstring(L, e->id);
            lua_setfield(L, -2, "id");
            lua_pushstring(L, e->label);
            lua_setfield(L, -2, "label");
            lua_pushstring(L, e->meaning);
            lua_setfield(L, -2, "meaning");
            if (e->extra && ek) {
                if (strcmp(ek, "business") == 0 || strcmp(ek, "operations") == 0)
                    lua_pushboolean(L, 1);
                else
                    lua_pushstring(L, e->extra);
                lua_setfield(L, -2, ek);
            }
            lua_setfield(L, -2, e->id);
        }
        lua_setfield(L, -2, v->name);
    }
}

/* Runs the prelude and sets the global `cadre`. Call it protected. */
int cadre__lua_open_prelude(lua_State *L)
{
    if (luaL_loadbufferx(L, cadre__prelude, cadre__prelude_len, "=cadre prelude", "t") != LUA_OK)
        return lua_error(L);
    lua_createtable(L, 0, 3);
    lua_pushstring(L, CADRE_VERSION);
    lua_setfield(L, -2, "version");
    push_vocabs(L);
    lua_setfield(L, -2, "vocab");
    lua_pushcfunction(L, prim_data);
    lua_setfield(L, -2, "data");
    cadre__say_register(L);
    cadre__numbers_register(L);
    lua_call(L, 1, 1);
    lua_setglobal(L, "cadre");
    return 0;
}

/* The folder next to the rubric that cadre.data() reads: "<dir>/data". */
static char *data_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 1;
    char *d = malloc(n + 6);

    if (d == NULL) return NULL;
    if (slash)
        memcpy(d, path, n);
    else
        d[0] = '.';
    memcpy(d + n, "/data", 6);
    return d;
}

/* Keeps the functions assessments call in a table of the engine's (registry "cadre.fns"), read
 * from the descriptor before sealing freezes it. Called protected; argument: the rubric. */
static int capture_fns(lua_State *L)
{
    static const char *const named[] = {"assess", "advise", "summary", "band", "criteria"};
    rubric *rb = lua_touserdata(L, 1);
    int d, f;

    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.rubric");
    d = lua_gettop(L);
    lua_createtable(L, (int)rb->ncrit, 3);
    f = lua_gettop(L);
    if (rb->declarative && !rb->dynamic) {
        lua_pushliteral(L, "criteria");
        lua_rawget(L, d);
        for (size_t i = 0; i < rb->ncrit; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            lua_pushliteral(L, "score");
            lua_rawget(L, -2);
            lua_rawseti(L, f, (lua_Integer)i + 1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    for (int i = 0; i < 5; i++) {
        lua_pushstring(L, named[i]);
        lua_rawget(L, d);
        if (i == 4 && !lua_isfunction(L, -1)) {
            lua_pop(L, 1); /* a list of criteria: its score functions are at [1..n] */
            continue;
        }
        lua_setfield(L, f, named[i]);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, "cadre.fns");
    return 0;
}

static int load_rubric(cadre__plugin *p, rubric *rb, const char *text, size_t len,
                       cadre_plugin_meta *m, cadre_error *err)
{
    lua_State *L = cadre__sandbox_state(rb->sb);
    int rc;

    cadre__sandbox_begin(rb->sb);
    lua_pushcfunction(L, cadre__lua_open_prelude);
    rc = cadre__sandbox_pcall(rb->sb, 0, 0, err);
    if (rc == 0) rc = cadre__sandbox_load(rb->sb, text, len, err);
    if (rc == 0) rc = cadre__sandbox_pcall(rb->sb, 0, 1, err);
    if (rc == 0) {
        /* Keep the descriptor where assessments can find it, then check it. */
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, "cadre.rubric");
        rb->text = text;
        rb->text_len = len;
        lua_pushcfunction(L, read_descriptor);
        lua_insert(L, -2);
        lua_pushlightuserdata(L, p);
        lua_pushlightuserdata(L, m);
        rc = cadre__sandbox_pcall(rb->sb, 3, 0, err);
        rb->text = NULL;
        if (rc != 0 && err != NULL) {
            /* desc_fail raised "LINE\nmessage"; split it. */
            char *nl = strchr(err->message, '\n');

            if (nl != NULL) {
                err->line = atoi(err->message);
                memmove(err->message, nl + 1, strlen(nl + 1) + 1);
                err->code = CADRE_EPLUGIN;
                cadre__strlcpy(err->source, rb->path, sizeof(err->source));
            }
        }
    }
    if (rc == 0) {
        lua_pushcfunction(L, capture_fns);
        lua_pushlightuserdata(L, rb);
        rc = cadre__sandbox_pcall(rb->sb, 1, 0, err);
    }
    if (rc == 0) {
        /* From here on the rubric's state is read-only (seal.h). */
        lua_pushcfunction(L, cadre__seal);
        rc = cadre__sandbox_pcall(rb->sb, 0, 0, err);
    }
    cadre__sandbox_end(rb->sb);
    lua_settop(L, 0);
    return rc;
}

/* ---- trying a rubric before accepting it ---- */

/* A candidate that gives every field (every skill rated 3, every industry 5 years, ...) and
 * one that gives none. Built once per process from the vocabularies and never freed. */
static cadre_candidate *probe[2];
static pthread_once_t probe_once = PTHREAD_ONCE_INIT;

static void list_ids(cadre__buf *b, const char *vocab, const char *fmt)
{
    const cadre__vocab *v = cadre__vocab_get(vocab);

    for (size_t i = 0; i < v->count; i++)
        cadre__buf_printf(b, fmt, i ? "," : "", v->entries[i].id);
}

static void build_probes(void)
{
    static const char *const kinds[] = {"efficiency",        "cost_reduction",
                                        "change_initiative", "process_improvement",
                                        "quality",           "revenue_growth"};
    cadre__buf b = {0};

    cadre__buf_puts(&b, "{\"name\": \"Probe\", \"id\": \"probe\","
                        "\"experience\": {\"total_years\": 25, \"management_years\": 12,"
                        " \"executive_years\": 5, \"operations_years\": 10},"
                        "\"current_role\": {\"title\": \"COO\", \"level\": \"c_suite\","
                        " \"function\": \"operations\", \"reports_to_ceo\": true},"
                        "\"education\": {\"highest_degree\": \"master\","
                        " \"field\": \"business_administration\", \"mba\": true},"
                        "\"scope\": {\"people_led\": 200, \"direct_reports\": 8,"
                        " \"budget_usd\": 20000000, \"departments\": 4, \"pnl_owner\": true,"
                        " \"hiring_authority\": true},"
                        "\"preferences\": {\"max_weekly_hours\": 55, \"travel\": \"frequent\","
                        " \"pressure\": \"high\"}, \"extra\": {},");
    cadre__buf_puts(&b, "\"skills\": {");
    list_ids(&b, "skill", "%s\"%s\": {\"level\": 3, \"evidence\": \"probe\"}");
    cadre__buf_puts(&b, "}, \"industries\": {");
    list_ids(&b, "industry", "%s\"%s\": 5");
    cadre__buf_puts(&b, "}, \"certifications\": [");
    list_ids(&b, "certification", "%s\"%s\"");
    cadre__buf_puts(&b, "], \"tools\": [");
    list_ids(&b, "tool", "%s\"%s\"");
    cadre__buf_puts(&b, "], \"targets\": {\"role\": \"coo\", \"industries\": [");
    list_ids(&b, "industry", "%s\"%s\"");
    cadre__buf_puts(&b, "]}, \"achievements\": [");
    for (size_t i = 0; i < CADRE__ARRAY_LEN(kinds); i++)
        cadre__buf_printf(&b,
                          "%s{\"kind\": \"%s\", \"description\": \"probe\", \"impact_pct\": 10,"
                          " \"value_usd\": 1000000, \"reach\": \"company\"}",
                          i ? "," : "", kinds[i]);
    cadre__buf_puts(&b, "]}");
    if (b.data)
        cadre_candidate_parse(&probe[0], b.data, b.len, "a candidate that gives every field", NULL,
                              NULL, NULL);
    cadre_candidate_parse(&probe[1], "{}", 2, "a candidate that gives nothing", NULL, NULL, NULL);
    free(b.data);
}

/* Assesses both probes; a failure refuses the rubric with the rubric's own file and line. */
static int try_rubric(cadre__plugin *p, cadre_error *err)
{
    static const char *const what[] = {"a candidate that gives every field",
                                       "a candidate that gives nothing"};

    pthread_once(&probe_once, build_probes);
    for (int i = 0; i < 2; i++) {
        cadre__arena A;
        cadre_builder *b;
        cadre_result res = {0};
        int rc = 0;

        if (probe[i] == NULL) continue; /* out of memory building it: nothing to try */
        cadre__arena_init(&A, 8192);
        b = cadre__builder_new(&A);
        if (b == NULL) {
            cadre__arena_free(&A);
            return cadre__fail(err, CADRE_ENOMEM, p->meta.path, 0, 0, "out of memory");
        }
        lua_assess(p, probe[i], &(cadre_params){p->params, p->param_count}, b);
        cadre__builder_finish(b, &res);
        if (res.status == CADRE_STATUS_ERROR)
            rc = cadre__fail(err, res.error.code ? res.error.code : CADRE_EPLUGIN,
                             res.error.file ? res.error.file : p->meta.path, res.error.line, 0,
                             "%s (found by trying the rubric on %s%s)", res.error.message, what[i],
                             i ? "; return nil, \"why\" when an input is absent" : "");
        cadre__builder_free(b);
        cadre__arena_free(&A);
        if (rc != 0) return rc;
    }
    return 0;
}

/* A rubric's print(): through the plugin to the engine's output (or the worker's stdout). */
static void rubric_print(void *userdata, const char *line, size_t len)
{
    cadre__plugin_print(userdata, line, len);
}

int cadre__lua_load(cadre__plugin **out, const char *path, const char *sha256, const char *text,
                    size_t len, const cadre__load_ctx *ctx, cadre_error *err)
{
    cadre__plugin *p = cadre__plugin_alloc();
    rubric *rb = calloc(1, sizeof(*rb));
    char *data_dir = data_dir_of(path);
    cadre__sandbox_config cfg = {ctx->limits, path, data_dir, rubric_print, p};
    cadre_plugin_meta m = {0};
    int rc;

    *out = NULL;
    if (p == NULL || rb == NULL || data_dir == NULL) {
        free(rb);
        free(data_dir);
        cadre__plugin_free(p);
        return cadre__fail(err, CADRE_ENOMEM, path, 0, 0, "out of memory");
    }
    p->impl = rb;
    p->ops = &lua_ops;
    p->output = ctx->output;
    p->meta.path = cadre__arena_strdup(&p->arena, path); /* names printed lines until loaded */
    rb->path = cadre__arena_strdup(&p->arena, path);
    rc = cadre__sandbox_new(&rb->sb, &cfg, err);
    free(data_dir);
    if (rc == 0) rc = load_rubric(p, rb, text, len, &m, err);
    if (rc == 0) {
        m.kind = CADRE_PLUGIN_LUA;
        m.sha256 = sha256;
        rc = cadre__plugin_set_meta(p, &m, path, err);
    }
    if (rc != 0) {
        if (err != NULL && err->source[0] == '\0')
            cadre__strlcpy(err->source, path, sizeof(err->source));
        cadre__plugin_free(p);
        return rc;
    }
    {
        char data[65], key[65];

        cadre__sandbox_data_digest(rb->sb, data);
        cadre__vet_cache_key(key, sha256, data, ctx->limits.time_ms, ctx->limits.memory);
        if (ctx->always_vet || !cadre__vet_cache_has(ctx->vet_cache, key)) {
            if ((rc = try_rubric(p, err)) != 0) {
                cadre__plugin_free(p);
                return rc;
            }
            cadre__vet_cache_add(ctx->vet_cache, key);
        }
    }
    *out = p;
    return 0;
}
