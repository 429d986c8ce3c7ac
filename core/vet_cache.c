/* SPDX-License-Identifier: MIT */
/*
 * core/vet_cache.c - remembering which rubrics passed their trial runs (vet_cache.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vet_cache.h"

char *cadre__vet_cache_default(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char buf[4096];

    if (xdg && *xdg == '/')
        snprintf(buf, sizeof(buf), "%s/cadre/vetted", xdg);
    else if (home && *home == '/')
        snprintf(buf, sizeof(buf), "%s/.cache/cadre/vetted", home);
    else
        return NULL;
    return strdup(buf);
}

void cadre__vet_cache_key(char out[65], const char *rubric_sha256, const char *data_digest,
                          unsigned time_ms, size_t memory)
{
    cadre__sha256 s;
    char line[256];
    int n = snprintf(line, sizeof(line), "cadre-vetted 1\n%s\n%u %zu\n", CADRE_VERSION, time_ms,
                     memory);

    cadre__sha256_init(&s);
    cadre__sha256_update(&s, line, (size_t)n);
    cadre__sha256_update(&s, rubric_sha256, strlen(rubric_sha256));
    cadre__sha256_update(&s, "\n", 1);
    cadre__sha256_update(&s, data_digest, strlen(data_digest));
    cadre__sha256_final_hex(&s, out);
}

int cadre__vet_cache_has(const char *dir, const char *key)
{
    char path[4200];
    struct stat st;

    if (dir == NULL || *dir == '\0') return 0;
    snprintf(path, sizeof(path), "%s/%s", dir, key);
    return lstat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid();
}

/* mkdir -p, each new folder private to the user. */
static int make_dirs(const char *dir)
{
    char buf[4096];
    size_t n = strlen(dir);

    if (n == 0 || n >= sizeof(buf)) return -1;
    memcpy(buf, dir, n + 1);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    return mkdir(buf, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

void cadre__vet_cache_add(const char *dir, const char *key)
{
    char path[4200];
    int fd;

    if (dir == NULL || *dir == '\0' || make_dirs(dir) != 0) return;
    snprintf(path, sizeof(path), "%s/%s", dir, key);
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) close(fd);
}
