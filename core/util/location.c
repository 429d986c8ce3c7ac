/* SPDX-License-Identifier: MIT */
/*
 * core/util/location.c - where the built-in plugins and the worker program are, found from
 * where the library is.
 *
 * An installed tree must keep working when it is moved (`cmake --install --prefix P`, a
 * relocated package, a tarball unpacked anywhere), so the shared library does not trust the
 * prefix it was configured with: it asks the dynamic loader which file it was loaded from
 * (dladdr on one of its own functions) and looks for the plugins at the same place relative
 * to that file as the install rules put them (CADRE_PLUGIN_REL_LIBDIR, "cadre/plugins").
 * When libcadre is linked statically, the file found is the host program, which says nothing
 * about where cadre was installed: the compiled-in folder is used, and a static embedder
 * passes builtin_dir (docs/embedding.md shows where to read it from).
 */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#ifndef CADRE_PLUGIN_DIR
#define CADRE_PLUGIN_DIR "/usr/local/lib/cadre/plugins"
#endif
#ifndef CADRE_PLUGIN_REL_LIBDIR
#define CADRE_PLUGIN_REL_LIBDIR "cadre/plugins"
#endif
#ifndef CADRE_WORKER_PATH
#define CADRE_WORKER_PATH "/usr/local/lib/cadre/cadre-worker"
#endif
#ifndef CADRE_WORKER_REL_LIBDIR
#define CADRE_WORKER_REL_LIBDIR "cadre/cadre-worker"
#endif

static char builtin[PATH_MAX + 64], worker[PATH_MAX + 64];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Nonzero when `path` names the running program itself (libcadre linked statically). */
static int is_main_program(const char *path)
{
    char exe[PATH_MAX], real[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

    if (n <= 0 || realpath(path, real) == NULL) return 1; /* cannot tell: do not guess */
    exe[n] = '\0';
    return strcmp(exe, real) == 0;
}

static void find_builtin(void)
{
    Dl_info info;
    char real[PATH_MAX];
    char *slash;

    snprintf(builtin, sizeof(builtin), "%s", CADRE_PLUGIN_DIR);
    snprintf(worker, sizeof(worker), "%s", CADRE_WORKER_PATH);
    if (dladdr((void *)cadre__builtin_dir_default, &info) == 0 || info.dli_fname == NULL ||
        strchr(info.dli_fname, '/') == NULL || is_main_program(info.dli_fname))
        return;
    if (realpath(info.dli_fname, real) == NULL) return;
    slash = strrchr(real, '/');
    *slash = '\0';
    snprintf(builtin, sizeof(builtin), "%s/%s", real, CADRE_PLUGIN_REL_LIBDIR);
    snprintf(worker, sizeof(worker), "%s/%s", real, CADRE_WORKER_REL_LIBDIR);
}

const char *cadre__builtin_dir_default(void)
{
    pthread_once(&once, find_builtin);
    return builtin;
}

const char *cadre__worker_program_default(void)
{
    pthread_once(&once, find_builtin);
    return worker;
}
