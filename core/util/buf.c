/* SPDX-License-Identifier: MIT */
/*
 * core/util/buf.c - a growable text buffer that remembers running out of memory, so callers
 * can write a whole document and check once at the end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int cadre__buf_reserve(cadre__buf *b, size_t n)
{
    if (b->oom) return CADRE_ENOMEM;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        char *d;

        while (cap < b->len + n + 1)
            cap *= 2;
        d = realloc(b->data, cap);
        if (d == NULL) {
            b->oom = 1;
            return CADRE_ENOMEM;
        }
        b->data = d;
        b->cap = cap;
    }
    return 0;
}

int cadre__buf_putn(cadre__buf *b, const char *s, size_t n)
{
    if (cadre__buf_reserve(b, n) != 0) return CADRE_ENOMEM;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int cadre__buf_puts(cadre__buf *b, const char *s)
{
    return cadre__buf_putn(b, s, strlen(s));
}

int cadre__buf_printf(cadre__buf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0) return CADRE_ENOMEM;
    if ((size_t)n < sizeof(small)) return cadre__buf_putn(b, small, (size_t)n);
    {
        char *big = malloc((size_t)n + 1);
        int rc;

        if (big == NULL) return b->oom = 1, CADRE_ENOMEM;
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        rc = cadre__buf_putn(b, big, (size_t)n);
        free(big);
        return rc;
    }
}
