/* SPDX-License-Identifier: MIT */
/*
 * core/worker/channel.c - see channel.h.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "worker/channel.h"

void cadre__deadline_in(struct timespec *t, unsigned ms)
{
    clock_gettime(CLOCK_MONOTONIC, t);
    t->tv_sec += ms / 1000;
    t->tv_nsec += (long)(ms % 1000) * 1000000;
    if (t->tv_nsec >= 1000000000) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000;
    }
}

long cadre__ms_left(const struct timespec *t)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(t->tv_sec - now.tv_sec) * 1000 + (t->tv_nsec - now.tv_nsec) / 1000000;
}

int cadre__channel_send(int fd, const void *data, size_t len)
{
    size_t total = len + 4, sent = 0;
    unsigned char hdr[4] = {(unsigned char)len, (unsigned char)(len >> 8),
                            (unsigned char)(len >> 16), (unsigned char)(len >> 24)};

    if (len > CADRE__FRAME_MAX) return -1;
    while (sent < total) {
        struct iovec iov[2];
        struct msghdr msg = {0};
        size_t body_off = sent > 4 ? sent - 4 : 0;
        int k = 0;
        ssize_t n;

        if (sent < 4) iov[k++] = (struct iovec){hdr + sent, 4 - sent};
        iov[k++] = (struct iovec){(char *)data + body_off, len - body_off};
        msg.msg_iov = iov;
        msg.msg_iovlen = (size_t)k;
        n = sendmsg(fd, &msg, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        sent += (size_t)n;
    }
    return 0;
}

/* Waits until fd is readable, draining side_fd meanwhile. 0, -1 on error, -2 on timeout. */
static int wait_readable(int fd, const struct timespec *deadline, int side_fd,
                         cadre__drain_fn drain, void *userdata)
{
    for (;;) {
        struct pollfd pfd[2] = {{fd, POLLIN, 0}, {side_fd, POLLIN, 0}};
        long left = deadline ? cadre__ms_left(deadline) : 60000;
        int rc;

        /* Past the deadline, look once more without waiting: an answer that is already there
         * (the engine was busy elsewhere) still counts. */
        rc = poll(pfd, side_fd >= 0 ? 2 : 1, left <= 0 ? 0 : left > 60000 ? 60000 : (int)left);
        if (rc < 0 && errno != EINTR) return -1;
        if (rc == 0 && deadline && left <= 0) return -2;
        if (rc <= 0) continue; /* re-check the deadline */
        if (side_fd >= 0 && pfd[1].revents) drain(userdata);
        if (pfd[0].revents) return 0;
    }
}

/* Reads more bytes into the channel. 0, -1 on end of stream or error, -2 on timeout. */
static int fill(cadre__channel *ch, const struct timespec *deadline, int side_fd,
                cadre__drain_fn drain, void *userdata)
{
    if (ch->pos > 0) { /* keep unread bytes at the front */
        memmove(ch->data, ch->data + ch->pos, ch->len - ch->pos);
        ch->len -= ch->pos;
        ch->pos = 0;
    }
    if (ch->cap - ch->len < 65536) {
        size_t cap = ch->cap ? ch->cap * 2 : 131072;
        char *d = realloc(ch->data, cap);

        if (d == NULL) return -1;
        ch->data = d;
        ch->cap = cap;
    }
    for (;;) {
        ssize_t n;
        int rc = wait_readable(ch->fd, deadline, side_fd, drain, userdata);

        if (rc != 0) return rc;
        n = recv(ch->fd, ch->data + ch->len, ch->cap - ch->len, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) return -1;
        ch->len += (size_t)n;
        return 0;
    }
}

int cadre__channel_recv(cadre__channel *ch, char **out, size_t *len,
                        const struct timespec *deadline, int side_fd, cadre__drain_fn drain,
                        void *userdata)
{
    const unsigned char *h;
    size_t n;
    int rc;

    *out = NULL;
    *len = 0;
    while (ch->len - ch->pos < 4)
        if ((rc = fill(ch, deadline, side_fd, drain, userdata)) != 0) return rc;
    h = (const unsigned char *)ch->data + ch->pos;
    n = h[0] | (size_t)h[1] << 8 | (size_t)h[2] << 16 | (size_t)h[3] << 24;
    if (n > CADRE__FRAME_MAX) return -1;
    while (ch->len - ch->pos < 4 + n)
        if ((rc = fill(ch, deadline, side_fd, drain, userdata)) != 0) return rc;
    /* fill() may have moved the unread bytes to the front: read the position only now. */
    *out = ch->data + ch->pos + 4;
    *len = n;
    ch->pos += 4 + n;
    return 0;
}

void cadre__channel_free(cadre__channel *ch)
{
    free(ch->data);
    ch->data = NULL;
    ch->len = ch->pos = ch->cap = 0;
}
