/* SPDX-License-Identifier: MIT */
/*
 * core/native.c - loading shared-object plugins with dlopen.
 *
 * Every step that can fail says which file and which symbol or field, and every failure path
 * closes the library again, so a broken plugin leaves nothing behind.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plugin_internal.h"

typedef struct native {
    void *dl;
    cadre_plugin_info info; /* the plugin's descriptor, zero-extended to our size */
    void *state;
    int initialised;
} native;

/* The smallest descriptor ABI 1 accepts: everything up to and including assess(). */
#define MIN_INFO_SIZE (offsetof(cadre_plugin_info, assess) + sizeof(void (*)(void)))

static int native_assess(cadre__plugin *p, const cadre_candidate *c, const cadre_params *params,
                         cadre_builder *b)
{
    native *n = p->impl;
    int rc;

    cadre__host_enter(b, params);
    rc = n->info.assess(n->state, cadre__host(), c, params, b);
    cadre__host_leave();

    if (rc != 0 && !cadre__builder_failed(b))
        cadre__builder_fail(b, CADRE_EPLUGIN, p->meta.path, 0,
                            "assess() returned an error without saying why");
    return rc != 0 || cadre__builder_failed(b) ? -1 : 0;
}

static void native_unload(cadre__plugin *p)
{
    native *n = p->impl;

    if (n == NULL) return;
    if (n->initialised && n->info.fini != NULL) n->info.fini(n->state);
    if (n->dl != NULL) dlclose(n->dl);
    free(n);
    p->impl = NULL;
}

static const cadre__plugin_ops native_ops = {.assess = native_assess, .unload = native_unload};

/* Reads the plugin's descriptor and checks the handshake; fills n->info. */
static int read_info(native *n, const char *path, cadre_error *err)
{
    union {
        const cadre_plugin_info *info;
        void *sym;
    } u;
    cadre_plugin_entry_fn entry;
    const cadre_plugin_info *info;

    dlerror();
    u.sym = dlsym(n->dl, CADRE_PLUGIN_ENTRY);
    if (u.sym == NULL)
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                           "%s: no symbol %s; a native plugin must export it (define it with "
                           "CADRE_PLUGIN_DEFINE, see docs/plugins.md)",
                           path, CADRE_PLUGIN_ENTRY);
    /* POSIX guarantees that a data pointer from dlsym converts to a function pointer. */
    memcpy(&entry, &u.sym, sizeof(entry));
    info = entry(CADRE_PLUGIN_ABI_VERSION);
    if (info == NULL)
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                           "%s: %s() returned NULL: the plugin refused this engine (plugin ABI %d, "
                           "cadre %s)",
                           path, CADRE_PLUGIN_ENTRY, CADRE_PLUGIN_ABI_VERSION, CADRE_VERSION);
    if (info->abi_version != CADRE_PLUGIN_ABI_VERSION)
        return cadre__fail(err, CADRE_EABI, path, 0, 0,
                           "%s: built for plugin ABI version %u, but this cadre (%s) provides ABI "
                           "version %d; rebuild it against this cadre's <cadre/plugin.h>",
                           path, info->abi_version, CADRE_VERSION, CADRE_PLUGIN_ABI_VERSION);
    if (info->struct_size < MIN_INFO_SIZE)
        return cadre__fail(err, CADRE_EABI, path, 0, 0,
                           "%s: descriptor struct_size is %u bytes, less than the %zu bytes ABI "
                           "version %d requires",
                           path, info->struct_size, (size_t)MIN_INFO_SIZE,
                           CADRE_PLUGIN_ABI_VERSION);
    /* Copy only what the plugin declared; fields it does not know about stay zero. */
    memcpy(&n->info, info,
           info->struct_size < sizeof(n->info) ? info->struct_size : sizeof(n->info));
    if (n->info.assess == NULL)
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0, "%s: descriptor has no assess function",
                           path);
    return 0;
}

static int run_init(native *n, const char *path, cadre_error *err)
{
    char msg[512] = "";

    if (n->info.init == NULL) return 0;
    if (n->info.init(&n->state, cadre__host(), msg, sizeof(msg)) != 0) {
        msg[sizeof(msg) - 1] = '\0';
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0, "%s: init failed: %s", path,
                           *msg ? msg : "(the plugin gave no reason)");
    }
    n->initialised = 1;
    return 0;
}

int cadre__native_load(cadre__plugin **out, const char *path, const char *sha256, cadre_error *err)
{
    cadre__plugin *p = cadre__plugin_alloc();
    native *n = calloc(1, sizeof(*n));
    cadre_plugin_meta m = {0};
    int rc;

    *out = NULL;
    if (p == NULL || n == NULL) {
        free(n);
        cadre__plugin_free(p);
        return cadre__fail(err, CADRE_ENOMEM, path, 0, 0, "out of memory");
    }
    p->impl = n;
    p->ops = &native_ops;
    /* RTLD_LOCAL keeps one plugin's symbols from resolving another's; RTLD_NOW surfaces a
     * missing dependency here rather than as a crash mid-assessment. */
    n->dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (n->dl == NULL) {
        const char *why = dlerror();

        cadre__plugin_free(p);
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0, "%s: not a loadable shared object: %s",
                           path, why ? why : "unknown dlopen error");
    }
    rc = read_info(n, path, err);
    if (rc == 0) {
        m.name = n->info.name;
        m.title = n->info.title;
        m.version = n->info.version;
        m.kind = CADRE_PLUGIN_NATIVE;
        m.sha256 = sha256;
        m.description = n->info.description;
        m.inputs = n->info.inputs;
        m.params = n->info.params;
        rc = cadre__plugin_set_meta(p, &m, path, err);
    }
    if (rc == 0) rc = run_init(n, path, err);
    if (rc != 0) {
        cadre__plugin_free(p);
        return rc;
    }
    *out = p;
    return 0;
}
