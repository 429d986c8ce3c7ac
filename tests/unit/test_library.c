/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_library.c - the sandbox's replacements of library functions (core/library.c,
 * core/pattern.c) give the same results and the same errors as Lua's own, and the CPU budget
 * stops them where Lua's own would run for minutes.
 *
 * A probe written in Lua (library_probe.h) runs every pattern function on a subject and a
 * pattern (find, plain find, match, gmatch, gsub with a template, a function and a table), or
 * runs a piece of code, in a sandbox and in a plain Lua state with the standard library; the
 * two transcripts must be equal: for hand-picked cases covering each pattern item, each error
 * and each table function, then for thousands of random subjects and patterns built from
 * pattern pieces (well- and malformed).
 */
#include <time.h>

#include "../tap.h"
#include "library_probe.h"

static pattern_probe probe;

/* Runs the probe; 1 if both agree (else shows the case and both transcripts). */
static int same(const char *s, size_t ls, const char *p, size_t lp, int init)
{
    char *report = NULL;
    cadre_error err;
    int rc = probe_compare(&probe, s, ls, p, lp, init, &err, &report, 0);

    if (rc < 0)
        diag("the sandbox failed on [%.*s] [%.*s]: %s", (int)ls, s, (int)lp, p, err.message);
    if (report != NULL) diag("%s", report);
    free(report);
    return rc == 1;
}

/* Runs code in both; 1 if both agree. */
static int same_code(const char *code)
{
    return same(code, strlen(code), NULL, 0, 0);
}

static int same_str(const char *s, const char *p, int init)
{
    return same(s, strlen(s), p, strlen(p), init);
}

static void test_chosen_cases(void)
{
    static const struct {
        const char *s, *p;
        int init;
    } cases[] = {
        /* plain text, anchors, empty pieces */
        {"hello world", "o w", 1},
        {"hello", "", 1},
        {"", "", 1},
        {"", "a*", 1},
        {"hello", "^h", 1},
        {"hello", "^e", 1},
        {"hello", "o$", 1},
        {"hel$lo", "l$l", 1},
        {"a^b", "a^b", 1},
        {"hello", "l", -2},
        {"hello", "l", -100},
        {"hello", "l", 100},
        {"hello", "", 6},
        {"hello", "", 7},
        /* classes, sets, ranges */
        {"Ab1 _\t!", "%a+", 1},
        {"Ab1 _\t!", "%A+", 1},
        {"x = 42, y=7", "%d+", 1},
        {"x = 42, y=7", "%D+", 1},
        {"a\tb\nc d", "%s", 1},
        {"CamelCaseWord", "%u%l+", 1},
        {"0x1F zz", "%x+", 1},
        {"a.b,c;d", "%p", 1},
        {"a.b", "%.", 1},
        {"abc-def", "[a-c]+", 1},
        {"abc-def", "[^a-c]+", 1},
        {"a]b", "[]]", 1},
        {"a]b", "[^]]+", 1},
        {"a-b", "[a-]", 1},
        {"a-b", "[-a]+", 1},
        {"a%b", "[%%]", 1},
        {"a]b", "[%]]", 1},
        {"word1 word2", "[%w_]+", 1},
        {"zzz", "[z-a]", 1},
        /* repetitions */
        {"aaab", "a*b", 1},
        {"aaab", "a+b", 1},
        {"aaab", "a-b", 1},
        {"aaab", "a?a?b", 1},
        {"<a><b>", "<.->", 1},
        {"<a><b>", "<.*>", 1},
        {"  trim me  ", "^%s*(.-)%s*$", 1},
        /* captures, position captures, back references */
        {"key = value", "(%w+)%s*=%s*(%w+)", 1},
        {"hello", "()ll()", 1},
        {"hello", "()", 1},
        {"abcabc", "(abc)%1", 1},
        {"say \"hi\" and 'yo'", "([\"'])(.-)%1", 1},
        {"((a)(b))", "((a)(b))", 1},
        /* balance and frontier */
        {"f(a(b)c) g(d)", "%b()", 1},
        {"f(a(b)c", "%b()", 1},
        {"THE (quick) fox", "%f[%a]%a+", 1},
        {"the end", "%f[%z]", 1},
        {"x", "%f[%a]", 1},
        /* errors, raised only when matching reaches them */
        {"abc", "x%", 1},
        {"xbc", "x%", 1},
        {"abc", "[a", 1},
        {"abc", "[", 1},
        {"abc", "%b", 1},
        {"abc", "%ba", 1},
        {"abc", "%fa", 1},
        {"abc", "%f", 1},
        {"abc", "(a", 1},
        {"abc", "a)", 1},
        {"abc", "%1", 1},
        {"abc", "(a)%2", 1},
        {"abc", "(a%1)", 1},
        {"abc", "%0", 1},
        {"abc", "(()", 1},
        {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
         "(((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))", 1},
    };
    int all = 1;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        all &= same_str(cases[i].s, cases[i].p, cases[i].init);
    ok(all, "%zu chosen cases: every result and error as in Lua", sizeof(cases) / sizeof(cases[0]));

    /* Deep recursion: each '?' after a match recurses; 250 of them pass the depth limit. */
    {
        char s[300], p[600];

        memset(s, 'a', 250), s[250] = '\0';
        for (int i = 0; i < 250; i++)
            p[2 * i] = 'a', p[2 * i + 1] = '?';
        p[500] = '\0';
        ok(same_str(s, p, 1), "\"pattern too complex\" at the same depth");
        ok(same_str(s, p + 300, 1), "... and a little under it matches");
    }
    ok(same("a\0b\0c", 5, "%z?\0b", 5, 1), "zero bytes in subject and pattern");
    ok(same("a\0b\0c", 5, "[\0]", 3, 1), "a zero byte in a set");
    ok(same("\xe9t\xe9", 3, "[\xe0-\xff]", 5, 1), "bytes above 127 in ranges");
}

static void test_table_and_rep(void)
{
    /* Each case logs what it does through metamethods where the order of accesses matters. */
    static const char *const cases[] = {
        /* string.rep */
        "return string.rep('ab', 3, ','), string.rep('ab', 3), string.rep('x', 0)",
        "return string.rep('x', -1), string.rep('', 5), string.rep('', 5, ''), #string.rep('', 9, "
        "'-')",
        "return string.rep('x', 1 << 40)",
        "return string.rep('ab', 1 << 30, '')",
        "return string.rep('', 1 << 40, ',')",
        "return string.rep(12, 2, 3)",
        "return string.rep('x', 2.5)",
        "return string.rep({}, 2)",
        "return string.rep('x')",
        /* table.insert */
        "local t = {1, 2, 3}; table.insert(t, 'x'); table.insert(t, 1, 'y'); "
        "table.insert(t, 3, 'z'); return table.concat(t, ',')",
        "local t = {1, 2}; table.insert(t, 4, 'x'); return #t",
        "local t = {1, 2}; table.insert(t, 0, 'x'); return #t",
        "local t = {1, 2}; table.insert(t, 3, 'x'); return table.concat(t, ',')",
        "local t = {}; table.insert(t, 1, 2, 3); return #t",
        "table.insert(nil, 1)",
        "table.insert('abc', 1)",
        "table.insert({}, 'a', 1)",
        "local t = {}; table.insert(t); return #t",
        /* table.remove */
        "local t = {1, 2, 3}; return table.remove(t), table.remove(t, 1), table.concat(t, ',')",
        "local t = {}; return table.remove(t), table.remove(t, 0), table.remove(t, 1), #t",
        "local t = {1, 2}; return table.remove(t, 3), #t",
        "local t = {1, 2}; return table.remove(t, 4)",
        "local t = {1, 2}; return table.remove(t, -1)",
        "return table.remove(42)",
        /* table.move */
        "local t = {1, 2, 3, 4, 5}; table.move(t, 1, 3, 3); return table.concat(t, ',')",
        "local t = {1, 2, 3, 4, 5}; table.move(t, 2, 5, 1); return table.concat(t, ',')",
        "local t = {1, 2, 3}; local u = table.move(t, 1, 3, 2, {}); return u[1], u[2], u[4]",
        "local t = {1, 2, 3}; return #table.move(t, 3, 1, 1)",
        "return table.move({}, -1, math.maxinteger, 1)",
        "return table.move({}, 1, 2, math.maxinteger)",
        "return table.move({}, 1, 2, 1, 'x')",
        "return table.move('abc', 1, 2, 1, {})[1]",
        "return table.move({}, 1.5, 2, 1)",
        /* metamethods: the order of every access must match */
        "local log = {}\n"
        "local mt = {__index = function(t, k) log[#log + 1] = 'get' .. k; return k * 10 end,\n"
        "  __newindex = function(t, k, v) log[#log + 1] = 'set' .. k .. '=' .. tostring(v) end,\n"
        "  __len = function() log[#log + 1] = 'len'; return 4 end}\n"
        "local t = setmetatable({}, mt)\n"
        "table.insert(t, 2, 'x'); table.remove(t, 2); table.remove(t)\n"
        "table.move(t, 1, 3, 2); table.move(t, 2, 4, 1); table.move(t, 1, 2, 1, setmetatable({}, "
        "mt))\n"
        "return table.concat(log, ' ')",
        "local t = setmetatable({}, {__len = function() return 'x' end}); table.insert(t, 1)",
        "local t = setmetatable({}, {__len = function() return 2.5 end}); return table.remove(t)",
        /* setmetatable */
        "local t = setmetatable({}, {__index = {a = 1}}); return t.a, getmetatable(t).__index.a",
        "local t = setmetatable({}, {__metatable = 'locked'}); return setmetatable(t, {})",
        "return setmetatable({}, 1)",
        "return setmetatable(1, {})",
        "return getmetatable(setmetatable(setmetatable({}, {}), nil))",
    };
    int all = 1;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        all &= same_code(cases[i]);
    ok(all,
       "%zu chosen uses of string.rep, table.insert, remove, move and setmetatable: every "
       "result, error and metamethod call as in Lua",
       sizeof(cases) / sizeof(cases[0]));
}

/* ---- random cases ---- */

static uint64_t rng = 0x9e3779b97f4a7c15u;

static unsigned next_rand(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static size_t random_subject(char *buf)
{
    static const char alphabet[] = "aaabbc()[]%^-$. 1\n\0";
    size_t n = next_rand(14);

    for (size_t i = 0; i < n; i++)
        buf[i] = alphabet[next_rand(sizeof(alphabet) - 1)];
    return n;
}

static size_t random_pattern(char *buf)
{
    static const char *const pieces[] = {
        "a",      "b",      "c",    ".",  "%a",  "%d",  "%s",   "%W", "%.", "%%", "[ab]",
        "[^a]",   "[a-c]",  "[%]]", "[]", "[^]", "(",   ")",    "()", "%1", "%2", "%b()",
        "%f[%w]", "%f[^b]", "*",    "+",  "-",   "?",   "^",    "$",  "%",  "[",  "]",
        "%z",     "%b",     "%f",   "\n", " ",   "(a)", "(.-)", "x"};
    size_t n = next_rand(9), len = 0;

    for (size_t i = 0; i < n; i++) {
        const char *piece = pieces[next_rand(sizeof(pieces) / sizeof(pieces[0]))];

        memcpy(buf + len, piece, strlen(piece));
        len += strlen(piece);
    }
    return len;
}

static void test_random_cases(void)
{
    /* scripts/test --tsan asks for fewer: ThreadSanitizer's own allocator gives out over the
     * 20 000 Lua states' worth of garbage, and this part runs no second thread anyway. */
    const char *want = getenv("CADRE_TEST_RANDOM_CASES");
    const int n = want && atoi(want) > 0 ? atoi(want) : 20000;
    int failures = 0;
    char s[32], p[128];

    for (int i = 0; i < n && failures < 5; i++) {
        size_t ls = random_subject(s), lp = random_pattern(p);
        int init = (int)next_rand(8) - 3;

        failures += !same(s, ls, p, lp, init);
    }
    ok(failures == 0, "%d random subjects and patterns: every result and error as in Lua", n);
}

/* ---- the budget ---- */

static double cpu_seconds(void)
{
    struct timespec t;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Runs a pathological find under a 100 ms budget; returns the error and the seconds used. */
static int run_bomb(const char *code, cadre_error *err, double *seconds)
{
    cadre__sandbox_config cfg = {{100, 64u << 20}, "bomb.lua", NULL, NULL, NULL};
    cadre__sandbox *sb = NULL;
    double t0 = cpu_seconds();
    int rc;

    *seconds = 0;
    if (cadre__sandbox_new(&sb, &cfg, err) != 0) return -1;
    rc = cadre__sandbox_load(sb, code, strlen(code), err);
    if (rc == 0) {
        cadre__sandbox_begin(sb);
        rc = cadre__sandbox_pcall(sb, 0, 0, err);
        cadre__sandbox_end(sb);
    }
    cadre__sandbox_free(sb);
    *seconds = cpu_seconds() - t0;
    return rc;
}

static void test_budget(void)
{
    static const struct {
        const char *what, *code;
    } bombs[] = {
        {"find", "local s = string.rep('a', 30000)\nreturn s:find('.-.-.-b')"},
        {"match", "return string.match(string.rep('a', 30000), '(.-)(.-)(.-)b')"},
        {"gmatch", "for x in string.rep('a', 30000):gmatch('.-.-.-b') do end"},
        {"gsub", "return (string.rep('a', 30000):gsub('.-.-.-b', ''))"},
        {"a caught error", "local s = string.rep('a', 30000)\n"
                           "for i = 1, 5 do pcall(string.find, s, '.-.-.-b') end\nreturn 1"},
        {"table.move", "return table.move({}, 1, 1 << 50, 2)"},
        {"table.insert", "local t = setmetatable({}, {__len = function() return 1 << 50 end})\n"
                         "table.insert(t, 1, 'x')"},
        {"table.remove", "local t = setmetatable({}, {__len = function() return 1 << 50 end})\n"
                         "table.remove(t, 1)"},
    };
    cadre_error err;
    double secs = 0;

    for (int mode = 0; mode < 2; mode++) {
        cadre__sandbox_set_budget_mode(mode == 0 ? CADRE__BUDGET_WATCHDOG
                                                 : CADRE__BUDGET_COUNT_HOOK);
        for (size_t i = 0; i < sizeof(bombs) / sizeof(bombs[0]); i++) {
            int rc = run_bomb(bombs[i].code, &err, &secs);

            is_int(rc, CADRE_ELIMIT, "%s: a pathological %s is stopped by the 100 ms budget",
                   mode == 0 ? "watchdog" : "count hook", bombs[i].what);
            like(err.message, "CPU budget of 100 ms exceeded", "... with the budget error");
            /* Lua's own takes minutes on each; the bound is loose for valgrind's sake. */
            ok(secs < 60, "... instead of running for minutes (%.2f s of CPU)", secs);
        }
        is_int(err.line, 2, "the error names the line of the call that was stopped");
    }
    cadre__sandbox_set_budget_mode(CADRE__BUDGET_WATCHDOG);

    is_int(run_bomb("assert(string.rep('', 1 << 50) == '' and string.rep('', 1 << 50, '') == '')",
                    &err, &secs),
           0, "repeating an empty string 2^50 times gives \"\" at once (Lua loops 2^50 times)");
    ok(secs < 60, "... instead of running for minutes (%.2f s of CPU)", secs);
    is_int(run_bomb("local mt = {}\nmt.__gc = function() while true do end end\n"
                    "setmetatable({}, mt)",
                    &err, &secs),
           CADRE_EPLUGIN, "a finalizer is refused: it would run outside the budget");
    like(err.message, "__gc is not available to rubrics", "... with a message that says so");
    is_int(err.line, 3, "... naming the line");
    is_int(run_bomb("local t = setmetatable({}, {})\n"
                    "getmetatable(t).__gc = function() while true do end end\n"
                    "t = nil\nfor i = 1, 2000 do local garbage = {i} end",
                    &err, &secs),
           0, "a __gc added after setmetatable is allowed: Lua never calls it");
    if (err.code) diag("%s", err.message);
}

int main(void)
{
    cadre_error err;

    if (probe_open(&probe, 2000, &err) != 0) {
        ok(0, "set up the probes: %s", err.message);
        return done_testing();
    }
    test_chosen_cases();
    test_table_and_rep();
    test_random_cases();
    test_budget();
    probe_close(&probe);
    return done_testing();
}
