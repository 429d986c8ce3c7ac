/* SPDX-License-Identifier: MIT */
/*
 * core/render.h - turning reports into text, JSON and HTML: the renderers.
 */
#ifndef CADRE_RENDER_H
#define CADRE_RENDER_H

#include "report.h"

/* flags: CADRE_RENDER_SUMMARY or CADRE_RENDER_SCORES choose a shorter record; others are
 * ignored. */
int cadre__render_json(cadre__buf *out, const cadre_report *const *reports, size_t n, int lines,
                       unsigned flags);
int cadre__render_text(cadre__buf *out, const cadre_report *const *reports, size_t n,
                       unsigned flags);

/* One self-contained HTML page (render_html.c); CADRE_RENDER_BRIEF keeps the first part only. */
int cadre__render_html(cadre__buf *out, const cadre_report *const *reports, size_t n,
                       unsigned flags);

#endif
