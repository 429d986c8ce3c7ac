/* SPDX-License-Identifier: MIT */
/*
 * core/output.c - see output.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

static void deliver(cadre__output *out, const char *plugin, const char *line)
{
    if (out->fn != NULL) {
        out->fn(out->userdata, plugin, line);
        return;
    }
    /* One write per line, so lines from several processes sharing stderr do not interleave. */
    {
        cadre__buf b = {0};

        cadre__buf_printf(&b, "[%s] %s\n", plugin, line);
        if (!b.oom && write(STDERR_FILENO, b.data, b.len) < 0) {
            /* Nowhere to report a failure to report. */
        }
        free(b.data);
    }
}

void cadre__output_line(cadre__output *out, cadre__output_count *count, const char *plugin,
                        const char *line, size_t len)
{
    cadre__buf b = {0};
    int cut = len > CADRE__OUTPUT_LINE_BYTES;

    if (count->suppressed || out->total_suppressed) return;
    if (count->lines >= CADRE__OUTPUT_PLUGIN_LINES || count->bytes >= CADRE__OUTPUT_PLUGIN_BYTES) {
        count->suppressed = 1;
        deliver(out, plugin, "(further output from this plugin is suppressed)");
        return;
    }
    if (out->total_bytes >= CADRE__OUTPUT_TOTAL_BYTES) {
        out->total_suppressed = 1;
        deliver(out, plugin, "(further output from plugins is suppressed)");
        return;
    }
    if (cut) len = CADRE__OUTPUT_LINE_BYTES;
    cadre__escape_for_terminal(&b, line, len, 0);
    if (cut) cadre__buf_puts(&b, "...");
    if (!b.oom) {
        count->lines++;
        count->bytes += b.len;
        out->total_bytes += b.len;
        deliver(out, plugin, b.data);
    }
    free(b.data);
}

int cadre_text_escape(char **out, const char *text, size_t len, unsigned flags, cadre_error *err)
{
    cadre__buf b = {0};

    if (out == NULL || (text == NULL && len > 0))
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_text_escape: NULL argument");
    *out = NULL;
    cadre__escape_for_terminal(&b, text ? text : "", len,
                               (flags & CADRE_ESCAPE_KEEP_NEWLINES) != 0);
    if (b.data == NULL) cadre__buf_puts(&b, "");
    if (b.oom) {
        free(b.data);
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    }
    *out = b.data;
    return 0;
}
