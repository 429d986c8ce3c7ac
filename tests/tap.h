/* SPDX-License-Identifier: MIT */
/*
 * tests/tap.h - a small Test Anything Protocol producer for the C unit tests.
 *
 * Each test program prints "ok N - name" or "not ok N - name" lines and a plan, so `prove`
 * and ctest can both run it; the exit status is the number of failures (capped at 254).
 */
#ifndef CADRE_TAP_H
#define CADRE_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count, tap_failed;

static int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), unused));
static int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_count);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    if (!cond) {
        tap_failed++;
        printf("#   Failed test at %s line %d.\n", file, line);
    }
    fflush(stdout);
    return cond;
}

static void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2), unused));
static void diag(const char *fmt, ...)
{
    va_list ap;

    printf("# ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

#define ok(cond, ...) tap_ok((cond) != 0, __FILE__, __LINE__, __VA_ARGS__)

/* is_int(got, want, name...) */
#define is_int(got, want, ...)                                                                     \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (!ok(g_ == w_, __VA_ARGS__)) diag("     got: %lld\n#  expected: %lld", g_, w_);         \
    } while (0)

/* is_num(got, want, tolerance, name...) */
#define is_num(got, want, tol, ...)                                                                \
    do {                                                                                           \
        double g_ = (got), w_ = (want);                                                            \
        if (!ok(fabs(g_ - w_) <= (tol), __VA_ARGS__))                                              \
            diag("     got: %g\n#  expected: %g", g_, w_);                                         \
    } while (0)

/* is_str(got, want, name...): NULL-safe */
#define is_str(got, want, ...)                                                                     \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        int same_ = (g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0);               \
        if (!ok(same_, __VA_ARGS__))                                                               \
            diag("     got: %s\n#  expected: %s", g_ ? g_ : "(null)", w_ ? w_ : "(null)");         \
    } while (0)

/* like(got, needle, name...): got contains needle */
#define like(got, needle, ...)                                                                     \
    do {                                                                                           \
        const char *g_ = (got), *n_ = (needle);                                                    \
        if (!ok(g_ && strstr(g_, n_), __VA_ARGS__))                                                \
            diag("     got: %s\n#  expected to contain: %s", g_ ? g_ : "(null)", n_);              \
    } while (0)

static int done_testing(void) __attribute__((unused));
static int done_testing(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed > 254 ? 254 : tap_failed;
}

#endif
