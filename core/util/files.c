/* SPDX-License-Identifier: MIT */
/*
 * core/util/files.c - reading whole files with limits, and hashing them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static int read_fd(char **out, size_t *len, int fd, const char *name, size_t max, cadre_error *err)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap + 1);

    if (buf == NULL) return cadre__fail(err, CADRE_ENOMEM, name, 0, 0, "out of memory");
    for (;;) {
        ssize_t got;

        if (n == cap) {
            char *nb;

            if (cap > max) break;
            cap *= 2;
            nb = realloc(buf, cap + 1);
            if (nb == NULL) {
                free(buf);
                return cadre__fail(err, CADRE_ENOMEM, name, 0, 0, "out of memory");
            }
            buf = nb;
        }
        got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            int e = errno;

            free(buf);
            return cadre__fail(err, CADRE_EIO, name, 0, 0, "cannot read %s: %s", name, strerror(e));
        }
        if (got == 0) break;
        n += (size_t)got;
    }
    if (n > max) {
        free(buf);
        return cadre__fail(err, CADRE_EIO, name, 0, 0,
                           "%s is larger than the %zu-byte limit for this kind of file", name, max);
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

const char *cadre__stat_problem(const struct stat *st, char *buf, size_t size)
{
    uid_t me = geteuid();

    if (st->st_uid != me && st->st_uid != 0) {
        snprintf(buf, size, "it belongs to user id %u, not to you or root", (unsigned)st->st_uid);
        return buf;
    }
    if ((st->st_mode & S_IWOTH) && !(S_ISDIR(st->st_mode) && (st->st_mode & S_ISVTX))) {
        snprintf(buf, size, "every user can write to it (mode %04o); fix with chmod o-w",
                 (unsigned)(st->st_mode & 07777));
        return buf;
    }
    if ((st->st_mode & S_IWGRP) && st->st_gid != getegid()) {
        snprintf(buf, size,
                 "members of group id %u can write to it (mode %04o); fix with chmod g-w",
                 (unsigned)st->st_gid, (unsigned)(st->st_mode & 07777));
        return buf;
    }
    return NULL;
}

int cadre__read_beneath(char **out, size_t *len, const char *dir, const char *rel, size_t max,
                        cadre_error *err)
{
    char part[256], why[200];
    const char *p = rel;
    struct stat st;
    int fd, rc;

    *out = NULL;
    *len = 0;
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;

        return cadre__fail(err, CADRE_EIO, dir, 0, 0, "cannot open %s: %s", dir,
                           e == ELOOP || e == ENOTDIR ? "it is a symbolic link or not a folder"
                                                      : strerror(e));
    }
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        int next;

        if (n == 0 || n >= sizeof(part)) {
            close(fd);
            return cadre__fail(err, CADRE_EIO, rel, 0, 0, "%s: not a usable file name", rel);
        }
        memcpy(part, p, n);
        part[n] = '\0';
        /* O_NOFOLLOW on every component: a symbolic link anywhere is refused, so the file read
         * is always inside the folder, whatever the links point at. O_NONBLOCK: a FIFO cannot
         * hang the open. */
        next = openat(fd, part,
                      O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (slash ? O_DIRECTORY : O_NONBLOCK));
        close(fd);
        if (next < 0) {
            int e = errno;

            return cadre__fail(err, CADRE_EIO, rel, 0, 0, "cannot open %s/%s: %s", dir, rel,
                               e == ELOOP || (e == ENOTDIR && slash)
                                   ? "a symbolic link is in the way (data files are read only "
                                     "from inside the data folder, never through links)"
                                   : strerror(e));
        }
        fd = next;
        if (!slash) break;
        p = slash + 1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return cadre__fail(err, CADRE_EIO, rel, 0, 0, "%s/%s is not a regular file", dir, rel);
    }
    if (cadre__stat_problem(&st, why, sizeof(why)) != NULL) {
        close(fd);
        return cadre__fail(err, CADRE_EUNSAFE, rel, 0, 0, "refusing %s/%s: %s", dir, rel, why);
    }
    if ((size_t)st.st_size > max) {
        close(fd);
        return cadre__fail(err, CADRE_EIO, rel, 0, 0,
                           "%s/%s is %lld bytes, over the %zu-byte limit for a data file", dir, rel,
                           (long long)st.st_size, max);
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    rc = read_fd(out, len, fd, rel, max, err);
    close(fd);
    return rc;
}

int cadre__read_file(char **out, size_t *len, const char *path, size_t max, cadre_error *err)
{
    struct stat st;
    int fd, rc;

    *out = NULL;
    *len = 0;
    if (strcmp(path, "-") == 0) return read_fd(out, len, STDIN_FILENO, "<stdin>", max, err);

    /* O_NONBLOCK so that opening a FIFO nobody writes to cannot hang us before the check. */
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        int e = errno;

        return cadre__fail(err, CADRE_EIO, path, 0, 0, "cannot open %s: %s", path, strerror(e));
    }
    if (fstat(fd, &st) != 0) {
        int e = errno;

        close(fd);
        return cadre__fail(err, CADRE_EIO, path, 0, 0, "cannot stat %s: %s", path, strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        int isdir = S_ISDIR(st.st_mode);

        close(fd);
        return cadre__fail(err, CADRE_EIO, path, 0, 0, "cannot read %s: %s", path,
                           isdir ? "it is a directory, not a file" : "it is not a regular file");
    }
    if ((size_t)st.st_size > max) {
        close(fd);
        return cadre__fail(err, CADRE_EIO, path, 0, 0,
                           "%s is %lld bytes, over the %zu-byte limit for this kind of file", path,
                           (long long)st.st_size, max);
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    rc = read_fd(out, len, fd, path, max, err);
    close(fd);
    return rc;
}
