/* SPDX-License-Identifier: MIT */
/* A constructor that calls exit(0): in the engine's process it would end the run with status 0
 * and no report.
 * class: 9
 * expect: refused
 * message: while loading, the plugin ended the process (exit status 0)|while loading, the plugin
 */
#include <stdlib.h>

#include "hostile.h"

static void leave(void) __attribute__((constructor));
static void leave(void)
{
    exit(0);
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_ctor_exit")
