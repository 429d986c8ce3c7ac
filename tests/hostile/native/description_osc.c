/* SPDX-License-Identifier: MIT */
/* A descriptor whose description retitles the terminal.
 * class: 5
 * expect: refused
 * message: description contains a control or invisible character
 */
#define HOSTILE_DESCRIPTION "Fine\x1b]0;pwned\x07"
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_description_osc")
