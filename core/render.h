/*
 * core/render.h - turning reports into text: a growable buffer and the two renderers.
 */
#ifndef CADRE_RENDER_H
#define CADRE_RENDER_H

#include "report.h"

typedef struct cadre__buf {
    char *data;
    size_t len, cap;
    int oom;
} cadre__buf;

int cadre__buf_puts(cadre__buf *b, const char *s);
int cadre__buf_putn(cadre__buf *b, const char *s, size_t n);
int cadre__buf_printf(cadre__buf *b, const char *fmt, ...) CADRE__FMT(2, 3);

int cadre__render_json(cadre__buf *out, const cadre_report *const *reports, size_t n, int lines);
int cadre__render_text(cadre__buf *out, const cadre_report *const *reports, size_t n,
                       unsigned flags);

#endif
