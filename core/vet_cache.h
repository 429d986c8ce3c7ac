/* SPDX-License-Identifier: MIT */
/*
 * core/vet_cache.h - remembering which rubrics passed their trial runs.
 *
 * Every rubric is tried at load on two made-up people (rubric.c, try_rubric) so that a typo or
 * a crash is reported when it is loaded, not in the middle of a batch. Those runs were a fifth
 * of a cold start, repeated for the same files on every start. A rubric that passed is
 * remembered by a key over exactly what the trial depended on (vet_cache_key), as an empty
 * file named by the key in a folder of the user's cache; a rubric whose key is there is not
 * tried again. A failure is never remembered. The cache only saves time: deleting it, or
 * anything in it, is always safe, and a forged entry only skips a trial (a plugin that is not
 * trusted still runs behind the process boundary).
 */
#ifndef CADRE_VET_CACHE_H
#define CADRE_VET_CACHE_H

#include "internal.h"

/* $XDG_CACHE_HOME/cadre/vetted, or ~/.cache/cadre/vetted; NULL when neither is known. Caller
 * frees. */
char *cadre__vet_cache_default(void);

/* The key: the engine's version and limits, the rubric's SHA-256 and the digest of the data
 * files it read while loading. */
void cadre__vet_cache_key(char out[65], const char *rubric_sha256, const char *data_digest,
                          unsigned time_ms, size_t memory);

/* 1 when `key` is remembered in folder `dir`. */
int cadre__vet_cache_has(const char *dir, const char *key);

/* Remembers `key` (best effort: a folder that cannot be made or written is left alone). */
void cadre__vet_cache_add(const char *dir, const char *key);

#endif
