/* SPDX-License-Identifier: MIT */
/*
 * plugins/advice.h - development advice for the built-in native plugins: data/development.json
 * read once, and the action that suits a person chosen from the facts of their profile, so a
 * person is never told to get what they already have (the same rule as cadre.advice in
 * core/lua/prelude.lua).
 */
#ifndef CADRE_PLUGIN_ADVICE_H
#define CADRE_PLUGIN_ADVICE_H

#include <stddef.h>

#include <cadre/plugin.h>

#define ADVICE_MAX_TEXT 600

/* A development action that replaces the default for people who already have what it would
 * tell them to get ("instead"). */
typedef struct advice_alt {
    char fact[24];
    char action[ADVICE_MAX_TEXT];
} advice_alt;

typedef struct advice_entry {
    char skill[64];
    char action[ADVICE_MAX_TEXT]; /* "do"; empty when the file gives none */
    char learn[200];              /* "learn": where to learn the method; empty when none */
    advice_alt instead[3];
    int ninstead;
} advice_entry;

typedef struct advice_book {
    advice_entry *entries;
    int count;
} advice_book;

/* Reads DIR/development.json. Returns 0, or -1 with a message naming the file in err. */
int advice_book_load(advice_book *book, const char *dir, char *err, size_t errlen);
void advice_book_free(advice_book *book);

/* The entry for a skill, or NULL. */
const advice_entry *advice_find(const advice_book *book, const char *skill);

/* A fact of the profile that advice depends on: senior_scope (director level or above, a $5M+
 * budget or 100+ people led; a design choice), owns_budget ($1M+), hiring_authority,
 * pnl_owner, board_exposure (as stated). 0 for an unknown name. */
int advice_fact(const cadre_candidate *c, const char *name);

/* The action of entry e that suits c: the first "instead" whose fact holds, else "do" (NULL
 * when e is NULL or gives neither). */
const char *advice_action(const advice_entry *e, const cadre_candidate *c);

#endif
