/* SPDX-License-Identifier: MIT */
/*
 * core/render_html.c - reports as one self-contained HTML page: no script, no network, no
 * external font. The same parts as the text report, in the same order, with SVG charts drawn
 * from the numbers the report holds: each score against its bands, the person's skills against
 * the role's profile, and every ranking (industries, gaps by priority, roles). Every chart has
 * a title and a description that say in words what it shows, and marks its values in text, so
 * that it reads without colour and to a screen reader (docs/report.md, "The HTML report").
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h" /* CADRE__BAND_UNKNOWN */
#include "candidate/vocab.h"
#include "render.h"
#include "report.h"

/* Text from plugins and candidates, escaped for HTML. Control characters other than tab and
 * newline are dropped: they have no place in a page and could hide text. */
static void esc_n(cadre__buf *b, const char *s, size_t len)
{
    const char *run = s, *end = s + len;

    if (s == NULL) return;
    for (; s < end; s++) {
        const char *rep = NULL;
        unsigned char c = (unsigned char)*s;

        switch (c) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) rep = "";
        }
        if (rep == NULL) continue;
        cadre__buf_putn(b, run, (size_t)(s - run));
        cadre__buf_puts(b, rep);
        run = s + 1;
    }
    cadre__buf_putn(b, run, (size_t)(end - run));
}

static void esc(cadre__buf *b, const char *s)
{
    if (s) esc_n(b, s, strlen(s));
}

/* A number as the text report shows it: one decimal, ".0" dropped. */
static void num(cadre__buf *b, double x)
{
    char t[32];
    size_t n = (size_t)snprintf(t, sizeof(t), "%.1f", round(x * 10) / 10);

    if (n > 2 && strcmp(t + n - 2, ".0") == 0) t[n - 2] = '\0';
    cadre__buf_puts(b, strcmp(t, "-0") == 0 ? "0" : t);
}

static const char *detail(const cadre_result *res, const char *key)
{
    for (size_t i = 0; i < res->details.count; i++)
        if (strcmp(CADRE_ITEM(cadre_detail, res->details, i)->key, key) == 0)
            return CADRE_ITEM(cadre_detail, res->details, i)->value;
    return NULL;
}

static const char style_sheet[] =
    "<style>\n"
    ":root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#767676;--bar:#1f4e79;--need:#b00020;"
    "--soft:#e8eef5;--soft2:#d0dceb;--ok:#1e6b30;--gap:#8a4b00;--risk:#b00020}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',"
    "sans-serif;color:var(--ink);background:#fff}\n"
    "main{max-width:52rem;margin:0 auto;padding:1rem}\n"
    "h1{font-size:1.6rem;margin:.5rem 0 0}h2{font-size:1.3rem;margin:2rem 0 .5rem;"
    "border-bottom:2px solid var(--ink)}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}\n"
    ".source,.muted{color:var(--muted);font-size:.9rem}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0}\n"
    "th,td{text-align:left;vertical-align:top;padding:.35rem .4rem;border-bottom:1px solid "
    "#ccc}\n"
    "td.n,th.n{text-align:right;white-space:nowrap}\n"
    ".verdict{font-weight:600}\n"
    ".summary{margin:.2rem 0 0;color:var(--muted)}\n"
    "figure{margin:1rem 0}figcaption{font-size:.9rem;color:var(--muted)}\n"
    "svg{width:100%;height:auto;display:block}\n"
    "svg text{font:13px system-ui,'DejaVu Sans',sans-serif;fill:var(--ink)}\n"
    ".kind{font-weight:700}.strength .kind{color:var(--ok)}.gap .kind{color:var(--gap)}"
    ".risk .kind{color:var(--risk)}\n"
    "ul.findings{list-style:none;padding-left:0}ul.findings li{margin:.4rem 0}\n"
    ".action{margin:.15rem 0 0 1.2rem}\n"
    "ol.steps li{margin:.5rem 0}.why{color:var(--muted);margin:.1rem 0 0}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}"
    "dd{margin:0}\n"
    "@media (max-width:40rem){main{padding:.5rem}td.evidence{display:block}"
    "table.criteria td,table.criteria th{font-size:.9rem}}\n"
    "@media print{main{max-width:none;padding:0}h2{break-after:avoid}"
    "figure,tr,li,section.whatif{break-inside:avoid}section.assessment{break-before:page}"
    "a{color:inherit;text-decoration:none}}\n"
    "</style>\n";

/* ---- charts ---- */

#define CHART_W 640

/* One score on a 0-100 scale, with the assessment's bands when it publishes them as
 * chart_bands ("85 ready now;65 ready in 1-2 years;..."). Each band is labelled in the chart,
 * so that the picture does not depend on its shades. */
static void gauge(cadre__buf *b, const cadre_result *res, const char *id)
{
    const char *bands = detail(res, "chart_bands");
    double x0 = 10, w = CHART_W - 20, sx = res->score / 100 * w + x0;
    double mins[8];
    const char *labels[8];
    size_t lens[8], n = 0;

    for (const char *p = bands; p && *p && n < 8;) {
        char *end;
        const char *semi;

        mins[n] = strtod(p, &end);
        if (end == p || *end != ' ') break;
        labels[n] = end + 1;
        semi = strchr(labels[n], ';');
        lens[n] = semi ? (size_t)(semi - labels[n]) : strlen(labels[n]);
        n++;
        p = semi ? semi + 1 : labels[n - 1] + lens[n - 1];
    }
    cadre__buf_printf(b,
                      "<figure><svg class=\"chart gauge\" viewBox=\"0 0 %d %d\" role=\"img\" "
                      "aria-labelledby=\"%s-t %s-d\" data-assessment=\"",
                      CHART_W, n ? 92 : 62, id, id);
    esc(b, res->plugin);
    cadre__buf_puts(b, "\" data-score=\"");
    num(b, res->score);
    cadre__buf_printf(b, "\"><title id=\"%s-t\">", id);
    esc(b, res->title);
    cadre__buf_puts(b, ": score ");
    num(b, res->score);
    cadre__buf_puts(b, " of 100, ");
    esc(b, res->band);
    cadre__buf_printf(b, "</title><desc id=\"%s-d\">", id);
    if (n) {
        cadre__buf_puts(b, "Bands by score: ");
        for (size_t i = 0; i < n; i++) {
            if (i) cadre__buf_puts(b, ", ");
            esc_n(b, labels[i], lens[i]);
            cadre__buf_puts(b, " from ");
            num(b, mins[i]);
        }
        cadre__buf_puts(b, ". ");
    }
    cadre__buf_puts(b, "The mark is the score.</desc>\n");
    /* The bands: alternating shades, a boundary line and the band's name in each. */
    for (size_t i = 0; i < n; i++) {
        double lo = mins[i], hi = i == 0 ? 100 : mins[i - 1];
        double bx = lo / 100 * w + x0, bw = (hi - lo) / 100 * w;
        size_t keep = lens[i], room = (size_t)(bw / 7.5);

        cadre__buf_printf(b,
                          "<rect class=\"band\" x=\"%.1f\" y=\"30\" width=\"%.1f\" height=\"26\" "
                          "fill=\"%s\" stroke=\"#767676\"/>",
                          bx, bw, i % 2 ? "#d0dceb" : "#e8eef5");
        cadre__buf_printf(b,
                          "<text x=\"%.1f\" y=\"74\" text-anchor=\"middle\" "
                          "font-size=\"11\">",
                          bx + bw / 2);
        /* Long labels are shortened in the picture; the description has them whole. */
        if (keep > room) {
            keep = room > 3 ? room - 1 : 1;
            while (keep > 0 && ((unsigned char)labels[i][keep] & 0xC0) == 0x80)
                keep--;
            esc_n(b, labels[i], keep);
            cadre__buf_puts(b, "\xe2\x80\xa6");
        } else {
            esc_n(b, labels[i], keep);
        }
        cadre__buf_printf(b, "</text><text x=\"%.1f\" y=\"88\" font-size=\"10\">", bx + 2);
        num(b, lo);
        cadre__buf_puts(b, "</text>\n");
    }
    if (n == 0)
        cadre__buf_printf(b,
                          "<rect x=\"%.1f\" y=\"30\" width=\"%.1f\" height=\"26\" fill=\"#e8eef5\" "
                          "stroke=\"#767676\"/>",
                          x0, w);
    cadre__buf_printf(b,
                      "<rect class=\"score\" x=\"%.1f\" y=\"36\" width=\"%.1f\" height=\"14\" "
                      "fill=\"#1f4e79\"/>"
                      "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"60\" stroke=\"#1b1b1b\" "
                      "stroke-width=\"3\"/>"
                      "<text x=\"%.1f\" y=\"18\" text-anchor=\"middle\" font-weight=\"700\">",
                      x0, sx - x0, sx, sx,
                      sx < 30             ? 30
                      : sx > CHART_W - 30 ? CHART_W - 30
                                          : sx);
    num(b, res->score);
    cadre__buf_puts(b, "</text></svg><figcaption>");
    esc(b, res->title);
    cadre__buf_puts(b, ": ");
    esc(b, res->band);
    cadre__buf_puts(b, " (score ");
    num(b, res->score);
    cadre__buf_puts(b, " of 100)</figcaption></figure>\n");
}

typedef struct skill_row {
    char id[64];
    double have, need;
    int gap; /* the assessment's own verdict, not the rounded numbers' */
} skill_row;

static int by_shortfall(const void *pa, const void *pb)
{
    const skill_row *a = pa, *b = pb;
    double da = a->need - a->have, db = b->need - b->have;

    return da != db ? (da > db ? -1 : 1) : strcmp(a->id, b->id);
}

/* The person's skills against the role's profile, from chart_skills ("id have need gap;"),
 * the largest shortfall first: a bar for the person, a mark for the role, the numbers in
 * words at the end of each row. */
static void skills_chart(cadre__buf *b, const cadre_result *res, const char *id)
{
    const char *data = detail(res, "chart_skills");
    skill_row rows[64];
    size_t n = 0;
    double lx = 250, w = CHART_W - lx - 110;

    for (const char *p = data; p && *p && n < 64;) {
        const char *sp = strchr(p, ' '), *semi = strchr(p, ';');
        char *end;

        if (sp == NULL || semi == NULL || sp > semi || (size_t)(sp - p) >= sizeof(rows[n].id))
            break;
        memcpy(rows[n].id, p, (size_t)(sp - p));
        rows[n].id[sp - p] = '\0';
        rows[n].have = strtod(sp + 1, &end);
        rows[n].need = strtod(end, &end);
        rows[n].gap = (int)strtol(end, &end, 10) == 1;
        if (end != semi) break;
        n++;
        p = semi + 1;
    }
    if (n == 0) return;
    qsort(rows, n, sizeof(rows[0]), by_shortfall);
    cadre__buf_printf(b,
                      "<figure><svg class=\"chart skills\" viewBox=\"0 0 %d %zu\" role=\"img\" "
                      "aria-labelledby=\"%s-t %s-d\"><title id=\"%s-t\">Your skills against the "
                      "role's profile</title><desc id=\"%s-d\">For each of the %zu skills you "
                      "rated, a bar for your level (0 to 5) and a mark at the level the role "
                      "asks for; the largest shortfall first.</desc>\n",
                      CHART_W, n * 22 + 34, id, id, id, id, n);
    cadre__buf_printf(b,
                      "<text x=\"%.0f\" y=\"14\" font-size=\"11\">0</text><text x=\"%.0f\" "
                      "y=\"14\" font-size=\"11\" text-anchor=\"end\">5</text>"
                      "<text x=\"%.0f\" y=\"14\" font-size=\"11\">you / role</text>\n",
                      lx, lx + w, lx + w + 8);
    for (size_t i = 0; i < n; i++) {
        double y = 22 + i * 22.0;
        const char *label = cadre__vocab_label("skill", rows[i].id);

        cadre__buf_printf(b, "<g class=\"skill\" data-id=\"");
        esc(b, rows[i].id);
        cadre__buf_puts(b, "\" data-have=\"");
        num(b, rows[i].have);
        cadre__buf_puts(b, "\" data-need=\"");
        num(b, rows[i].need);
        cadre__buf_printf(b, "\"><text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">", lx - 8, y + 13);
        esc(b, label ? label : rows[i].id);
        cadre__buf_printf(b,
                          "</text><rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"16\" "
                          "fill=\"#e8eef5\"/><rect class=\"have\" x=\"%.0f\" y=\"%.0f\" "
                          "width=\"%.1f\" height=\"16\" fill=\"#1f4e79\"/>"
                          "<line class=\"need\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" "
                          "stroke=\"#b00020\" stroke-width=\"3\"/>"
                          "<text x=\"%.0f\" y=\"%.0f\">",
                          lx, y, w, lx, y + 3, rows[i].have / 5 * w, lx + rows[i].need / 5 * w,
                          y - 2, lx + rows[i].need / 5 * w, y + 18, lx + w + 8, y + 13);
        num(b, rows[i].have);
        cadre__buf_puts(b, " / ");
        num(b, rows[i].need);
        if (rows[i].gap) cadre__buf_puts(b, " gap");
        cadre__buf_puts(b, "</text></g>\n");
    }
    cadre__buf_puts(b, "</svg><figcaption>Bar: your rating. Line: the role's level. \"gap\": "
                       "a gap the assessment counts (half a level or more short).</figcaption>"
                       "</figure>\n");
}

/* A ranking (industries, gaps by priority, roles) as bars with their scores. */
static void ranking_chart(cadre__buf *b, const cadre_result *res, const char *id)
{
    size_t n = res->ranking.count > 12 ? 12 : res->ranking.count;
    double lx = 250, w = CHART_W - lx - 50;

    if (n == 0) return;
    cadre__buf_printf(b,
                      "<figure><svg class=\"chart ranking\" viewBox=\"0 0 %d %zu\" role=\"img\" "
                      "aria-labelledby=\"%s-t %s-d\" data-assessment=\"",
                      CHART_W, n * 22 + 10, id, id);
    esc(b, res->plugin);
    cadre__buf_printf(b, "\"><title id=\"%s-t\">", id);
    esc(b, res->title);
    cadre__buf_printf(b,
                      ": ranking</title><desc id=\"%s-d\">The first %zu of %zu, each with its "
                      "score of 100.</desc>\n",
                      id, n, res->ranking.count);
    for (size_t i = 0; i < n; i++) {
        const cadre_rank *r = CADRE_ITEM(cadre_rank, res->ranking, i);
        double y = 4 + i * 22.0, s = r->score < 0 ? 0 : r->score > 100 ? 100 : r->score;

        cadre__buf_puts(b, "<g class=\"rank\" data-id=\"");
        esc(b, r->id);
        cadre__buf_puts(b, "\" data-value=\"");
        num(b, r->score);
        cadre__buf_printf(b, "\"><text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">", lx - 8, y + 13);
        esc(b, r->label);
        cadre__buf_printf(b,
                          "</text><rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"16\" "
                          "fill=\"#e8eef5\"/><rect class=\"bar\" x=\"%.0f\" y=\"%.0f\" "
                          "width=\"%.1f\" height=\"16\" fill=\"#1f4e79\"/><text x=\"%.0f\" "
                          "y=\"%.0f\">",
                          lx, y, w, lx, y, s / 100 * w, lx + w + 6, y + 13);
        num(b, r->score);
        cadre__buf_puts(b, "</text></g>\n");
    }
    cadre__buf_puts(b, "</svg><figcaption>");
    esc(b, res->title);
    cadre__buf_puts(b, ": ranking, highest first (the table below has the notes).</figcaption>"
                       "</figure>\n");
}

/* ---- sections ---- */

static void in_short(cadre__buf *b, const cadre_report *r, size_t ri)
{
    cadre__buf_printf(b,
                      "<section aria-labelledby=\"r%zu-short\"><h2 id=\"r%zu-short\">In "
                      "short</h2>\n<table class=\"verdicts\"><thead><tr><th "
                      "scope=\"col\">Question</th><th scope=\"col\">Verdict</th><th scope=\"col\" "
                      "class=\"n\">Score</th></tr></thead><tbody>\n",
                      ri, ri);
    for (size_t i = 0; i < r->count; i++) {
        const cadre_result *res = &r->results[i];

        cadre__buf_printf(b, "<tr><th scope=\"row\"><a href=\"#r%zu-a%zu\">", ri, i);
        esc(b, res->title ? res->title : res->plugin);
        cadre__buf_puts(b, "</a></th><td>");
        if (res->status == CADRE_STATUS_ERROR) {
            cadre__buf_puts(b, "<span class=\"verdict\">ERROR</span>: ");
            esc(b, res->error.message);
            cadre__buf_puts(b, "</td><td></td></tr>\n");
            continue;
        }
        cadre__buf_puts(b, "<span class=\"verdict\">");
        esc(b, res->band);
        cadre__buf_puts(b, "</span>");
        if (res->summary) {
            cadre__buf_puts(b, "<p class=\"summary\">");
            esc(b, res->summary);
            cadre__buf_puts(b, "</p>");
        }
        cadre__buf_puts(b, "</td><td class=\"n\">");
        /* No number beside "not enough information", as in the text report. */
        if (strcmp(res->band, CADRE__BAND_UNKNOWN) != 0) num(b, res->score);
        cadre__buf_puts(b, "</td></tr>\n");
    }
    cadre__buf_puts(b, "</tbody></table>\n");
    for (size_t i = 0; i < r->count; i++)
        if (r->results[i].status == CADRE_STATUS_OK && detail(&r->results[i], "chart_bands")) {
            char id[48];

            snprintf(id, sizeof(id), "r%zu-g%zu", ri, i);
            gauge(b, &r->results[i], id);
        }
    cadre__buf_puts(b, "</section>\n");
}

static void whatifs(cadre__buf *b, const cadre_report *r, size_t ri)
{
    size_t stuck = 0;

    if (r->nwhatifs == 0) return;
    cadre__buf_printf(b,
                      "<section class=\"whatif\" aria-labelledby=\"r%zu-what\"><h2 "
                      "id=\"r%zu-what\">What would change the verdicts</h2>\n<p "
                      "class=\"muted\">Each found by assessing a changed copy of the profile "
                      "(docs/report.md).</p><ul>\n",
                      ri, ri);
    for (size_t i = 0; i < r->nwhatifs; i++) {
        const cadre_whatif *w = &r->whatifs[i];
        const cadre_result *res = cadre_report_find(r, w->plugin);

        if (w->to_band == NULL) {
            stuck++;
            continue;
        }
        cadre__buf_puts(b, "<li><strong>");
        esc(b, res && res->title ? res->title : w->plugin);
        cadre__buf_puts(b, "</strong>: ");
        esc(b, w->from_band);
        cadre__buf_puts(b, " &#8594; ");
        esc(b, w->to_band);
        cadre__buf_puts(b, " with ");
        for (size_t k = 0; k < w->change_count; k++) {
            cadre__buf_puts(b, k == 0 ? "" : k + 1 == w->change_count ? " and " : ", ");
            esc(b, w->changes[k]);
        }
        cadre__buf_puts(b, " (score ");
        num(b, w->from_score);
        cadre__buf_puts(b, " &#8594; ");
        num(b, w->to_score);
        cadre__buf_puts(b, ")</li>\n");
    }
    if (stuck) {
        size_t k = 0;

        cadre__buf_puts(b, "<li>Unchanged by every change tried: ");
        for (size_t i = 0; i < r->nwhatifs; i++) {
            const cadre_whatif *w = &r->whatifs[i];
            const cadre_result *res = cadre_report_find(r, w->plugin);

            if (w->to_band) continue;
            cadre__buf_puts(b, k++ ? ", " : "");
            esc(b, res && res->title ? res->title : w->plugin);
            cadre__buf_puts(b, " (");
            esc(b, w->from_band);
            cadre__buf_puts(b, ")");
        }
        cadre__buf_puts(b, ".</li>\n");
    }
    cadre__buf_puts(b, "</ul></section>\n");
}

static void next_steps(cadre__buf *b, const cadre_report *r, size_t ri)
{
    if (r->nsteps == 0) return;
    cadre__buf_printf(b,
                      "<section aria-labelledby=\"r%zu-steps\"><h2 id=\"r%zu-steps\">Next "
                      "steps</h2><ol class=\"steps\">\n",
                      ri, ri);
    for (size_t i = 0; i < r->nsteps; i++) {
        const cadre_result *res = &r->results[r->steps[i].result];
        const cadre_finding *f = CADRE_ITEM(cadre_finding, res->findings, r->steps[i].finding);

        cadre__buf_puts(b, "<li><p>");
        esc(b, f->recommendation);
        cadre__buf_puts(b, "</p><p class=\"why\">Why: ");
        esc(b, f->text);
        cadre__buf_puts(b, "</p></li>\n");
    }
    cadre__buf_puts(b, "</ol></section>\n");
}

static void criteria_table(cadre__buf *b, const cadre_result *res)
{
    double wsum = 0;

    if (res->criteria.count == 0) return;
    for (size_t i = 0; i < res->criteria.count; i++)
        wsum += CADRE_ITEM(cadre_criterion, res->criteria, i)->weight;
    cadre__buf_puts(b, "<h3>Criteria</h3><table class=\"criteria\"><thead><tr><th "
                       "scope=\"col\">Criterion</th><th scope=\"col\" class=\"n\">Share</th><th "
                       "scope=\"col\" class=\"n\">Score</th><th scope=\"col\">Evidence</th></tr>"
                       "</thead><tbody>\n");
    for (size_t i = 0; i < res->criteria.count; i++) {
        const cadre_criterion *c = CADRE_ITEM(cadre_criterion, res->criteria, i);

        cadre__buf_puts(b, "<tr><th scope=\"row\">");
        esc(b, c->label);
        cadre__buf_printf(b, "</th><td class=\"n\">%.0f%%</td><td class=\"n\">",
                          wsum > 0 ? c->weight / wsum * 100 : 0);
        num(b, c->score);
        cadre__buf_puts(b, "</td><td class=\"evidence\">");
        esc(b, c->evidence);
        if (c->missing_count) {
            cadre__buf_puts(b, " <span class=\"muted\">(missing:");
            for (size_t k = 0; k < c->missing_count; k++) {
                cadre__buf_puts(b, k ? ", " : " ");
                esc(b, c->missing[k]);
            }
            cadre__buf_puts(b, ")</span>");
        }
        cadre__buf_puts(b, "</td></tr>\n");
    }
    cadre__buf_puts(b, "</tbody></table>\n");
}

static void findings_list(cadre__buf *b, const cadre_result *res)
{
    static const char *const kinds[] = {"strength", "gap", "risk"};
    static const char *const words[] = {"Strength", "Gap", "Risk"};

    if (res->findings.count == 0) return;
    cadre__buf_puts(b, "<h3>Findings</h3><ul class=\"findings\">\n");
    for (int kind = 0; kind < 3; kind++)
        for (size_t i = 0; i < res->findings.count; i++) {
            const cadre_finding *f = CADRE_ITEM(cadre_finding, res->findings, i);

            if ((int)f->kind != kind) continue;
            cadre__buf_printf(b, "<li class=\"%s\"><span class=\"kind\">%s:</span> ", kinds[kind],
                              words[kind]);
            esc(b, f->text);
            if (f->recommendation) {
                cadre__buf_puts(b, "<p class=\"action\">What to do: ");
                esc(b, f->recommendation);
                cadre__buf_puts(b, "</p>");
            }
            cadre__buf_puts(b, "</li>\n");
        }
    cadre__buf_puts(b, "</ul>\n");
}

static void ranking_table(cadre__buf *b, const cadre_result *res)
{
    if (res->ranking.count == 0) return;
    cadre__buf_puts(b, "<h3>Ranking</h3><table class=\"ranking\"><thead><tr><th "
                       "scope=\"col\">#</th><th scope=\"col\">Item</th><th scope=\"col\" "
                       "class=\"n\">Score</th><th scope=\"col\">Note</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < res->ranking.count; i++) {
        const cadre_rank *r = CADRE_ITEM(cadre_rank, res->ranking, i);

        cadre__buf_printf(b, "<tr><td>%zu</td><th scope=\"row\">", i + 1);
        esc(b, r->label);
        cadre__buf_puts(b, "</th><td class=\"n\">");
        num(b, r->score);
        cadre__buf_puts(b, "</td><td>");
        esc(b, r->note);
        cadre__buf_puts(b, "</td></tr>\n");
    }
    cadre__buf_puts(b, "</tbody></table>\n");
}

static void assessment(cadre__buf *b, const cadre_result *res, size_t ri, size_t i)
{
    char id[48];

    cadre__buf_printf(b,
                      "<section class=\"assessment\" id=\"r%zu-a%zu\" "
                      "aria-labelledby=\"r%zu-a%zu-h\"><h2 id=\"r%zu-a%zu-h\">",
                      ri, i, ri, i, ri, i);
    esc(b, res->title ? res->title : res->plugin);
    cadre__buf_puts(b, "</h2>\n");
    if (res->status == CADRE_STATUS_ERROR) {
        cadre__buf_puts(b, "<p><strong>This assessment failed</strong>: ");
        esc(b, res->error.message);
        cadre__buf_puts(b, "</p></section>\n");
        return;
    }
    cadre__buf_puts(b, "<p><span class=\"verdict\">");
    esc(b, res->band);
    cadre__buf_puts(b, "</span>");
    if (strcmp(res->band, CADRE__BAND_UNKNOWN) != 0) {
        cadre__buf_puts(b, " &#183; score ");
        num(b, res->score);
        cadre__buf_puts(b, " of 100");
    }
    cadre__buf_printf(b, " &#183; confidence %.0f%%</p>\n", res->confidence * 100);
    if (res->summary) {
        cadre__buf_puts(b, "<p>");
        esc(b, res->summary);
        cadre__buf_puts(b, "</p>\n");
    }
    if (strcmp(res->band, CADRE__BAND_UNKNOWN) != 0) {
        /* A score with bands is drawn in "In short" already. */
        snprintf(id, sizeof(id), "r%zu-a%zu-g", ri, i);
        if (detail(res, "chart_bands") == NULL) gauge(b, res, id);
        snprintf(id, sizeof(id), "r%zu-a%zu-s", ri, i);
        skills_chart(b, res, id);
        snprintf(id, sizeof(id), "r%zu-a%zu-r", ri, i);
        ranking_chart(b, res, id);
    }
    if (res->details.count) {
        cadre__buf_puts(b, "<dl>");
        for (size_t k = 0; k < res->details.count; k++) {
            const cadre_detail *d = CADRE_ITEM(cadre_detail, res->details, k);

            if (strncmp(d->key, "chart_", 6) == 0) continue; /* drawn above */
            cadre__buf_puts(b, "<dt>");
            for (const char *p = d->key; *p; p++)
                cadre__buf_putn(b, *p == '_' ? " " : p, 1);
            cadre__buf_puts(b, "</dt><dd>");
            esc(b, d->value);
            cadre__buf_puts(b, "</dd>");
        }
        cadre__buf_puts(b, "</dl>\n");
    }
    criteria_table(b, res);
    ranking_table(b, res);
    findings_list(b, res);
    if (res->missing_count) {
        cadre__buf_puts(b, "<p class=\"muted\">Inputs it lacked: ");
        for (size_t k = 0; k < res->missing_count; k++) {
            cadre__buf_puts(b, k ? ", " : "");
            esc(b, res->missing[k]);
        }
        cadre__buf_puts(b, "</p>\n");
    }
    cadre__buf_puts(b, "</section>\n");
}

static void one_report(cadre__buf *b, const cadre_report *r, size_t ri, unsigned flags)
{
    const char *who = r->candidate_name ? r->candidate_name
                      : r->candidate_id ? r->candidate_id
                                        : "Candidate";

    cadre__buf_printf(b,
                      "<article class=\"report\" aria-labelledby=\"r%zu-name\">\n<header><h1 "
                      "id=\"r%zu-name\">",
                      ri, ri);
    esc(b, who);
    cadre__buf_puts(b, "</h1><p class=\"source\">");
    esc(b, r->candidate_source);
    cadre__buf_puts(b, "</p></header>\n");
    if (r->warning_count) {
        cadre__buf_puts(b, "<ul class=\"warnings\">");
        for (size_t i = 0; i < r->warning_count; i++) {
            cadre__buf_puts(b, "<li><strong>Warning</strong>: ");
            esc(b, r->warnings[i].field);
            cadre__buf_puts(b, ": ");
            esc(b, r->warnings[i].message);
            cadre__buf_puts(b, "</li>");
        }
        cadre__buf_puts(b, "</ul>\n");
    }
    in_short(b, r, ri);
    whatifs(b, r, ri);
    next_steps(b, r, ri);
    for (size_t i = 0; i < r->count && !(flags & CADRE_RENDER_BRIEF); i++)
        assessment(b, &r->results[i], ri, i);
    cadre__buf_printf(b, "<footer><p class=\"muted\">Assessed by cadre %s:", CADRE_VERSION);
    for (size_t i = 0; i < r->count; i++) {
        cadre__buf_puts(b, i ? ", " : " ");
        esc(b, r->results[i].plugin);
        cadre__buf_puts(b, " ");
        esc(b, r->results[i].version);
        cadre__buf_printf(b, " [%.8s]", r->results[i].source_sha256);
    }
    cadre__buf_puts(b, "</p></footer></article>\n");
}

int cadre__render_html(cadre__buf *out, const cadre_report *const *reports, size_t n,
                       unsigned flags)
{
    cadre__buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, "
                         "initial-scale=1\">\n"
                         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                         "'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>");
    if (n == 1) {
        const cadre_report *r = reports[0];

        esc(out, r->candidate_name ? r->candidate_name
                 : r->candidate_id ? r->candidate_id
                                   : "Candidate");
        cadre__buf_puts(out, ": ");
    }
    cadre__buf_puts(out, "cadre report</title>\n");
    cadre__buf_puts(out, style_sheet);
    cadre__buf_puts(out, "</head>\n<body>\n<main>\n");
    for (size_t i = 0; i < n; i++)
        one_report(out, reports[i], i + 1, flags);
    cadre__buf_puts(out, "</main>\n</body>\n</html>\n");
    return out->oom ? CADRE_ENOMEM : 0;
}
