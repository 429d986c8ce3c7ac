/* SPDX-License-Identifier: MIT */
/*
 * plugins/words.h - the words of the built-in native plugins' sentences, written as the Lua
 * rubric API writes them (cadre.say, core/lua/say.c): numbers with one decimal and ".0"
 * dropped, "1 year" / "2.5 years", whole numbers rounded half up, "a, b and c" lists. A report
 * reads the same whichever kind of plugin wrote it.
 */
#ifndef CADRE_PLUGIN_WORDS_H
#define CADRE_PLUGIN_WORDS_H

#include <stddef.h>

#define WORDS_MAX 4096 /* longer text is cut: the engine caps a sentence at less */

/* A sentence being written. */
typedef struct words {
    char s[WORDS_MAX];
    size_t n;
} words;

/* A number's words, returned by value so that a call can be a printf argument: N(x).s. */
typedef struct words_num {
    char s[330]; /* room for any double: DBL_MAX has 309 digits */
} words_num;

/* x with one decimal, ".0" dropped ("4.3", "4"): cadre.say's %n. */
words_num words_n(double x);
/* x rounded half up to a whole number ("4"): cadre.say's %d. */
words_num words_d(double x);
/* "1 year", "2.5 years": cadre.say's %y. */
words_num words_y(double x);

/* Empties w. */
void words_reset(words *w);
/* Appends printf-formatted text to w. */
void words_add(words *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends "a, b and c" (conj "and") or "a, b or c" (conj "or"). */
void words_list(words *w, const char *const *items, size_t n, const char *conj);

#endif
