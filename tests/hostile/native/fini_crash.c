/* SPDX-License-Identifier: MIT */
/* fini() crashes when the engine unloads the plugin: after the report is out.
 * class: 9
 * expect: ok
 */
#define HOSTILE_FINI fini
#include "hostile.h"

static void fini(void *state)
{
    (void)state;
    hostile_crash();
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "crashes only when unloaded");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_fini_crash")
