/* SPDX-License-Identifier: MIT */
/*
 * core/worker/confine.h - what a worker process gives up before it loads a plugin.
 *
 * Called first thing in the worker program (worker.c). Whatever the plugin then does, it cannot
 * write into the engine's report stream, read the engine's other descriptors, read files outside
 * its own folder and the system's libraries (where the kernel offers Landlock), outlive the engine,
 * grow without bound, dump core, write, rename or delete files, start programs or processes,
 * open network sockets, signal or trace other processes, or lift these limits again.
 */
#ifndef CADRE_CONFINE_H
#define CADRE_CONFINE_H

#include <stddef.h>
#include <sys/types.h>

/* A worker recycles itself (finishes its request, then exits so that the engine starts a
 * fresh one) once it has used this much CPU time, well before its RLIMIT_CPU. */
#define CADRE__WORKER_RECYCLE_CPU_S 30
#define CADRE__WORKER_CPU_LIMIT_S   60

typedef struct cadre__confinement {
    const char *plugin_dir; /* the plugin's folder: what it may read, with the system's libraries */
    int sock;               /* the channel to the engine: becomes fd 3 */
    int out;                /* the pipe the engine drains: becomes fds 1 and 2 */
    pid_t parent;           /* the engine's process, to die with it */
    size_t memory_limit;    /* address space the plugin may add to what the process has; 0: none */
} cadre__confinement;

/* Applies the confinement. Returns 0; on a failure that would leave the worker less confined
 * than documented, -1 with why in msg (the worker then refuses to load the plugin). */
int cadre__confine(const cadre__confinement *c, char *msg, size_t size);

/* Which of the mechanisms are in force in this build and on this kernel, e.g. "descriptors,
 * rlimits, no_new_privs, seccomp, landlock (ABI 6)". Static storage (cadre_worker_confinement
 * in cadre.h). */
const char *cadre__confinement_summary(void);

#endif
