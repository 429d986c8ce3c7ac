/* SPDX-License-Identifier: MIT */
/* Writes 50 MB to standard error.
 * class: 4
 * expect: ok
 */
#include <string.h>
#include <unistd.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    static char line[1024];

    (void)s, (void)c, (void)p;
    memset(line, 'x', sizeof(line) - 1);
    line[sizeof(line) - 1] = '\n';
    for (int i = 0; i < 50 * 1024; i++)
        if (write(STDERR_FILENO, line, sizeof(line)) < 0) break;
    return hostile_ok(h, b, "flooded standard error");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_stderr_flood")
