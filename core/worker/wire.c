/* SPDX-License-Identifier: MIT */
/*
 * core/worker/wire.c - see wire.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "worker/wire.h"

#define NULL_STR 0xFFFFFFFFu

/* ---- reading ---- */

void cadre__wire_open(cadre__wire *w, const char *data, size_t len)
{
    w->p = data;
    w->end = data + len;
    w->bad = data == NULL;
}

static const char *take(cadre__wire *w, size_t n)
{
    const char *at = w->p;

    if (w->bad || (size_t)(w->end - w->p) < n) {
        w->bad = 1;
        return NULL;
    }
    w->p += n;
    return at;
}

unsigned cadre__wire_u8(cadre__wire *w)
{
    const char *at = take(w, 1);

    return at ? (unsigned char)*at : 0;
}

uint32_t cadre__wire_u32(cadre__wire *w)
{
    const char *at = take(w, 4);
    uint32_t v = 0;

    if (at) memcpy(&v, at, 4);
    return v;
}

int32_t cadre__wire_i32(cadre__wire *w)
{
    const char *at = take(w, 4);
    int32_t v = 0;

    if (at) memcpy(&v, at, 4);
    return v;
}

double cadre__wire_f64(cadre__wire *w)
{
    const char *at = take(w, 8);
    double v = 0;

    if (at) memcpy(&v, at, 8);
    return v;
}

const char *cadre__wire_str(cadre__wire *w)
{
    uint32_t n = cadre__wire_u32(w);
    const char *at;

    if (w->bad || n == NULL_STR) return NULL;
    at = n == 0 ? NULL : take(w, n);
    /* The length counts the NUL, which must be the only one. */
    if (at == NULL || at[n - 1] != '\0' || memchr(at, '\0', n - 1) != NULL) {
        w->bad = 1;
        return NULL;
    }
    return at;
}

/* ---- writing ---- */

void cadre__wire_put_u8(cadre__buf *b, unsigned v)
{
    char c = (char)(unsigned char)v;

    cadre__buf_putn(b, &c, 1);
}

void cadre__wire_put_u32(cadre__buf *b, uint32_t v)
{
    cadre__buf_putn(b, (const char *)&v, 4);
}

void cadre__wire_put_i32(cadre__buf *b, int32_t v)
{
    cadre__buf_putn(b, (const char *)&v, 4);
}

void cadre__wire_put_f64(cadre__buf *b, double v)
{
    cadre__buf_putn(b, (const char *)&v, 8);
}

void cadre__wire_put_str(cadre__buf *b, const char *s)
{
    size_t n = s ? strlen(s) + 1 : 0;

    if (s == NULL || n >= NULL_STR) {
        cadre__wire_put_u32(b, NULL_STR);
        return;
    }
    cadre__wire_put_u32(b, (uint32_t)n);
    cadre__buf_putn(b, s, n);
}

static void put_strings(cadre__buf *b, const char *const *list, size_t n)
{
    cadre__wire_put_u32(b, (uint32_t)n);
    for (size_t i = 0; i < n; i++)
        cadre__wire_put_str(b, list[i]);
}

/* ---- metadata and refusals ---- */

void cadre__wire_put_meta(cadre__buf *b, const cadre__plugin *p)
{
    const cadre_plugin_meta *m = &p->meta;
    size_t n_in = 0;

    while (m->inputs && m->inputs[n_in])
        n_in++;
    cadre__wire_put_u8(b, 'M');
    cadre__wire_put_str(b, m->name);
    cadre__wire_put_str(b, m->title);
    cadre__wire_put_str(b, m->version);
    cadre__wire_put_u8(b, (unsigned)m->kind);
    cadre__wire_put_str(b, m->description);
    put_strings(b, m->inputs, n_in);
    cadre__wire_put_u32(b, (uint32_t)p->param_count);
    for (size_t i = 0; i < p->param_count; i++) {
        const cadre_param_spec *s = p->params[i].spec;

        cadre__wire_put_str(b, s->key);
        cadre__wire_put_u8(b, (unsigned)s->type);
        cadre__wire_put_str(b, s->default_value);
        cadre__wire_put_str(b, s->choices);
        cadre__wire_put_str(b, s->description);
    }
}

void cadre__wire_put_refusal(cadre__buf *b, const cadre_error *err)
{
    cadre__wire_put_u8(b, 'R');
    cadre__wire_put_i32(b, err->code);
    cadre__wire_put_i32(b, err->line);
    cadre__wire_put_str(b, err->source);
    cadre__wire_put_str(b, err->message);
}

#define MAX_WIRE_LIST 256 /* more inputs or parameters than any plugin is allowed */

int cadre__wire_get_meta(cadre__plugin *p, const char *data, size_t len, const char *path,
                         const char *sha256, cadre_error *err)
{
    cadre__wire w;
    cadre_plugin_meta m = {0};
    const char *inputs[MAX_WIRE_LIST + 1];
    cadre_param_spec specs[MAX_WIRE_LIST];
    const cadre_param_spec *spec_ptrs[MAX_WIRE_LIST + 1];
    unsigned tag;
    uint32_t n;

    cadre__wire_open(&w, data, len);
    tag = cadre__wire_u8(&w);
    if (tag == 'R') {
        int code = cadre__wire_i32(&w), line = cadre__wire_i32(&w);
        const char *source = cadre__wire_str(&w), *msg = cadre__wire_str(&w);

        /* A refusal says why: an empty message would leave the user with nothing to act on
         * (found by tests/fuzz/fuzz_result.c). */
        if (w.bad || msg == NULL || *msg == '\0' || code >= 0) goto malformed;
        return cadre__fail(err, code, source && *source ? source : path, line, 0, "%s", msg);
    }
    if (tag != 'M') goto malformed;
    m.name = cadre__wire_str(&w);
    m.title = cadre__wire_str(&w);
    m.version = cadre__wire_str(&w);
    m.kind = (cadre_plugin_kind)cadre__wire_u8(&w);
    m.description = cadre__wire_str(&w);
    n = cadre__wire_u32(&w);
    if (n > MAX_WIRE_LIST) goto malformed;
    for (uint32_t i = 0; i < n; i++)
        if ((inputs[i] = cadre__wire_str(&w)) == NULL) goto malformed;
    inputs[n] = NULL;
    m.inputs = inputs;
    n = cadre__wire_u32(&w);
    if (n > MAX_WIRE_LIST) goto malformed;
    for (uint32_t i = 0; i < n; i++) {
        specs[i].struct_size = sizeof(specs[i]);
        specs[i].key = cadre__wire_str(&w);
        specs[i].type = (cadre_param_type)cadre__wire_u8(&w);
        specs[i].default_value = cadre__wire_str(&w);
        specs[i].choices = cadre__wire_str(&w);
        specs[i].description = cadre__wire_str(&w);
        spec_ptrs[i] = &specs[i];
    }
    spec_ptrs[n] = NULL;
    m.params = spec_ptrs;
    m.sha256 = sha256;
    if (w.bad || w.p != w.end || (m.kind != CADRE_PLUGIN_NATIVE && m.kind != CADRE_PLUGIN_LUA))
        goto malformed;
    /* Every string is checked again here, as for a plugin loaded in this process. */
    return cadre__plugin_set_meta(p, &m, path, err);
malformed:
    return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                       "%s: the worker process sent malformed plugin metadata", path);
}

/* ---- requests ---- */

void cadre__wire_put_request(cadre__buf *b, const cadre__plugin *p, const char *source,
                             const char *candidate, size_t len)
{
    size_t n = 0;

    for (size_t i = 0; i < p->param_count; i++)
        n += p->params[i].value != NULL;
    cadre__wire_put_u32(b, (uint32_t)n);
    for (size_t i = 0; i < p->param_count; i++) {
        if (p->params[i].value == NULL) continue;
        cadre__wire_put_str(b, p->params[i].spec->key);
        cadre__wire_put_str(b, p->params[i].value);
    }
    cadre__wire_put_str(b, source);
    cadre__buf_putn(b, candidate, len); /* the rest of the frame */
}

/* ---- results ---- */

void cadre__wire_put_result(cadre__buf *b, const cadre_result *res, int last)
{
    cadre__wire_put_u8(b, last ? 1 : 0);
    cadre__wire_put_u8(b, res->status == CADRE_STATUS_OK ? 0 : 1);
    if (res->status != CADRE_STATUS_OK) {
        cadre__wire_put_i32(b, res->error.code);
        cadre__wire_put_str(b, res->error.file);
        cadre__wire_put_i32(b, res->error.line);
        cadre__wire_put_str(b, res->error.message);
        return;
    }
    cadre__wire_put_f64(b, res->score);
    cadre__wire_put_str(b, res->band);
    cadre__wire_put_str(b, res->summary);
    cadre__wire_put_u32(b, (uint32_t)res->criteria.count);
    for (size_t i = 0; i < res->criteria.count; i++) {
        const cadre_criterion *c = CADRE_ITEM(cadre_criterion, res->criteria, i);

        cadre__wire_put_str(b, c->id);
        cadre__wire_put_str(b, c->label);
        cadre__wire_put_f64(b, c->weight);
        cadre__wire_put_f64(b, c->score);
        cadre__wire_put_str(b, c->evidence);
        put_strings(b, c->missing, c->missing_count);
    }
    cadre__wire_put_u32(b, (uint32_t)res->findings.count);
    for (size_t i = 0; i < res->findings.count; i++) {
        cadre__wire_put_u8(b, (unsigned)CADRE_ITEM(cadre_finding, res->findings, i)->kind);
        cadre__wire_put_str(b, CADRE_ITEM(cadre_finding, res->findings, i)->text);
        cadre__wire_put_str(b, CADRE_ITEM(cadre_finding, res->findings, i)->recommendation);
    }
    put_strings(b, res->missing, res->missing_count);
    cadre__wire_put_u32(b, (uint32_t)res->ranking.count);
    for (size_t i = 0; i < res->ranking.count; i++) {
        cadre__wire_put_str(b, CADRE_ITEM(cadre_rank, res->ranking, i)->id);
        cadre__wire_put_str(b, CADRE_ITEM(cadre_rank, res->ranking, i)->label);
        cadre__wire_put_f64(b, CADRE_ITEM(cadre_rank, res->ranking, i)->score);
        cadre__wire_put_str(b, CADRE_ITEM(cadre_rank, res->ranking, i)->note);
    }
    cadre__wire_put_u32(b, (uint32_t)res->details.count);
    for (size_t i = 0; i < res->details.count; i++) {
        cadre__wire_put_str(b, CADRE_ITEM(cadre_detail, res->details, i)->key);
        cadre__wire_put_str(b, CADRE_ITEM(cadre_detail, res->details, i)->value);
    }
    /* The confidence as the worker finished it: discounts (cadre_host.discount) are not
     * criteria, so the parent could not recompute them; their reasons are in the details. */
    cadre__wire_put_f64(b, res->confidence);
}

/* A malformed frame fails the builder once, with one message, whatever went wrong first; -2
 * tells the caller that the channel can no longer be trusted to be in step. */
static int malformed(cadre_builder *b)
{
    cadre__builder_fail(b, CADRE_EPLUGIN, NULL, 0, "the worker process sent a malformed result");
    return -2;
}

static int replay_criteria(cadre_builder *b, cadre__wire *w)
{
    uint32_t n = cadre__wire_u32(w);

    for (uint32_t i = 0; i < n && !w->bad; i++) {
        const char *id = cadre__wire_str(w), *label = cadre__wire_str(w);
        double weight = cadre__wire_f64(w), score = cadre__wire_f64(w);
        const char *evidence = cadre__wire_str(w);
        uint32_t k;

        if (w->bad) break;
        if (cadre__builder_criterion(b, id, label, weight, score, evidence) != 0) return -1;
        k = cadre__wire_u32(w);
        for (uint32_t j = 0; j < k && !w->bad; j++) {
            const char *field = cadre__wire_str(w);

            if (!w->bad && cadre__builder_missing(b, id, field) != 0) return -1;
        }
    }
    return w->bad ? malformed(b) : 0;
}

static int replay_rest(cadre_builder *b, cadre__wire *w)
{
    uint32_t n = cadre__wire_u32(w);

    for (uint32_t i = 0; i < n && !w->bad; i++) {
        unsigned kind = cadre__wire_u8(w);
        const char *text = cadre__wire_str(w), *rec = cadre__wire_str(w);

        if (!w->bad && cadre__builder_finding(b, (cadre_finding_kind)kind, text, rec) != 0)
            return -1;
    }
    n = cadre__wire_u32(w);
    for (uint32_t i = 0; i < n && !w->bad; i++) {
        const char *field = cadre__wire_str(w);

        if (!w->bad && cadre__builder_missing(b, NULL, field) != 0) return -1;
    }
    n = cadre__wire_u32(w);
    for (uint32_t i = 0; i < n && !w->bad; i++) {
        const char *id = cadre__wire_str(w), *label = cadre__wire_str(w);
        double score = cadre__wire_f64(w);
        const char *note = cadre__wire_str(w);

        if (!w->bad && cadre__builder_rank(b, id, label, score, note) != 0) return -1;
    }
    n = cadre__wire_u32(w);
    for (uint32_t i = 0; i < n && !w->bad; i++) {
        const char *key = cadre__wire_str(w), *value = cadre__wire_str(w);

        if (!w->bad && cadre__builder_detail(b, key, value) != 0) return -1;
    }
    {
        double confidence = cadre__wire_f64(w);

        if (w->bad || w->p != w->end || !(confidence >= 0 && confidence <= 1)) return malformed(b);
        if (cadre__builder_restore_confidence(b, confidence) != 0) return -1;
    }
    return 0;
}

int cadre__wire_replay_result(cadre_builder *b, const char *data, size_t len, int *last)
{
    cadre__wire w;
    double score;
    const char *band, *summary;
    int rc;

    cadre__wire_open(&w, data, len);
    *last = cadre__wire_u8(&w) != 0;
    if (cadre__wire_u8(&w) != 0) {
        int code = cadre__wire_i32(&w);
        const char *file = cadre__wire_str(&w);
        int line = cadre__wire_i32(&w);
        const char *msg = cadre__wire_str(&w);

        if (w.bad || w.p != w.end) return malformed(b);
        cadre__builder_fail(b, code < 0 ? code : CADRE_EPLUGIN, file, line,
                            msg ? msg : "the plugin failed without a message");
        return -1;
    }
    score = cadre__wire_f64(&w);
    band = cadre__wire_str(&w);
    summary = cadre__wire_str(&w);
    if (w.bad) return malformed(b);
    if ((rc = replay_criteria(b, &w)) != 0 || (rc = replay_rest(b, &w)) != 0) return rc;
    if (cadre__builder_set_score(b, score) != 0 || cadre__builder_set_band(b, band) != 0 ||
        (summary != NULL && cadre__builder_set_summary(b, summary) != 0))
        return -1;
    return 0;
}
