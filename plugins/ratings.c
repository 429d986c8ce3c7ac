/* SPDX-License-Identifier: MIT */
/*
 * plugins/ratings.c - skill ratings by id (ratings.h): open addressing, FNV-1a.
 */
#include <stdint.h>
#include <string.h>

#include "ratings.h"

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

void ratings_build(ratings *r, const cadre_candidate *c)
{
    memset(r->slot, 0, sizeof(r->slot));
    r->c = c;
    /* Half full at most keeps probes short; a longer list (the schema allows it) falls back. */
    r->overflow = c->skills.count > RATINGS_SLOTS / 2;
    for (size_t i = 0; !r->overflow && i < c->skills.count; i++) {
        const cadre_skill *s = CADRE_ITEM(cadre_skill, c->skills, i);
        uint32_t k = hash(s->id) & (RATINGS_SLOTS - 1);

        while (r->slot[k] && strcmp(r->slot[k]->id, s->id) != 0)
            k = (k + 1) & (RATINGS_SLOTS - 1);
        if (r->slot[k] == NULL) r->slot[k] = s;
    }
}

const cadre_skill *ratings_find(const ratings *r, const char *id)
{
    uint32_t k;

    if (r->overflow) {
        for (size_t i = 0; i < r->c->skills.count; i++)
            if (strcmp(CADRE_ITEM(cadre_skill, r->c->skills, i)->id, id) == 0)
                return CADRE_ITEM(cadre_skill, r->c->skills, i);
        return NULL;
    }
    for (k = hash(id) & (RATINGS_SLOTS - 1); r->slot[k]; k = (k + 1) & (RATINGS_SLOTS - 1))
        if (strcmp(r->slot[k]->id, id) == 0) return r->slot[k];
    return NULL;
}
