/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_compare.c - `cadre compare OLD NEW`: both profiles assessed by the same engine,
 * and what changed between them (compare.c) as text, JSON or one HTML page.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "compare.h"
#include "json.h"

static int on_option(void *ud, int id, const char *arg)
{
    return cli_common_option(ud, id, arg) < 0 ? -1 : 0;
}

/* Loads one profile twice over: as a candidate (checked, with every problem printed) and as
 * the JSON the person wrote (for the list of changes). */
static int load(cadre_candidate **c, cJSON **json, const char *path)
{
    cadre_error err;
    size_t len = 0;
    char *text = cli_read_file(path, CADRE_CANDIDATE_MAX_BYTES, "a profile is far smaller", &len);
    int rc;

    if (text == NULL) return EXIT_INPUT;
    rc = cadre_candidate_parse(c, text, len, strcmp(path, "-") == 0 ? "<stdin>" : path, NULL, NULL,
                               &err);
    if (rc == 0) *json = cJSON_ParseWithLength(text, len);
    free(text);
    if (rc != 0) {
        cli_error("%s", err.message);
        return err.code == CADRE_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
    }
    return *json ? EXIT_OK : EXIT_INTERNAL;
}

/* The report of one candidate as cadre's JSON report, parsed. */
static cJSON *report_json(cadre_engine *e, const cadre_candidate *c, const char *const *names,
                          int *status)
{
    cadre_report *r = NULL;
    cadre_error err;
    char *out = NULL;
    cJSON *doc = NULL;

    if (cadre_engine_assess(&r, e, c, names, &err) != 0) {
        cli_error("%s", err.message);
        *status = cli_worst(*status, err.code == CADRE_ENOTFOUND ? EXIT_PLUGINS : EXIT_INTERNAL);
        return NULL;
    }
    if (cadre_report_error_count(r) > 0) *status = cli_worst(*status, EXIT_FAILED);
    if (cadre_report_render(&out, NULL, (const cadre_report *const *)&r, 1, CADRE_FORMAT_JSON, 0,
                            &err) == 0)
        doc = cJSON_Parse(out);
    if (doc == NULL) *status = cli_worst(*status, EXIT_INTERNAL);
    cadre_free(out);
    cadre_report_free(r);
    return doc;
}

/* A value of the profile as the person wrote it, on one line. */
static char *value_text(const cJSON *v)
{
    if (v == NULL || cJSON_IsNull(v)) return strdup("(none)");
    return cJSON_PrintUnformatted(v);
}

/* An item of a list: an achievement by its description, anything else as JSON. */
static char *item_text(const cJSON *v)
{
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(v, "description");

    return cJSON_IsString(d) ? strdup(d->valuestring) : value_text(v);
}

/* The items of a list, "; "-separated, for a table cell. */
static char *list_text(const cJSON *list)
{
    size_t cap = 1, n = 0;
    char *out = calloc(1, 1);
    const cJSON *item;

    cJSON_ArrayForEach(item, list)
    {
        char *v = item_text(item), *grown;
        size_t len = v ? strlen(v) : 0;

        if (v == NULL || out == NULL || (grown = realloc(out, cap += len + 2)) == NULL) {
            free(v);
            break;
        }
        out = grown;
        n += (size_t)sprintf(out + n, "%s%s", n ? "; " : "", v);
        free(v);
    }
    return out;
}

static const char *who(const cJSON *doc)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(doc, "new");

    return cli_str(n, "name") ? cli_str(n, "name")
           : cli_str(n, "id") ? cli_str(n, "id")
                              : "Candidate";
}

/* ---- text ---- */

static void print_text(FILE *o, const cJSON *doc, int unicode)
{
    const char *arrow = unicode ? "\xe2\x86\x92" : "->";
    const cJSON *x, *changes = cJSON_GetObjectItemCaseSensitive(doc, "profile_changes");
    int any;

    fprintf(o, "Progress of %s\n  %s %s %s\n", cli_safe(who(doc)),
            cli_safe(cli_str(cJSON_GetObjectItemCaseSensitive(doc, "old"), "source")), arrow,
            cli_safe(cli_str(cJSON_GetObjectItemCaseSensitive(doc, "new"), "source")));
    if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(doc, "same_person")))
        fprintf(o, "  warning: the two profiles have a different id or name; compare "
                   "expects two profiles of the same person.\n");
    fprintf(o, "\nHow the verdicts moved\n");
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(doc, "assessments"))
    {
        const cJSON *was = cJSON_GetObjectItemCaseSensitive(x, "old"),
                    *now = cJSON_GetObjectItemCaseSensitive(x, "new");
        double d = cli_num(x, "score_change");
        char delta[32];

        delta[0] = '\0';
        if (isnan(d))
            ;
        else if (fabs(d) < 0.05)
            snprintf(delta, sizeof(delta), "(no change)");
        else
            snprintf(delta, sizeof(delta), "(%+.0f)", d);
        fprintf(o, "  %-26s ", cli_safe(cli_str(x, "title")));
        if (cJSON_IsNull(was))
            fprintf(o, "(not run) %s ", arrow);
        else
            fprintf(o, "%s (%.0f) %s ",
                    cli_safe(cli_str(was, "band") ? cli_str(was, "band") : "error"),
                    cli_num(was, "score"), arrow);
        if (cJSON_IsNull(now))
            fprintf(o, "(not run)\n");
        else
            fprintf(o, "%s (%.0f) %s\n",
                    cli_safe(cli_str(now, "band") ? cli_str(now, "band") : "error"),
                    cli_num(now, "score"), delta);
    }
    fprintf(o, "\nWhat changed in the profile\n");
    any = 0;
    cJSON_ArrayForEach(x, changes)
    {
        const cJSON *added = cJSON_GetObjectItemCaseSensitive(x, "added");

        any = 1;
        if (added) {
            fprintf(o, "  %s:\n", cli_safe(cli_str(x, "field")));
            for (int k = 0; k < 2; k++) {
                const cJSON *item;

                cJSON_ArrayForEach(item,
                                   cJSON_GetObjectItemCaseSensitive(x, k ? "removed" : "added"))
                {
                    char *v = item_text(item);

                    fprintf(o, "    %s %s\n", k ? "removed" : "added", cli_safe(v));
                    free(v);
                }
            }
        } else {
            char *a = value_text(cJSON_GetObjectItemCaseSensitive(x, "old"));
            char *b = value_text(cJSON_GetObjectItemCaseSensitive(x, "new"));

            fprintf(o, "  %s: %s %s %s\n", cli_safe(cli_str(x, "field")), cli_safe(a), arrow,
                    cli_safe(b));
            free(a);
            free(b);
        }
    }
    if (!any) fprintf(o, "  nothing: the two profiles say the same\n");
    for (int k = 0; k < 2; k++) {
        const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, k ? "gaps_new" : "gaps_closed");

        if (cJSON_GetArraySize(list) == 0) continue;
        fprintf(o, "\n%s\n",
                k ? "Gaps listed now, not before (an assessment lists its largest "
                    "gaps, so one can surface as others close)"
                  : "Gaps closed");
        cJSON_ArrayForEach(x, list)
        {
            fprintf(o, "  %s: %s\n", cli_safe(cli_str(x, "title")), cli_safe(cli_str(x, "text")));
        }
    }
}

/* ---- HTML ---- */

static void print_html(FILE *o, const cJSON *doc)
{
    const cJSON *x, *list = cJSON_GetObjectItemCaseSensitive(doc, "assessments");
    int n = cJSON_GetArraySize(list), i = 0;

    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
          "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
          "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
          "'unsafe-inline'\">\n<title>",
          o);
    cli_html(o, who(doc));
    fputs(": progress (cadre compare)</title>\n<style>body{margin:0;font:16px/1.5 "
          "system-ui,'DejaVu Sans',sans-serif;color:#1b1b1b}main{max-width:52rem;margin:0 "
          "auto;padding:1rem}h2{border-bottom:2px solid #1b1b1b}table{border-collapse:collapse;"
          "width:100%}th,td{text-align:left;padding:.3rem;border-bottom:1px solid #ccc;"
          "vertical-align:top}td.n{text-align:right}svg{width:100%;height:auto}svg "
          "text{font:13px system-ui,'DejaVu Sans',sans-serif}.muted{color:#4a4a4a}</style>\n"
          "</head>\n<body>\n<main>\n<h1>Progress of ",
          o);
    cli_html(o, who(doc));
    fputs("</h1>\n<p class=\"muted\">", o);
    cli_html(o, cli_str(cJSON_GetObjectItemCaseSensitive(doc, "old"), "source"));
    fputs(" &#8594; ", o);
    cli_html(o, cli_str(cJSON_GetObjectItemCaseSensitive(doc, "new"), "source"));
    fputs("</p>\n", o);
    if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(doc, "same_person")))
        fputs("<p><strong>Warning</strong>: the two profiles have a different id or name.</p>\n",
              o);
    /* Each score then and now: a hollow mark for then, a filled one for now, an arrow
     * between, and both numbers written beside it. */
    fprintf(o,
            "<h2>How the verdicts moved</h2>\n<figure><svg class=\"chart progress\" viewBox=\"0 "
            "0 640 %d\" role=\"img\" aria-labelledby=\"p-t p-d\"><title id=\"p-t\">Scores "
            "then and now</title><desc id=\"p-d\">For each assessment, its old score (hollow "
            "circle) and its new one (filled), on a scale of 0 to 100.</desc>\n",
            n * 28 + 8);
    cJSON_ArrayForEach(x, list)
    {
        double a = cli_num(cJSON_GetObjectItemCaseSensitive(x, "old"), "score"),
               b = cli_num(cJSON_GetObjectItemCaseSensitive(x, "new"), "score");
        double y = 6 + i++ * 28.0, lx = 230, w = 330;

        fputs("<g class=\"move\" data-name=\"", o);
        cli_html(o, cli_str(x, "name"));
        fprintf(o,
                "\" data-old=\"%g\" data-new=\"%g\"><text x=\"%g\" y=\"%g\" "
                "text-anchor=\"end\">",
                isnan(a) ? -1 : a, isnan(b) ? -1 : b, lx - 10, y + 15);
        cli_html(o, cli_str(x, "title"));
        fprintf(o, "</text><line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#ccc\"/>", lx,
                y + 10, lx + w, y + 10);
        if (!isnan(a) && !isnan(b))
            fprintf(o,
                    "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#1f4e79\" "
                    "stroke-width=\"3\"/>",
                    lx + a / 100 * w, y + 10, lx + b / 100 * w, y + 10);
        if (!isnan(a))
            fprintf(o,
                    "<circle cx=\"%g\" cy=\"%g\" r=\"6\" fill=\"#fff\" stroke=\"#1f4e79\" "
                    "stroke-width=\"2\"/>",
                    lx + a / 100 * w, y + 10);
        if (!isnan(b))
            fprintf(o, "<circle cx=\"%g\" cy=\"%g\" r=\"6\" fill=\"#1f4e79\"/>", lx + b / 100 * w,
                    y + 10);
        fprintf(o, "<text x=\"%g\" y=\"%g\">", lx + w + 10, y + 15);
        if (!isnan(a)) fprintf(o, "%.0f", a);
        fputs(" &#8594; ", o);
        if (!isnan(b)) fprintf(o, "%.0f", b);
        fputs("</text></g>\n", o);
    }
    fputs("</svg></figure>\n<table><thead><tr><th scope=\"col\">Assessment</th><th "
          "scope=\"col\">Then</th><th scope=\"col\">Now</th><th scope=\"col\" "
          "class=\"n\">Change</th></tr></thead><tbody>\n",
          o);
    cJSON_ArrayForEach(x, list)
    {
        const cJSON *was = cJSON_GetObjectItemCaseSensitive(x, "old"),
                    *now = cJSON_GetObjectItemCaseSensitive(x, "new");
        double d = cli_num(x, "score_change");

        fputs("<tr><th scope=\"row\">", o);
        cli_html(o, cli_str(x, "title"));
        fputs("</th><td>", o);
        cli_html(o, cli_str(was, "band"));
        if (!isnan(cli_num(was, "score"))) fprintf(o, " (%.0f)", cli_num(was, "score"));
        fputs("</td><td>", o);
        cli_html(o, cli_str(now, "band"));
        if (!isnan(cli_num(now, "score"))) fprintf(o, " (%.0f)", cli_num(now, "score"));
        if (isnan(d))
            fputs("</td><td class=\"n\"></td></tr>\n", o);
        else
            fprintf(o, "</td><td class=\"n\">%+.0f</td></tr>\n", d);
    }
    fputs("</tbody></table>\n<h2>What changed in the profile</h2>\n<table><thead><tr><th "
          "scope=\"col\">Field</th><th scope=\"col\">Then</th><th "
          "scope=\"col\">Now</th></tr></thead><tbody>\n",
          o);
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(doc, "profile_changes"))
    {
        const cJSON *added = cJSON_GetObjectItemCaseSensitive(x, "added");
        char *a, *b;

        if (added) {
            a = list_text(cJSON_GetObjectItemCaseSensitive(x, "removed"));
            b = list_text(added);
        } else {
            a = value_text(cJSON_GetObjectItemCaseSensitive(x, "old"));
            b = value_text(cJSON_GetObjectItemCaseSensitive(x, "new"));
        }
        fputs("<tr><th scope=\"row\">", o);
        cli_html(o, cli_str(x, "field"));
        fputs(added ? "</th><td>removed: " : "</th><td>", o);
        cli_html(o, a);
        fputs(added ? "</td><td>added: " : "</td><td>", o);
        cli_html(o, b);
        fputs("</td></tr>\n", o);
        free(a);
        free(b);
    }
    fputs("</tbody></table>\n", o);
    for (int k = 0; k < 2; k++) {
        const cJSON *gaps = cJSON_GetObjectItemCaseSensitive(doc, k ? "gaps_new" : "gaps_closed");

        if (cJSON_GetArraySize(gaps) == 0) continue;
        fprintf(o, "<h2>%s</h2>\n<ul>\n", k ? "Gaps listed now, not before" : "Gaps closed");
        cJSON_ArrayForEach(x, gaps)
        {
            fputs("<li><strong>", o);
            cli_html(o, cli_str(x, "title"));
            fputs("</strong>: ", o);
            cli_html(o, cli_str(x, "text"));
            fputs("</li>\n", o);
        }
        fputs("</ul>\n", o);
    }
    fputs("</main>\n</body>\n</html>\n", o);
}

int cmd_compare(int argc, char **argv)
{
    cli_opts o;
    cadre_engine *e = NULL;
    cadre_candidate *c[2] = {NULL, NULL};
    cJSON *profile[2] = {NULL, NULL}, *report[2] = {NULL, NULL}, *doc = NULL;
    const char *names_buf[65], **names;
    char list_buf[1024];
    int first, rc, status = EXIT_OK;

    cli_opts_init(&o, cli_command_find("compare"));
    rc = cli_parse(o.cmd, argc, argv, &first, on_option, &o);
    if (rc >= 0) return rc;
    if (argc - first != 2)
        return cli_usage_error(o.cmd, "compare takes two profiles, OLD and NEW; got %d",
                               argc - first);
    if (strcmp(argv[first], "-") == 0 && strcmp(argv[first + 1], "-") == 0)
        return cli_usage_error(o.cmd, "only one of OLD and NEW can be standard input");
    for (int i = 0; i < 2; i++)
        status = cli_worst(status, load(&c[i], &profile[i], argv[first + i]));
    if (status != EXIT_OK) goto done;
    if ((status = cli_engine(&e, &o, 0)) != EXIT_OK) goto done;
    if (cli_no_plugins(e)) {
        status = EXIT_PLUGINS;
        goto done;
    }
    names = cli_split_names(o.assessments, list_buf, sizeof(list_buf), names_buf, 65);
    for (int i = 0; i < 2 && status != EXIT_PLUGINS && status != EXIT_INTERNAL; i++)
        report[i] = report_json(e, c[i], (const char *const *)names, &status);
    if (report[0] == NULL || report[1] == NULL) goto done;
    doc = compare_profiles(profile[0], profile[1], report[0], report[1], argv[first],
                           argv[first + 1]);
    if (doc == NULL) {
        status = EXIT_INTERNAL;
    } else if (strcmp(o.format, "json") == 0) {
        status = cli_worst(status, cli_print_json(doc, 1));
        doc = NULL;
    } else {
        if (strcmp(o.format, "html") == 0)
            print_html(cli_out, doc);
        else
            print_text(cli_out, doc, (cli_render_flags(&o) & CADRE_RENDER_UNICODE) != 0);
        if (fflush(cli_out) != 0 || ferror(cli_out)) {
            cli_error("cannot write the comparison");
            status = cli_worst(status, EXIT_INTERNAL);
        }
    }
    status = cli_worst(status, cli_refused_status(e, &o));
done:
    cJSON_Delete(doc);
    for (int i = 0; i < 2; i++) {
        cJSON_Delete(profile[i]);
        cJSON_Delete(report[i]);
        cadre_candidate_free(c[i]);
    }
    cadre_engine_free(e);
    return status;
}
