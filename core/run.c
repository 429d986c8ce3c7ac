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

/* Runs the plugins. Those in worker processes get the candidate first, all of them, so they
 * work in parallel with each other and with the in-process plugins, which run meanwhile; their
 * results are collected last, each into its own slot, so the report keeps the requested order
 * whichever process ran what. A plugin named twice runs its second time in turn. */
static int run_all(cadre_report *r, cadre__plugin **list, size_t n, const cadre_candidate *c)
{
    unsigned char *sent = calloc(n ? n : 1, 1);
    cadre__request req = {c->source ? c->source : "<candidate>", NULL, 0};
    cadre__buf packed = {0};

    if (sent == NULL) return CADRE_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        int again = 0;

        if (list[i]->ops->submit == NULL) continue;
        for (size_t j = 0; j < i; j++)
            again |= list[j] == list[i] && sent[j];
        if (again) continue;
        if (req.candidate == NULL) {
            cadre__pack_candidate(&packed, c);
            if (packed.oom) break;
            req.candidate = packed.data;
            req.len = packed.len;
        }
        list[i]->ops->submit(list[i], &req);
        sent[i] = 1;
    }
    for (size_t i = 0; i < n; i++)
        if (!sent[i] && list[i]->ops->submit == NULL) run_one(r, &r->results[i], list[i], c);
    for (size_t i = 0; i < n; i++) {
        cadre_builder *b;

        if (!sent[i]) continue;
        if ((b = cadre__builder_new(&r->arena)) == NULL) {
            /* Collect anyway, so the worker's answer does not wait for the next candidate. */
            cadre_builder *tmp = cadre__builder_new(&r->arena);

            if (tmp) list[i]->ops->collect(list[i], tmp);
            cadre__builder_free(tmp);
            out_of_memory(&r->results[i], list[i]);
            continue;
        }
        list[i]->ops->collect(list[i], b);
        finish(&r->results[i], list[i], b);
        cadre__builder_free(b);
    }
    /* Remote plugins named again, or not sent for want of memory, run now, one at a time. */
    for (size_t i = 0; i < n; i++)
        if (!sent[i] && list[i]->ops->submit != NULL) run_one(r, &r->results[i], list[i], c);
    free(packed.data);
    free(sent);
    return 0;
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

static int engine_assess(cadre_report **out, cadre_engine *e, const cadre_candidate *c,
                         const char *const *names, cadre_error *err)
{
    cadre_candidate full;
    cadre__plugin **list = NULL;
    cadre_report *r;
    size_t n = 0;
    int rc;

    if (out == NULL || e == NULL || c == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_engine_assess: NULL argument");
    *out = NULL;
    if (c->struct_size < offsetof(cadre_candidate, experience))
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0,
                           "candidate struct_size %u is not a cadre_candidate; set it to "
                           "sizeof(cadre_candidate)",
                           c->struct_size);
    if (!e->loaded && (rc = cadre_engine_load(e, err)) != 0) return rc;
    if ((rc = select_plugins(&list, &n, e, names, err)) != 0) return rc;
    c = normalise(c, &full);
    r = calloc(1, sizeof(*r));
    if (r != NULL) {
        cadre__arena_init(&r->arena, 16384);
        r->results = cadre__arena_alloc(&r->arena, (n ? n : 1) * sizeof(*r->results));
    }
    if (r == NULL || r->results == NULL || copy_candidate_info(r, c) != 0) {
        free(list);
        cadre_report_free(r);
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    }
    if (run_all(r, list, n, c) != 0) {
        free(list);
        cadre_report_free(r);
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        detach(r, &r->results[i]);
    r->count = n;
    free(list);
    *out = r;
    return 0;
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
