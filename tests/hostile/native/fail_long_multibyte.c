/* SPDX-License-Identifier: MIT */
/* fail() with 6000 bytes of two-byte characters: cut, never mid-character.
 * class: 5
 * expect: error
 * message: é
 */
#include <string.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    static char msg[6001];

    (void)s, (void)c, (void)p;
    for (int i = 0; i < 3000; i++)
        memcpy(msg + 2 * i, "\xc3\xa9", 2);
    h->fail(b, "%s", msg);
    return 1;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_fail_long_multibyte")
