/* SPDX-License-Identifier: MIT */
/* Looks through its environment for the engine's secrets (a variable holding an API key, say)
 * and reports all it finds; a worker gets only the variables the program needs to run.
 * class: 2
 * expect: ok
 * check: no-secret
 */
#include <stdio.h>
#include <string.h>

#include "hostile.h"

extern char **environ;

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    char all[2000] = "";
    size_t n = 0;

    (void)s, (void)c, (void)p;
    for (char **e = environ; e && *e && n + 2 < sizeof(all); e++)
        n += (size_t)snprintf(all + n, sizeof(all) - n, "%s;", *e);
    for (size_t i = 0; i < n && i < sizeof(all); i++)
        if ((unsigned char)all[i] < 0x20) all[i] = ' ';
    h->criterion(b, "a", "A", 1, 50, "environment=[%s]", all);
    h->set_band(b, "contained");
    return 0;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_env_secret")
