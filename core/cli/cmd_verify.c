/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_verify.c - `cadre verify RECORD...`: replays decision records (record.c) with
 * the plugins installed now and says, for each, "identical" or what differs and why: the
 * engine's version, a plugin's file, version or parameters, or the input itself.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "record.h"
#include "json.h"

static int on_option(void *ud, int id, const char *arg)
{
    return cli_common_option(ud, id, arg) < 0 ? -1 : 0;
}

static const cJSON *by_name(const cJSON *list, const char *name)
{
    const cJSON *x;

    cJSON_ArrayForEach(x, list)
    {
        const char *n = cli_str(x, "name");

        if (n && strcmp(n, name) == 0) return x;
    }
    return NULL;
}

static void add(cJSON *list, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(cJSON *list, const char *fmt, ...)
{
    char buf[1200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    cJSON_AddItemToArray(list, cJSON_CreateString(buf));
}

/* Why the results may differ: the engine and plugins then and now. */
static void causes(cJSON *why, const cJSON *then, const cJSON *now)
{
    const cJSON *p;
    const char *v0 = cli_str(then, "version"), *v1 = cli_str(now, "version");

    if (v0 && v1 && strcmp(v0, v1) != 0) add(why, "the engine changed: cadre %s, now %s", v0, v1);
    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(then, "plugins"))
    {
        const char *name = cli_str(p, "name");
        const cJSON *q =
            name ? by_name(cJSON_GetObjectItemCaseSensitive(now, "plugins"), name) : NULL;
        const cJSON *k;

        if (name == NULL) continue;
        if (q == NULL) {
            add(why, "plugin %s is not installed now", name);
            continue;
        }
        if (cli_str(p, "version") && cli_str(q, "version") &&
            strcmp(cli_str(p, "version"), cli_str(q, "version")) != 0)
            add(why, "plugin %s: version %s, now %s", name, cli_str(p, "version"),
                cli_str(q, "version"));
        if (cli_str(p, "sha256") && cli_str(q, "sha256") &&
            strcmp(cli_str(p, "sha256"), cli_str(q, "sha256")) != 0)
            add(why, "plugin %s: its file changed (SHA-256 %.12s..., now %.12s...)", name,
                cli_str(p, "sha256"), cli_str(q, "sha256"));
        cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(p, "params"))
        {
            const cJSON *n = cJSON_GetObjectItemCaseSensitive(
                cJSON_GetObjectItemCaseSensitive(q, "params"), k->string);

            if (n == NULL)
                add(why, "plugin %s: no parameter %s now", name, k->string);
            else if (!cJSON_Compare(k, n, 1))
                add(why, "plugin %s: parameter %s was %s, now %s", name, k->string,
                    cJSON_IsString(k) ? k->valuestring : "the default",
                    cJSON_IsString(n) ? n->valuestring : "the default");
        }
    }
}

/* What differs between two reports' assessments, one line per difference. */
static void differences(cJSON *out, const cJSON *then, const cJSON *now)
{
    const cJSON *a;

    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(then, "assessments"))
    {
        const char *name = cli_str(a, "name");
        const cJSON *b =
            name ? by_name(cJSON_GetObjectItemCaseSensitive(now, "assessments"), name) : NULL;
        const cJSON *c;

        if (name == NULL) continue;
        if (b == NULL) {
            add(out, "%s: not run now", name);
            continue;
        }
        if (cJSON_Compare(a, b, 1)) continue;
        {
            const cJSON *s0 = cJSON_GetObjectItemCaseSensitive(a, "score"),
                        *s1 = cJSON_GetObjectItemCaseSensitive(b, "score");
            const char *b0 = cli_str(a, "band"), *b1 = cli_str(b, "band");

            if (!cJSON_Compare(s0, s1, 1) || (b0 && b1 && strcmp(b0, b1) != 0))
                add(out, "%s: %s (%g), now %s (%g)", name, b0 ? b0 : "error",
                    cJSON_IsNumber(s0) ? s0->valuedouble : NAN, b1 ? b1 : "error",
                    cJSON_IsNumber(s1) ? s1->valuedouble : NAN);
        }
        cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(a, "criteria"))
        {
            const char *id = cli_str(c, "id");
            const cJSON *d = NULL, *y;

            cJSON_ArrayForEach(y, cJSON_GetObjectItemCaseSensitive(b, "criteria"))
            {
                if (id && cli_str(y, "id") && strcmp(cli_str(y, "id"), id) == 0) d = y;
            }
            if (d == NULL)
                add(out, "%s: criterion %s is gone", name, id ? id : "?");
            else if (!cJSON_Compare(c, d, 1))
                add(out, "%s: criterion %s: score %g, now %g%s", name, id,
                    cJSON_GetObjectItemCaseSensitive(c, "score")->valuedouble,
                    cJSON_GetObjectItemCaseSensitive(d, "score")->valuedouble,
                    cJSON_Compare(cJSON_GetObjectItemCaseSensitive(c, "evidence"),
                                  cJSON_GetObjectItemCaseSensitive(d, "evidence"), 1)
                        ? ""
                        : " (its evidence reads differently)");
        }
        if (!cJSON_Compare(cJSON_GetObjectItemCaseSensitive(a, "findings"),
                           cJSON_GetObjectItemCaseSensitive(b, "findings"), 1))
            add(out, "%s: its findings read differently", name);
        if (!cJSON_Compare(cJSON_GetObjectItemCaseSensitive(a, "ranking"),
                           cJSON_GetObjectItemCaseSensitive(b, "ranking"), 1))
            add(out, "%s: its ranking differs", name);
        if (cJSON_GetArraySize(out) == 0) add(out, "%s: its result differs in detail", name);
    }
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(now, "assessments"))
    {
        if (cli_str(a, "name") &&
            !by_name(cJSON_GetObjectItemCaseSensitive(then, "assessments"), cli_str(a, "name")))
            add(out, "%s: runs now, not then", cli_str(a, "name"));
    }
}

/* Verifies one record into a result object {record, status, differences, causes, notes}. */
static cJSON *verify_one(const cli_opts *o, const char *path, int *status)
{
    cJSON *res = cJSON_CreateObject(), *diffs = cJSON_CreateArray(), *why = cJSON_CreateArray(),
          *notes = cJSON_CreateArray(), *rec = NULL, *now_eng = NULL, *now_rep = NULL;
    const cJSON *cand, *eng, *rep, *p, *names;
    cadre_candidate *c = NULL;
    cadre_engine *e = NULL;
    cadre_report *r = NULL;
    cadre_error err;
    char *text = NULL, *out = NULL;
    const char *name_list[65];
    size_t len = 0;
    int n = 0, rc, check_hash;

    cJSON_AddStringToObject(res, "record", path);
    if ((text = cli_read_file(path, 64u << 20, "a record is far smaller", &len)) == NULL) {
        *status = cli_worst(*status, EXIT_INPUT);
        cJSON_AddStringToObject(res, "status", "unreadable");
        goto done;
    }
    rec = cJSON_ParseWithLength(text, len);
    cand = cJSON_GetObjectItemCaseSensitive(rec, "candidate");
    eng = cJSON_GetObjectItemCaseSensitive(rec, "engine");
    rep = cJSON_GetObjectItemCaseSensitive(rec, "report");
    if (rec == NULL || !cli_str(rec, "format") ||
        strcmp(cli_str(rec, "format"), "cadre-record") != 0 || !cJSON_IsObject(cand) ||
        !cJSON_IsObject(eng) || !cJSON_IsObject(rep)) {
        cli_error("%s: not a cadre decision record (cadre assess --record writes them)", path);
        *status = cli_worst(*status, EXIT_INPUT);
        cJSON_AddStringToObject(res, "status", "unreadable");
        goto done;
    }
    free(text);
    text = cJSON_PrintUnformatted(cand);
    if (cadre_candidate_parse(&c, text, strlen(text), path, NULL, NULL, &err) != 0) {
        cli_error("%s: its candidate is not valid now: %s", path, err.message);
        *status = cli_worst(*status, EXIT_INPUT);
        cJSON_AddStringToObject(res, "status", "unreadable");
        goto done;
    }
    /* The input itself: unless fields were masked, its canonical form must hash as recorded. */
    check_hash = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(rec, "masked")) == 0;
    if (!check_hash)
        add(notes, "masked fields: the candidate's SHA-256 cannot be checked (masking does not "
                   "change a score)");
    /* An engine as the record's: the plugins installed now, with the record's parameters. */
    if ((rc = cli_engine(&e, o, 1)) != EXIT_OK) {
        *status = cli_worst(*status, rc);
        cJSON_AddStringToObject(res, "status", "not run");
        goto done;
    }
    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(eng, "plugins"))
    {
        const cJSON *k;

        cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(p, "params"))
        {
            if (cJSON_IsString(k) && cli_str(p, "name") &&
                cadre_engine_set_param(e, cli_str(p, "name"), k->string, k->valuestring, &err) != 0)
                add(notes, "cannot set %s.%s=%s now: %s", cli_str(p, "name"), k->string,
                    k->valuestring, err.message);
        }
    }
    names = cJSON_GetObjectItemCaseSensitive(rec, "assessments");
    cJSON_ArrayForEach(p, names)
    {
        if (cJSON_IsString(p) && n < 64) name_list[n++] = p->valuestring;
    }
    name_list[n] = NULL;
    if (cadre_engine_assess(&r, e, c, cJSON_IsArray(names) ? name_list : NULL, &err) != 0) {
        add(diffs, "cannot assess now: %s", err.message);
    } else if (cadre_report_render(&out, NULL, (const cadre_report *const *)&r, 1,
                                   CADRE_FORMAT_JSONL, 0, &err) == 0) {
        const char *h = cli_str(rec, "candidate_sha256");

        now_rep = cJSON_Parse(out);
        if (check_hash && h && strcmp(h, cadre_report_candidate_sha256(r)) != 0)
            add(diffs, "the candidate in the record does not hash to its candidate_sha256: the "
                       "record was edited");
        differences(diffs, rep, now_rep);
        if (!cJSON_Compare(cJSON_GetObjectItemCaseSensitive(rep, "next_steps"),
                           cJSON_GetObjectItemCaseSensitive(now_rep, "next_steps"), 1) &&
            cJSON_GetObjectItemCaseSensitive(rep, "next_steps"))
            add(diffs, "the next steps differ");
    }
    now_eng = record_engine_json(e);
    causes(why, eng, now_eng);
    if (cJSON_GetArraySize(diffs) && !check_hash) {
        char *m = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(rec, "masked"));

        add(why,
            "fields were masked in the record (%s): an assessment that reads them cannot be "
            "replayed exactly",
            m ? m : "?");
        free(m);
    }
    cJSON_AddStringToObject(res, "status", cJSON_GetArraySize(diffs) ? "differs" : "identical");
    if (cJSON_GetArraySize(diffs)) *status = cli_worst(*status, EXIT_FAILED);
done:
    cJSON_AddItemToObject(res, "differences", diffs);
    cJSON_AddItemToObject(res, "causes", why);
    cJSON_AddItemToObject(res, "notes", notes);
    free(text);
    cadre_free(out);
    cJSON_Delete(rec);
    cJSON_Delete(now_eng);
    cJSON_Delete(now_rep);
    cadre_report_free(r);
    cadre_candidate_free(c);
    cadre_engine_free(e);
    return res;
}

static void print_text(FILE *o, const cJSON *res)
{
    const char *st = cli_str(res, "status");
    const cJSON *x;

    fprintf(o, "%s: %s\n", cli_safe(cli_str(res, "record")), st);
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(res, "differences"))
    {
        fprintf(o, "  differs: %s\n", cli_safe(x->valuestring));
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(res, "causes"))
    {
        fprintf(o, "  %s %s\n", strcmp(st, "identical") == 0 ? "changed, without effect:" : "why:",
                cli_safe(x->valuestring));
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(res, "notes"))
    {
        fprintf(o, "  note: %s\n", cli_safe(x->valuestring));
    }
}

int cmd_verify(int argc, char **argv)
{
    cli_opts o;
    int first, rc, status = EXIT_OK, json;
    cJSON *all;

    cli_opts_init(&o, cli_command_find("verify"));
    rc = cli_parse(o.cmd, argc, argv, &first, on_option, &o);
    if (rc >= 0) return rc;
    if (first >= argc) return cli_usage_error(o.cmd, "no record given");
    json = strcmp(o.format, "json") == 0;
    all = cJSON_CreateArray();
    for (int i = first; i < argc; i++) {
        cJSON *res = verify_one(&o, argv[i], &status);

        if (json)
            cJSON_AddItemToArray(all, res);
        else {
            print_text(cli_out, res);
            cJSON_Delete(res);
        }
    }
    if (json) {
        cJSON *doc = cJSON_CreateObject();

        cJSON_AddStringToObject(doc, "format", "cadre-verify");
        cJSON_AddNumberToObject(doc, "format_version", 1);
        cJSON_AddItemToObject(doc, "records", all);
        status = cli_worst(status, cli_print_json(doc, 1));
    } else {
        cJSON_Delete(all);
        if (fflush(cli_out) != 0) status = cli_worst(status, EXIT_INTERNAL);
    }
    return status;
}
