/* SPDX-License-Identifier: MIT */
/* Reads a secret from the home folder and a file outside its own folder, and reports them; a
 * worker may read only its own folder and the system's libraries.
 * class: 2
 * expect: ok
 * check: no-secret
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hostile.h"

static void slurp(const char *path, char *out, size_t size)
{
    FILE *f = fopen(path, "r");
    size_t n;

    if (f == NULL) return;
    n = fread(out, 1, size - 1, f);
    out[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)out[i] < 0x20) out[i] = ' ';
    fclose(f);
}

static int assess(void *s, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    char secret[200] = "", passwd[200] = "", path[4200];
    const char *home = getenv("HOME");

    (void)s, (void)c, (void)p;
    if (home) {
        snprintf(path, sizeof(path), "%s/secret.txt", home);
        slurp(path, secret, sizeof(secret));
    }
    slurp("/etc/passwd", passwd, sizeof(passwd));
    h->criterion(b, "a", "A", 1, 50, "secret=[%s] passwd=[%s]", secret, passwd);
    h->set_band(b, "contained");
    return 0;
}
#define HOSTILE_ASSESS assess
HOSTILE_PLUGIN("hostile_read_secret")
