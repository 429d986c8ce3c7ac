/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_lua_result.c - libFuzzer harness for the conversion of what Lua rubrics
 * return (scores, evidence, summaries) and pass to the result object r (findings, ranks,
 * details, criteria) into a result.
 *
 * Two fixed rubrics, one declarative and one with an assess function, ask a C function,
 * fuzz_value(), for every value they return or pass on; fuzz_value() decodes the values from
 * the input: nil, booleans, integers, any double (NaN, infinities), strings with any bytes,
 * long strings, nested tables. Every result must come out well-formed or as an error result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>

#include <cadre/cadre.h>

#include "engine_internal.h"
#include "lua/bridge.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const unsigned char *cur, *end;
static cadre_engine *engine;
static cadre_candidate *candidate;

static unsigned take(void)
{
    return cur < end ? *cur++ : 0;
}

static void push_value(lua_State *L, int depth)
{
    unsigned tag = take() % 8;

    luaL_checkstack(L, 4, "fuzz");
    switch (tag) {
    case 0:
        lua_pushnil(L);
        return;
    case 1:
        lua_pushboolean(L, take() & 1);
        return;
    case 2:
    case 3: {
        unsigned char raw[8];
        lua_Integer i;
        double d;

        for (int k = 0; k < 8; k++)
            raw[k] = (unsigned char)take();
        memcpy(&i, raw, 8);
        memcpy(&d, raw, 8);
        if (tag == 2)
            lua_pushinteger(L, i % 300);
        else
            lua_pushnumber(L, d);
        return;
    }
    case 4: {
        size_t n = take() % 64;
        char buf[64];

        for (size_t k = 0; k < n; k++)
            buf[k] = (char)take();
        lua_pushlstring(L, buf, n);
        return;
    }
    case 5:
    case 7: {
        unsigned n = take() % 5;

        lua_createtable(L, 0, 0);
        for (unsigned k = 1; k <= n && depth < 4; k++) {
            push_value(L, depth + 1);
            if (tag == 5)
                lua_rawseti(L, -2, k);
            else
                lua_setfield(L, -2, (const char *[]){"score", "evidence", "id", "x"}[k % 4]);
        }
        return;
    }
    default: {
        size_t n = 3000 + (take() << 4);
        char *s = malloc(n);

        memset(s, 'a' + (int)(take() % 26), n);
        lua_pushlstring(L, s, n);
        free(s);
        return;
    }
    }
}

static int fuzz_value(lua_State *L)
{
    push_value(L, 0);
    return 1;
}

/* fuzz_value exists only after loading, so during the load-time trial (two probe candidates)
 * the rubrics see rawget(_G, "fuzz_value") == nil and behave. */
static const char declarative[] =
    "local function fv() return rawget(_G, 'fuzz_value') end\n"
    "return {name = 'fuzz_declarative', version = '1', bands = {{min = 0, label = 'x'}},\n"
    " criteria = {\n"
    "  {id = 'a', weight = 1, score = function(c, p, r)\n"
    "     if not fv() then return 50, 'trial' end\n"
    "     return fuzz_value(), fuzz_value() end},\n"
    "  {id = 'b', weight = 2, score = function(c, p, r)\n"
    "     if not fv() then return 50, 'trial' end\n"
    "     pcall(r.gap, r, fuzz_value(), fuzz_value())\n"
    "     pcall(r.rank, r, fuzz_value(), fuzz_value(), fuzz_value(), fuzz_value())\n"
    "     pcall(r.detail, r, fuzz_value(), fuzz_value())\n"
    "     pcall(r.missing, r, fuzz_value())\n"
    "     return fuzz_value(), fuzz_value() end}},\n"
    " summary = function() if fv() then return fuzz_value() end end}\n";

static const char imperative[] =
    "local function fv() return rawget(_G, 'fuzz_value') end\n"
    "return {name = 'fuzz_assess', version = '1', assess = function(c, p, r)\n"
    "  if not fv() then r:criterion('t', 't', 1, 50, 'trial') r:band('x') return end\n"
    "  pcall(r.criterion, r, fuzz_value(), fuzz_value(), fuzz_value(), fuzz_value(), "
    "fuzz_value())\n"
    "  pcall(r.criterion, r, 'k', fuzz_value(), 1, fuzz_value(), fuzz_value())\n"
    "  pcall(r.score, r, fuzz_value())\n"
    "  pcall(r.band, r, fuzz_value())\n"
    "  pcall(r.strength, r, fuzz_value())\n"
    "  pcall(r.risk, r, fuzz_value(), fuzz_value())\n"
    "  pcall(r.summary, r, fuzz_value())\n"
    "  return fuzz_value()\n"
    "end}\n";

static void add_rubric(const char *dir, const char *file, const char *text)
{
    char path[512];
    FILE *f;
    lua_State *L;

    snprintf(path, sizeof(path), "%s/%s", dir, file);
    f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    /* fuzz_value is only called when assessing, so it can be defined after loading. */
    if (cadre_engine_load_file(engine, path, NULL) != 0) abort();
    unlink(path);
    L = cadre__lua_plugin_state(
        cadre__engine_plugin_at(engine, cadre_engine_plugin_count(engine) - 1));
    /* The rubric's globals are frozen after loading (lua/seal.h): their entries live in the
     * hidden table the registry maps the global table to. */
    lua_getfield(L, LUA_REGISTRYINDEX, "cadre.frozen");
    lua_pushglobaltable(L);
    if (lua_rawget(L, -2) != LUA_TTABLE) abort();
    lua_pushliteral(L, "fuzz_value");
    lua_pushcfunction(L, fuzz_value);
    lua_rawset(L, -3);
    lua_pop(L, 2);
}

static void setup(void)
{
    char dir[] = "/tmp/cadre-fuzz-XXXXXX";
    cadre_engine_options o;

    if (mkdtemp(dir) == NULL) abort();
    cadre_engine_options_init(&o);
    o.worker_program = CADRE_TEST_WORKER;
    o.builtin_dir = "";
    o.user_dir = "";
    o.use_env_path = 0;
    o.lua_time_limit_ms = 2000;
    o.isolation = CADRE_ISOLATE_NONE; /* the rubrics run here, where the harness reaches them */
    if (cadre_engine_new(&engine, &o, NULL) != 0) abort();
    add_rubric(dir, "fuzz_declarative.lua", declarative);
    add_rubric(dir, "fuzz_assess.lua", imperative);
    rmdir(dir);
    if (cadre_candidate_parse(&candidate, "{}", 2, "fuzz", NULL, NULL, NULL) != 0) abort();
}

static void check(const cadre_result *r)
{
    if (r->status == CADRE_STATUS_ERROR) {
        if (r->error.message == NULL) abort();
        return;
    }
    if (!(r->score >= 0 && r->score <= 100) || r->band == NULL || r->criteria.count == 0) abort();
    for (size_t i = 0; i < r->criteria.count; i++)
        if (!(CADRE_ITEM(cadre_criterion, r->criteria, i)->score >= 0 &&
              CADRE_ITEM(cadre_criterion, r->criteria, i)->score <= 100) ||
            CADRE_ITEM(cadre_criterion, r->criteria, i)->evidence == NULL)
            abort();
    for (size_t i = 0; i < r->ranking.count; i++)
        if (!(CADRE_ITEM(cadre_rank, r->ranking, i)->score >= 0 &&
              CADRE_ITEM(cadre_rank, r->ranking, i)->score <= 100))
            abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    cadre_report *r = NULL;

    if (engine == NULL) setup();
    cur = data;
    end = data + size;
    if (cadre_engine_assess(&r, engine, candidate, NULL, NULL) != 0) abort();
    for (size_t i = 0; i < cadre_report_count(r); i++)
        check(cadre_report_result(r, i));
    cadre_report_free(r);
    return 0;
}
