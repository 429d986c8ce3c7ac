/* SPDX-License-Identifier: MIT */
/*
 * core/output.h - what plugins print (a rubric's print(), an isolated plugin's stdout and
 * stderr), on its way to the embedder's callback or standard error.
 *
 * Plugin output is untrusted text: each line is made valid UTF-8, its control characters are
 * escaped, it is cut to a length, and the number of lines and bytes is capped per plugin and
 * per engine, so a rubric cannot flood a terminal or a log, retitle a terminal with an OSC
 * sequence, or forge lines of the engine's own.
 */
#ifndef CADRE_OUTPUT_H
#define CADRE_OUTPUT_H

#include <stddef.h>

#include "internal.h"

/* The caps (design choices: generous for debugging a rubric, small against a flood). */
#define CADRE__OUTPUT_LINE_BYTES   1000       /* one line, after which it is cut with "..." */
#define CADRE__OUTPUT_PLUGIN_LINES 200        /* per plugin per engine */
#define CADRE__OUTPUT_PLUGIN_BYTES (64 << 10) /* per plugin per engine */
#define CADRE__OUTPUT_TOTAL_BYTES  (1 << 20)  /* all plugins of one engine together */

/* What one plugin has printed so far. Zero-initialised. */
typedef struct cadre__output_count {
    size_t lines, bytes;
    int suppressed; /* the "further output is suppressed" line was written */
} cadre__output_count;

/* Where lines go. `fn` NULL writes "[plugin] line" to standard error. */
typedef void (*cadre__output_fn)(void *userdata, const char *plugin, const char *line);

typedef struct cadre__output {
    cadre__output_fn fn;
    void *userdata;
    size_t total_bytes; /* for CADRE__OUTPUT_TOTAL_BYTES */
    int total_suppressed;
} cadre__output;

/* Passes one line (`len` bytes, any content; cut to CADRE__OUTPUT_LINE_BYTES and escaped for
 * a terminal) through the caps to its destination. */
void cadre__output_line(cadre__output *out, cadre__output_count *count, const char *plugin,
                        const char *line, size_t len);

#endif
