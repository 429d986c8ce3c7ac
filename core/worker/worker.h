/* SPDX-License-Identifier: MIT */
/*
 * core/worker/worker.h - the worker process's side: one plugin, loaded and run in a process
 * of its own, behind the confinement of confine.h.
 *
 * The engine forks one worker per isolated plugin (remote.c). The worker confines itself,
 * loads the plugin with the ordinary loaders (so dlopen, the entry point, init and a rubric's
 * top-level code all run here, never in the engine), sends its metadata or why it could not
 * be loaded, then answers one request per frame until the engine closes the channel, when it
 * unloads the plugin (fini runs here too) and exits.
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

/* Runs the worker; never returns. */
void cadre__worker_main(const cadre__worker_spec *spec) __attribute__((noreturn));

#endif
