/* SPDX-License-Identifier: MIT */
/*
 * core/lua/say.h - the sentence helpers of the rubric API, in C: cadre.say(template, ...) and
 * the number and list words it shares with cadre.years, cadre.money, cadre.num and cadre.list.
 *
 * Rubrics state facts and the engine writes the sentences: a report holds a few hundred
 * evidence sentences per candidate, and writing them with string.format plus a gsub to trim
 * ".0" was the largest single cost of an assessment (docs/performance.md).
 */
#ifndef CADRE_SAY_H
#define CADRE_SAY_H

#include <lua.h>

/* Sets say, years, money, num and list (C functions) in the table on top of the stack. */
void cadre__say_register(lua_State *L);

#endif
