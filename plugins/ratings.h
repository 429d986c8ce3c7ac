/* SPDX-License-Identifier: MIT */
/*
 * plugins/ratings.h - a person's skill ratings by id, for the built-in native plugins: built
 * once per assessment, then each look-up hashes the id once and compares one string, where a
 * walk through the list compared up to forty (skills_gap looks up thirty skills, industry_fit
 * fifty; docs/performance.md).
 */
#ifndef CADRE_PLUGIN_RATINGS_H
#define CADRE_PLUGIN_RATINGS_H

#include <cadre/candidate.h>

#define RATINGS_SLOTS 256 /* a power of two, well above the skill vocabulary's size */

typedef struct ratings {
    const cadre_skill *slot[RATINGS_SLOTS];
    int overflow; /* more skills than fit comfortably: look-ups walk the list instead */
    const cadre_candidate *c;
} ratings;

/* Indexes c's skills (the first rating of an id wins, as in the list). */
void ratings_build(ratings *r, const cadre_candidate *c);

/* The person's rating of skill `id`, or NULL when they did not rate it. */
const cadre_skill *ratings_find(const ratings *r, const char *id);

#endif
