/* SPDX-License-Identifier: MIT */
/* fail() with a message that is not UTF-8.
 * class: 5
 * expect: error
 * message: broken
 */
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    h->fail(b, "broken \xc3\x28 \xff end");
    return 1;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_fail_invalid_utf8")
