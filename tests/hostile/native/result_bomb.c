/* SPDX-License-Identifier: MIT */
/* A million 4000-byte details under one key: the report would grow to gigabytes.
 * class: 3
 * expect: error
 * message: bytes at detail value
 */
#include <string.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    static char big[4001];

    (void)s, (void)c, (void)p;
    memset(big, 'x', 4000);
    for (int i = 0; i < 1000000; i++)
        if (h->detail(b, "k", "%s", big) != 0) break;
    return hostile_ok(h, b, "flooded details");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_result_bomb")
