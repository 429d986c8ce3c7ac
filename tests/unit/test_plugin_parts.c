/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_plugin_parts.c - the parts the built-in native plugins share: their number
 * words must match what cadre.say writes (printf's "%.1f", ".0" dropped) to the byte, since
 * tests/cli/parity.t compares their reports with the Lua forms'; and the ratings index must
 * find what a walk through the list finds.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "../../plugins/ratings.h"
#include "../../plugins/words.h"

/* printf's words for x, as cadre.say's %n writes them. */
static void printf_n(char *out, size_t size, double x)
{
    size_t n = (size_t)snprintf(out, size, "%.1f", x);

    if (n >= 2 && memcmp(out + n - 2, ".0", 2) == 0) out[n - 2] = '\0';
}

static void numbers(void)
{
    static const double chosen[] = {0,     -0.0,  0.05,  0.15,  0.25,   0.35, 1.45,
                                    2.5,   -0.04, -0.05, -1.25, 4.7499, 4.75, 6.1,
                                    99.95, 1e15,  -1e16, 1e300, 3.0,    1.0};
    char want[400];
    int bad = 0, badd = 0;
    unsigned seed = 7;

    for (size_t i = 0; i < sizeof(chosen) / sizeof(chosen[0]); i++) {
        printf_n(want, sizeof(want), chosen[i]);
        is_str(words_n(chosen[i]).s, want, "words_n(%g) is printf's \"%s\"", chosen[i], want);
    }
    /* Random values at every scale the reports use, and ties on the binary value. */
    for (int i = 0; i < 200000; i++) {
        double x;

        seed = seed * 1103515245u + 12345u;
        x = (double)(seed >> 8) / (1 << 16) * (i % 3 ? 1 : -1);
        if (i % 5 == 0) x = floor(x * 100) / 100; /* two decimals: x.x5 ties */
        printf_n(want, sizeof(want), x);
        if (strcmp(words_n(x).s, want) != 0 && bad++ < 5)
            diag("words_n(%.17g) = %s, printf %s", x, words_n(x).s, want);
        snprintf(want, sizeof(want), "%.0f", floor(x + 0.5));
        if (strcmp(words_d(x).s, want) != 0 && badd++ < 5)
            diag("words_d(%.17g) = %s, printf %s", x, words_d(x).s, want);
    }
    is_int(bad, 0, "words_n agrees with printf on 200,000 values");
    is_int(badd, 0, "words_d agrees with printf on 200,000 values");
    is_str(words_y(1).s, "1 year", "one year is singular");
    is_str(words_y(2.5).s, "2.5 years", "... and 2.5 years plural");
    is_str(words_y(0).s, "0 years", "... and none plural");
}

static void lists(void)
{
    const char *items[] = {"a", "b", "c", "d"};
    words w;

    static const char want[5][16] = {"", "a", "a or b", "a, b or c", "a, b, c or d"};

    for (int n = 0; n <= 4; n++) {
        words_reset(&w);
        words_list(&w, items, (size_t)n, "or");
        is_str(w.s, want[n], "a list of %d items", n);
    }
    words_reset(&w);
    words_add(&w, "%s has %d of %d, %d%% (%s)", "Ann", 7, -12, 100, "ok");
    is_str(w.s, "Ann has 7 of -12, 100% (ok)", "words_add writes %%s, %%d and %%%% itself");
    words_add(&w, "; %.2f and %s", 2.5, "x");
    is_str(w.s, "Ann has 7 of -12, 100% (ok); 2.50 and x", "... and hands other formats to printf");
    words_reset(&w);
    words_add(&w, "%d %d", -2147483647 - 1, 0);
    is_str(w.s, "-2147483648 0", "... the smallest int and zero");
    words_reset(&w);
    for (int i = 0; i < 1000; i++)
        words_add(&w, "0123456789");
    is_int((long)w.n, WORDS_MAX - 1, "a sentence longer than the buffer is cut, not overrun");
    is_int((long)strlen(w.s), WORDS_MAX - 1, "... and stays a string");
}

static void index_of_ratings(void)
{
    enum { N = 300 };
    static cadre_skill skills[N];
    static char ids[N][16];
    cadre_candidate c;
    ratings r;
    int wrong = 0;

    for (int k = 0; k < 2; k++) {
        int count = k == 0 ? 40 : N; /* a usual profile; one past the index's comfort */

        for (int i = 0; i < count; i++) {
            snprintf(ids[i], sizeof(ids[i]), "skill_%d", i % (count - 2)); /* two repeats */
            skills[i] = (cadre_skill){ids[i], i, NULL, 1};
        }
        memset(&c, 0, sizeof(c));
        c.skills = (cadre_list){skills, (size_t)count, sizeof(cadre_skill), 1};
        ratings_build(&r, &c);
        wrong = 0;
        for (int i = 0; i < count; i++) {
            const cadre_skill *s = ratings_find(&r, ids[i]);

            wrong += s == NULL || s->level != i % (count - 2); /* the first of a repeat */
        }
        is_int(wrong, 0, "%d skills: each found, the first rating of a repeated id", count);
        ok(ratings_find(&r, "skill_none") == NULL, "%d skills: an unrated id is not found", count);
    }
}

int main(void)
{
    numbers();
    lists();
    index_of_ratings();
    return done_testing();
}
