/* SPDX-License-Identifier: MIT */
/*
 * core/util/arena.c - bump allocation. Candidates, results and reports are built once, read many
 * times and freed as a whole, so each owns an arena instead of tracking every string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct cadre__arena_chunk {
    cadre__arena_chunk *next;
    size_t used;
    size_t size;
    max_align_t data[]; /* max_align_t keeps every allocation suitably aligned */
};

#define ALIGN_UP(n) (((n) + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1))

void cadre__arena_init(cadre__arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 4096;
}

void *cadre__arena_alloc(cadre__arena *a, size_t size)
{
    cadre__arena_chunk *c = a->head;
    size_t need = ALIGN_UP(size ? size : 1);
    void *p;

    if (need < size) return NULL; /* overflow */
    if (c == NULL || c->size - c->used < need) {
        size_t csize = need > a->chunk_size ? need : a->chunk_size;

        if (csize > SIZE_MAX - sizeof(*c)) return NULL;
        c = malloc(sizeof(*c) + csize);
        if (c == NULL) return NULL;
        c->used = 0;
        c->size = csize;
        /* A big one-off allocation goes behind the current chunk so that chunk keeps serving
         * small requests. */
        if (a->head != NULL && need > a->chunk_size) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    p = (char *)c->data + c->used;
    c->used += need;
    memset(p, 0, size);
    return p;
}

char *cadre__arena_strndup(cadre__arena *a, const char *s, size_t n)
{
    char *p;

    if (n == SIZE_MAX) return NULL;
    p = cadre__arena_alloc(a, n + 1);
    if (p == NULL) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *cadre__arena_strdup(cadre__arena *a, const char *s)
{
    return s ? cadre__arena_strndup(a, s, strlen(s)) : NULL;
}

char *cadre__arena_vprintf(cadre__arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;
    char *p;

    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) return NULL;
    p = cadre__arena_alloc(a, (size_t)n + 1);
    if (p != NULL) vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *cadre__arena_printf(cadre__arena *a, const char *fmt, ...)
{
    va_list ap;
    char *p;

    va_start(ap, fmt);
    p = cadre__arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void cadre__arena_free(cadre__arena *a)
{
    cadre__arena_chunk *c = a->head;

    while (c != NULL) {
        cadre__arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}
