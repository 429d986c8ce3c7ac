/* SPDX-License-Identifier: MIT */
/*
 * core/lua/library.h - library functions that could run for minutes inside one C call, replaced
 * by versions the CPU budget can stop.
 *
 * A hook never fires inside a C function, so the watchdog cannot stop a rubric while one runs.
 * Most library functions do work bounded by the memory cap; these do not:
 *   - string.find, match, gmatch, gsub (pattern.c): backtracking is polynomial in the subject
 *     with the number of repetitions, so '.-.-.-b' on 30 000 bytes runs for minutes;
 *   - string.rep: repeating an empty string 2^50 times loops 2^50 times without allocating;
 *   - table.insert, remove and move: they loop up to a length or range the rubric chooses
 *     (a __len metamethod can claim 2^62 elements) without allocating;
 *   - setmetatable with __gc: finalizers run when the collector decides, also outside any
 *     budgeted call and when the state is closed, so rubrics may not set them.
 * The replacements give the same results and errors as Lua 5.4's own (tests/unit/
 * test_library.c and the fuzz_pattern harness compare them) and check the budget every few
 * thousand steps.
 */
#ifndef CADRE_LIBRARY_H
#define CADRE_LIBRARY_H

#include <lua.h>

/* Asked every few thousand steps whether the running call may go on; it raises a Lua error
 * when the CPU budget is spent. The sandbox supplies it, so these files need nothing of the
 * sandbox (and a plain state, as in the tests and scripts/bench, can pass NULL). */
typedef void (*cadre__budget_fn)(lua_State *L);

/* Installs the replacements into the string and table libraries and the globals of L. */
void cadre__library_install(lua_State *L, cadre__budget_fn check);

/* Replaces find, match, gmatch and gsub in the table at index idx (pattern.c). */
void cadre__pattern_install(lua_State *L, int idx, cadre__budget_fn check);

/* Pushes a userdata holding `check`, the upvalue every replacement carries. */
void cadre__budget_push(lua_State *L, cadre__budget_fn check);

#endif
