/* SPDX-License-Identifier: MIT */
/*
 * core/lua/numbers.h - cadre.ramp, steps, level_score and clamp, in C (numbers.c).
 */
#ifndef CADRE_NUMBERS_H
#define CADRE_NUMBERS_H

#include <lua.h>

/* Sets ramp, steps, level_score and clamp (C functions) in the table on top of the stack. */
void cadre__numbers_register(lua_State *L);

#endif
