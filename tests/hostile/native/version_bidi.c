/* SPDX-License-Identifier: MIT */
/* A descriptor whose version hides text behind a right-to-left override.
 * class: 5
 * expect: refused
 * message: version contains a control or invisible character
 */
#define HOSTILE_VERSION                                                                            \
    "1.0\xe2\x80\xae"                                                                              \
    "0.9"
#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_version_bidi")
