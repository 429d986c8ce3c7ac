/* SPDX-License-Identifier: MIT */
/* Allocates and touches memory until it runs out, then writes through what it got.
 * class: 3
 * expect: error
 * message: the plugin|did not finish within
 */
#include <stdlib.h>
#include <string.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    for (;;) {
        char *m = malloc(64u << 20);

        if (m == NULL) hostile_crash(); /* out of memory: crash */
        memset(m, 1, 64u << 20);
    }
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_malloc_bomb")
