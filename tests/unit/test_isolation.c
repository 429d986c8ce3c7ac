/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_isolation.c - isolated plugins: a native plugin that crashes, exits or hangs
 * costs one error result, as does a rubric out of budget; the worker is restarted when it died
 * and the others still run.
 */
#define _GNU_SOURCE /* SCHED_IDLE */
#include <dirent.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

/* ---- a worker kept from running is not a worker that hangs ---- */

static atomic_int hogging;

static void *hog(void *arg)
{
    volatile unsigned long x = 0;

    (void)arg;
    while (atomic_load(&hogging))
        x++;
    return NULL;
}

static void *stop_hogs_after(void *arg)
{
    struct timespec t = {*(int *)arg, 0};

    nanosleep(&t, NULL);
    atomic_store(&hogging, 0);
    return NULL;
}

/* The pids of this process's children (its worker processes). */
static int children(pid_t *out, int max)
{
    DIR *d = opendir("/proc/self/task");
    struct dirent *de;
    int n = 0;

    while (d && (de = readdir(d)) != NULL) {
        char path[300];
        FILE *f;
        int pid;

        if (de->d_name[0] == '.') continue;
        snprintf(path, sizeof(path), "/proc/self/task/%s/children", de->d_name);
        if ((f = fopen(path, "r")) == NULL) continue;
        while (n < max && fscanf(f, "%d", &pid) == 1)
            out[n++] = pid;
        fclose(f);
    }
    if (d) closedir(d);
    return n;
}

static double since(const struct timespec *t0)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The worker of a rubric is put at the lowest scheduling priority (SCHED_IDLE) while every CPU
 * is kept busy for longer than its deadline (a 500 ms budget: 2.5 s). It has not hung: it was
 * kept from running, and its assessment must still come back, late and right. */
static void test_starved_worker(void)
{
    char dir[] = "/tmp/cadre-starve-XXXXXX", path[64];
    const char *rubric =
        "return {name = \"slow\", version = \"1\", bands = {{min = 0, label = \"x\"}},\n"
        " criteria = {{id = \"a\", label = \"A\", weight = 1, score = function(c)\n"
        "   local x = 0; for i = 1, 2000000 do x = x + i end\n"
        "   return 50, \"counted\" end}}}\n";
    int cpus = (int)sysconf(_SC_NPROCESSORS_ONLN), seconds = 5;
    cadre_engine *e = engine(CADRE_ISOLATE_ALL, 0, 500);
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    pthread_t hogs[16], timer;
    pid_t kids[8];
    struct timespec t0;
    FILE *f;
    int n;

    if (mkdtemp(dir) == NULL) return;
    snprintf(path, sizeof(path), "%s/slow.lua", dir);
    f = fopen(path, "w");
    fputs(rubric, f);
    fclose(f);
    is_int(cadre_engine_load_file(e, path, NULL), 0, "starved: the rubric loads in a worker");
    n = children(kids, 8);
    is_int(n, 1, "starved: one worker process");
    for (int i = 0; i < n; i++)
        sched_setscheduler(kids[i], SCHED_IDLE, &(struct sched_param){0});
    cadre_candidate_parse(&c, "{}", 2, "c.json", NULL, NULL, NULL);
    atomic_store(&hogging, 1);
    if (cpus > 16) cpus = 16;
    for (int i = 0; i < cpus; i++)
        pthread_create(&hogs[i], NULL, hog, NULL);
    pthread_create(&timer, NULL, stop_hogs_after, &seconds);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ok(cadre_engine_assess(&r, e, c, NULL, NULL) == 0, "starved: assessed");
    if (since(&t0) > 2.5)
        ok(1, "starved: it took longer than the 2.5 s deadline (%.1f s)", since(&t0));
    else /* under valgrind the busy threads take turns, and a CPU stays free for the worker */
        ok(1, "starved: # SKIP the worker was not kept from running here (%.1f s)", since(&t0));
    ok(r && cadre_report_result(r, 0)->status == CADRE_STATUS_OK,
       "starved: and the worker was not stopped as hung: %s",
       r && cadre_report_result(r, 0)->error.message ? cadre_report_result(r, 0)->error.message
                                                     : "ok");
    atomic_store(&hogging, 0);
    for (int i = 0; i < cpus; i++)
        pthread_join(hogs[i], NULL);
    pthread_join(timer, NULL);
    cadre_report_free(r);
    cadre_candidate_free(c);
    cadre_engine_free(e);
    unlink(path);
    rmdir(dir);
}

/* Two engines in one process, each with its own isolated workers, assess and are freed in
 * either order. The second engine's worker once inherited the first's socket, so freeing the
 * first waited for an end of file that never came. An alarm turns a hang into a failure. */
static void test_two_engines(void)
{
    static const char *const candidate = "{\"name\": \"Two\", \"experience\": "
                                         "{\"total_years\": 15, \"management_years\": 8}}";
    cadre_candidate *c = NULL;
    cadre_error err;
    int good = 1;

    cadre_candidate_parse(&c, candidate, strlen(candidate), "two.json", NULL, NULL, &err);
    alarm(120);
    for (int order = 0; order < 2; order++) {
        cadre_engine *e[2];
        cadre_report *r[2] = {NULL, NULL};

        for (int i = 0; i < 2; i++) {
            e[i] = bare_engine(CADRE_TEST_PLUGINS, CADRE_ISOLATE_ALL, 0, 0, 0);
            if (e[i] == NULL || cadre_engine_load(e[i], &err) != 0) good = 0;
        }
        for (int i = 0; i < 2 && good; i++)
            if (cadre_engine_assess(&r[i], e[i], c, NULL, &err) != 0 ||
                cadre_report_error_count(r[i]) != 0)
                good = 0;
        cadre_engine_free(e[order]);
        cadre_engine_free(e[1 - order]);
        cadre_report_free(r[0]);
        cadre_report_free(r[1]);
    }
    alarm(0);
    ok(good, "two engines with isolated workers assess and are freed in either order");
    cadre_candidate_free(c);
}

/* ---- submitting before collecting (cadre_engine_submit / cadre_engine_collect) ---- */

static char *render(const cadre_report *r)
{
    char *out = NULL;

    cadre_report_render(&out, NULL, &r, 1, CADRE_FORMAT_JSONL, 0, NULL);
    return out;
}

static void test_pipeline(void)
{
    static const char *const files[] = {"vp_operations", "new_ops_manager", "nearly_empty",
                                        "hospital_administrator", "finance_career_changer"};
    enum { N = 5 };
    cadre_candidate *c[N] = {NULL};
    char *want[N];
    cadre_engine *e = bare_engine(CADRE_TEST_PLUGINS, CADRE_ISOLATE_ALL, 0, 0, 0);
    cadre_report *r = NULL;
    cadre_error err;
    int same = 1, k = 0;

    for (int i = 0; i < N; i++) {
        char path[512];

        snprintf(path, sizeof(path), "%s/docs/examples/candidates/%s.json", CADRE_TEST_SOURCE,
                 files[i]);
        cadre_candidate_load_file(&c[i], path, NULL, NULL, &err);
        cadre_engine_assess(&r, e, c[i], NULL, &err);
        want[i] = render(r);
        cadre_report_free(r);
    }
    /* All five submitted before the first is collected: each worker has a queue. */
    for (int i = 0; i < N; i++)
        same &= cadre_engine_submit(e, c[i], NULL, &err) == 0;
    is_int(cadre_engine_assess(&r, e, c[0], NULL, &err), CADRE_EINVAL,
           "assess is refused while submitted candidates wait to be collected");
    like(err.message, "collect them first", "... and says what to do");
    for (int i = 0; i < N; i++) {
        char *got = NULL;

        same &= cadre_engine_collect(&r, e, &err) == 0 && (got = render(r)) != NULL &&
                strcmp(got, want[i]) == 0;
        cadre_free(got);
        cadre_report_free(r);
    }
    ok(same, "five candidates submitted at once come back in order, each report as assess gives");
    is_int(cadre_engine_collect(&r, e, &err), CADRE_EINVAL, "collect with nothing submitted");
    /* Two in flight at a time, as cadre batch does on a file. */
    same = 1;
    same &= cadre_engine_submit(e, c[0], NULL, &err) == 0;
    for (int i = 1; i <= 12; i++) {
        char *got = NULL;

        if (i < 12) same &= cadre_engine_submit(e, c[i % N], NULL, &err) == 0;
        same &= cadre_engine_collect(&r, e, &err) == 0 && (got = render(r)) != NULL &&
                strcmp(got, want[k++ % N]) == 0;
        cadre_free(got);
        cadre_report_free(r);
    }
    ok(same, "twelve candidates, two in flight at a time, in order");
    is_int(cadre_engine_submit(e, c[0], (const char *[]){"no_such", NULL}, &err), CADRE_ENOTFOUND,
           "an unknown name: nothing is submitted");
    is_int(cadre_engine_collect(&r, e, &err), CADRE_EINVAL, "... so nothing waits");
    /* Freed with candidates still in flight: discarded, nothing leaks. */
    cadre_engine_submit(e, c[1], NULL, &err);
    cadre_engine_submit(e, c[2], NULL, &err);
    cadre_engine_free(e);
    for (int i = 0; i < N; i++) {
        cadre_free(want[i]);
        cadre_candidate_free(c[i]);
    }
}

/* A worker that dies on the call it is running takes the queued call with it: the queued call
 * goes to a fresh worker and is answered on its own (here by the same crash, said again). */
static void test_pipeline_crash(void)
{
    const char *names[] = {"unsafe_segv", "fixture_good", NULL};
    cadre_engine *e = engine(CADRE_ISOLATE_NATIVE, 2000, 0);
    const char *json = "{\"name\": \"Queued\", \"experience\": {\"management_years\": 5}}";
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;
    int good = 1;

    cadre_engine_add_dir(e, CADRE_TEST_UNSAFE, NULL);
    cadre_engine_load_file(e, CADRE_TEST_NATIVE "/good.so", NULL);
    cadre_engine_load(e, NULL);
    cadre_candidate_parse(&c, json, strlen(json), "q.json", NULL, NULL, &err);
    for (int i = 0; i < 3; i++)
        good &= cadre_engine_submit(e, c, names, &err) == 0;
    for (int i = 0; i < 3; i++) {
        good &= cadre_engine_collect(&r, e, &err) == 0;
        if (!good) break;
        good &= find(r, 0)->status == CADRE_STATUS_ERROR &&
                strstr(find(r, 0)->error.message, "the plugin ") != NULL &&
                find(r, 1)->status == CADRE_STATUS_OK;
        cadre_report_free(r);
    }
    ok(good, "three queued calls to a crashing plugin: three crashes reported, the others run");
    cadre_candidate_free(c);
    cadre_engine_free(e);
}

int main(void)
{
    test_two_engines();
    test_native();
    test_lua_isolated();
    test_pipeline();
    test_pipeline_crash();
    test_starved_worker();
    return done_testing();
}
