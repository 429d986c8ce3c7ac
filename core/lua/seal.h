/* SPDX-License-Identifier: MIT */
/*
 * core/lua/seal.h - a rubric's state is read-only once it has loaded, so that nothing one
 * candidate's assessment does can change the report of the next one.
 *
 * A rubric keeps one Lua state for every candidate it assesses. What its top-level code built
 * (tables of data, helper functions, the variables of the file) therefore lives on between
 * assessments, and a rubric that stored something there, on purpose or by mistake, would put
 * one person's data into the next person's report. Sealing, after the file has run and its
 * descriptor has been read, forbids that:
 *
 *  - every table reachable from the rubric (its globals, its descriptor, the libraries, the
 *    cadre helpers, the data files it reads, which are frozen as they are read) is frozen: its
 * entries move to a hidden table that reads go through (a frozen table keeps its identity, so it
 * still works as a key, in ==, with ipairs, pairs, #, next, rawget and rawlen), and any write to
 * it, rawset included, is an error at the line that tried;
 *  - the variables that its functions capture (upvalues) cannot be made
 *    read-only, so they are watched: after every assessment each is compared with its value at
 *    sealing time, and one that changed is put back and turns that assessment into an error
 *    naming the variable. Metamethod fields (__index...) stay in the frozen table itself, so
 *    that a frozen table still works as a metatable, and are watched the same way;
 *  - a coroutine made while loading would keep its own stack alive between assessments: a
 *    rubric that keeps one is refused;
 *  - math.random is re-seeded before every assessment.
 *
 * The load-time probes run after sealing, so a rubric that writes its own state is refused
 * when it loads, with the line, rather than failing on some candidate later.
 */
#ifndef CADRE_SEAL_H
#define CADRE_SEAL_H

#include <stddef.h>

#include <lua.h>

/* Installs next, pairs' iterator, rawget, rawset and rawlen that see through frozen tables. */
void cadre__seal_install(lua_State *L);

/* Seals the state: a lua_CFunction to call protected, without arguments. Raises an error for
 * a kept coroutine. */
int cadre__seal(lua_State *L);

/* True once cadre__seal has run in this state. */
int cadre__seal_sealed(lua_State *L);

/* Freezes the table at `idx` and every table in it (data read after sealing). May raise a
 * memory error: call it inside a protected call. */
void cadre__seal_value(lua_State *L, int idx);

/* After an assessment: puts back every watched variable that changed. Returns 0, or -1 with
 * the first change described in why and *line set to the start of a function that uses the
 * variable (0 when unknown). Does not raise. */
int cadre__seal_verify(lua_State *L, char *why, size_t size, int *line);

#endif
