/* SPDX-License-Identifier: MIT */
/*
 * core/worker/wire.h - what crosses the process boundary, as compact binary frames.
 *
 * Engine to worker: an assessment request (the plugin's parameters in effect, the candidate's
 * source name and the candidate itself, packed: pack.h). Worker to engine: first the
 * plugin's metadata or the reason it could not be loaded, then one result per request.
 *
 * Numbers are in the host's own byte order (both ends are the same program); strings are a
 * 4-byte length and the bytes including a final NUL, or the length 0xFFFFFFFF for NULL. The
 * engine trusts nothing in a worker's frames: every read is bounds-checked, every string must
 * end at its NUL, and a result is replayed into a builder, which checks each value again as it
 * does for a plugin in the engine's own process.
 */
#ifndef CADRE_WIRE_H
#define CADRE_WIRE_H

#include <stdint.h>

#include "builder.h"
#include "plugin_internal.h"

/* Reading a frame: a cursor that turns `bad` on the first read past the end or malformed
 * value; later reads then return zeros and NULLs. */
typedef struct cadre__wire {
    const char *p, *end;
    int bad;
} cadre__wire;

void cadre__wire_open(cadre__wire *w, const char *data, size_t len);
unsigned cadre__wire_u8(cadre__wire *w);
uint32_t cadre__wire_u32(cadre__wire *w);
int32_t cadre__wire_i32(cadre__wire *w);
double cadre__wire_f64(cadre__wire *w);
/* A string inside the frame (valid while the frame is), or NULL (also for a NULL string). */
const char *cadre__wire_str(cadre__wire *w);

void cadre__wire_put_u8(cadre__buf *b, unsigned v);
void cadre__wire_put_u32(cadre__buf *b, uint32_t v);
void cadre__wire_put_i32(cadre__buf *b, int32_t v);
void cadre__wire_put_f64(cadre__buf *b, double v);
void cadre__wire_put_str(cadre__buf *b, const char *s);

/* The worker's first frame: 'M' and the metadata, or 'R' and why loading failed. */
void cadre__wire_put_meta(cadre__buf *b, const cadre__plugin *p);
void cadre__wire_put_refusal(cadre__buf *b, const cadre_error *err);
/* Reads either into `p` (metadata copied into the plugin's arena and checked by
 * cadre__plugin_set_meta, against `path` and `sha256`) or into err. Returns 0 for metadata, the
 * refusal's code, or CADRE_EPLUGIN for a malformed frame. */
int cadre__wire_get_meta(cadre__plugin *p, const char *data, size_t len, const char *path,
                         const char *sha256, cadre_error *err);

/* A request: the parameters in effect, the candidate's source, and the candidate packed
 * (pack.h) as the rest of the frame. */
void cadre__wire_put_request(cadre__buf *b, const cadre__plugin *p, const char *source,
                             const char *candidate, size_t len);

/* A result, with a flag saying the worker ends after sending it (and should be replaced). */
void cadre__wire_put_result(cadre__buf *b, const cadre_result *res, int last);
/* Replays a result frame into `b`. Returns 0; -1 with the builder failed and saying why (a
 * value the builder refused); -2 when the frame itself is malformed, so the channel cannot be
 * trusted any more. *last receives the worker's flag. */
int cadre__wire_replay_result(cadre_builder *b, const char *data, size_t len, int *last);

#endif
