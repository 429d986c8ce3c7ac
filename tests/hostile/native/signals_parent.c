/* SPDX-License-Identifier: MIT */
/* Tries to stop the engine: SIGTERM to its parent, SIGKILL to its process group.
 * class: 9
 * expect: ok
 */
#include <signal.h>
#include <unistd.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    int done = 0;

    (void)s, (void)c, (void)p;
    done += kill(getppid(), SIGTERM) == 0;
    done += kill(0, SIGKILL) == 0; /* the process group: the engine too */
    h->criterion(b, "a", "A", 1, 50, "%d signals went out", done);
    h->set_band(b, "contained");
    return 0;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_signals_parent")
