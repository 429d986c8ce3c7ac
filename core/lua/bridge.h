/* SPDX-License-Identifier: MIT */
/*
 * core/lua/bridge.h - moving data between C and a rubric's Lua state.
 */
#ifndef CADRE_LUA_BRIDGE_H
#define CADRE_LUA_BRIDGE_H

#include <lua.h>

#include "plugin_internal.h"

/* Pushes the candidate as a read-only object whose groups are built on first access; it is
 * valid until the next call. Raises on memory errors, so call it inside a protected call. */
void cadre__lua_push_candidate(lua_State *L, const cadre_candidate *c);
/* Pushes the parameters as a read-only object; undeclared names raise an error when read. */
void cadre__lua_push_params(lua_State *L, const cadre__param *params, size_t n);
/* Pushes a number, as an integer when it is whole. */
void cadre__lua_push_number(lua_State *L, double d);

/* While a recorder is on, reading an absent candidate field appends its path to it. */
void cadre__lua_set_recorder(lua_State *L, int on);
/* Pushes the current recorder table (array of paths) or nil. */
void cadre__lua_record_missing(lua_State *L, const char *path);

/* Defines the global `cadre` (the helpers of prelude.lua) in a sandbox; a lua_CFunction to be
 * called protected. Rubrics and rubric test files both get it. */
int cadre__lua_open_prelude(lua_State *L);

/* The Lua state of a loaded rubric, or NULL for another kind of plugin. For the fuzz harness,
 * which defines a global in it; nothing else reaches into a rubric's state. */
lua_State *cadre__lua_plugin_state(cadre__plugin *p);

#endif
