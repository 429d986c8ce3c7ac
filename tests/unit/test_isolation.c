/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_isolation.c - isolated plugins: a native plugin that crashes, exits or hangs
 * costs one error result, as does a rubric out of budget; the worker is restarted when it died
 * and the others still run.
 */
#include <cadre/cadre.h>

#include "../tap.h"
#include "helpers.h"

static cadre_engine *engine(int isolation, uint32_t native_ms, uint32_t lua_ms)
{
    return bare_engine(NULL, isolation, native_ms, lua_ms, 0);
}

static const cadre_result *find(const cadre_report *r, size_t i)
{
    return cadre_report_result(r, i);
}

static void test_native(void)
{
    const char *names[] = {"unsafe_segv",   "fixture_good",     "unsafe_abort",
                           "unsafe_exit",   "unsafe_recursion", "unsafe_hang",
                           "unsafe_writes", "fixture_good",     NULL};
    /* How a dead worker is described depends on the runtime: ASan turns SIGSEGV into SIGABRT
     * and an exit() into its own leak-check abort, valgrind replaces exit statuses. What must
     * hold is that each death is reported as the plugin's. */
    static const char *const expect[] = {
        "the plugin ", NULL,          "crashed (signal 6",
        "the plugin ", "the plugin ", "did not finish within 2000 ms",
        NULL,          NULL};
    cadre_engine *e = engine(CADRE_ISOLATE_NATIVE, 2000, 0);
    const char *json = "{\"name\": \"Original\", \"experience\": {\"management_years\": 5}}";
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;

    cadre_engine_add_dir(e, CADRE_TEST_UNSAFE, NULL);
    cadre_engine_load_file(e, CADRE_TEST_NATIVE "/good.so", NULL);
    cadre_engine_load(e, NULL);
    is_int(cadre_engine_refused_count(e), 0, "unsafe fixtures load (they misbehave only later)");
    cadre_candidate_parse(&c, json, strlen(json), "c.json", NULL, NULL, &err);
    is_int(cadre_engine_assess(&r, e, c, names, &err), 0, "one run over crashing plugins");
    for (size_t i = 0; i < 8; i++) {
        const cadre_result *res = find(r, i);

        if (expect[i]) {
            ok(res->status == CADRE_STATUS_ERROR, "%s: error result", names[i]);
            like(res->error.message, expect[i], "%s: says what happened", names[i]);
            like(res->error.file, ".so", "%s: names the plugin file", names[i]);
        } else {
            ok(res->status == CADRE_STATUS_OK, "%s: still runs after the crashes before it",
               names[i]);
        }
    }
    is_num(CADRE_ITEM(cadre_criterion, find(r, 7)->criteria, 0)->score, 50, 0.01,
           "the last plugin saw the original candidate");
    is_str(c->name, "Original", "a plugin writing to the candidate changed only its own copy");
    is_num(c->experience.management_years.value, 5, 0, "... not the caller's");
    cadre_report_free(r);

    /* The worker keeps serving: many candidates through one (restarted) worker. */
    {
        const char *good[] = {"fixture_good", NULL};
        int all_ok = 1;

        for (int i = 0; i < 200; i++) {
            all_ok &= cadre_engine_assess(&r, e, c, good, &err) == 0 &&
                      find(r, 0)->status == CADRE_STATUS_OK;
            cadre_report_free(r);
        }
        ok(all_ok, "200 isolated assessments in a row");
    }
    cadre_candidate_free(c);
    cadre_engine_free(e);
}

/* Was a rubric stopped by its budget, or by the worker's deadline? Normally the budget acts
 * first; under valgrind the watchdog thread can be scheduled so late that the deadline (budget
 * plus a grace period, in wall time) does. Either way the rubric was contained. */
static int stopped(const char *msg)
{
    int ok_ = strstr(msg, "CPU budget of 500 ms exceeded") || strstr(msg, "did not finish within");

    if (!ok_) diag("message: %s", msg);
    return ok_;
}

/* With every plugin isolated, a rubric that runs out of budget inside a library call (a
 * pathological pattern) is stopped in the worker, and the worker carries on. */
static void test_lua_isolated(void)
{
    cadre_engine *e = engine(CADRE_ISOLATE_ALL, 0, 500);
    const char *names[] = {"fixture_pattern_bomb", "fixture_good_lua", NULL};
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;

    is_int(cadre_engine_load_file(e, CADRE_TEST_FIXTURES "/lua/pattern_bomb_at_load.lua", &err),
           CADRE_ELIMIT, "a rubric stuck in string.gsub while loading is refused, not a hang");
    ok(stopped(err.message), "... by its CPU budget (or, when slowed down, by the deadline)");
    is_int(cadre_engine_load_file(e, CADRE_TEST_FIXTURES "/lua/pattern_bomb.lua", &err), 0,
           "a rubric stuck only for one candidate loads");
    cadre_engine_load_file(e, CADRE_TEST_FIXTURES "/lua/good.lua", NULL);
    cadre_candidate_parse(&c, "{\"name\": \"Lua Test\"}", 20, "c.json", NULL, NULL, &err);
    if (!ok(cadre_engine_assess(&r, e, c, names, &err) == 0, "isolated Lua run")) {
        diag("%s", err.message);
        for (size_t i = 0; i < cadre_engine_refused_count(e); i++)
            diag("refused: %s", cadre_engine_refused(e, i)->message);
        return;
    }
    ok(find(r, 0)->status == CADRE_STATUS_ERROR, "a rubric stuck inside string.find is stopped");
    ok(stopped(find(r, 0)->error.message),
       "... by its CPU budget (or, when slowed down, by the deadline)");
    ok(find(r, 1)->status == CADRE_STATUS_OK, "the next rubric runs");
    cadre_report_free(r);
    cadre_candidate_free(c);
    cadre_engine_free(e);
}

int main(void)
{
    test_native();
    test_lua_isolated();
    return done_testing();
}
