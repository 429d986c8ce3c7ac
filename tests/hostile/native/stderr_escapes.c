/* SPDX-License-Identifier: MIT */
/* Writes terminal escape sequences to standard error: a title change (OSC 0), a clipboard write
 * (OSC 52), a screen clear, a C1 control and a bidirectional override.
 * class: 5
 * expect: ok
 */
#include <string.h>
#include <unistd.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    static const char esc[] = "\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\xc2\x9b"
                              "31m"
                              "\xe2\x80\xae"
                              "evil\n";

    (void)s, (void)c, (void)p;
    if (write(STDERR_FILENO, esc, strlen(esc)) < 0) return 1;
    return hostile_ok(h, b, "wrote escapes to standard error");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_stderr_escapes")
