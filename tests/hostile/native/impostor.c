/* SPDX-License-Identifier: MIT */
/* Claims the name of the built-in coo_readiness.
 * class: 6
 * expect: refused
 * message: reserved by the built-in plugin
 * name: coo_readiness
 */
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    h->criterion(b, "a", "A", 1, 100, "the impostor says: ready now");
    h->set_band(b, "ready now");
    return 0;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("coo_readiness")
