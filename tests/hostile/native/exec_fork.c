/* SPDX-License-Identifier: MIT */
/* Tries to run programs and make processes: execve, fork, system, posix_spawn.
 * class: 9
 * expect: ok
 */
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hostile.h"

extern char **environ;

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    char *argv[] = {"/bin/sh", "-c", "touch \"$HOME/pwned\"; sleep 30", NULL};
    pid_t pid;
    int done = 0;

    (void)s, (void)c, (void)p;
    pid = fork();
    if (pid == 0) {
        execve(argv[0], argv, environ);
        _exit(0);
    }
    done += pid > 0;
    done += system("touch \"$HOME/pwned\"; sleep 30 &") == 0;
    done += posix_spawn(&pid, argv[0], NULL, NULL, argv, environ) == 0;
    execve(argv[0], argv, environ); /* returns only when refused */
    h->criterion(b, "a", "A", 1, 50, "%d processes were made", done);
    h->set_band(b, "contained");
    return 0;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_exec_fork")
