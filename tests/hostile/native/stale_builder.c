/* SPDX-License-Identifier: MIT */
/* Keeps the builder of one call and writes through it in the next: the host refuses it.
 * class: 10
 * expect: ok
 * modes: untrusted all none
 */
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    static cadre_builder *kept;
    int refused = 1;

    (void)s, (void)c, (void)p;
    if (kept != NULL && kept != b) refused = h->criterion(kept, "stale", "Stale", 1, 1, "x") != 0;
    kept = b;
    return hostile_ok(h, b, refused ? "a kept builder is refused" : "a kept builder was used");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_stale_builder")
