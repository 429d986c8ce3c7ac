/* SPDX-License-Identifier: MIT */
/*
 * core/render_text.c - reports for a person: a bar per score, the criteria with their share
 * of the score and evidence, the findings with what to do, and what was missing.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h" /* CADRE__BAND_UNKNOWN */
#include "render.h"
#include "report.h"

#define WIDTH 80

/* ---- styling ---- */

/* A recommendation already printed in this report, and where: findings that several
 * assessments share are said once. */
typedef struct said {
    const char *text;
    int step;          /* 1..3: it is that next step; 0: printed under an assessment */
    const char *where; /* the assessment's title, for step 0 */
} said;

#define MAX_SAID 256

typedef struct style {
    cadre__buf *b;
    int color, unicode;
    cadre__arena *scratch; /* escaped copies of untrusted text, freed after rendering */
    said *said;            /* MAX_SAID entries, for the report being written */
    size_t nsaid;
} style;

/* Text from plugins and candidates, made safe for a terminal (util/text.c): the escaped copy
 * lives until the report is rendered. Newlines are kept in paragraphs, where wrap() indents
 * them, and escaped in one-line fields. */
static const char *clean(const style *st, const char *s, int keep_newlines)
{
    cadre__buf b = {0};
    const char *copy;

    if (s == NULL) return "";
    for (const unsigned char *p = (const unsigned char *)s;; p++) {
        if (*p == '\0') return s; /* printable ASCII only: nothing to do */
        if (*p < 0x20 || *p >= 0x7F) break;
    }
    cadre__escape_for_terminal(&b, s, strlen(s), keep_newlines);
    copy = b.oom ? NULL : cadre__arena_strdup(st->scratch, b.data ? b.data : "");
    free(b.data);
    if (copy == NULL) st->b->oom = 1;
    return copy ? copy : "";
}

static void sgr(const style *st, const char *code)
{
    if (st->color) cadre__buf_printf(st->b, "\033[%sm", code);
}

static const char *score_color(double score)
{
    return score >= 70 ? "32" : score >= 40 ? "33" : "31";
}

static void bar(const style *st, double score, int cells)
{
    int full = (int)lround(score / 100.0 * cells);

    sgr(st, score_color(score));
    for (int i = 0; i < cells; i++)
        cadre__buf_puts(st->b, i < full ? (st->unicode ? "\xe2\x96\x88" : "#")
                                        : (st->unicode ? "\xe2\x96\x91" : "."));
    sgr(st, "0");
}

/* Display width, counting code points (the report's text is UTF-8). */
static size_t width_of(const char *s, size_t n)
{
    size_t w = 0;

    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* Writes `text` wrapped at WIDTH, the first line after `first` (already `used` columns wide),
 * continuation lines indented by `indent` spaces. */
static void wrap(const style *st, const char *text, size_t used, int indent)
{
    const char *p = clean(st, text, 1);
    size_t col = used;
    int need_space = 0; /* a word is already on this line */

    while (*p) {
        const char *end = p;
        size_t w;

        while (*end && *end != ' ' && *end != '\n')
            end++;
        w = width_of(p, (size_t)(end - p));
        if (need_space && col + 1 + w > WIDTH) {
            cadre__buf_printf(st->b, "\n%*s", indent, "");
            col = (size_t)indent;
        } else if (need_space) {
            cadre__buf_puts(st->b, " ");
            col++;
        }
        cadre__buf_putn(st->b, p, (size_t)(end - p));
        col += w;
        need_space = 1;
        p = end;
        while (*p == ' ')
            p++;
        if (*p == '\n') {
            cadre__buf_printf(st->b, "\n%*s", indent, "");
            col = (size_t)indent;
            need_space = 0;
            p++;
        }
    }
    cadre__buf_puts(st->b, "\n");
}

/* Pads `s` to `w` columns (or cuts it with an ellipsis). */
static void padded(const style *st, const char *s, size_t w)
{
    size_t n, sw;

    s = clean(st, s, 0);
    n = strlen(s);
    sw = width_of(s, n);

    if (sw <= w) {
        cadre__buf_puts(st->b, s);
        cadre__buf_printf(st->b, "%*s", (int)(w - sw), "");
        return;
    }
    for (size_t i = 0, cols = 0; i < n && cols < w - 1; i++) {
        cols += ((unsigned char)s[i] & 0xC0) != 0x80;
        cadre__buf_putn(st->b, s + i, 1);
        while (i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80)
            cadre__buf_putn(st->b, s + ++i, 1);
    }
    cadre__buf_puts(st->b, st->unicode ? "\xe2\x80\xa6" : "~");
}

/* ---- sections ---- */

static void criteria(const style *st, const cadre_result *res, unsigned flags)
{
    double wsum = 0;

    for (size_t i = 0; i < res->criteria.count; i++)
        wsum += CADRE_ITEM(cadre_criterion, res->criteria, i)->weight;
    sgr(st, "1");
    cadre__buf_printf(st->b, "  %-34s %5s  %s\n", "Criteria", "share", "score");
    sgr(st, "0");
    for (size_t i = 0; i < res->criteria.count; i++) {
        const cadre_criterion *c = CADRE_ITEM(cadre_criterion, res->criteria, i);

        cadre__buf_puts(st->b, "  ");
        padded(st, c->label, 34);
        cadre__buf_printf(st->b, " %4.0f%%  ", c->weight / wsum * 100);
        bar(st, c->score, 10);
        cadre__buf_printf(st->b, " %3.0f\n      ", c->score);
        sgr(st, "2");
        wrap(st, c->evidence, 6, 6);
        sgr(st, "0");
        if ((flags & CADRE_RENDER_VERBOSE) && c->missing_count) {
            cadre__buf_puts(st->b, "      missing:");
            for (size_t k = 0; k < c->missing_count; k++)
                cadre__buf_printf(st->b, "%s %s", k ? "," : "", clean(st, c->missing[k], 0));
            cadre__buf_puts(st->b, "\n");
        }
    }
}

static const said *find_said(const style *st, const char *text)
{
    for (size_t i = 0; i < st->nsaid; i++)
        if (cadre__same_advice(st->said[i].text, text)) return &st->said[i];
    return NULL;
}

static void remember(style *st, const char *text, int step, const char *where)
{
    if (st->nsaid < MAX_SAID) st->said[st->nsaid++] = (said){text, step, where};
}

static void findings(style *st, const cadre_result *res)
{
    static const char *const titles[] = {"Strengths", "Gaps", "Risks"};
    static const char *const marks[] = {"+", "-", "!"};
    static const char *const colors[] = {"32", "33", "31"};

    for (int kind = 0; kind < 3; kind++) {
        int shown = 0;

        for (size_t i = 0; i < res->findings.count; i++) {
            const cadre_finding *f = CADRE_ITEM(cadre_finding, res->findings, i);

            if ((int)f->kind != kind) continue;
            if (!shown++) {
                sgr(st, "1");
                cadre__buf_printf(st->b, "\n  %s\n", titles[kind]);
                sgr(st, "0");
            }
            sgr(st, colors[kind]);
            cadre__buf_printf(st->b, "    %s ", marks[kind]);
            sgr(st, "0");
            wrap(st, f->text, 6, 6);
            if (f->recommendation) {
                const said *before = find_said(st, f->recommendation);

                cadre__buf_printf(st->b, "      %s ", st->unicode ? "\xe2\x86\x92" : "->");
                if (before && before->step)
                    cadre__buf_printf(st->b, "Next step %d, above.\n", before->step);
                else if (before)
                    cadre__buf_printf(st->b, "As under %s, above.\n", clean(st, before->where, 0));
                else {
                    wrap(st, f->recommendation, 8, 8);
                    remember(st, f->recommendation, 0, res->title);
                }
            }
        }
    }
}

static void ranking(const style *st, const cadre_result *res)
{
    if (res->ranking.count == 0) return;
    sgr(st, "1");
    cadre__buf_puts(st->b, "\n  Ranking\n");
    sgr(st, "0");
    for (size_t i = 0; i < res->ranking.count; i++) {
        const cadre_rank *r = CADRE_ITEM(cadre_rank, res->ranking, i);

        cadre__buf_printf(st->b, "  %3zu. ", i + 1);
        padded(st, r->label, 24);
        cadre__buf_puts(st->b, " ");
        bar(st, r->score, 10);
        cadre__buf_printf(st->b, " %3.0f", r->score);
        if (r->note) {
            cadre__buf_puts(st->b, "  ");
            wrap(st, r->note, 47, 47);
        } else {
            cadre__buf_puts(st->b, "\n");
        }
    }
}

static void details(const style *st, const cadre_result *res)
{
    for (size_t i = 0; i < res->details.count; i++) {
        char key[80];
        size_t k;

        /* chart_ details are data for the HTML report's charts (docs/report.md). */
        if (strncmp(CADRE_ITEM(cadre_detail, res->details, i)->key, "chart_", 6) == 0) continue;
        for (k = 0; CADRE_ITEM(cadre_detail, res->details, i)->key[k] && k < sizeof(key) - 1; k++)
            key[k] = CADRE_ITEM(cadre_detail, res->details, i)->key[k] == '_'
                         ? ' '
                         : CADRE_ITEM(cadre_detail, res->details, i)->key[k];
        key[k] = '\0';
        if (key[0] >= 'a' && key[0] <= 'z') key[0] = (char)(key[0] - 'a' + 'A');
        cadre__buf_printf(st->b, "  %s: ", key);
        wrap(st, CADRE_ITEM(cadre_detail, res->details, i)->value, 4 + strlen(key), 6);
    }
}

static void assessment(style *st, const cadre_result *res, unsigned flags)
{
    const char *dot = st->unicode ? " \xc2\xb7 " : " - ";

    cadre__buf_puts(st->b, "\n");
    sgr(st, "1");
    cadre__buf_printf(st->b, "%s", clean(st, res->title, 0));
    sgr(st, "0");
    if (res->status == CADRE_STATUS_ERROR) {
        sgr(st, "31;1");
        cadre__buf_printf(st->b, "%sERROR\n", dot);
        sgr(st, "0");
        cadre__buf_puts(st->b, "  ");
        if (res->error.file && res->error.line)
            cadre__buf_printf(st->b, "%s:%d: ", clean(st, res->error.file, 0), res->error.line);
        else if (res->error.file)
            cadre__buf_printf(st->b, "%s: ", clean(st, res->error.file, 0));
        wrap(st, res->error.message, 2, 4);
        return;
    }
    cadre__buf_printf(st->b, "%s%.1f/100%s", dot, res->score, dot);
    sgr(st, score_color(res->score));
    cadre__buf_puts(st->b, clean(st, res->band, 0));
    sgr(st, "0");
    cadre__buf_puts(st->b, "\n  ");
    bar(st, res->score, 40);
    cadre__buf_printf(st->b, "  confidence %.0f%%\n", res->confidence * 100);
    if (res->summary) {
        cadre__buf_puts(st->b, "  ");
        wrap(st, res->summary, 2, 2);
    }
    details(st, res);
    cadre__buf_puts(st->b, "\n");
    criteria(st, res, flags);
    ranking(st, res);
    findings(st, res);
    if (res->missing_count) {
        cadre__buf_puts(st->b, "\n  ");
        sgr(st, "1");
        cadre__buf_puts(st->b, "Missing inputs");
        sgr(st, "0");
        cadre__buf_puts(st->b, " (adding them raises confidence):\n    ");
        {
            cadre__buf list = {0};

            for (size_t i = 0; i < res->missing_count; i++)
                cadre__buf_printf(&list, "%s%s", i ? ", " : "", clean(st, res->missing[i], 0));
            if (list.oom) st->b->oom = 1;
            if (list.data) wrap(st, list.data, 4, 4);
            free(list.data);
        }
    }
}

/* ---- the answer first ---- */

/* Each assessment's verdict in a line, and its one-sentence summary. */
static void in_short(const style *st, const cadre_report *r)
{
    sgr(st, "1");
    cadre__buf_puts(st->b, "\nIn short\n");
    sgr(st, "0");
    for (size_t i = 0; i < r->count; i++) {
        const cadre_result *res = &r->results[i];

        cadre__buf_puts(st->b, "  ");
        padded(st, res->title ? res->title : res->plugin, 26);
        cadre__buf_puts(st->b, " ");
        if (res->status == CADRE_STATUS_ERROR) {
            sgr(st, "31;1");
            cadre__buf_puts(st->b, "ERROR");
            sgr(st, "0");
            cadre__buf_puts(st->b, ": ");
            wrap(st, res->error.message, 36, 6);
            continue;
        }
        sgr(st, score_color(res->score));
        cadre__buf_puts(st->b, clean(st, res->band, 0));
        sgr(st, "0");
        /* No number beside "not enough information": a 0 there would read as a verdict. */
        if (strcmp(res->band, CADRE__BAND_UNKNOWN) != 0)
            cadre__buf_printf(st->b, " (%.0f)", res->score);
        cadre__buf_puts(st->b, "\n");
        if (res->summary) {
            cadre__buf_puts(st->b, "      ");
            wrap(st, res->summary, 6, 6);
        }
    }
}

/* The report's next steps (steps.c chose them), each with the finding it answers. */
static void next_steps(style *st, const cadre_report *r)
{
    for (size_t i = 0; i < r->nsteps; i++) {
        const cadre_result *res = &r->results[r->steps[i].result];
        const cadre_finding *f = CADRE_ITEM(cadre_finding, res->findings, r->steps[i].finding);

        if (i == 0) {
            sgr(st, "1");
            cadre__buf_puts(st->b, "\nNext steps\n");
            sgr(st, "0");
        }
        cadre__buf_printf(st->b, "  %zu. ", i + 1);
        wrap(st, f->recommendation, 5, 5);
        cadre__buf_puts(st->b, "     Why: ");
        wrap(st, f->text, 10, 10);
        remember(st, f->recommendation, (int)i + 1, res->title);
    }
}

/* The changes of whatif entry w, as "a and b" or "a, b and c". */
static void changes_list(cadre__buf *b, const cadre_whatif *w)
{
    for (size_t k = 0; k < w->change_count; k++)
        cadre__buf_printf(b, "%s%s",
                          k == 0                     ? ""
                          : k + 1 == w->change_count ? " and "
                                                     : ", ",
                          w->changes[k]);
}

static int same_changes(const cadre_whatif *a, const cadre_whatif *b)
{
    if (a->change_count != b->change_count || a->change_count == 0) return 0;
    for (size_t k = 0; k < a->change_count; k++)
        if (strcmp(a->changes[k], b->changes[k]) != 0) return 0;
    return 1;
}

static const char *title_of(const cadre_report *r, const char *plugin)
{
    const cadre_result *res = cadre_report_find(r, plugin);

    return res && res->title ? res->title : plugin;
}

/* "What would change the verdicts" (whatif.c): per assessment, the changes that move it. */
static void what_changes(style *st, const cadre_report *r)
{
    const char *arrow = st->unicode ? "\xe2\x86\x92" : "->";

    if (r->nwhatifs == 0) return;
    sgr(st, "1");
    cadre__buf_puts(st->b, "\nWhat would change the verdicts\n");
    sgr(st, "0");
    for (size_t i = 0; i < r->nwhatifs;) {
        const cadre_whatif *w = &r->whatifs[i];
        size_t end = i;
        cadre__buf line = {0};

        while (end < r->nwhatifs && strcmp(r->whatifs[end].plugin, w->plugin) == 0)
            end++;
        if (w->to_band == NULL) {
            i = end; /* in the last line, with the others nothing moved */
            continue;
        } else {
            cadre__buf_printf(&line, "%s: %s %s %s with ", title_of(r, w->plugin), w->from_band,
                              arrow, w->to_band);
            for (size_t k = i; k < end; k++) {
                const cadre_whatif *x = &r->whatifs[k], *before = NULL;

                for (size_t j = 0; j < i && before == NULL; j++)
                    if (same_changes(&r->whatifs[j], x)) before = &r->whatifs[j];
                if (k > i) cadre__buf_puts(&line, "; or with ");
                if (before) {
                    cadre__buf_printf(&line, "the same change%s as %s",
                                      x->change_count > 1 ? "s" : "", title_of(r, before->plugin));
                } else {
                    changes_list(&line, x);
                    if (x->change_count > 1) cadre__buf_puts(&line, ", together");
                }
                cadre__buf_printf(&line, " (score %.0f %s %.0f)", x->from_score, arrow,
                                  x->to_score);
            }
            cadre__buf_puts(&line, ".");
        }
        cadre__buf_puts(st->b, "  ");
        if (line.data) wrap(st, line.data, 2, 4);
        free(line.data);
        i = end;
    }
    /* The verdicts nothing moved, in one line: a top band, or too far for small changes. */
    cadre__buf line = {0};
    size_t tried = 0, stuck = 0;

    for (size_t i = 0; i < r->nwhatifs; i++) {
        const cadre_whatif *w = &r->whatifs[i];

        if (w->to_band != NULL) continue;
        cadre__buf_printf(&line, "%s%s (%s)", stuck++ ? ", " : "", title_of(r, w->plugin),
                          w->from_band);
        if (w->tried > tried) tried = w->tried;
    }
    if (stuck) {
        cadre__buf_printf(&line,
                          ": no change tried moves %s (%zu changed profiles, alone and up "
                          "to eight together).",
                          stuck == 1 ? "it" : "them", tried);
        cadre__buf_puts(st->b, "  Unchanged: ");
        wrap(st, line.data, 13, 4);
    }
    free(line.data);
}

static void one_report(style *st, const cadre_report *r, unsigned flags)
{
    const char *who = r->candidate_name ? r->candidate_name
                      : r->candidate_id ? r->candidate_id
                                        : "Candidate";

    sgr(st, "1");
    cadre__buf_printf(st->b, "%s", clean(st, who, 0));
    sgr(st, "0");
    cadre__buf_printf(st->b, "  (%s)\n", clean(st, r->candidate_source, 0));
    for (int i = 0; i < WIDTH; i++)
        cadre__buf_puts(st->b, st->unicode ? "\xe2\x94\x80" : "=");
    cadre__buf_puts(st->b, "\n");
    for (size_t i = 0; i < r->warning_count; i++) {
        sgr(st, "33");
        cadre__buf_puts(st->b, "warning: ");
        sgr(st, "0");
        const char *field = clean(st, r->warnings[i].field, 0);

        cadre__buf_printf(st->b, "%s: ", field);
        wrap(st, r->warnings[i].message, 11 + width_of(field, strlen(field)), 4);
    }
    st->nsaid = 0;
    in_short(st, r);
    what_changes(st, r);
    next_steps(st, r);
    if (flags & CADRE_RENDER_BRIEF) {
        cadre__buf_puts(st->b, "\n");
        wrap(st,
             "(A brief report: the criteria, evidence and findings behind each verdict are "
             "in the full one.)",
             0, 1);
    }
    for (size_t i = 0; i < r->count && !(flags & CADRE_RENDER_BRIEF); i++)
        assessment(st, &r->results[i], flags);
    cadre__buf_printf(st->b, "\nAssessed by cadre %s:", CADRE_VERSION);
    for (size_t i = 0; i < r->count; i++)
        cadre__buf_printf(st->b, "%s %s %s [%.8s]", i ? "," : "", r->results[i].plugin,
                          clean(st, r->results[i].version, 0), r->results[i].source_sha256);
    cadre__buf_puts(st->b, "\n");
}

int cadre__render_text(cadre__buf *out, const cadre_report *const *reports, size_t n,
                       unsigned flags)
{
    cadre__arena scratch;
    said said_buf[MAX_SAID];
    style st = {out,
                (flags & CADRE_RENDER_COLOR) != 0,
                (flags & CADRE_RENDER_UNICODE) != 0,
                &scratch,
                said_buf,
                0};

    cadre__arena_init(&scratch, 4096);
    for (size_t i = 0; i < n; i++) {
        if (i) cadre__buf_puts(out, "\n\n");
        one_report(&st, reports[i], flags);
    }
    cadre__arena_free(&scratch);
    return out->oom ? CADRE_ENOMEM : 0;
}

static int report_render(char **out, size_t *len, const cadre_report *const *reports, size_t count,
                         cadre_format format, unsigned flags, cadre_error *err)
{
    cadre__buf b = {0};
    int rc;

    if (out == NULL || (reports == NULL && count > 0))
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_report_render: NULL argument");
    *out = NULL;
    for (size_t i = 0; i < count; i++)
        if (reports[i] == NULL)
            return cadre__fail(err, CADRE_EINVAL, "", 0, 0,
                               "cadre_report_render: report %zu is NULL", i);
    switch (format) {
    case CADRE_FORMAT_TEXT:
        rc = cadre__render_text(&b, reports, count, flags);
        break;
    case CADRE_FORMAT_JSON:
        rc = cadre__render_json(&b, reports, count, 0, flags);
        break;
    case CADRE_FORMAT_JSONL:
        rc = cadre__render_json(&b, reports, count, 1, flags);
        break;
    case CADRE_FORMAT_HTML:
        rc = cadre__render_html(&b, reports, count, flags);
        break;
    default:
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "unknown report format %d", (int)format);
    }
    if (rc == 0 && b.data == NULL) rc = cadre__buf_puts(&b, "");
    if (rc != 0 || b.oom) {
        free(b.data);
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory while rendering");
    }
    *out = b.data;
    if (len) *len = b.len;
    return 0;
}

int cadre_report_render(char **out, size_t *len, const cadre_report *const *reports, size_t count,
                        cadre_format format, unsigned flags, cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    int rc = report_render(out, len, reports, count, format, flags, err);

    cadre__locale_leave(previous);
    return rc;
}
