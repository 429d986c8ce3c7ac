/* SPDX-License-Identifier: MIT */
/* Closes every descriptor it has, the engine's channel among them.
 * class: 9
 * expect: error
 * message: the plugin
 */
#include <unistd.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    for (int fd = 0; fd < 1024; fd++)
        close(fd);
    return hostile_ok(h, b, "closed everything");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_closes_channel")
