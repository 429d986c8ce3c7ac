/* SPDX-License-Identifier: MIT */
/*
 * core/render_json.c - reports as JSON (docs/report.md describes the format).
 *
 * Keys are emitted in a fixed order and numbers are rounded before printing, so the same
 * candidate and plugins always produce byte-identical output (the snapshot tests rely on it).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "render.h"

#define REPORT_FORMAT_VERSION 1

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *strings(const char *const *items, size_t n)
{
    cJSON *a = cJSON_CreateArray();

    for (size_t i = 0; a && i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(items[i]));
    return a;
}

static double round_to(double x, double unit)
{
    return round(x / unit) * unit;
}

static const char *finding_kind(cadre_finding_kind k)
{
    return k == CADRE_FINDING_STRENGTH ? "strength" : k == CADRE_FINDING_GAP ? "gap" : "risk";
}

static cJSON *criteria_json(const cadre_result *res)
{
    cJSON *a = cJSON_CreateArray();
    double wsum = 0;

    for (size_t i = 0; i < res->criteria.count; i++)
        wsum += CADRE_ITEM(cadre_criterion, res->criteria, i)->weight;
    for (size_t i = 0; a && i < res->criteria.count; i++) {
        const cadre_criterion *c = CADRE_ITEM(cadre_criterion, res->criteria, i);
        cJSON *o = cJSON_CreateObject();

        cJSON_AddStringToObject(o, "id", c->id);
        cJSON_AddStringToObject(o, "label", c->label);
        cJSON_AddNumberToObject(o, "weight", c->weight);
        cJSON_AddNumberToObject(o, "share", round_to(c->weight / wsum, 0.001));
        cJSON_AddNumberToObject(o, "score", round_to(c->score, 0.1));
        cJSON_AddStringToObject(o, "evidence", c->evidence);
        cJSON_AddItemToObject(o, "missing", strings(c->missing, c->missing_count));
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *findings_json(const cadre_result *res)
{
    cJSON *a = cJSON_CreateArray();

    for (size_t i = 0; a && i < res->findings.count; i++) {
        const cadre_finding *f = CADRE_ITEM(cadre_finding, res->findings, i);
        cJSON *o = cJSON_CreateObject();

        cJSON_AddStringToObject(o, "kind", finding_kind(f->kind));
        cJSON_AddStringToObject(o, "text", f->text);
        cJSON_AddItemToObject(o, "recommendation", str_or_null(f->recommendation));
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *ranking_json(const cadre_result *res)
{
    cJSON *a = cJSON_CreateArray();

    for (size_t i = 0; a && i < res->ranking.count; i++) {
        const cadre_rank *r = CADRE_ITEM(cadre_rank, res->ranking, i);
        cJSON *o = cJSON_CreateObject();

        cJSON_AddStringToObject(o, "id", r->id);
        cJSON_AddStringToObject(o, "label", r->label);
        cJSON_AddNumberToObject(o, "score", round_to(r->score, 0.1));
        cJSON_AddItemToObject(o, "note", str_or_null(r->note));
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *assessment_json(const cadre_result *res)
{
    cJSON *o = cJSON_CreateObject(), *d;

    cJSON_AddStringToObject(o, "name", res->plugin);
    cJSON_AddStringToObject(o, "title", res->title);
    cJSON_AddStringToObject(o, "version", res->version);
    cJSON_AddStringToObject(o, "kind", cadre_plugin_kind_name(res->kind));
    cJSON_AddStringToObject(o, "source", res->source);
    cJSON_AddStringToObject(o, "source_sha256", res->source_sha256);
    if (res->status == CADRE_STATUS_ERROR) {
        cJSON *e = cJSON_CreateObject();

        cJSON_AddStringToObject(o, "status", "error");
        cJSON_AddNumberToObject(e, "code", res->error.code);
        cJSON_AddStringToObject(e, "message", res->error.message);
        cJSON_AddItemToObject(e, "file", str_or_null(res->error.file));
        cJSON_AddNumberToObject(e, "line", res->error.line);
        cJSON_AddItemToObject(o, "error", e);
        return o;
    }
    cJSON_AddStringToObject(o, "status", "ok");
    cJSON_AddNumberToObject(o, "score", round_to(res->score, 0.1));
    cJSON_AddStringToObject(o, "band", res->band);
    cJSON_AddItemToObject(o, "summary", str_or_null(res->summary));
    cJSON_AddNumberToObject(o, "confidence", round_to(res->confidence, 0.01));
    cJSON_AddItemToObject(o, "criteria", criteria_json(res));
    cJSON_AddItemToObject(o, "findings", findings_json(res));
    cJSON_AddItemToObject(o, "missing", strings(res->missing, res->missing_count));
    cJSON_AddItemToObject(o, "ranking", ranking_json(res));
    d = cJSON_AddObjectToObject(o, "details");
    for (size_t i = 0; d && i < res->details.count; i++)
        cJSON_AddStringToObject(d, CADRE_ITEM(cadre_detail, res->details, i)->key,
                                CADRE_ITEM(cadre_detail, res->details, i)->value);
    return o;
}

static cJSON *engine_json(void)
{
    cJSON *o = cJSON_CreateObject();

    cJSON_AddStringToObject(o, "name", "cadre");
    cJSON_AddStringToObject(o, "version", CADRE_VERSION);
    cJSON_AddNumberToObject(o, "plugin_abi", CADRE_PLUGIN_ABI_VERSION);
    return o;
}

static cJSON *report_json(const cadre_report *r, int with_engine)
{
    cJSON *o = cJSON_CreateObject(), *cand = cJSON_CreateObject(), *w = cJSON_CreateArray();
    cJSON *a = cJSON_CreateArray();

    if (with_engine) {
        cJSON_AddStringToObject(o, "format", "cadre-report");
        cJSON_AddNumberToObject(o, "format_version", REPORT_FORMAT_VERSION);
        cJSON_AddItemToObject(o, "engine", engine_json());
    }
    cJSON_AddItemToObject(cand, "id", str_or_null(r->candidate_id));
    cJSON_AddItemToObject(cand, "name", str_or_null(r->candidate_name));
    cJSON_AddStringToObject(cand, "source", r->candidate_source);
    cJSON_AddItemToObject(o, "candidate", cand);
    for (size_t i = 0; w && i < r->warning_count; i++) {
        cJSON *x = cJSON_CreateObject();

        cJSON_AddStringToObject(x, "field", r->warnings[i].field);
        cJSON_AddStringToObject(x, "message", r->warnings[i].message);
        cJSON_AddItemToArray(w, x);
    }
    cJSON_AddItemToObject(o, "warnings", w);
    for (size_t i = 0; a && i < r->count; i++)
        cJSON_AddItemToArray(a, assessment_json(&r->results[i]));
    cJSON_AddItemToObject(o, "assessments", a);
    return o;
}

int cadre__render_json(cadre__buf *out, const cadre_report *const *reports, size_t n, int lines)
{
    char *s;

    if (lines) {
        for (size_t i = 0; i < n; i++) {
            cJSON *o = report_json(reports[i], 1);

            s = o ? cJSON_PrintUnformatted(o) : NULL;
            cJSON_Delete(o);
            if (s == NULL || cadre__buf_puts(out, s) != 0 || cadre__buf_puts(out, "\n") != 0) {
                free(s);
                return CADRE_ENOMEM;
            }
            free(s);
        }
        return 0;
    } else {
        cJSON *root = cJSON_CreateObject(), *a = cJSON_CreateArray();

        cJSON_AddStringToObject(root, "format", "cadre-report");
        cJSON_AddNumberToObject(root, "format_version", REPORT_FORMAT_VERSION);
        cJSON_AddItemToObject(root, "engine", engine_json());
        for (size_t i = 0; a && i < n; i++)
            cJSON_AddItemToArray(a, report_json(reports[i], 0));
        cJSON_AddItemToObject(root, "reports", a);
        s = cJSON_Print(root);
        cJSON_Delete(root);
        if (s == NULL || cadre__buf_puts(out, s) != 0 || cadre__buf_puts(out, "\n") != 0) {
            free(s);
            return CADRE_ENOMEM;
        }
        free(s);
        return 0;
    }
}
