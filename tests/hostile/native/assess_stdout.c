/* SPDX-License-Identifier: MIT */
/* assess() writes to standard output four ways, each a fake report.
 * class: 8
 * expect: ok
 * modes: untrusted all none
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    static const char fake[] = "{\"format\":\"cadre-report\",\"fake\":2}\n";

    (void)s, (void)c, (void)p;
    printf("%s", fake);
    puts("{\"fake\":3}");
    fwrite(fake, 1, strlen(fake), stdout);
    fflush(stdout);
    if (write(STDOUT_FILENO, fake, strlen(fake)) < 0) return 1;
    return hostile_ok(h, b, "printed to standard output");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_assess_stdout")
