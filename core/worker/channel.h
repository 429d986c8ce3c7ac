/* SPDX-License-Identifier: MIT */
/*
 * core/worker/channel.h - frames between the engine and a worker process.
 *
 * A frame is a 4-byte little-endian length and that many bytes, over a stream socket. Sends
 * use MSG_NOSIGNAL, so a dead peer is an error code, never a SIGPIPE. Receiving waits with a
 * deadline, and meanwhile drains a second descriptor (the worker's output pipe) through a
 * callback, so a worker that prints a lot never blocks on a full pipe while the engine waits.
 */
#ifndef CADRE_CHANNEL_H
#define CADRE_CHANNEL_H

#include <stddef.h>
#include <time.h>

/* Largest frame either side accepts: results are capped far below (builder.h). */
#define CADRE__FRAME_MAX (32u << 20)

/* A receiving end: bytes read ahead of the frame being decoded, to keep system calls few. */
typedef struct cadre__channel {
    int fd;
    char *data;
    size_t len, pos, cap;
} cadre__channel;

/* Called when `side_fd` is readable (or closed) while waiting. */
typedef void (*cadre__drain_fn)(void *userdata);

/* Sends one frame made of `len` bytes. Returns 0, or -1 when the peer is gone. */
int cadre__channel_send(int fd, const void *data, size_t len);

/* Receives one frame before `deadline` (CLOCK_MONOTONIC; NULL waits for ever): *out points at
 * its *len bytes (not NUL-terminated) inside the channel's buffer until the next receive. While
 * waiting, calls drain(userdata) whenever side_fd (-1 for none) is readable.
 * Returns 0; -1 on end of stream, a broken or oversized frame; -2 when the deadline passed. */
int cadre__channel_recv(cadre__channel *ch, char **out, size_t *len,
                        const struct timespec *deadline, int side_fd, cadre__drain_fn drain,
                        void *userdata);

/* Frees the read-ahead buffer (the descriptor is the caller's). */
void cadre__channel_free(cadre__channel *ch);

/* A deadline `ms` milliseconds from now, on CLOCK_MONOTONIC. */
void cadre__deadline_in(struct timespec *t, unsigned ms);
/* Milliseconds left until `t` (negative once past). */
long cadre__ms_left(const struct timespec *t);

#endif
