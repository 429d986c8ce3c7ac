/* SPDX-License-Identifier: MIT */
/*
 * core/worker/worker.h - the worker process's side: one plugin, loaded and run in a process
 * of its own, behind the confinement of confine.h.
 *
 * The engine starts one worker per isolated plugin (remote.c): a fresh process running the
 * cadre-worker program (core/worker/program.c), not a fork of the engine, so that it holds
 * nothing of the program that embeds cadre (its memory, its other descriptors, most of its
 * environment) and starting it is safe in a program with threads. The engine sends the worker
 * spec as the first frame on the channel; the worker confines itself, loads the plugin with
 * the ordinary loaders (so dlopen, the entry point, init and a rubric's top-level code all run
 * here, never in the engine), sends its metadata or why it could not be loaded, then answers
 * one request per frame until the engine closes the channel, when it unloads the plugin (fini
 * runs here too) and exits.
 */
#ifndef CADRE_WORKER_H
#define CADRE_WORKER_H

#include "plugin_internal.h"
#include "worker/confine.h"

typedef struct cadre__worker_spec {
    const char *path;   /* the plugin file */
    const char *sha256; /* its hash, computed by the engine from the bytes it read */
    const char *text;   /* a rubric's text as the engine read and hashed it; NULL for native */
    size_t text_len;
    cadre__lua_limits limits;
    cadre__confinement confinement;
} cadre__worker_spec;

/* Where the worker program finds its channel and its output (remote.c arranges them). */
#define CADRE__WORKER_CHANNEL_FD 3
#define CADRE__WORKER_OUTPUT_FD  1

/* The spec as the engine's first frame (strings and the rubric's bytes included). */
void cadre__worker_spec_put(cadre__buf *b, const cadre__worker_spec *spec);

/* The main of the cadre-worker program: reads the spec from the channel and runs the worker.
 * Returns only when started by hand, not by an engine (with the exit status to use). */
int cadre__worker_program_main(void);

/* Runs the worker; never returns. */
void cadre__worker_main(const cadre__worker_spec *spec) __attribute__((noreturn));

#endif
