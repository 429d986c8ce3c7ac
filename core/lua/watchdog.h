/* SPDX-License-Identifier: MIT */
/*
 * core/lua/watchdog.h - CPU budgets for Lua calls without a per-instruction cost.
 *
 * A count hook on every call makes Lua about twice as slow. Instead one background thread
 * keeps a list of armed deadlines; only when a call has used its CPU budget does it install
 * a hook on the Lua thread that is running, and the hook raises the error. Honest rubrics,
 * which finish long before the deadline, never run with a hook at all.
 */
#ifndef CADRE_WATCHDOG_H
#define CADRE_WATCHDOG_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include <lua.h>

typedef struct cadre__deadline cadre__deadline;
struct cadre__deadline {
    lua_State *current;  /* the Lua thread running now (changes on coroutine resume) */
    lua_Hook hook;       /* installed on `current` when the budget is used up */
    clockid_t cpu_clock; /* the CPU clock of the OS thread that armed it */
    struct timespec cpu_start;
    struct timespec wall_check; /* when the watchdog next looks at it */
    uint64_t budget_ns;
    /* Set by the watchdog thread, read by the Lua thread while it runs: atomic. */
    atomic_int fired;
    int armed;
    cadre__deadline *next;
};

/* Every sandbox holds a reference while it exists; when the last one is released the thread is
 * stopped and joined, so no thread of libcadre outlives its last engine (an embedder may then
 * unload the library safely). */
void cadre__watchdog_acquire(void);
void cadre__watchdog_release(void);

/* Starts the budget for a call about to run on `L` (and its coroutines). Returns 0, or -1 when
 * the watchdog thread cannot be started, in which case the caller falls back to a count hook. */
int cadre__deadline_arm(cadre__deadline *d, lua_State *L, uint32_t budget_ms, lua_Hook hook);
/* Ends the budget; after this returns the watchdog no longer touches `d` or its states. */
void cadre__deadline_disarm(cadre__deadline *d);
/* Records that coroutine `co` runs now (or again its resumer, after the resume). If the budget
 * is already spent the hook is installed on it at once. */
void cadre__deadline_switch(cadre__deadline *d, lua_State *co);

#endif
