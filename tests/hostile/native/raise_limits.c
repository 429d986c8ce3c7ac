/* SPDX-License-Identifier: MIT */
/* Lifts its CPU and memory limits, then spins.
 * class: 1
 * expect: error
 * message: did not finish within
 */
#include <sys/resource.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    struct rlimit inf = {RLIM_INFINITY, RLIM_INFINITY};
    volatile unsigned long spin = 0;

    (void)s, (void)c, (void)p;
    setrlimit(RLIMIT_CPU, &inf);
    setrlimit(RLIMIT_AS, &inf);
    for (;;)
        spin++;
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_raise_limits")
