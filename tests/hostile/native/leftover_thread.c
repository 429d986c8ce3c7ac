/* SPDX-License-Identifier: MIT */
/* assess() starts a thread that outlives the call: it keeps writing to standard output and
 * calling the host with the builder it was given, long after assess() returned.
 * class: 8
 * expect: ok
 */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hostile.h"

static const cadre_host *host;
static cadre_builder *stale;

static void *pester(void *arg)
{
    static const char fake[] = "{\"fake\":4}\n";
    struct timespec ms = {0, 1000000};

    (void)arg;
    for (;;) {
        if (write(STDOUT_FILENO, fake, strlen(fake)) < 0) break;
        host->criterion(stale, "late", "Late", 1, 100, "from a leftover thread");
        host->detail(stale, "late", "from a leftover thread");
        nanosleep(&ms, NULL);
    }
    return NULL;
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    pthread_t t;

    (void)s, (void)c, (void)p;
    host = h;
    stale = b;
    pthread_create(&t, NULL, pester, NULL);
    pthread_detach(t);
    return hostile_ok(h, b, "left a thread behind");
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_leftover_thread")
