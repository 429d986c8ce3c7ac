/* SPDX-License-Identifier: MIT */
/*
 * core/worker/remote.h - a plugin that runs in a worker process, seen from the engine.
 *
 * cadre__remote_load (declared in plugin_internal.h with the other loaders) starts a worker for
 * one plugin file and waits, with a deadline, for the plugin's metadata; the plugin it returns
 * looks to the engine like any other, and assesses by sending the candidate to its worker.
 *
 * Deadlines, in wall-clock time from when the engine sends the work: loading a rubric, three
 * CPU budgets (its top-level code and the two load-time probes) plus REMOTE_LOAD_GRACE_MS; a
 * rubric's assessment, one budget plus REMOTE_GRACE_MS; loading or running a native plugin, the
 * native time limit. Time the worker spent waiting for a CPU (a loaded machine) is not counted,
 * up to ten times the deadline (remote.c, recv_fair). A worker that misses its deadline is
 * killed (SIGKILL); one that dies is
 * reaped; either way that plugin gets an error result saying how, and the next candidate gets a new
 * worker. Closing the engine gives each worker REMOTE_UNLOAD_MS to unload (fini) and exit.
 */
#ifndef CADRE_REMOTE_H
#define CADRE_REMOTE_H

#include "plugin_internal.h"

#define REMOTE_GRACE_MS 2000
#define REMOTE_LOAD_GRACE_MS                                                                       \
    5000 /* starting a process and the Lua libraries, under valgrind too                           \
          */
#define REMOTE_UNLOAD_MS 2000

/* True when `p` runs in a worker process. */
int cadre__remote_is(const cadre__plugin *p);

#endif
