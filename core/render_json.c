/* SPDX-License-Identifier: MIT */
/*
 * core/render_json.c - reports as JSON (docs/report.md describes the format).
 *
 * Written straight into the output buffer, with no intermediate tree: a report is ~22 KB of
 * JSON, and building then printing a cJSON tree of it cost a quarter of a batch run's time.
 * Keys are emitted in a fixed order and scores are rounded to their documented precision and
 * printed as exact fixed decimals, so the same candidate and plugins always produce
 * byte-identical output (the snapshot tests rely on it). The layout of the indented form
 * (tabs, "key":<tab>value, arrays on one line with ", ") is the one reports have always had.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

#define REPORT_FORMAT_VERSION 1

/* One JSON document being written: the indented form, or one line. */
typedef struct {
    cadre__buf *b;
    unsigned detail; /* 0 (full), CADRE_RENDER_SUMMARY or CADRE_RENDER_SCORES */
    int pretty;
    int depth;     /* open containers */
    int first;     /* nothing written yet in the innermost container */
    int in_object; /* the innermost container is an object */
} jw;

static void put(jw *w, const char *s, size_t n)
{
    cadre__buf_putn(w->b, s, n);
}

#define PUT_LIT(w, lit) put((w), (lit), sizeof(lit) - 1)

static void put_tabs(jw *w, int n)
{
    static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

    while (n > 0) {
        int k = n < 16 ? n : 16;

        put(w, tabs, (size_t)k);
        n -= k;
    }
}

/* Bytes a JSON string cannot hold as they are: control characters, '"' and '\\'. */
static const unsigned char needs_escape[256] = {1, 1, 1, 1, 1, 1, 1, 1, 1,         1,         1, 1,
                                                1, 1, 1, 1, 1, 1, 1, 1, 1,         1,         1, 1,
                                                1, 1, 1, 1, 1, 1, 1, 1, ['"'] = 1, ['\\'] = 1};

/* Whether any of the 8 bytes at p is a control character, '"' or '\\' (needs_escape): the
 * word-at-a-time tests for a byte below 0x20 and for a zero byte after XOR, each exact. */
static int any_escape8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t v, q, b;

    memcpy(&v, p, 8);
    q = v ^ (ones * '"');
    b = v ^ (ones * '\\');
    return (((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs ? 1 : 0;
}

/* Writes the JSON string of s[0..n) at o, which has room for 6n + 2 bytes; returns the end.
 * Control characters are escaped, bytes from 0x80 up are copied: every string in a report was
 * checked to be valid UTF-8 where it entered the engine. */
static char *write_string(char *o, const unsigned char *p, size_t n)
{
    static const char hex[] = "0123456789abcdef";

    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        size_t run = i;
        unsigned char c;

        /* Eight bytes at a time while none of them needs escaping (most of a report's text),
         * then byte by byte. */
        while (run + 8 <= n && !any_escape8(p + run))
            run += 8;
        while (run < n && !needs_escape[p[run]])
            run++;
        memcpy(o, p + i, run - i);
        o += run - i;
        if (run == n) break;
        i = run;
        c = p[i];
        *o++ = '\\';
        switch (c) {
        case '"':
            *o++ = '"';
            break;
        case '\\':
            *o++ = '\\';
            break;
        case '\b':
            *o++ = 'b';
            break;
        case '\f':
            *o++ = 'f';
            break;
        case '\n':
            *o++ = 'n';
            break;
        case '\r':
            *o++ = 'r';
            break;
        case '\t':
            *o++ = 't';
            break;
        default:
            memcpy(o, "u00", 3);
            o[3] = hex[c >> 4];
            o[4] = hex[c & 15];
            o += 5;
        }
    }
    *o++ = '"';
    return o;
}

/* Makes room for n more bytes and returns where they go (NULL once out of memory). */
static char *room(jw *w, size_t n)
{
    return cadre__buf_reserve(w->b, n) == 0 ? w->b->data + w->b->len : NULL;
}

/* Ends a write that began at room()'s pointer. */
static void done(jw *w, char *end)
{
    w->b->len = (size_t)(end - w->b->data);
    w->b->data[w->b->len] = '\0';
}

static void put_string(jw *w, const char *s)
{
    size_t n = strlen(s);
    char *o;

    if (n > (SIZE_MAX - 2) / 6 || (o = room(w, n * 6 + 2)) == NULL) return;
    done(w, write_string(o, (const unsigned char *)s, n));
}

/* Before a value: the separator from the previous one, and in an object the indentation and
 * key, in one write. */
static void key(jw *w, const char *k)
{
    size_t n = w->in_object ? strlen(k) : 0;
    char *o;

    if (n > (SIZE_MAX - 64) / 6 || (o = room(w, n * 6 + 8 + (size_t)w->depth)) == NULL) return;
    if (!w->first) {
        *o++ = ',';
        if (!w->in_object && w->pretty) *o++ = ' ';
    }
    w->first = 0;
    if (w->in_object) {
        if (w->pretty) {
            *o++ = '\n';
            memset(o, '\t', (size_t)w->depth);
            o += w->depth;
        }
        o = write_string(o, (const unsigned char *)k, n);
        *o++ = ':';
        if (w->pretty) *o++ = '\t';
    }
    done(w, o);
}

/* Containers remember the enclosing one's state on the C stack of the caller. */
typedef struct {
    int first, in_object;
} jw_saved;

static jw_saved jopen(jw *w, const char *k, int object)
{
    jw_saved s;

    key(w, k);
    s.first = w->first;
    s.in_object = w->in_object;
    put(w, object ? "{" : "[", 1);
    w->depth++;
    w->first = 1;
    w->in_object = object;
    return s;
}

static void jclose(jw *w, jw_saved s)
{
    int object = w->in_object;

    w->depth--;
    if (object && w->pretty) {
        /* An object's members are on lines of their own, even when there are none. */
        PUT_LIT(w, "\n");
        put_tabs(w, w->depth);
    }
    put(w, object ? "}" : "]", 1);
    w->first = s.first;
    w->in_object = s.in_object;
}

static void str(jw *w, const char *k, const char *v)
{
    key(w, k);
    if (v)
        put_string(w, v);
    else
        PUT_LIT(w, "null");
}

/* The decimal digits of m at the end of the buffer ending at p; returns where they start. */
static char *digits_of(char *p, unsigned long long m)
{
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    return p;
}

static void integer(jw *w, const char *k, long long v)
{
    char t[24],
        *p = digits_of(t + sizeof(t), v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);

    if (v < 0) *--p = '-';
    key(w, k);
    put(w, p, (size_t)(t + sizeof(t) - p));
}

/* A number rounded to 10^-places (0..3) and printed exactly at that precision, without
 * trailing zeros: 72.4, 80, 0.125. Rounding is round(x / unit), as it has always been. */
static void fixed(jw *w, const char *k, double x, int places)
{
    static const double units[] = {1, 0.1, 0.01, 0.001};
    static const long long scale[] = {1, 10, 100, 1000};
    char t[48], *p = t + sizeof(t);
    double r;
    unsigned long long m, ip, fp;
    int neg, digits = places;

    key(w, k);
    if (!isfinite(x)) {
        PUT_LIT(w, "null");
        return;
    }
    r = round(x / units[places]);
    if (fabs(r) >= 9e15) { /* beyond exact integers: not a score; print it plainly */
        int n = snprintf(t, sizeof(t), "%.17g", r * units[places]);
        put(w, t, (size_t)n);
        return;
    }
    neg = r < 0;
    m = (unsigned long long)(neg ? -r : r);
    ip = m / (unsigned long long)scale[places];
    fp = m % (unsigned long long)scale[places];
    while (digits > 0 && fp % 10 == 0) {
        fp /= 10;
        digits--;
    }
    if (digits > 0) {
        for (int i = 0; i < digits; i++) {
            *--p = (char)('0' + fp % 10);
            fp /= 10;
        }
        *--p = '.';
    }
    do {
        *--p = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip);
    if (neg && (m != 0)) *--p = '-';
    put(w, p, (size_t)(t + sizeof(t) - p));
}

/* A number a plugin chose (a criterion's weight): an integer as one, otherwise the shortest of
 * 15 or 17 significant digits that reads back as the same double. */
static void number(jw *w, const char *k, double x)
{
    char t[32];
    int n;

    if (isfinite(x) && x == floor(x) && fabs(x) < 1e15) {
        integer(w, k, (long long)x);
        return;
    }
    key(w, k);
    if (!isfinite(x)) {
        PUT_LIT(w, "null");
        return;
    }
    /* Most weights have two decimals (O*NET importances): when x is exactly the double
     * nearest to r/100, its two-decimal form is what %1.15g writes (15 digits are more than
     * such a number has, and it reads back as x), without printf's exact expansion. */
    if (fabs(x) < 1e13) {
        double r = round(x * 100);

        if (r / 100 == x) {
            unsigned long long m = (unsigned long long)fabs(r);
            char *p = t + sizeof(t);

            if (m % 100) {
                if (m % 10) *--p = (char)('0' + m % 10);
                *--p = (char)('0' + m / 10 % 10);
                *--p = '.';
            }
            p = digits_of(p, m / 100);
            if (x < 0) *--p = '-';
            put(w, p, (size_t)(t + sizeof(t) - p));
            return;
        }
    }
    n = snprintf(t, sizeof(t), "%1.15g", x);
    if (strtod(t, NULL) != x) n = snprintf(t, sizeof(t), "%1.17g", x);
    put(w, t, (size_t)n);
}

static void strings(jw *w, const char *k, const char *const *items, size_t n)
{
    jw_saved s = jopen(w, k, 0);

    for (size_t i = 0; i < n; i++)
        str(w, NULL, items[i]);
    jclose(w, s);
}

static const char *finding_kind(cadre_finding_kind k)
{
    return k == CADRE_FINDING_STRENGTH ? "strength" : k == CADRE_FINDING_GAP ? "gap" : "risk";
}

static void criteria(jw *w, const cadre_result *res)
{
    double wsum = 0;
    jw_saved s;

    for (size_t i = 0; i < res->criteria.count; i++)
        wsum += CADRE_ITEM(cadre_criterion, res->criteria, i)->weight;
    s = jopen(w, "criteria", 0);
    for (size_t i = 0; i < res->criteria.count; i++) {
        const cadre_criterion *c = CADRE_ITEM(cadre_criterion, res->criteria, i);
        jw_saved o = jopen(w, NULL, 1);

        str(w, "id", c->id);
        str(w, "label", c->label);
        number(w, "weight", c->weight);
        fixed(w, "share", c->weight / wsum, 3);
        fixed(w, "score", c->score, 1);
        str(w, "evidence", c->evidence);
        strings(w, "missing", c->missing, c->missing_count);
        jclose(w, o);
    }
    jclose(w, s);
}

static void findings(jw *w, const cadre_result *res)
{
    jw_saved s = jopen(w, "findings", 0);

    for (size_t i = 0; i < res->findings.count; i++) {
        const cadre_finding *f = CADRE_ITEM(cadre_finding, res->findings, i);
        jw_saved o = jopen(w, NULL, 1);

        str(w, "kind", finding_kind(f->kind));
        str(w, "text", f->text);
        str(w, "recommendation", f->recommendation);
        jclose(w, o);
    }
    jclose(w, s);
}

static void ranking(jw *w, const cadre_result *res)
{
    jw_saved s = jopen(w, "ranking", 0);

    for (size_t i = 0; i < res->ranking.count; i++) {
        const cadre_rank *r = CADRE_ITEM(cadre_rank, res->ranking, i);
        jw_saved o = jopen(w, NULL, 1);

        str(w, "id", r->id);
        str(w, "label", r->label);
        fixed(w, "score", r->score, 1);
        str(w, "note", r->note);
        jclose(w, o);
    }
    jclose(w, s);
}

static void assessment(jw *w, const cadre_result *res, const cadre__params *params)
{
    jw_saved o = jopen(w, NULL, 1), d;

    str(w, "name", res->plugin);
    if (w->detail != CADRE_RENDER_SCORES) {
        str(w, "title", res->title);
        str(w, "version", res->version);
    }
    if (!w->detail) {
        str(w, "kind", cadre_plugin_kind_name(res->kind));
        str(w, "source", res->source);
        str(w, "source_sha256", res->source_sha256);
        if (params) { /* the parameters it ran with: what a replay must set */
            jw_saved p = jopen(w, "params", 1);

            for (size_t k = 0; k < params->n; k++)
                str(w, params->keys[k], params->values[k]);
            jclose(w, p);
        }
    }
    if (res->status == CADRE_STATUS_ERROR) {
        jw_saved e;

        str(w, "status", "error");
        e = jopen(w, "error", 1);
        integer(w, "code", res->error.code);
        str(w, "message", res->error.message);
        str(w, "file", res->error.file);
        integer(w, "line", res->error.line);
        jclose(w, e);
        jclose(w, o);
        return;
    }
    str(w, "status", "ok");
    fixed(w, "score", res->score, 1);
    str(w, "band", res->band);
    if (w->detail == CADRE_RENDER_SCORES) {
        jclose(w, o);
        return;
    }
    str(w, "summary", res->summary);
    fixed(w, "confidence", res->confidence, 2);
    if (w->detail) {
        jclose(w, o);
        return;
    }
    criteria(w, res);
    findings(w, res);
    strings(w, "missing", res->missing, res->missing_count);
    ranking(w, res);
    d = jopen(w, "details", 1);
    for (size_t i = 0; i < res->details.count; i++)
        str(w, CADRE_ITEM(cadre_detail, res->details, i)->key,
            CADRE_ITEM(cadre_detail, res->details, i)->value);
    jclose(w, d);
    jclose(w, o);
}

static void header(jw *w)
{
    jw_saved e;

    str(w, "format", "cadre-report");
    integer(w, "format_version", REPORT_FORMAT_VERSION);
    if (w->detail) str(w, "detail", w->detail == CADRE_RENDER_SCORES ? "scores" : "summary");
    e = jopen(w, "engine", 1);
    str(w, "name", "cadre");
    str(w, "version", CADRE_VERSION);
    integer(w, "plugin_abi", CADRE_PLUGIN_ABI_VERSION);
    jclose(w, e);
}

/* The members of one report (the caller has opened its object). */
/* What would change each verdict (whatif.c), when it was explored. */
static void whatifs(jw *w, const cadre_report *r)
{
    jw_saved a = jopen(w, "what_would_change", 0);

    for (size_t i = 0; i < r->nwhatifs; i++) {
        const cadre_whatif *x = &r->whatifs[i];
        jw_saved o = jopen(w, NULL, 1), b;

        str(w, "assessment", x->plugin);
        b = jopen(w, "from", 1);
        number(w, "score", x->from_score);
        str(w, "band", x->from_band);
        jclose(w, b);
        if (x->to_band) {
            b = jopen(w, "to", 1);
            number(w, "score", x->to_score);
            str(w, "band", x->to_band);
            jclose(w, b);
        } else {
            str(w, "to", NULL);
        }
        b = jopen(w, "changes", 0);
        for (size_t k = 0; k < x->change_count; k++) {
            jw_saved c = jopen(w, NULL, 1);

            str(w, "field", x->fields[k]);
            str(w, "change", x->changes[k]);
            jclose(w, c);
        }
        jclose(w, b);
        integer(w, "effort_months", x->effort_months);
        integer(w, "tried", (long long)x->tried);
        jclose(w, o);
    }
    jclose(w, a);
}

static void report(jw *w, const cadre_report *r)
{
    jw_saved c = jopen(w, "candidate", 1), a;

    str(w, "id", r->candidate_id);
    str(w, "name", r->candidate_name);
    str(w, "source", r->candidate_source);
    /* Which input, and which assessments: enough to replay it (docs/audit.md). */
    str(w, "sha256", r->candidate_sha256);
    jclose(w, c);
    str(w, "fingerprint", r->fingerprint);
    if (w->detail == 0 && r->params) {
        jw_saved l = jopen(w, "limits", 1);

        integer(w, "lua_time_limit_ms", r->lua_time_ms);
        integer(w, "lua_memory_limit_bytes", (long long)r->lua_memory);
        integer(w, "native_time_limit_ms", r->native_time_ms);
        /* Not where plugins ran: reports are the same in every isolation mode, by design. */
        jclose(w, l);
    }
    if (w->detail != CADRE_RENDER_SCORES) {
        a = jopen(w, "warnings", 0);
        for (size_t i = 0; i < r->warning_count; i++) {
            jw_saved x = jopen(w, NULL, 1);

            str(w, "field", r->warnings[i].field);
            str(w, "message", r->warnings[i].message);
            jclose(w, x);
        }
        jclose(w, a);
    }
    if (w->detail == 0) {
        /* The answer first: what to do, before the assessments that say why (steps.c). */
        a = jopen(w, "next_steps", 0);
        for (size_t i = 0; i < r->nsteps; i++) {
            const cadre_result *res = &r->results[r->steps[i].result];
            const cadre_finding *f = CADRE_ITEM(cadre_finding, res->findings, r->steps[i].finding);
            jw_saved x = jopen(w, NULL, 1);

            str(w, "assessment", res->plugin);
            str(w, "recommendation", f->recommendation);
            str(w, "why", f->text);
            jclose(w, x);
        }
        jclose(w, a);
        if (r->explored) whatifs(w, r);
    }
    a = jopen(w, "assessments", 0);
    for (size_t i = 0; i < r->count; i++)
        assessment(w, &r->results[i], r->params ? &r->params[i] : NULL);
    jclose(w, a);
}

int cadre__render_json(cadre__buf *out, const cadre_report *const *reports, size_t n, int lines,
                       unsigned flags)
{
    unsigned detail = flags & CADRE_RENDER_SCORES    ? CADRE_RENDER_SCORES
                      : flags & CADRE_RENDER_SUMMARY ? CADRE_RENDER_SUMMARY
                                                     : 0;
    jw w = {out, detail, !lines, 0, 1, 0};
    jw_saved top, a;

    if (lines) {
        for (size_t i = 0; i < n; i++) {
            top = jopen(&w, NULL, 1);
            header(&w);
            report(&w, reports[i]);
            jclose(&w, top);
            w.first = 1;
            PUT_LIT(&w, "\n");
        }
    } else {
        top = jopen(&w, NULL, 1);
        header(&w);
        a = jopen(&w, "reports", 0);
        for (size_t i = 0; i < n; i++) {
            jw_saved o = jopen(&w, NULL, 1);

            report(&w, reports[i]);
            jclose(&w, o);
        }
        jclose(&w, a);
        jclose(&w, top);
        PUT_LIT(&w, "\n");
    }
    return out->oom ? CADRE_ENOMEM : 0;
}
