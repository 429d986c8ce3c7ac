/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/vocab.h - controlled vocabularies and enumerations of the candidate model.
 */
#ifndef CADRE_VOCAB_H
#define CADRE_VOCAB_H

#include "internal.h"

/* The public entry type is the internal one: the tables are handed out as they are. */
typedef cadre_vocab_entry cadre__vocab_entry;

typedef struct cadre__vocab {
    const char *name; /* "skill", "industry", "certification", "tool", "field", "function" */
    const cadre__vocab_entry *entries;
    size_t count;
} cadre__vocab;

const cadre__vocab *cadre__vocab_get(const char *name);
const cadre__vocab *cadre__vocab_at(size_t i); /* iterate; NULL past the end */
const cadre__vocab_entry *cadre__vocab_find(const cadre__vocab *v, const char *id);
const char *cadre__vocab_suggest(const cadre__vocab *v, const char *id);
const char *cadre__vocab_label(const char *vocabulary, const char *id);
const char *cadre__vocab_extra(const char *vocabulary, const char *id);

/* A fixed set of JSON strings mapped to a C enum (value = index; NULL name = no JSON form). */
typedef struct cadre__enum {
    const char *name;
    const char *const *names;
    size_t count;
} cadre__enum;

const cadre__enum *cadre__enum_get(const char *name);
int cadre__enum_value(const cadre__enum *en, const char *s); /* -1 if not a member */
const char *cadre__enum_name(const cadre__enum *en, int value);
const char *cadre__enum_choices(const cadre__enum *en, char *buf, size_t size);

#endif
