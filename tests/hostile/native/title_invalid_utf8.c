/* SPDX-License-Identifier: MIT */
/* A descriptor whose title is not UTF-8.
 * class: 5
 * expect: refused
 * message: title is not valid UTF-8
 */
#define HOSTILE_TITLE "Fit \xff\xfe"
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_title_invalid_utf8")
