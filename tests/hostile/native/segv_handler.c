/* SPDX-License-Identifier: MIT */
/* Installs a SIGSEGV handler that never returns, then crashes: a crash turned into a hang.
 * class: 1
 * expect: error
 * message: did not finish within
 */
#include <signal.h>
#include <string.h>

#include "hostile.h"

static void stuck(int sig)
{
    volatile unsigned long spin = (unsigned long)sig;

    for (;;)
        spin++;
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    struct sigaction sa;

    (void)s, (void)c, (void)p;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = stuck;
    sigaction(SIGSEGV, &sa, NULL);
    hostile_crash();
    return hostile_ok(h, b, "never reached");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_segv_handler")
