/* SPDX-License-Identifier: MIT */
/*
 * plugins/words.c - sentence words for the built-in native plugins (words.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "words.h"

/* Writes the digits of v at the end of the buffer that ends at *p, moving *p back. */
static void digits(char **p, unsigned long long v)
{
    do {
        *--*p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
}

/* x with one decimal as printf's "%.1f" writes it (rounded to nearest on the exact binary
 * value), then ".0" dropped. The digits are worked out here unless x is huge or so near a tie
 * that the product x * 10 could round the other way, where printf decides: the sentences of
 * a report print a few hundred numbers, and printf's exact decimal expansion was a tenth of a
 * batch's instructions (docs/performance.md). */
words_num words_n(double x)
{
    words_num r;
    double y = x * 10, m;
    char t[32], *p = t + sizeof(t);
    unsigned long long v;

    if (!isfinite(y) || fabs(y) >= 1e15 || fabs(y - floor(y) - 0.5) < 1e-6) {
        int n = snprintf(r.s, sizeof(r.s), "%.1f", x);

        if (n >= 2 && n < (int)sizeof(r.s) && memcmp(r.s + n - 2, ".0", 2) == 0) r.s[n - 2] = 0;
        return r;
    }
    m = floor(fabs(y) + 0.5);
    v = (unsigned long long)m;
    if (v % 10) {
        *--p = (char)('0' + v % 10);
        *--p = '.';
    }
    digits(&p, v / 10);
    if (signbit(x)) *--p = '-'; /* printf writes "-0.0" for a tiny negative number */
    memcpy(r.s, p, (size_t)(t + sizeof(t) - p));
    r.s[t + sizeof(t) - p] = '\0';
    return r;
}

words_num words_d(double x)
{
    words_num r;
    double m = floor(x + 0.5);
    char t[32], *p = t + sizeof(t);

    if (!isfinite(m) || fabs(m) >= 1e15) {
        snprintf(r.s, sizeof(r.s), "%.0f", m);
        return r;
    }
    digits(&p, (unsigned long long)fabs(m));
    if (m < 0) *--p = '-';
    memcpy(r.s, p, (size_t)(t + sizeof(t) - p));
    r.s[t + sizeof(t) - p] = '\0';
    return r;
}

words_num words_y(double x)
{
    words_num r;

    if (x == 1) {
        snprintf(r.s, sizeof(r.s), "1 year");
    } else {
        r = words_n(x);
        strncat(r.s, " years", sizeof(r.s) - strlen(r.s) - 1);
    }
    return r;
}

void words_reset(words *w)
{
    w->n = 0;
    w->s[0] = '\0';
}

/* Appends n bytes of s, cut at the end of the buffer. */
static void put(words *w, const char *s, size_t n)
{
    size_t room = sizeof(w->s) - 1 - w->n;

    if (n > room) n = room;
    memcpy(w->s + w->n, s, n);
    w->n += n;
    w->s[w->n] = '\0';
}

/* %s, %d and %% are written here, the only directives the plugins' sentences use; a format
 * with any other goes to vsnprintf whole. */
void words_add(words *w, const char *fmt, ...)
{
    va_list ap;

    for (const char *p = strchr(fmt, '%'); p; p = strchr(p + 2, '%'))
        if (p[1] != 's' && p[1] != 'd' && p[1] != '%') {
            int k;

            if (w->n >= sizeof(w->s) - 1) return;
            va_start(ap, fmt);
            k = vsnprintf(w->s + w->n, sizeof(w->s) - w->n, fmt, ap);
            va_end(ap);
            if (k > 0) w->n = w->n + (size_t)k < sizeof(w->s) ? w->n + (size_t)k : sizeof(w->s) - 1;
            return;
        }
    va_start(ap, fmt);
    for (const char *p = fmt; *p;) {
        const char *pct = strchr(p, '%');

        if (pct == NULL) {
            put(w, p, strlen(p));
            break;
        }
        put(w, p, (size_t)(pct - p));
        if (pct[1] == 's') {
            const char *s = va_arg(ap, const char *);

            put(w, s ? s : "(null)", strlen(s ? s : "(null)"));
        } else if (pct[1] == 'd') {
            char t[16], *q = t + sizeof(t);
            int v = va_arg(ap, int);
            unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

            do {
                *--q = (char)('0' + u % 10);
                u /= 10;
            } while (u);
            if (v < 0) *--q = '-';
            put(w, q, (size_t)(t + sizeof(t) - q));
        } else {
            put(w, "%", 1);
        }
        p = pct + 2;
    }
    va_end(ap);
}

void words_list(words *w, const char *const *items, size_t n, const char *conj)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && i + 1 < n) words_add(w, ", ");
        if (i > 0 && i + 1 == n) words_add(w, " %s ", conj);
        words_add(w, "%s", items[i]);
    }
}
