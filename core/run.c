/* SPDX-License-Identifier: MIT */
/*
 * core/run.c - running assessments on a candidate and the report they produce.
 */
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"
#include "report.h"
#include "worker/pack.h"

/* Plugins read the whole v1 struct. A candidate from an embedder built against an older header
 * is shorter: copy its prefix into a zeroed current-size struct, so new fields read as absent. */
static const cadre_candidate *normalise(const cadre_candidate *c, cadre_candidate *buf)
{
    if (c->struct_size >= sizeof(*c)) return c;
    memset(buf, 0, sizeof(*buf));
    memcpy(buf, c, c->struct_size);
    buf->struct_size = sizeof(*buf);
    return buf;
}

/* What a decision record needs to say which input and which assessments made this report:
 * the SHA-256 of the candidate's canonical form, which is the packed form workers receive
 * (worker/pack.c: the fields in schema order, without the source), and the engine's
 * fingerprint. packed receives the candidate's packed form, for the workers too. */
static int provenance(cadre_report *r, cadre_engine *e, const cadre_candidate *c,
                      cadre__buf *packed)
{
    cadre__pack_candidate(packed, c);
    if (packed->oom) return CADRE_ENOMEM;
    cadre__sha256_hex(r->candidate_sha256, packed->data, packed->len);
    memcpy(r->fingerprint, cadre__engine_fingerprint(e), sizeof(r->fingerprint));
    return 0;
}

/* The parameters each plugin runs with, and the limits in force, into the report. */
static int settings(cadre_report *r, const cadre_engine *e, cadre__plugin *const *list, size_t n)
{
    cadre__arena *A = &r->arena;

    r->lua_time_ms = e->ctx.limits.time_ms;
    r->lua_memory = e->ctx.limits.memory;
    r->native_time_ms = e->ctx.native_time_ms;
    if ((r->params = cadre__arena_alloc(A, (n ? n : 1) * sizeof(*r->params))) == NULL)
        return CADRE_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const cadre__plugin *p = list[i];
        cadre__params *q = &r->params[i];

        q->n = p->param_count;
        if (q->n == 0) continue;
        q->keys = cadre__arena_alloc(A, q->n * sizeof(*q->keys));
        q->values = cadre__arena_alloc(A, q->n * sizeof(*q->values));
        if (q->keys == NULL || q->values == NULL) return CADRE_ENOMEM;
        for (size_t k = 0; k < q->n; k++) {
            const char *v =
                p->params[k].value ? p->params[k].value : p->params[k].spec->default_value;

            q->keys[k] = cadre__arena_strdup(A, p->params[k].spec->key);
            q->values[k] = v ? cadre__arena_strdup(A, v) : NULL;
            if (q->keys[k] == NULL || (v && q->values[k] == NULL)) return CADRE_ENOMEM;
        }
    }
    return 0;
}

static int copy_candidate_info(cadre_report *r, const cadre_candidate *c)
{
    cadre__arena *A = &r->arena;
    size_t n = cadre_candidate_warning_count(c);

    r->candidate_id = cadre__arena_strdup(A, c->id);
    r->candidate_name = cadre__arena_strdup(A, c->name);
    r->candidate_source = cadre__arena_strdup(A, c->source ? c->source : "<candidate>");
    if (r->candidate_source == NULL) return CADRE_ENOMEM;
    if (n == 0) return 0;
    r->warnings = cadre__arena_alloc(A, n * sizeof(*r->warnings));
    if (r->warnings == NULL) return CADRE_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const cadre_diag *w = cadre_candidate_warning(c, i);

        r->warnings[i] = *w;
        r->warnings[i].source = r->candidate_source;
        r->warnings[i].field = cadre__arena_strdup(A, w->field);
        r->warnings[i].message = cadre__arena_strdup(A, w->message);
        if (r->warnings[i].field == NULL || r->warnings[i].message == NULL) return CADRE_ENOMEM;
    }
    r->warning_count = n;
    return 0;
}

/* Resolves `names` (NULL = all) into plugins, failing before anything runs. */
static int select_plugins(cadre__plugin ***out, size_t *n, cadre_engine *e,
                          const char *const *names, cadre_error *err)
{
    size_t want = 0;
    cadre__plugin **list;

    if (names == NULL) {
        want = e->plugins.count;
    } else {
        while (names[want] != NULL)
            want++;
    }
    list = calloc(want ? want : 1, sizeof(*list));
    if (list == NULL) return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    for (size_t i = 0; i < want; i++) {
        list[i] = names ? cadre__engine_find(e, names[i]) : cadre__engine_plugin_at(e, i);
        if (list[i] == NULL) {
            const char *names_all[257];
            size_t k = 0;
            const char *s;

            for (size_t j = 0; j < e->plugins.count && k < 256; j++)
                names_all[k++] = cadre__engine_plugin_at(e, j)->meta.name;
            names_all[k] = NULL;
            s = cadre__suggest_list(names[i], names_all);
            free(list);
            return cadre__fail(err, CADRE_ENOTFOUND, names[i], 0, 0,
                               "no assessment '%s' is loaded%s%s%s; `cadre list` shows them and "
                               "why any were refused",
                               names[i], s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        }
    }
    *out = list;
    *n = want;
    return 0;
}

/* Completes one result from its builder (the plugin's metadata, its file for an error). */
static void finish(cadre_result *res, cadre__plugin *p, cadre_builder *b)
{
    cadre__builder_finish(b, res);
    cadre__result_meta(res, p);
    if (res->status == CADRE_STATUS_ERROR && res->error.file == NULL)
        res->error.file = p->meta.path;
}

static void out_of_memory(cadre_result *res, cadre__plugin *p)
{
    cadre__result_meta(res, p);
    res->status = CADRE_STATUS_ERROR;
    res->error.code = CADRE_ENOMEM;
    res->error.message = "out of memory";
    res->error.file = p->meta.path;
}

static void run_one(cadre_report *r, cadre_result *res, cadre__plugin *p, const cadre_candidate *c)
{
    cadre_builder *b = cadre__builder_new(&r->arena);

    if (b == NULL) return out_of_memory(res, p);
    p->ops->assess(p, c, &(cadre_params){p->params, p->param_count}, b);
    finish(res, p, b);
    cadre__builder_free(b);
}

/* Metadata strings belong to the engine; copy them so the report outlives it. */
static void detach(cadre_report *r, cadre_result *res)
{
    cadre__arena *A = &r->arena;

    res->plugin = cadre__arena_strdup(A, res->plugin);
    res->title = cadre__arena_strdup(A, res->title);
    res->version = cadre__arena_strdup(A, res->version);
    res->source = cadre__arena_strdup(A, res->source);
    res->source_sha256 = cadre__arena_strdup(A, res->source_sha256);
    if (res->error.file) res->error.file = cadre__arena_strdup(A, res->error.file);
}

/* A candidate whose assessment has begun and not yet ended: cadre_engine_submit() begins
 * it, cadre_engine_collect() ends it, oldest first; cadre_engine_assess() does both at once. */
struct cadre__inflight {
    cadre__inflight *next;
    cadre_report *r;
    cadre__plugin **list;
    size_t n;
    unsigned char *sent; /* list[i] runs in a worker and has the candidate */
    const cadre_candidate *c;
    cadre_candidate full; /* c, when the caller's struct was an older, shorter one */
};

static void inflight_free(cadre__inflight *x)
{
    if (x == NULL) return;
    cadre_report_free(x->r);
    free(x->list);
    free(x->sent);
    free(x);
}

/* Begins: the plugins in worker processes get the candidate at once, every one of them (a
 * plugin named twice gets it twice, and answers in turn), so they work in parallel with each
 * other, with the in-process plugins and with whatever the caller does until it collects. */
static int begin(cadre__inflight **out, cadre_engine *e, const cadre_candidate *c,
                 const char *const *names, cadre_error *err)
{
    cadre__inflight *x;
    cadre__request req;
    cadre__buf packed = {0};
    int rc;

    *out = NULL;
    if (e == NULL || c == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_assess: NULL argument");
    if (c->struct_size < offsetof(cadre_candidate, experience))
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0,
                           "candidate struct_size %u is not a cadre_candidate; set it to "
                           "sizeof(cadre_candidate)",
                           c->struct_size);
    if (!e->loaded && (rc = cadre_engine_load(e, err)) != 0) return rc;
    if ((x = calloc(1, sizeof(*x))) == NULL)
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    if ((rc = select_plugins(&x->list, &x->n, e, names, err)) != 0) {
        free(x);
        return rc;
    }
    x->c = c = normalise(c, &x->full);
    x->sent = calloc(x->n ? x->n : 1, 1);
    x->r = calloc(1, sizeof(*x->r));
    if (x->r != NULL) {
        cadre__arena_init(&x->r->arena, 16384);
        x->r->results =
            cadre__arena_alloc(&x->r->arena, (x->n ? x->n : 1) * sizeof(*x->r->results));
    }
    if (x->sent == NULL || x->r == NULL || x->r->results == NULL ||
        copy_candidate_info(x->r, c) != 0 || provenance(x->r, e, c, &packed) != 0 ||
        settings(x->r, e, x->list, x->n) != 0) {
        free(packed.data);
        inflight_free(x);
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    }
    req.source = c->source ? c->source : "<candidate>";
    for (size_t i = 0; i < x->n; i++) {
        if (x->list[i]->ops->submit == NULL) continue;
        req.candidate = packed.data;
        req.len = packed.len;
        x->list[i]->ops->submit(x->list[i], &req);
        x->sent[i] = 1;
    }
    free(packed.data);
    *out = x;
    return 0;
}

/* Ends: the in-process plugins run now, then each worker's result is collected into its own
 * slot, so the report keeps the requested order whichever process ran what. */
static cadre_report *end(cadre__inflight *x)
{
    cadre_report *r = x->r;

    for (size_t i = 0; i < x->n; i++)
        if (x->list[i]->ops->submit == NULL) run_one(r, &r->results[i], x->list[i], x->c);
    for (size_t i = 0; i < x->n; i++) {
        cadre_builder *b;

        if (x->list[i]->ops->submit == NULL) continue;
        if (!x->sent[i]) {
            out_of_memory(&r->results[i], x->list[i]);
            continue;
        }
        if ((b = cadre__builder_new(&r->arena)) == NULL) {
            /* Collect anyway, so the worker's answer does not wait for the next candidate. */
            cadre_builder *tmp = cadre__builder_new(&r->arena);

            if (tmp) x->list[i]->ops->collect(x->list[i], tmp);
            cadre__builder_free(tmp);
            out_of_memory(&r->results[i], x->list[i]);
            continue;
        }
        x->list[i]->ops->collect(x->list[i], b);
        finish(&r->results[i], x->list[i], b);
        cadre__builder_free(b);
    }
    for (size_t i = 0; i < x->n; i++)
        detach(r, &r->results[i]);
    r->count = x->n;
    cadre__report_steps(r);
    x->r = NULL;
    inflight_free(x);
    return r;
}

/* Discards every candidate still begun, running nothing more: the plugins are unloaded next,
 * and a worker's queued calls go with it (cadre_engine_free calls this through
 * e->drop_inflight, a hook this file sets, so the engine's registry does not depend on
 * running). */
static void drop_inflight(cadre_engine *e)
{
    while (e->inflight) {
        cadre__inflight *x = e->inflight;

        e->inflight = x->next;
        inflight_free(x);
    }
    e->inflight_tail = NULL;
}

static int engine_assess(cadre_report **out, cadre_engine *e, const cadre_candidate *c,
                         const char *const *names, cadre_error *err)
{
    cadre__inflight *x;
    int rc;

    if (out == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_assess: NULL argument");
    *out = NULL;
    if (e != NULL && e->inflight != NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0,
                           "cadre_engine_assess: candidates submitted to this engine are not "
                           "collected yet; collect them first (cadre_engine_collect)");
    if ((rc = begin(&x, e, c, names, err)) != 0) return rc;
    *out = end(x);
    return 0;
}

const char *cadre_report_candidate_sha256(const cadre_report *r)
{
    return r ? r->candidate_sha256 : "";
}

const char *cadre_report_fingerprint(const cadre_report *r)
{
    return r ? r->fingerprint : "";
}

size_t cadre_report_count(const cadre_report *r)
{
    return r ? r->count : 0;
}

const cadre_result *cadre_report_result(const cadre_report *r, size_t i)
{
    return r && i < r->count ? &r->results[i] : NULL;
}

const cadre_result *cadre_report_find(const cadre_report *r, const char *name)
{
    for (size_t i = 0; r && name && i < r->count; i++)
        if (strcmp(r->results[i].plugin, name) == 0) return &r->results[i];
    return NULL;
}

size_t cadre_report_error_count(const cadre_report *r)
{
    size_t n = 0;

    for (size_t i = 0; r && i < r->count; i++)
        n += r->results[i].status == CADRE_STATUS_ERROR;
    return n;
}

void cadre_report_free(cadre_report *r)
{
    if (r == NULL) return;
    cadre__arena_free(&r->arena);
    free(r);
}

int cadre_engine_assess(cadre_report **out, cadre_engine *e, const cadre_candidate *c,
                        const char *const *names, cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    int rc = engine_assess(out, e, c, names, err);

    cadre__locale_leave(previous);
    return rc;
}

int cadre_engine_submit(cadre_engine *e, const cadre_candidate *c, const char *const *names,
                        cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    cadre__inflight *x = NULL;
    int rc = begin(&x, e, c, names, err);

    if (rc == 0) {
        if (e->inflight_tail)
            e->inflight_tail->next = x;
        else
            e->inflight = x;
        e->inflight_tail = x;
        e->drop_inflight = drop_inflight;
    }
    cadre__locale_leave(previous);
    return rc;
}

int cadre_engine_collect(cadre_report **out, cadre_engine *e, cadre_error *err)
{
    locale_t previous;
    cadre__inflight *x;

    if (out == NULL || e == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_collect: NULL argument");
    *out = NULL;
    if ((x = e->inflight) == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0,
                           "cadre_engine_collect: no candidate was submitted to this engine");
    previous = cadre__locale_enter();
    e->inflight = x->next;
    if (e->inflight == NULL) e->inflight_tail = NULL;
    *out = end(x);
    cadre__locale_leave(previous);
    return 0;
}
