/* SPDX-License-Identifier: MIT */
/*
 * core/util/vec.c - a growable array of fixed-size elements.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void *cadre__vec_push(cadre__vec *v)
{
    char *slot;

    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void *items;

        if (cap > SIZE_MAX / v->elem) return NULL;
        items = realloc(v->items, cap * v->elem);
        if (items == NULL) return NULL;
        v->items = items;
        v->cap = cap;
    }
    slot = (char *)v->items + v->count * v->elem;
    memset(slot, 0, v->elem);
    v->count++;
    return slot;
}

void *cadre__vec_at(const cadre__vec *v, size_t i)
{
    return i < v->count ? (char *)v->items + i * v->elem : NULL;
}

void cadre__vec_free(cadre__vec *v)
{
    free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}
