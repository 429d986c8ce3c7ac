/* SPDX-License-Identifier: MIT */
/* fini() never returns: the engine gives the worker two seconds, then kills it.
 * class: 9
 * expect: ok
 */
#define HOSTILE_FINI fini
#include "hostile.h"

static void fini(void *state)
{
    volatile unsigned long spin = 0;

    (void)state;
    for (;;)
        spin++;
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "hangs only when unloaded");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_fini_hang")
