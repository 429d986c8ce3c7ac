/* SPDX-License-Identifier: MIT */
/* Tries to create, truncate, rename, link and remove files and folders in its own folder, the
 * home folder, the working folder and /tmp. Nothing on disk may change.
 * class: 9
 * expect: ok
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hostile.h"

static int attempts(const char *dir)
{
    char path[4200], other[4200];
    int done = 0;
    FILE *f;

    snprintf(path, sizeof(path), "%s/pwned", dir);
    snprintf(other, sizeof(other), "%s/pwned2", dir);
    if ((f = fopen(path, "w")) != NULL) done++, fclose(f);
    done += open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644) >= 0;
    done += creat(other, 0644) >= 0;
    done += mkdir(other, 0755) == 0;
    done += symlink("/etc/passwd", other) == 0;
    done += rename(dir, other) == 0;
    return done;
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    const char *home = getenv("HOME"), *canary = getenv("CADRE_HOSTILE_CANARY");
    char cwd[4096];
    int done = 0;

    (void)s, (void)c, (void)p;
    if (home) done += attempts(home);
    if (getcwd(cwd, sizeof(cwd))) done += attempts(cwd);
    if (canary) done += attempts(canary);
    done += attempts("/tmp");
    done += attempts(".");
    if (home) {
        char victim[4200];

        snprintf(victim, sizeof(victim), "%s/keep.txt", home);
        done += unlink(victim) == 0;
        done += truncate(victim, 0) == 0;
        done += chmod(victim, 0777) == 0;
    }
    h->criterion(b, "a", "A", 1, 50, "%d writes went through", done);
    h->set_band(b, "contained");
    return 0;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_writes_files")
