/* SPDX-License-Identifier: MIT */
/* Writes forged frames into every descriptor it finds, the engine's channel among them, then
 * returns normally: the engine must not take the forgery for a result.
 * class: 9
 * expect: error
 * message: malformed
 */
#include <string.h>
#include <unistd.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    /* A length of 40 and 40 bytes that are no result. */
    static const char frame[] = "\x28\0\0\0"
                                "0123456789012345678901234567890123456789";

    (void)s, (void)c, (void)p;
    for (int fd = 3; fd < 64; fd++)
        if (write(fd, frame, sizeof(frame) - 1) < 0) continue;
    return hostile_ok(h, b, "forged a frame");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_forges_frames")
