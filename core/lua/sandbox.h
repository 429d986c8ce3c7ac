/* SPDX-License-Identifier: MIT */
/*
 * core/lua/sandbox.h - a lua_State that untrusted rubric text can run in.
 *
 * Only this module creates lua_States and sets their limits. Each rubric gets its own state,
 * so rubrics cannot see each other. The state has no io, os, package or debug library, no
 * bytecode loading and no file access; its memory is capped; calls made between
 * cadre__sandbox_begin() and cadre__sandbox_end() share one CPU budget.
 */
#ifndef CADRE_SANDBOX_H
#define CADRE_SANDBOX_H

#include <lua.h>

#include "plugin_internal.h"

typedef struct cadre__sandbox cadre__sandbox;

/* How the CPU budget is enforced. Only the benchmark chooses anything but the watchdog. */
typedef enum cadre__budget_mode {
    CADRE__BUDGET_WATCHDOG = 0, /* a thread arms a hook when the time is up (the default) */
    CADRE__BUDGET_COUNT_HOOK,   /* a count hook on every call (the fallback; about 2x slower) */
    CADRE__BUDGET_NONE          /* no budget at all: for measuring the others only */
} cadre__budget_mode;

/* The mode new sandboxes use; process-wide, for scripts/bench. */
void cadre__sandbox_set_budget_mode(cadre__budget_mode mode);

/* Receives one line a rubric printed (any bytes: the receiver cleans and caps them). */
typedef void (*cadre__print_fn)(void *userdata, const char *line, size_t len);

typedef struct cadre__sandbox_config {
    cadre__lua_limits limits;
    const char *path;      /* the rubric file, for messages */
    const char *data_dir;  /* folder cadre.data() reads from, or NULL for none */
    cadre__print_fn print; /* NULL: "[path] line" on stderr, escaped */
    void *print_userdata;
} cadre__sandbox_config;

int cadre__sandbox_new(cadre__sandbox **out, const cadre__sandbox_config *cfg, cadre_error *err);
void cadre__sandbox_free(cadre__sandbox *sb);
lua_State *cadre__sandbox_state(cadre__sandbox *sb);
/* The sandbox of a state (or of one of its coroutines). */
cadre__sandbox *cadre__sandbox_of(lua_State *L);

/* Compiles rubric text (never bytecode) and pushes the chunk. */
int cadre__sandbox_load(cadre__sandbox *sb, const char *text, size_t len, cadre_error *err);

/* Starts and ends a budgeted section; calls inside share its CPU budget. */
void cadre__sandbox_begin(cadre__sandbox *sb);
void cadre__sandbox_end(cadre__sandbox *sb);
/* Raises the budget error if the running call's CPU budget is spent. Given to the library
 * functions that loop in C (library.c, pattern.c), where no hook fires; does nothing outside a
 * budgeted section. */
void cadre__sandbox_check_budget(lua_State *L);

/* lua_pcall with the sandbox's message handler. On failure pops the error and fills err with
 * the message, the rubric file and the line that failed; code is CADRE_ELIMIT for a time or
 * memory overrun, CADRE_EPLUGIN otherwise. */
int cadre__sandbox_pcall(cadre__sandbox *sb, int nargs, int nresults, cadre_error *err);

/* Memory in use by the state, in bytes. */
size_t cadre__sandbox_memory(const cadre__sandbox *sb);
/* SHA-256 over the names and contents of every data file read so far (for the vetting key). */
void cadre__sandbox_data_digest(const cadre__sandbox *sb, char out[65]);

/* Pushes the data file `name` from the rubric's data folder as a table (JSON or TSV). Raises a
 * Lua error naming the file on failure. Used by cadre.data(). */
int cadre__sandbox_push_data(lua_State *L, const char *name);

#endif
