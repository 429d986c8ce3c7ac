/* SPDX-License-Identifier: MIT */
/*
 * tests/hostile/native/hostile.h - what the hostile native plugins share.
 *
 * Each case is one file: a comment header that tests/cli/hostile.t reads (class, expected
 * outcome, message, isolation modes), then a plugin that misbehaves in one way. Define
 * HOSTILE_ASSESS (and optionally HOSTILE_INIT, HOSTILE_FINI, HOSTILE_TITLE...) before including
 * this file; HOSTILE_PLUGIN(name) then defines a complete plugin. Cases misbehave whenever they
 * run: the engine must contain them however they are loaded.
 */
#ifndef HOSTILE_H
#define HOSTILE_H

#include <cadre/plugin.h>
#include <stddef.h>

#ifndef HOSTILE_TITLE
#define HOSTILE_TITLE "Hostile case"
#endif
#ifndef HOSTILE_VERSION
#define HOSTILE_VERSION "1.0"
#endif
#ifndef HOSTILE_DESCRIPTION
#define HOSTILE_DESCRIPTION "A plugin from the hostile corpus (tests/hostile)."
#endif
#ifndef HOSTILE_INIT
#define HOSTILE_INIT NULL
#endif
#ifndef HOSTILE_FINI
#define HOSTILE_FINI NULL
#endif

/* Writes through a null pointer the compiler cannot see is null (a visible one is undefined
 * behaviour, and the optimizer may delete the function that does it). */
static inline void hostile_crash(void)
{
    volatile int *volatile p = NULL;

    *p = 1;
}

/* A criterion and a band: what a plugin that otherwise behaves returns. */
static inline int hostile_ok(const cadre_host *h, cadre_builder *b, const char *evidence)
{
    h->criterion(b, "contained", "Contained", 1, 50, "%s", evidence);
    h->set_band(b, "contained");
    return 0;
}

#define HOSTILE_PLUGIN(name)                                                                       \
    static const cadre_plugin_info hostile_info = {sizeof(cadre_plugin_info),                      \
                                                   CADRE_PLUGIN_ABI_VERSION,                       \
                                                   name,                                           \
                                                   HOSTILE_VERSION,                                \
                                                   HOSTILE_TITLE,                                  \
                                                   HOSTILE_DESCRIPTION,                            \
                                                   NULL,                                           \
                                                   NULL,                                           \
                                                   HOSTILE_INIT,                                   \
                                                   HOSTILE_ASSESS,                                 \
                                                   HOSTILE_FINI};                                  \
    CADRE_PLUGIN_DEFINE(hostile_info)

#endif
