/* SPDX-License-Identifier: MIT */
/* A constructor that crashes while the library loads.
 * class: 9
 * expect: refused
 * message: while loading, the plugin crashed
 */
#include "hostile.h"

static void boom(void) __attribute__((constructor));
static void boom(void)
{
    hostile_crash();
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_ctor_crash")
