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

#include <openssl/evp.h>

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

int cadre__sha256_hex(char out[65], const void *data, size_t len)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    static const char hex[] = "0123456789abcdef";

    if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32) {
        out[0] = '\0';
        return CADRE_ENOMEM;
    }
    for (unsigned i = 0; i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
    return 0;
}
