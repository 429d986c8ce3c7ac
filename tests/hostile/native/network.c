/* SPDX-License-Identifier: MIT */
/* Tries to open network and local sockets.
 * class: 9
 * expect: ok
 */
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "hostile.h"

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    int done = 0, fd = socket(AF_INET, SOCK_STREAM, 0), sv[2];

    (void)s, (void)c, (void)p;
    if (fd >= 0) {
        struct sockaddr_in a;

        done++;
        memset(&a, 0, sizeof(a));
        a.sin_family = AF_INET;
        a.sin_port = htons(9);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connect(fd, (struct sockaddr *)&a, sizeof(a));
        close(fd);
    }
    done += socket(AF_UNIX, SOCK_DGRAM, 0) >= 0;
    done += socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0;
    h->criterion(b, "a", "A", 1, 50, "%d sockets were opened", done);
    h->set_band(b, "contained");
    return 0;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_network")
