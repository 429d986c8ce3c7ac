/* SPDX-License-Identifier: MIT */
/* A constructor that prints a fake report to standard output.
 * class: 8
 * expect: ok
 * modes: untrusted all none
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hostile.h"

static void shout(void) __attribute__((constructor));
static void shout(void)
{
    static const char fake[] = "{\"format\":\"cadre-report\",\"fake\":1}\n";

    printf("%s", fake);
    fflush(stdout);
    if (write(1, fake, strlen(fake)) < 0) return;
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    (void)s, (void)c, (void)p;
    return hostile_ok(h, b, "loaded after printing");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_ctor_stdout")
