/* SPDX-License-Identifier: MIT */
/*
 * core/testkit.c - rubric tests (cadre_test_file, `cadre test`; docs/rubric-authoring.md).
 *
 * A test file is Lua, run in the same sandbox as rubrics. It returns
 *   {rubric = "file.lua", tests = {{name, candidate, params, expect, check}, ...}}.
 * Each test's candidate (an inline table or a JSON file) goes through the ordinary loader, the
 * rubric is assessed in a private engine exactly as `cadre assess` would, and the result is
 * handed back to the test's sandbox, where testkit.lua checks the expectations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include <lauxlib.h>

#include "engine_internal.h"
#include "lua/bridge.h"
#include "lua/sandbox.h"
#include "candidate/schema.h"

extern const char cadre__testkit[];
extern const size_t cadre__testkit_len;

#define MAX_TEST_PARAMS 64
#define MAX_DEPTH       32

/* What one test needs from its Lua table, copied out to C. */
typedef struct test_spec {
    char name[200];
    char *candidate_json; /* an inline candidate, as JSON; or */
    char candidate_file[1024];
    int nparams;
    char *param_key[MAX_TEST_PARAMS], *param_value[MAX_TEST_PARAMS];
} test_spec;

typedef struct tctx {
    int index;       /* 1-based test number in the file */
    const char *dir; /* folder of the test file */
    test_spec spec;
    const cadre_result *res;
    char problems[4000];
} tctx;

static void spec_free(test_spec *s)
{
    free(s->candidate_json);
    for (int i = 0; i < s->nparams; i++) {
        free(s->param_key[i]);
        free(s->param_value[i]);
    }
    memset(s, 0, sizeof(*s));
}

/* ---- Lua values to JSON, with the schema deciding what an empty table is ---- */

/* Builds JSON without raising: on a problem it writes why into `why` and returns NULL, having
 * freed what it built, so a Lua error can then be raised without leaking. */
static cJSON *to_json(lua_State *L, int idx, const cadre__field *fields, int list, int depth,
                      char *why, size_t size);

static int is_sequence(lua_State *L, int idx, size_t *n)
{
    size_t count = 0;

    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        count++;
        if (!lua_isinteger(L, -2)) {
            lua_pop(L, 2);
            return 0;
        }
    }
    *n = count;
    return count == lua_rawlen(L, idx);
}

static cJSON *table_json(lua_State *L, int idx, const cadre__field *fields, int list, int depth,
                         char *why, size_t size)
{
    size_t n = 0;
    cJSON *out;

    if (depth > MAX_DEPTH) {
        snprintf(why, size,
                 "the candidate table is nested deeper than %d levels (a table that "
                 "contains itself?)",
                 MAX_DEPTH);
        return NULL;
    }
    if (is_sequence(L, idx, &n) && (n > 0 || list)) {
        out = cJSON_CreateArray();
        for (size_t i = 1; out && i <= n; i++) {
            cJSON *item;

            lua_rawgeti(L, idx, (lua_Integer)i);
            item = to_json(L, lua_gettop(L), NULL, 0, depth + 1, why, size);
            lua_pop(L, 1);
            if (item == NULL) {
                cJSON_Delete(out);
                return NULL;
            }
            cJSON_AddItemToArray(out, item);
        }
        return out;
    }
    out = cJSON_CreateObject();
    for (lua_pushnil(L); out && lua_next(L, idx); lua_pop(L, 1)) {
        const cadre__field *f;
        cJSON *item;

        if (lua_type(L, -2) != LUA_TSTRING) {
            snprintf(why, size, "candidate tables need string keys (or a plain list)");
            lua_pop(L, 2);
            cJSON_Delete(out);
            return NULL;
        }
        f = fields ? cadre__fields_find(fields, lua_tostring(L, -2)) : NULL;
        item = to_json(L, lua_gettop(L), f && f->kind == CADRE__F_GROUP ? f->sub : NULL,
                       f && (f->kind == CADRE__F_IDLIST || f->kind == CADRE__F_ACHIEVEMENTS),
                       depth + 1, why, size);
        if (item == NULL) {
            lua_pop(L, 2);
            cJSON_Delete(out);
            return NULL;
        }
        cJSON_AddItemToObject(out, lua_tostring(L, -2), item);
    }
    return out;
}

static cJSON *to_json(lua_State *L, int idx, const cadre__field *fields, int list, int depth,
                      char *why, size_t size)
{
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        return cJSON_CreateBool(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        return cJSON_CreateNumber(lua_tonumber(L, idx));
    case LUA_TSTRING:
        return cJSON_CreateString(lua_tostring(L, idx));
    case LUA_TTABLE:
        return table_json(L, idx, fields, list, depth, why, size);
    default:
        snprintf(why, size, "a candidate holds only data, not a %s", luaL_typename(L, idx));
        return NULL;
    }
}

/* ---- reading one test (protected) ---- */

static int read_test(lua_State *L)
{
    tctx *x = lua_touserdata(L, 1);
    test_spec *s = &x->spec;
    int t;

    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.tests");
    lua_getfield(L, -1, "tests");
    if (lua_rawgeti(L, -1, x->index) != LUA_TTABLE)
        return luaL_error(L, "tests[%d] is not a table {name = ..., candidate = ..., expect = ...}",
                          x->index);
    t = lua_gettop(L);
    lua_getfield(L, t, "name");
    snprintf(s->name, sizeof(s->name), "%s",
             lua_isstring(L, -1) ? lua_tostring(L, -1) : "(unnamed test)");
    lua_getfield(L, t, "candidate");
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *f = lua_tostring(L, -1);

        snprintf(s->candidate_file, sizeof(s->candidate_file), "%s%s%s", f[0] == '/' ? "" : x->dir,
                 f[0] == '/' ? "" : "/", f);
    } else if (lua_istable(L, -1)) {
        char why[200] = "out of memory";
        cJSON *j = to_json(L, lua_gettop(L), cadre__root_fields, 0, 0, why, sizeof(why));

        if (j == NULL) return luaL_error(L, "test '%s': %s", s->name, why);
        s->candidate_json = cJSON_PrintUnformatted(j);
        cJSON_Delete(j);
    } else {
        return luaL_error(L, "test '%s': candidate must be a table or a JSON file name", s->name);
    }
    lua_getfield(L, t, "params");
    if (lua_istable(L, -1)) {
        for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) {
            if (s->nparams == MAX_TEST_PARAMS || lua_type(L, -2) != LUA_TSTRING) break;
            s->param_key[s->nparams] = strdup(lua_tostring(L, -2));
            s->param_value[s->nparams] =
                strdup(lua_type(L, -1) == LUA_TBOOLEAN ? (lua_toboolean(L, -1) ? "true" : "false")
                                                       : luaL_tolstring(L, -1, NULL));
            if (lua_type(L, -1) != LUA_TBOOLEAN) lua_pop(L, 1); /* luaL_tolstring's copy */
            s->nparams++;
        }
    }
    return 0;
}

/* ---- the result in Lua, and the checks (protected) ---- */

static const char *kind_name(cadre_finding_kind k)
{
    return k == CADRE_FINDING_STRENGTH ? "strength" : k == CADRE_FINDING_GAP ? "gap" : "risk";
}

static void set_str(lua_State *L, const char *k, const char *v)
{
    if (v == NULL) return;
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, double v)
{
    cadre__lua_push_number(L, v);
    lua_setfield(L, -2, k);
}

static void push_strings(lua_State *L, const char *const *items, size_t n)
{
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, items[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static void push_result(lua_State *L, const cadre_result *r)
{
    lua_createtable(L, 0, 12);
    set_str(L, "status", r->status == CADRE_STATUS_OK ? "ok" : "error");
    set_num(L, "score", r->score);
    set_str(L, "band", r->band);
    set_str(L, "summary", r->summary);
    set_num(L, "confidence", r->confidence);
    lua_newtable(L);
    for (size_t i = 0; i < r->criteria.count; i++) {
        const cadre_criterion *c = CADRE_ITEM(cadre_criterion, r->criteria, i);

        lua_createtable(L, 0, 5);
        set_num(L, "score", c->score);
        set_num(L, "weight", c->weight);
        set_str(L, "label", c->label);
        set_str(L, "evidence", c->evidence);
        push_strings(L, c->missing, c->missing_count);
        lua_setfield(L, -2, "missing");
        lua_setfield(L, -2, c->id);
    }
    lua_setfield(L, -2, "criteria");
    lua_createtable(L, (int)r->findings.count, 0);
    for (size_t i = 0; i < r->findings.count; i++) {
        lua_createtable(L, 0, 3);
        set_str(L, "kind", kind_name(CADRE_ITEM(cadre_finding, r->findings, i)->kind));
        set_str(L, "text", CADRE_ITEM(cadre_finding, r->findings, i)->text);
        set_str(L, "recommendation", CADRE_ITEM(cadre_finding, r->findings, i)->recommendation);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "findings");
    push_strings(L, r->missing, r->missing_count);
    lua_setfield(L, -2, "missing");
    lua_createtable(L, (int)r->ranking.count, 0);
    for (size_t i = 0; i < r->ranking.count; i++) {
        lua_createtable(L, 0, 4);
        set_str(L, "id", CADRE_ITEM(cadre_rank, r->ranking, i)->id);
        set_str(L, "label", CADRE_ITEM(cadre_rank, r->ranking, i)->label);
        set_num(L, "score", CADRE_ITEM(cadre_rank, r->ranking, i)->score);
        set_str(L, "note", CADRE_ITEM(cadre_rank, r->ranking, i)->note);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "ranking");
    lua_newtable(L);
    for (size_t i = 0; i < r->details.count; i++)
        set_str(L, CADRE_ITEM(cadre_detail, r->details, i)->key,
                CADRE_ITEM(cadre_detail, r->details, i)->value);
    lua_setfield(L, -2, "details");
    lua_createtable(L, 0, 3);
    set_str(L, "message", r->error.message ? r->error.message : "");
    set_str(L, "file", r->error.file);
    set_num(L, "line", r->error.line);
    lua_setfield(L, -2, "error");
}

static void add_problem(tctx *x, const char *p)
{
    size_t n = strlen(x->problems);

    snprintf(x->problems + n, sizeof(x->problems) - n, "%s%s", n ? "\n" : "", p);
}

static int check_test(lua_State *L)
{
    tctx *x = lua_touserdata(L, 1);
    int t, res;

    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.tests");
    lua_getfield(L, -1, "tests");
    lua_rawgeti(L, -1, x->index);
    t = lua_gettop(L);
    push_result(L, x->res);
    res = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.testkit");
    lua_getfield(L, t, "expect");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L); /* no expectations: the result must merely be ok */
    }
    lua_pushvalue(L, res);
    lua_call(L, 2, 1);
    for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TSTRING; i++) {
        add_problem(x, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
    if (lua_getfield(L, t, "check") == LUA_TFUNCTION) {
        lua_pushvalue(L, res);
        lua_call(L, 1, 2);
        if (!lua_toboolean(L, -2))
            add_problem(x, lua_isstring(L, -1) ? lua_tostring(L, -1) : "check() returned false");
    }
    return 0;
}

/* ---- running a file ---- */

/* Checks the table the test file returned (argument 1) and keeps it, with the checker. */
static int register_tests(lua_State *L)
{
    static const char *const keys[] = {"rubric", "tests", NULL};

    if (!lua_istable(L, 1))
        return luaL_error(L, "a test file returns {rubric = ..., tests = {...}}, not a %s",
                          luaL_typename(L, 1));
    for (lua_pushnil(L); lua_next(L, 1); lua_pop(L, 1)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
        const char *s = cadre__suggest_list(k, keys);

        if (strcmp(k, "rubric") && strcmp(k, "tests"))
            return luaL_error(L, "unknown key '%s' in the test file%s%s%s", k,
                              s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
    }
    lua_getfield(L, 1, "tests");
    if (!lua_istable(L, -1) || lua_rawlen(L, -1) == 0)
        return luaL_error(L, "tests: expected a list of at least one test");
    lua_pop(L, 1);
    lua_pushvalue(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "cadre.tests");
    if (luaL_loadbufferx(L, cadre__testkit, cadre__testkit_len, "=cadre testkit", "t") != LUA_OK)
        return lua_error(L);
    lua_call(L, 0, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "cadre.testkit");
    return 0;
}

/* Runs the test file in the sandbox: the prelude, the file (compiled with its line numbers
 * kept for messages), then the checks on what it returned. */
static int run_test_file(cadre__sandbox *sb, const char *text, size_t len, cadre_error *err)
{
    lua_State *L = cadre__sandbox_state(sb);
    int rc;

    cadre__sandbox_begin(sb);
    lua_pushcfunction(L, cadre__lua_open_prelude);
    rc = cadre__sandbox_pcall(sb, 0, 0, err);
    if (rc == 0) rc = cadre__sandbox_load(sb, text, len, err);
    if (rc == 0) rc = cadre__sandbox_pcall(sb, 0, 1, err);
    if (rc == 0) {
        lua_pushcfunction(L, register_tests);
        lua_insert(L, -2);
        rc = cadre__sandbox_pcall(sb, 1, 0, err);
    }
    cadre__sandbox_end(sb);
    lua_settop(L, 0);
    return rc;
}

static void outcome(cadre_test_fn fn, void *ud, int ok, const char *file, const char *name,
                    const char *diag)
{
    cadre_test_outcome o = {ok, file, name, diag ? diag : ""};

    if (fn) fn(ud, &o);
}

/* The rubric a test file tests: its `rubric` field, else NAME.lua or NAME.so for NAME_test.lua. */
static void rubric_path(char *out, size_t size, lua_State *L, const char *dir, const char *path)
{
    struct stat st;
    const char *base = strrchr(path, '/');
    size_t n;

    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.tests");
    lua_getfield(L, -1, "rubric");
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *r = lua_tostring(L, -1);

        snprintf(out, size, "%s%s%s", r[0] == '/' ? "" : dir, r[0] == '/' ? "" : "/", r);
        lua_pop(L, 2);
        return;
    }
    lua_pop(L, 2);
    base = base ? base + 1 : path;
    n = strlen(base);
    n = n > 9 && strcmp(base + n - 9, "_test.lua") == 0 ? n - 9 : n;
    snprintf(out, size, "%s/%.*s.lua", dir, (int)n, base);
    if (stat(out, &st) != 0) snprintf(out, size, "%s/%.*s.so", dir, (int)n, base);
}

static void reset_params(cadre_engine *e)
{
    cadre__plugin *p;

    for (size_t i = 0; (p = cadre__engine_plugin_at(e, i)) != NULL; i++) {
        for (size_t k = 0; k < p->param_count; k++)
            p->params[k].value = p->params[k].spec->default_value;
    }
}

/* Runs test i; returns 1 when it passed. */
static int run_test(cadre__sandbox *sb, cadre_engine *e, tctx *x, const char *path,
                    cadre_test_fn fn, void *ud)
{
    const char *plugin = cadre_engine_plugin(e, 0)->name;
    const char *names[] = {plugin, NULL};
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;
    int rc, passed;

    x->problems[0] = '\0';
    cadre__sandbox_begin(sb);
    lua_pushcfunction(cadre__sandbox_state(sb), read_test);
    lua_pushlightuserdata(cadre__sandbox_state(sb), x);
    rc = cadre__sandbox_pcall(sb, 1, 0, &err);
    cadre__sandbox_end(sb);
    if (rc != 0) {
        outcome(fn, ud, 0, path, x->spec.name[0] ? x->spec.name : "(test)", err.message);
        return 0;
    }
    rc = x->spec.candidate_json
             ? cadre_candidate_parse(&c, x->spec.candidate_json, strlen(x->spec.candidate_json),
                                     x->spec.name, NULL, NULL, &err)
             : cadre_candidate_load_file(&c, x->spec.candidate_file, NULL, NULL, &err);
    if (rc != 0) {
        char msg[1200];

        snprintf(msg, sizeof(msg), "the test's candidate is not valid: %s", err.message);
        outcome(fn, ud, 0, path, x->spec.name, msg);
        return 0;
    }
    reset_params(e);
    for (int i = 0; i < x->spec.nparams && rc == 0; i++)
        rc = cadre_engine_set_param(e, plugin, x->spec.param_key[i], x->spec.param_value[i], &err);
    if (rc == 0) rc = cadre_engine_assess(&r, e, c, names, &err);
    cadre_candidate_free(c);
    if (rc != 0) {
        outcome(fn, ud, 0, path, x->spec.name, err.message);
        return 0;
    }
    x->res = cadre_report_result(r, 0);
    cadre__sandbox_begin(sb);
    lua_pushcfunction(cadre__sandbox_state(sb), check_test);
    lua_pushlightuserdata(cadre__sandbox_state(sb), x);
    if (cadre__sandbox_pcall(sb, 1, 0, &err) != 0) add_problem(x, err.message);
    cadre__sandbox_end(sb);
    passed = x->problems[0] == '\0';
    if (!passed && x->res->status == CADRE_STATUS_OK) {
        size_t n = strlen(x->problems);

        snprintf(x->problems + n, sizeof(x->problems) - n, "\n(result: score %.1f, band \"%s\")",
                 x->res->score, x->res->band);
    }
    outcome(fn, ud, passed, path, x->spec.name, x->problems);
    cadre_report_free(r);
    return passed;
}

static cadre_engine *engine_for(const char *rubric, const cadre_engine_options *opts,
                                cadre_error *err)
{
    cadre_engine_options o;
    cadre_engine *e = NULL;

    cadre_engine_options_init(&o);
    if (opts) memcpy(&o, opts, opts->struct_size < sizeof(o) ? opts->struct_size : sizeof(o));
    o.struct_size = sizeof(o);
    o.on_diag = NULL;
    o.builtin_dir = "";
    o.user_dir = "";
    o.use_env_path = 0;
    if (cadre_engine_new(&e, &o, err) != 0) return NULL;
    if (cadre_engine_load_file(e, rubric, err) != 0) {
        cadre_engine_free(e);
        return NULL;
    }
    return e;
}

static int test_file(size_t *failed, const char *path, const cadre_engine_options *opts,
                     cadre_test_fn on_test, void *userdata, cadre_error *caller_err)
{
    cadre_error local, *err = caller_err ? caller_err : &local; /* the outcome needs the text */

    memset(err, 0, sizeof(*err));
    cadre__sandbox_config cfg = {{1000, (size_t)64 << 20}, path, NULL, NULL, NULL};
    char dir[1024], rubric[1200], *text = NULL;
    cadre__sandbox *sb = NULL;
    cadre_engine *e = NULL;
    const char *slash = strrchr(path ? path : "", '/');
    const char *stage = "the test file could not run: ";
    size_t len, ntests;
    int rc;

    if (failed == NULL || path == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_test_file: NULL argument");
    *failed = 0;
    snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (opts && opts->lua_time_limit_ms) cfg.limits.time_ms = opts->lua_time_limit_ms;
    if ((rc = cadre__read_file(&text, &len, path, CADRE__MAX_PLUGIN_BYTES, err)) == 0 &&
        (rc = cadre__sandbox_new(&sb, &cfg, err)) == 0)
        rc = run_test_file(sb, text, len, err);
    if (rc == 0) {
        rubric_path(rubric, sizeof(rubric), cadre__sandbox_state(sb), dir, path);
        e = engine_for(rubric, opts, err);
        if (e == NULL) rc = err->code ? err->code : CADRE_EPLUGIN;
        stage = "the rubric could not be loaded: ";
    }
    if (rc != 0) {
        char msg[1400];

        snprintf(msg, sizeof(msg), "%s%s", stage, err->message);
        if (err->line && rc != CADRE_ENOMEM)
            snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " (%s line %d)", err->source,
                     err->line);
        outcome(on_test, userdata, 0, path, "the test file runs", msg);
        *failed = 1;
        cadre__sandbox_free(sb);
        free(text);
        return rc;
    }
    lua_getfield(cadre__sandbox_state(sb), LUA_REGISTRYINDEX, "cadre.tests");
    lua_getfield(cadre__sandbox_state(sb), -1, "tests");
    ntests = lua_rawlen(cadre__sandbox_state(sb), -1);
    lua_pop(cadre__sandbox_state(sb), 2);
    for (size_t i = 1; i <= ntests; i++) {
        tctx x;

        memset(&x, 0, sizeof(x));
        x.index = (int)i;
        x.dir = dir;
        *failed += !run_test(sb, e, &x, path, on_test, userdata);
        spec_free(&x.spec);
    }
    cadre_engine_free(e);
    cadre__sandbox_free(sb);
    free(text);
    return 0;
}

int cadre_test_file(size_t *failed, const char *path, const cadre_engine_options *opts,
                    cadre_test_fn on_test, void *userdata, cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    int rc = test_file(failed, path, opts, on_test, userdata, err);

    cadre__locale_leave(previous);
    return rc;
}
