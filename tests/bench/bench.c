/* SPDX-License-Identifier: MIT */
/*
 * tests/bench/bench.c - what the Lua CPU budget costs honest rubrics (scripts/bench).
 *
 * Runs the same work with no budget, with the watchdog (the default) and with a count hook
 * (the fallback, and what a naive sandbox does), and prints the time per call and the
 * overhead against no budget. Two workloads: a tight numeric loop (the worst case for a
 * per-instruction hook) and the two full-size Lua rubrics of tests/parity on the sample
 * candidates (the folder is the first argument: it holds them and their data/).
 * Then what the sandbox's own pattern and table functions (core/library.c, pattern.c) cost
 * against Lua's, on everyday uses.
 * Not a test: it asserts nothing and is not registered with ctest.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cadre/cadre.h>
#include <lauxlib.h>
#include <lualib.h>

#include "lua/library.h"
#include "lua/sandbox.h"

#define ROUNDS 15

static double now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Columns in this order; each names its mode explicitly (the enum's order differs). */
static const cadre__budget_mode order[] = {CADRE__BUDGET_NONE, CADRE__BUDGET_WATCHDOG,
                                           CADRE__BUDGET_COUNT_HOOK};
static const char *const modes[] = {"none", "watchdog", "count hook"};

/* Best of `reps` runs of `calls` calls of the rubric's criterion (a tight loop). */
static double tight_loop(cadre__budget_mode mode, int calls, int reps)
{
    static const char rubric[] =
        "return {name = 'bench_loop', version = '1', bands = {{min = 0, label = 'x'}},\n"
        " criteria = {{id = 'a', weight = 1, score = function(c)\n"
        "   local s = 0\n"
        "   for i = 1, 200000 do s = s + (i % 7) * 2 end\n"
        "   return s % 100, 'loop'\n"
        " end}}}\n";
    char dir[] = "/tmp/cadre-bench-XXXXXX", path[300];
    cadre_engine_options o;
    cadre_engine *e;
    cadre_candidate *c;
    double best = 1e18;
    FILE *f;

    if (!mkdtemp(dir)) return -1;
    snprintf(path, sizeof(path), "%s/bench_loop.lua", dir);
    f = fopen(path, "w");
    fputs(rubric, f);
    fclose(f);
    cadre__sandbox_set_budget_mode(mode);
    cadre_engine_options_init(&o);
    o.worker_program = CADRE_TEST_WORKER;
    o.builtin_dir = "";
    o.user_dir = "";
    o.use_env_path = 0;
    o.lua_time_limit_ms = 60000;
    cadre_engine_new(&e, &o, NULL);
    cadre_engine_load_file(e, path, NULL);
    cadre_candidate_parse(&c, "{}", 2, "bench", NULL, NULL, NULL);
    for (int r = 0; r < reps; r++) {
        double t0 = now_ms();

        for (int i = 0; i < calls; i++) {
            cadre_report *rep;

            cadre_engine_assess(&rep, e, c, NULL, NULL);
            cadre_report_free(rep);
        }
        if (now_ms() - t0 < best) best = now_ms() - t0;
    }
    cadre_candidate_free(c);
    cadre_engine_free(e);
    remove(path);
    remove(dir);
    return best / calls;
}

/* Best of `reps` rounds of the two full-size Lua rubrics (tests/parity: the Lua forms of
 * industry_fit and skills_gap, in the folder `plugins`) over the sample candidates. */
static double builtins(cadre__budget_mode mode, const char *plugins, const char *samples,
                       int rounds, int reps)
{
    const char *names[] = {"industry_fit", "skills_gap", NULL};
    cadre_candidate *cands[32];
    int n = 0, calls = 0;
    cadre_engine_options o;
    cadre_engine *e;
    struct dirent *de;
    double best = 1e18;
    DIR *d = opendir(samples);

    while (d && (de = readdir(d)) != NULL && n < 32) {
        char path[600];

        if (!strstr(de->d_name, ".json")) continue;
        snprintf(path, sizeof(path), "%s/%s", samples, de->d_name);
        if (cadre_candidate_load_file(&cands[n], path, NULL, NULL, NULL) == 0) n++;
    }
    if (d) closedir(d);
    cadre__sandbox_set_budget_mode(mode);
    cadre_engine_options_init(&o);
    o.worker_program = CADRE_TEST_WORKER;
    o.builtin_dir = plugins;
    o.user_dir = "";
    o.use_env_path = 0;
    cadre_engine_new(&e, &o, NULL);
    cadre_engine_load(e, NULL);
    for (int r = 0; r < reps; r++) {
        double t0 = now_ms();

        calls = 0;
        for (int k = 0; k < rounds; k++)
            for (int i = 0; i < n; i++) {
                cadre_report *rep;

                cadre_engine_assess(&rep, e, cands[i], names, NULL);
                cadre_report_free(rep);
                calls += 2;
            }
        if (now_ms() - t0 < best) best = now_ms() - t0;
    }
    for (int i = 0; i < n; i++)
        cadre_candidate_free(cands[i]);
    cadre_engine_free(e);
    return calls ? best / calls : -1;
}

/* Everyday uses of the replaced functions; each chunk is run `LIB_CALLS` times. */
#define LIB_CALLS 2000
static const struct {
    const char *what, *code;
} lib_work[] = {
    {"trim (match '^%s*(.-)%s*$')",
     "return ('   Chief Operating Officer   '):match('^%s*(.-)%s*$')"},
    {"words of 1 KB (gmatch '%a+')", "local n = 0 for w in TEXT:gmatch('%a+') do n = n + 1 end "
                                     "return n"},
    {"squeeze spaces in 1 KB (gsub)", "return (TEXT:gsub('%s+', ' '))"},
    {"key = value (find with captures)",
     "return ('budget_usd = 2500000'):find('^(%w+)%s*=%s*(%d+)$')"},
    {"plain find in 1 KB", "return TEXT:find('operations manager', 1, true)"},
    {"insert and remove 200 at the front", "local t = {} for i = 1, 200 do table.insert(t, 1, i) "
                                           "end for i = 1, 200 do table.remove(t, 1) end"},
};

/* A plain Lua state, with (own = 1) or without the sandbox's replacements, and TEXT set. */
static lua_State *lib_state(int own)
{
    lua_State *L = luaL_newstate();
    luaL_Buffer b;

    luaL_openlibs(L);
    if (own) { /* no sandbox: no budget to check */
        cadre__library_install(L, NULL);
        lua_getglobal(L, LUA_STRLIBNAME);
        cadre__pattern_install(L, -1, NULL);
        lua_pop(L, 1);
    }
    luaL_buffinit(L, &b);
    while (luaL_bufflen(&b) < 1024)
        luaL_addstring(&b, "The COO runs   the day-to-day operations of the company, and\t"
                           "the operations manager runs one part of them. ");
    luaL_pushresult(&b);
    lua_setglobal(L, "TEXT");
    return L;
}

static double lib_time(lua_State *L, const char *code)
{
    double t0;

    if (luaL_loadstring(L, code) != LUA_OK) return -1;
    t0 = now_ms();
    for (int i = 0; i < LIB_CALLS; i++) {
        lua_pushvalue(L, -1);
        if (lua_pcall(L, 0, 0, 0) != LUA_OK) return -1;
    }
    lua_pop(L, 1);
    return (now_ms() - t0) * 1000 / LIB_CALLS;
}

static void library_bench(void)
{
    lua_State *lua = lib_state(0), *own = lib_state(1);

    printf("\nLibrary functions: Lua's own against the sandbox's, time per use (best of %d)\n\n",
           ROUNDS);
    printf("%-40s %12s %12s %10s\n", "use", "Lua", "sandbox", "change");
    for (size_t w = 0; w < sizeof(lib_work) / sizeof(lib_work[0]); w++) {
        double t[2] = {1e18, 1e18};

        for (int r = 0; r < ROUNDS; r++)
            for (int m = 0; m < 2; m++) {
                double x = lib_time(m ? own : lua, lib_work[w].code);

                if (x < t[m]) t[m] = x;
            }
        printf("%-40s %9.2f us %9.2f us %+9.1f%%\n", lib_work[w].what, t[0], t[1],
               (t[1] / t[0] - 1) * 100);
    }
    lua_close(lua);
    lua_close(own);
}

int main(int argc, char **argv)
{
    const char *plugins = argc > 1 ? argv[1] : "tests/parity";
    const char *samples = argc > 2 ? argv[2] : "docs/examples/candidates";
    double t[3];

    printf("Lua CPU budget: time per assessment call (best of %d interleaved runs)\n\n", ROUNDS);
    printf("%-40s %12s %12s %12s\n", "workload", modes[0], modes[1], modes[2]);
    /* Interleave the modes round by round, so that drift in the machine's speed (other load,
     * frequency changes) falls on all three alike; keep each mode's best round. */
    for (int m = 0; m < 3; m++)
        t[m] = 1e18;
    for (int r = 0; r < ROUNDS; r++)
        for (int m = 0; m < 3; m++) {
            double x = tight_loop(order[m], 20, 1);

            if (x < t[m]) t[m] = x;
        }
    printf("%-40s %10.3f ms %10.3f ms %10.3f ms\n", "tight loop, 200k iterations", t[0], t[1],
           t[2]);
    printf("%-40s %12s %+11.1f%% %+11.1f%%\n", "  overhead against no budget", "",
           (t[1] / t[0] - 1) * 100, (t[2] / t[0] - 1) * 100);
    for (int m = 0; m < 3; m++)
        t[m] = 1e18;
    for (int r = 0; r < ROUNDS; r++)
        for (int m = 0; m < 3; m++) {
            double x = builtins(order[m], plugins, samples, 10, 1) * 1000;

            if (x < t[m]) t[m] = x;
        }
    printf("%-40s %10.1f us %10.1f us %10.1f us\n", "full-size Lua rubrics, sample candidates",
           t[0], t[1], t[2]);
    printf("%-40s %12s %+11.1f%% %+11.1f%%\n", "  overhead against no budget", "",
           (t[1] / t[0] - 1) * 100, (t[2] / t[0] - 1) * 100);
    library_bench();
    return 0;
}
