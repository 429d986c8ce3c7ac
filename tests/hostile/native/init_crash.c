/* SPDX-License-Identifier: MIT */
/* init() dereferences NULL.
 * class: 9
 * expect: refused
 * message: while loading, the plugin crashed
 */
#define HOSTILE_INIT init
#include "hostile.h"

static int init(void **state, const cadre_host *h, char *err, size_t len)
{
    (void)state, (void)h, (void)err, (void)len;
    hostile_crash();
    return 1;
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_init_crash")
