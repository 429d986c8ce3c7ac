/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_lua.c - Lua rubrics: the good ones work, and every file in the hostile corpus
 * (tests/fixtures/lua) is contained with the error its header promises.
 *
 * Each fixture starts with "-- expect-ok", "-- expect-refused: TEXT" (refused at load time, by
 * the descriptor checks or by trying the rubric on two probe candidates) or "-- expect-error:
 * TEXT" (an error result when assessing; these misbehave only for the test candidate, named
 * "Lua Test", so that they pass the load-time trial), optionally "-- expect-line: N".
 * Error fixtures are assessed twice: the second run must fail the same way, which shows a
 * failure leaves the rubric's state usable.
 */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cadre/cadre.h>

#include "../tap.h"
#include "helpers.h"
#include "lua/bridge.h"
#include "lua/sandbox.h"

#include <lauxlib.h>
#include <lualib.h>

#define DIR_LUA CADRE_TEST_FIXTURES "/lua"

static const char *candidate_json =
    "{\"name\": \"Lua Test\", \"experience\": {\"total_years\": 12, \"management_years\": 5},"
    " \"skills\": {\"leadership\": 3}, \"certifications\": [\"pmp\", \"cpa\"]}";

/* 400 ms: enough for any honest fixture even under valgrind, whose translation of code seen
 * for the first time counts as the rubric's CPU time. A fixture can ask for more with
 * "-- expect-budget-ms: N" when another limit must be the one that stops it. */
static cadre_engine *engine_budget(uint32_t ms)
{
    return bare_engine(NULL, CADRE_ISOLATE_NONE, 0, ms, 16u << 20);
}

static cadre_engine *engine(void)
{
    return engine_budget(400);
}

static cadre_candidate *candidate(const char *json)
{
    cadre_candidate *c = NULL;
    cadre_error err;

    if (cadre_candidate_parse(&c, json, strlen(json), "c.json", NULL, NULL, &err) != 0)
        diag("candidate: %s", err.message);
    return c;
}

typedef struct expect {
    char kind[16]; /* "ok", "refused", "error" */
    char text[300];
    int line;
    uint32_t budget_ms; /* the CPU budget to run it with */
} expect;

static int read_expect(const char *path, expect *x)
{
    FILE *f = fopen(path, "r");
    char buf[400];

    memset(x, 0, sizeof(*x));
    x->budget_ms = 400;
    if (f == NULL) return -1;
    while (fgets(buf, sizeof(buf), f) && strncmp(buf, "-- expect", 9) == 0) {
        buf[strcspn(buf, "\n")] = '\0';
        if (strcmp(buf, "-- expect-ok") == 0)
            strcpy(x->kind, "ok");
        else if (strncmp(buf, "-- expect-refused: ", 19) == 0)
            strcpy(x->kind, "refused"), snprintf(x->text, sizeof(x->text), "%s", buf + 19);
        else if (strncmp(buf, "-- expect-error: ", 17) == 0)
            strcpy(x->kind, "error"), snprintf(x->text, sizeof(x->text), "%s", buf + 17);
        else if (strncmp(buf, "-- expect-line: ", 16) == 0)
            x->line = atoi(buf + 16);
        else if (strncmp(buf, "-- expect-budget-ms: ", 21) == 0)
            x->budget_ms = (uint32_t)atoi(buf + 21);
    }
    fclose(f);
    return x->kind[0] ? 0 : -1;
}

static void check_fixture(const char *file, int *counts)
{
    char path[600];
    expect x;
    cadre_engine *e = NULL;
    cadre_candidate *c = candidate(candidate_json);
    cadre_error err;
    int rc;

    snprintf(path, sizeof(path), "%s/%s", DIR_LUA, file);
    if (!ok(read_expect(path, &x) == 0, "%s: has an expect header", file)) goto out;
    e = engine_budget(x.budget_ms);
    rc = cadre_engine_load_file(e, path, &err);
    if (strcmp(x.kind, "refused") == 0) {
        counts[0]++;
        ok(rc != 0, "%s: refused at load time", file);
        like(err.message, x.text, "%s: load error says what is wrong", file);
        like(err.source, file, "%s: load error names the file", file);
        if (x.line) is_int(err.line, x.line, "%s: load error points at line %d", file, x.line);
        goto out;
    }
    if (!ok(rc == 0, "%s: loads", file)) {
        diag("%s", err.message);
        goto out;
    }
    for (int run = 0; run < 2; run++) {
        cadre_report *r = NULL;
        const cadre_result *res;

        cadre_engine_assess(&r, e, c, NULL, &err);
        res = cadre_report_result(r, 0);
        if (strcmp(x.kind, "ok") == 0) {
            is_int(res->status, CADRE_STATUS_OK, "%s: run %d ok", file, run + 1);
        } else if (run == 1) {
            counts[1]++;
            is_int(res->status, CADRE_STATUS_ERROR, "%s: error result", file);
            like(res->error.message, x.text, "%s: error says what happened", file);
            like(res->error.file, file, "%s: error names the rubric file", file);
            if (x.line)
                is_int(res->error.line, x.line, "%s: error points at line %d", file, x.line);
        }
        cadre_report_free(r);
    }
out:
    cadre_candidate_free(c);
    cadre_engine_free(e);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_corpus(void)
{
    DIR *d = opendir(DIR_LUA);
    struct dirent *de;
    char *names[200];
    int n = 0, counts[2] = {0, 0};

    while (d && (de = readdir(d)) != NULL && n < 200)
        if (strstr(de->d_name, ".lua")) names[n++] = strdup(de->d_name);
    if (d) closedir(d);
    qsort(names, (size_t)n, sizeof(*names), cmp);
    for (int i = 0; i < n; i++) {
        check_fixture(names[i], counts);
        free(names[i]);
    }
    diag("corpus: %d files, %d refused at load, %d contained while assessing", n, counts[0],
         counts[1]);
    ok(counts[0] >= 10 && counts[1] >= 25, "the corpus covers load-time and run-time cases");
    ok(access("/tmp/cadre-pwned", F_OK) != 0, "no rubric managed to run a command");
}

/* All fixtures in one engine: the broken ones fail alone and the good ones still run. */
static void test_together(void)
{
    cadre_engine *e = engine();
    cadre_candidate *c = candidate(candidate_json);
    cadre_report *r = NULL;
    cadre_error err;
    size_t okn = 0, errn = 0;

    cadre_engine_add_dir(e, DIR_LUA, NULL);
    cadre_engine_load(e, &err);
    ok(cadre_engine_refused_count(e) >= 10, "load-time failures refused (%zu)",
       cadre_engine_refused_count(e));
    is_int(cadre_engine_assess(&r, e, c, NULL, &err), 0, "one run over every loaded rubric");
    for (size_t i = 0; i < cadre_report_count(r); i++) {
        okn += cadre_report_result(r, i)->status == CADRE_STATUS_OK;
        errn += cadre_report_result(r, i)->status == CADRE_STATUS_ERROR;
    }
    ok(cadre_report_find(r, "fixture_good_lua")->status == CADRE_STATUS_OK &&
           cadre_report_find(r, "fixture_assess_form")->status == CADRE_STATUS_OK &&
           cadre_report_find(r, "fixture_rep_empty")->status == CADRE_STATUS_OK,
       "the three rubrics that should work still produce results");
    is_int(okn, 3, "no other rubric produced an ok result");
    ok(errn >= 25, "each hostile rubric produced its own error result (%zu)", errn);
    is_int(cadre_report_error_count(r), errn, "cadre_report_error_count agrees");
    cadre_report_free(r);
    cadre_candidate_free(c);
    cadre_engine_free(e);
}

static const cadre_result *assess_one(cadre_engine *e, cadre_report **r, const char *name,
                                      const char *json)
{
    const char *names[] = {name, NULL};
    cadre_candidate *c = candidate(json);
    cadre_error err;

    *r = NULL;
    if (cadre_engine_assess(r, e, c, names, &err) != 0) diag("assess: %s", err.message);
    cadre_candidate_free(c);
    return cadre_report_result(*r, 0);
}

static void test_good(void)
{
    cadre_engine *e = engine();
    cadre_report *r;
    const cadre_result *res;
    cadre_error err;

    is_int(cadre_engine_load_file(e, DIR_LUA "/good.lua", &err), 0, "good.lua loads");
    is_int(cadre_engine_plugin(e, 0)->kind, CADRE_PLUGIN_LUA, "kind lua");
    ok(cadre_engine_plugin(e, 0)->params[2] != NULL, "three parameters declared");
    res = assess_one(e, &r, "fixture_good_lua", candidate_json);
    is_int(res->status, CADRE_STATUS_OK, "assessed");
    is_num(CADRE_ITEM(cadre_criterion, res->criteria, 0)->score, 50, 0.01, "years: ramp 5 of 10");
    is_num(CADRE_ITEM(cadre_criterion, res->criteria, 0)->weight, 3, 0,
           "weight from the data file");
    is_num(CADRE_ITEM(cadre_criterion, res->criteria, 1)->score, 75, 0.01,
           "leadership 3 of 4 (TSV data)");
    is_num(res->score, (3 * 50 + 75) / 4.0, 0.05, "weighted score");
    is_str(res->band, "weak", "band from bands");
    is_str(res->summary, "weak: 56.3", "summary sees the view");
    is_str(CADRE_ITEM(cadre_criterion, res->criteria, 0)->evidence, "5 years of management",
           "evidence");
    is_str(CADRE_ITEM(cadre_finding, res->findings, 0)->recommendation, "Lead a larger team.",
           "advise adds findings");
    is_str(CADRE_ITEM(cadre_detail, res->details, 0)->value, "plain", "choice default reaches Lua");
    is_str(CADRE_ITEM(cadre_rank, res->ranking, 0)->id, "y", "ranking sorted");
    is_num(res->confidence, 1, 0, "nothing missing");
    cadre_report_free(r);

    cadre_engine_set_param(e, "fixture_good_lua", "full_at", "20", &err);
    res = assess_one(e, &r, "fixture_good_lua", "{\"skills\": {}}");
    is_num(CADRE_ITEM(cadre_criterion, res->criteria, 0)->score, 0, 0,
           "unassessed criterion counts 0");
    like(CADRE_ITEM(cadre_criterion, res->criteria, 0)->evidence, "Not assessed, counted as 0",
         "... and says so");
    is_str(CADRE_ITEM(cadre_criterion, res->criteria, 0)->missing[0], "experience.management_years",
           "its missing input");
    is_str(CADRE_ITEM(cadre_criterion, res->criteria, 1)->missing[0], "skills.leadership",
           "absent skill recorded as missing");
    is_num(res->confidence, 0, 0, "everything missing: confidence 0");
    is_str(res->band, "not enough information", "band says there is too little to go on");
    cadre_report_free(r);
    cadre_engine_free(e);

    e = engine();
    cadre_engine_load_file(e, DIR_LUA "/assess_form.lua", &err);
    res = assess_one(e, &r, "fixture_assess_form", candidate_json);
    is_num(res->score, 42, 0, "r:score overrides the weighted mean");
    is_str(res->band, "custom band", "r:band");
    is_str(CADRE_ITEM(cadre_criterion, res->criteria, 0)->evidence, "2 certifications",
           "candidate list length");
    cadre_report_free(r);
    cadre_engine_free(e);
}

static void test_unsafe_folder(void)
{
    char dir[] = "/tmp/cadre-unsafe-XXXXXX", path[300];
    cadre_engine *e = engine();
    cadre_error err;
    FILE *f;

    ok(mkdtemp(dir) != NULL, "temp dir");
    snprintf(path, sizeof(path), "%s/x.lua", dir);
    f = fopen(path, "w");
    fputs("return {}", f);
    fclose(f);
    chmod(dir, 0777);
    is_int(cadre_engine_load_file(e, path, &err), CADRE_EUNSAFE, "world-writable folder refused");
    like(err.message, "chmod o-w", "... and the message says how to fix it");
    chmod(dir, 0755);
    chmod(path, 0666);
    is_int(cadre_engine_load_file(e, path, &err), CADRE_EUNSAFE, "world-writable file refused");
    unlink(path);
    rmdir(dir);
    cadre_engine_free(e);
}

/* The candidate object builds groups on first access; pairs() and # see every member, and an
 * object from an earlier call cannot build anything once its candidate may be gone. */
static void test_lazy_candidate(void)
{
    lua_State *L = luaL_newstate();
    cadre_candidate *a = candidate(candidate_json),
                    *b = candidate("{\"name\": \"Other\", \"scope\": {\"people_led\": 40}}");
    const char *r;

    luaL_openlibs(L);
    cadre__lua_push_candidate(L, a);
    lua_setglobal(L, "a");
    luaL_dostring(L, "return a.experience.management_years .. ' ' .. a.skills.leadership");
    is_str(lua_tostring(L, -1), "5 3", "groups are built when first read");
    lua_settop(L, 0);
    luaL_dostring(L, "local n = 0; for k, v in pairs(a.experience) do n = n + 1 end; "
                     "local m = 0; for k in pairs(a) do m = m + 1 end; "
                     "return n .. ' ' .. #a.certifications .. ' ' .. tostring(m >= 4)");
    is_str(lua_tostring(L, -1), "2 2 true", "pairs() and # build and see every member");
    lua_settop(L, 0);
    cadre__lua_push_candidate(L, b);
    lua_setglobal(L, "b");
    luaL_dostring(L, "return b.scope.people_led");
    is_int((int)lua_tointeger(L, -1), 40, "the next call's candidate reads as usual");
    lua_settop(L, 0);
    luaL_dostring(L, "return a.experience.total_years");
    is_int((int)lua_tointeger(L, -1), 12, "what an earlier object already built stays readable");
    lua_settop(L, 0);
    r = luaL_dostring(L, "return a.scope.people_led") != LUA_OK ? lua_tostring(L, -1) : "no error";
    like(r, "belongs to an earlier assessment call",
         "an earlier call's object refuses to build a group it had not built");
    lua_close(L);
    cadre_candidate_free(a);
    cadre_candidate_free(b);
}

/* Without the watchdog thread (when it cannot be started) a count hook keeps the budget; it
 * must stop the same catching loops the watchdog stops. */
static void test_fallback_budget(void)
{
    static const char *const cases[] = {"xpcall_nested.lua", "xpcall_handler_loop.lua",
                                        "close_loop.lua", NULL};
    cadre_candidate *c = candidate(candidate_json);

    cadre__sandbox_set_budget_mode(CADRE__BUDGET_COUNT_HOOK);
    alarm(60);
    for (int i = 0; cases[i]; i++) {
        char path[1024];
        cadre_engine *e = bare_engine(NULL, CADRE_ISOLATE_NONE, 0, 100, 16u << 20);
        cadre_error err;
        int rc;

        snprintf(path, sizeof(path), "%s/tests/hostile/lua/%s", CADRE_TEST_SOURCE, cases[i]);
        rc = cadre_engine_load_file(e, path, &err);
        ok(rc != 0 && strstr(err.message, "CPU budget") != NULL,
           "with the fallback hook, %s is stopped by the budget", cases[i]);
        if (rc == 0 || strstr(err.message, "CPU budget") == NULL) diag("got: %s", err.message);
        cadre_engine_free(e);
    }
    alarm(0);
    cadre__sandbox_set_budget_mode(CADRE__BUDGET_WATCHDOG);
    cadre_candidate_free(c);
}

/* r:discount lowers the confidence, explains it in the "confidence" detail, and the number and
 * the reason survive the trip from a worker process. */
static void test_discount(void)
{
    static const char *rubric =
        "return {name = 'discounted', version = '1', assess = function(c, p, r)\n"
        "  r:criterion('a', 'A', 3, 50, 'given'); r:criterion('b', 'B', 1, 50, 'absent')\n"
        "  r:missing('x.y', 'b'); r:band('x')\n"
        "  r:discount(0.8, 'self-rated'); r:discount(0.5, 'implausible')\n"
        "end}\n";
    char dir[] = "/tmp/cadre-discount.XXXXXX", path[600];
    cadre_candidate *c = candidate(candidate_json);
    FILE *f;

    if (!ok(mkdtemp(dir) != NULL, "temp dir")) return;
    snprintf(path, sizeof(path), "%s/discounted.lua", dir);
    f = fopen(path, "w");
    fputs(rubric, f);
    fclose(f);
    for (int mode = 0; mode < 2; mode++) {
        cadre_engine *e =
            bare_engine(NULL, mode ? CADRE_ISOLATE_ALL : CADRE_ISOLATE_NONE, 0, 400, 16u << 20);
        cadre_report *r = NULL;
        cadre_error err;
        const cadre_result *res;
        const char *why = NULL;

        if (!ok(cadre_engine_load_file(e, path, &err) == 0, "discount rubric loads")) {
            diag("%s", err.message);
            cadre_engine_free(e);
            continue;
        }
        cadre_engine_assess(&r, e, c, NULL, &err);
        res = cadre_report_result(r, 0);
        /* 3 of 4 weight complete, times 0.8 and 0.5 */
        is_num(res->confidence, 0.3, 0.001, "%s: confidence is completeness x discounts",
               mode ? "isolated" : "in-process");
        for (size_t i = 0; i < res->details.count; i++)
            if (strcmp(CADRE_ITEM(cadre_detail, res->details, i)->key, "confidence") == 0)
                why = CADRE_ITEM(cadre_detail, res->details, i)->value;
        like(why ? why : "",
             "30% = 75% of the weight with every input; x 0.80: self-rated; "
             "x 0.50: implausible",
             "%s: the confidence detail shows the arithmetic and the reasons",
             mode ? "isolated" : "in-process");
        cadre_report_free(r);
        cadre_engine_free(e);
    }
    unlink(path);
    rmdir(dir);
    cadre_candidate_free(c);
}

/* criteria(c, p) gives each person their own list; band(c, p, view) can overrule the score's
 * band with another of the rubric's bands, and advise sees the band it chose. */
static void test_person_criteria(void)
{
    static const char *rubric =
        "local BY = {}\n"
        "for _, n in ipairs({1, 2, 3}) do\n"
        "  local list = {}\n"
        "  for i = 1, n do list[i] = {id = 'c' .. i, weight = i, score = function(c)\n"
        "    return 10 * i, 'part ' .. i end} end\n"
        "  BY[n] = list\n"
        "end\n"
        "return {name = 'per_person', version = '1',\n"
        "  bands = {{min = 20, label = 'high'}, {min = 0, label = 'low'}},\n"
        "  criteria = function(c, p, view)\n"
        "    view.from_criteria = 'kept'\n"
        "    local n = math.max(1, math.min(3, math.floor(c.experience.management_years or 1)))\n"
        "    if c.name == 'Gap' then\n"
        "      return {{id = 'x', weight = 1, inputs = {'scope.budget_usd'},\n"
        "               score = function() return nil, 'no budget given' end}}\n"
        "    end\n"
        "    return BY[n]\n"
        "  end,\n"
        "  band = function(c, p, view)\n"
        "    if c.experience.total_years == 12 then return 'low' end end,\n"
        "  advise = function(c, p, r, view) r:detail('seen', view.band)\n"
        "    r:detail('kept', view.from_criteria) end}\n";
    char dir[] = "/tmp/cadre-criteria.XXXXXX", path[600];
    cadre_candidate *three = candidate("{\"experience\": {\"total_years\": 9, "
                                       "\"management_years\": 3}}"),
                    *overruled = candidate("{\"experience\": {\"total_years\": 12, "
                                           "\"management_years\": 3}}"),
                    *gap = candidate("{\"name\": \"Gap\"}");
    cadre_engine *e = engine();
    cadre_report *r = NULL;
    cadre_error err;
    const cadre_result *res;
    FILE *f;

    if (!ok(mkdtemp(dir) != NULL, "temp dir")) return;
    snprintf(path, sizeof(path), "%s/per_person.lua", dir);
    f = fopen(path, "w");
    fputs(rubric, f);
    fclose(f);
    if (ok(cadre_engine_load_file(e, path, &err) == 0, "a rubric with a criteria function loads")) {
        cadre_engine_assess(&r, e, three, NULL, &err);
        res = cadre_report_result(r, 0);
        is_int((int)res->criteria.count, 3, "the person's list is scored: three criteria");
        is_num(res->score, (10 * 1 + 20 * 2 + 30 * 3) / 6.0, 0.05, "... weighted as listed");
        is_str(res->band, "high", "the score's band stands when band() returns nil");
        cadre_report_free(r);
        cadre_engine_assess(&r, e, overruled, NULL, &err);
        res = cadre_report_result(r, 0);
        is_str(res->band, "low", "band() overrules it with another of the rubric's bands");
        is_str(CADRE_ITEM(cadre_detail, res->details, 0)->value, "low",
               "advise sees the band band() chose");
        is_str(CADRE_ITEM(cadre_detail, res->details, 1)->value, "kept",
               "... and what the criteria function kept in the view");
        cadre_report_free(r);
        cadre_engine_assess(&r, e, gap, NULL, &err);
        res = cadre_report_result(r, 0);
        is_int((int)CADRE_ITEM(cadre_criterion, res->criteria, 0)->missing_count, 1,
               "a criterion built per person names its inputs: listed as missing when unscored");
        is_str(CADRE_ITEM(cadre_criterion, res->criteria, 0)->missing[0], "scope.budget_usd",
               "... by the field it gave");
        cadre_report_free(r);
    } else {
        diag("%s", err.message);
    }
    unlink(path);
    rmdir(dir);
    cadre_engine_free(e);
    cadre_candidate_free(three);
    cadre_candidate_free(overruled);
    cadre_candidate_free(gap);
}

int main(void)
{
    test_person_criteria();
    test_discount();
    test_fallback_budget();
    test_lazy_candidate();
    test_corpus();
    test_together();
    test_good();
    test_unsafe_folder();
    return done_testing();
}
