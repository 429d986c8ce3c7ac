/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_audit.c - `cadre audit RESULTS --groups CSV`: the bias audit (audit.c) of batch
 * output, as text, JSON or one HTML page.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "audit.h"
#include "cli.h"
#include "json.h"

typedef struct audit_cmd {
    cli_opts o;
    const char *groups;
    audit_opts ao;
} audit_cmd;

static int rule(audit_cmd *c, int id, const char *arg)
{
    const char *eq = strchr(arg, '=');
    audit_rule *r;
    char *end;

    if (eq == NULL || eq == arg || eq[1] == '\0') {
        cli_usage_error(c->o.cmd, "--%s takes ASSESSMENT=%s, not '%s'",
                        id == OPT_SELECT ? "select" : "threshold",
                        id == OPT_SELECT ? "BAND[,BAND...]" : "SCORE", arg);
        return -1;
    }
    if (c->ao.nrules == AUDIT_MAX_RULES) {
        cli_usage_error(c->o.cmd, "at most %d --select and --threshold options", AUDIT_MAX_RULES);
        return -1;
    }
    if ((size_t)(eq - arg) >= sizeof(c->ao.rules[0].assessment)) {
        cli_usage_error(c->o.cmd, "'%.*s' is not an assessment name", (int)(eq - arg), arg);
        return -1;
    }
    r = &c->ao.rules[c->ao.nrules++];
    memcpy(r->assessment, arg, (size_t)(eq - arg));
    r->assessment[eq - arg] = '\0';
    if (id == OPT_SELECT) {
        r->bands = eq + 1;
        return 0;
    }
    r->threshold = strtod(eq + 1, &end);
    if (*end != '\0' || r->threshold < 0 || r->threshold > 100) {
        cli_usage_error(c->o.cmd, "--threshold: a score from 0 to 100, not '%s'", eq + 1);
        return -1;
    }
    return 0;
}

static int on_option(void *ud, int id, const char *arg)
{
    audit_cmd *c = ud;
    char *end;

    switch (id) {
    case OPT_GROUPS:
        c->groups = arg;
        return 0;
    case OPT_SELECT:
    case OPT_THRESHOLD:
        return rule(c, id, arg);
    case OPT_MIN_SHARE:
        c->ao.min_share = strtod(arg, &end);
        if (*end != '\0' || c->ao.min_share < 0 || c->ao.min_share >= 0.5) {
            cli_usage_error(c->o.cmd,
                            "--min-share: a fraction from 0 to 0.5, such as 0.02, not "
                            "'%s'",
                            arg);
            return -1;
        }
        return 0;
    }
    return cli_common_option(&c->o, id, arg) < 0 ? -1 : 0;
}

static void lines_note(FILE *o, const cJSON *in, const char *key, const char *what)
{
    const cJSON *l = cJSON_GetObjectItemCaseSensitive(in, key), *x;
    int first = 1;

    if (cli_num(l, "count") <= 0) return;
    fprintf(o, "  %.0f %s (line", cli_num(l, "count"), what);
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(l, "first_lines"))
    {
        fprintf(o, "%s %.0f", first ? (cJSON_GetArraySize(l) > 1 ? "s" : "") : ",", x->valuedouble);
        first = 0;
    }
    fprintf(o, "%s)\n",
            cli_num(l, "count") >
                    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(l, "first_lines"))
                ? ", ..."
                : "");
}

/* ---- text ---- */

/* Why a group has no ratio. */
static const char *judged_word(const cJSON *g)
{
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(g, "too_small"))          ? "small"
           : cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(g, "unknown_category")) ? "unknown"
                                                                                   : "-";
}

static const char *flag(const cJSON *g, const char *key)
{
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(g, key)) ? "!" : " ";
}

static void print_text(FILE *o, const cJSON *doc)
{
    const cJSON *in = cJSON_GetObjectItemCaseSensitive(doc, "inputs"), *a;

    fprintf(o, "Bias audit of %s, groups from %s\n", cli_safe(cli_str(in, "results")),
            cli_safe(cli_str(in, "groups")));
    fprintf(o, "  %.0f records with a group row\n", cli_num(in, "records_with_a_group"));
    lines_note(o, in, "without_a_group_row", "records without a group row, left out");
    lines_note(o, in, "without_an_id", "records without a candidate id, left out");
    lines_note(o, in, "invalid_candidates", "lines that were not valid candidates");
    lines_note(o, in, "not_records", "lines that are not batch records");
    fprintf(o,
            "  Scoring rate: the share scoring above the whole sample's median. Impact ratio: a "
            "group's rate over the highest group's; ! marks one under 0.8 (the four-fifths "
            "rule). p: the chance of a difference this large between the group and the best "
            "one if their rates were the same (two-proportion z-test); a flag with a large p "
            "may be chance. Groups under %.0f%% of the sample, and the unknown category, are "
            "not judged.\n",
            cli_num(in, "min_share") * 100);
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(doc, "assessments"))
    {
        const cJSON *t;
        int sel = cli_str(a, "selected_bands") || !isnan(cli_num(a, "selected_at_score"));

        fprintf(o, "\n%s (%s): %.0f assessed, median score %g", cli_safe(cli_str(a, "title")),
                cli_safe(cli_str(a, "name")), cli_num(a, "assessed"), cli_num(a, "median_score"));
        if (cli_num(a, "not_enough_information") > 0)
            fprintf(o, "; %.0f with not enough information left out",
                    cli_num(a, "not_enough_information"));
        if (cli_str(a, "selected_bands"))
            fprintf(o, "\n  selected: %s", cli_safe(cli_str(a, "selected_bands")));
        else if (sel)
            fprintf(o, "\n  selected: a score of %g or more", cli_num(a, "selected_at_score"));
        fprintf(o, "\n");
        cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(a, "tables"))
        {
            const cJSON *g;

            fprintf(o, "  %-28s %7s %6s %8s %7s %6s", cli_safe(cli_str(t, "category")), "count",
                    "share", "scoring", "ratio", "p");
            if (sel) fprintf(o, " %9s %7s %6s", "selection", "ratio", "p");
            fprintf(o, "\n");
            cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(t, "groups"))
            {
                double r = cli_num(g, "scoring_impact_ratio");

                fprintf(o, "  %-28.28s %7.0f %5.1f%% %7.1f%% ", cli_safe(cli_str(g, "group")),
                        cli_num(g, "count"), cli_num(g, "share") * 100,
                        cli_num(g, "scoring_rate") * 100);
                if (isnan(r))
                    fprintf(o, "%7s %6s", judged_word(g), "");
                else
                    fprintf(o, "%6.3f%s %6.3f", r, flag(g, "scoring_flag"),
                            cli_num(g, "scoring_p_value"));
                if (sel) {
                    double q = cli_num(g, "selection_impact_ratio");

                    fprintf(o, " %8.1f%% ", cli_num(g, "selection_rate") * 100);
                    if (isnan(q))
                        fprintf(o, "%7s %6s", judged_word(g), "");
                    else
                        fprintf(o, "%6.3f%s %6.3f", q, flag(g, "selection_flag"),
                                cli_num(g, "selection_p_value"));
                }
                fprintf(o, "\n");
            }
            cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(t, "groups"))
            {
                const cJSON *c, *list = cJSON_GetObjectItemCaseSensitive(g, "criteria_behind_gap");
                int first = 1;

                if (list == NULL) continue;
                fprintf(o, "    %s, against %s: ", cli_safe(cli_str(g, "group")),
                        cli_safe(cli_str(t, "best_group")));
                cJSON_ArrayForEach(c, list)
                {
                    fprintf(o, "%s%s %.1f points", first ? "" : ", ", cli_safe(cli_str(c, "label")),
                            cli_num(c, "points"));
                    first = 0;
                }
                fprintf(o, "%s\n",
                        first ? "no criterion explains it (a cap or a band rule may)"
                              : " lower on average");
            }
        }
        if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(a, "criteria_available")))
            fprintf(o, "  (the records have no criteria: run cadre batch with --detail full to "
                       "see what is behind a low ratio)\n");
    }
}

/* ---- HTML ---- */

static void print_html(FILE *o, const cJSON *doc)
{
    const cJSON *in = cJSON_GetObjectItemCaseSensitive(doc, "inputs"), *a;
    int chart = 0;

    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
          "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
          "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
          "'unsafe-inline'\">\n<title>Bias audit (cadre)</title>\n<style>body{margin:0;font:16px/"
          "1.5 system-ui,'DejaVu Sans',sans-serif;color:#1b1b1b}main{max-width:60rem;margin:0 "
          "auto;padding:1rem}h2{border-bottom:2px solid #1b1b1b}table{border-collapse:collapse;"
          "width:100%}th,td{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #ccc}"
          "td.n{text-align:right}.flag{font-weight:700;color:#b00020}svg{width:100%;height:auto}"
          "svg text{font:12px system-ui,'DejaVu Sans',sans-serif}.muted{color:#4a4a4a}</style>\n"
          "</head>\n<body>\n<main>\n<h1>Bias audit</h1>\n<p class=\"muted\">",
          o);
    cli_html(o, cli_str(in, "results"));
    fputs(", groups from ", o);
    cli_html(o, cli_str(in, "groups"));
    fprintf(o,
            ": %.0f records with a group row. Scoring rate: the share above the whole "
            "sample's median; impact ratio: a group's rate over the highest group's; "
            "<span class=\"flag\">!</span> under 0.8. Groups under %.0f%% are not "
            "judged.</p>\n",
            cli_num(in, "records_with_a_group"), cli_num(in, "min_share") * 100);
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(doc, "assessments"))
    {
        const cJSON *t;

        fputs("<h2>", o);
        cli_html(o, cli_str(a, "title"));
        fprintf(o, "</h2>\n<p>%.0f assessed, median score %g.</p>\n", cli_num(a, "assessed"),
                cli_num(a, "median_score"));
        cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(a, "tables"))
        {
            const cJSON *g, *groups = cJSON_GetObjectItemCaseSensitive(t, "groups");
            int n = cJSON_GetArraySize(groups), i = 0;

            fputs("<h3>", o);
            cli_html(o, cli_str(t, "category"));
            /* Impact ratios as bars, with the four-fifths line drawn and named. */
            fprintf(o,
                    "</h3>\n<figure><svg class=\"chart ratios\" viewBox=\"0 0 640 %d\" "
                    "role=\"img\" aria-labelledby=\"c%d-t c%d-d\"><title id=\"c%d-t\">Scoring "
                    "impact ratio by group</title><desc id=\"c%d-d\">Each group's scoring rate "
                    "over the highest group's, from 0 to 1; the line at 0.8 is the four-fifths "
                    "rule.</desc>\n",
                    n * 22 + 24, chart, chart, chart, chart);
            cJSON_ArrayForEach(g, groups)
            {
                double r = cli_num(g, "scoring_impact_ratio"), y = 4 + i++ * 22.0;

                fputs("<g class=\"ratio\" data-group=\"", o);
                cli_html(o, cli_str(g, "group"));
                fprintf(o, "\" data-ratio=\"%g\"><text x=\"190\" y=\"%g\" text-anchor=\"end\">",
                        isnan(r) ? -1 : r, y + 13);
                cli_html(o, cli_str(g, "group"));
                fprintf(o,
                        "</text><rect x=\"200\" y=\"%g\" width=\"%g\" height=\"16\" "
                        "fill=\"%s\"/><text x=\"%g\" y=\"%g\">%s</text></g>\n",
                        y, isnan(r) ? 0 : r * 380, !isnan(r) && r < 0.8 ? "#b00020" : "#1f4e79",
                        isnan(r) ? 206 : 206 + r * 380, y + 13, isnan(r) ? "not judged" : "");
                if (!isnan(r))
                    fprintf(o, "<text x=\"%g\" y=\"%g\">%.2f%s</text>\n", 206 + r * 380, y + 13, r,
                            r < 0.8 ? " !" : "");
            }
            fprintf(o,
                    "<line x1=\"504\" y1=\"0\" x2=\"504\" y2=\"%d\" stroke=\"#1b1b1b\" "
                    "stroke-dasharray=\"4 3\"/><text x=\"504\" y=\"%d\" "
                    "text-anchor=\"middle\">0.8</text></svg></figure>\n",
                    n * 22 + 6, n * 22 + 20);
            chart++;
            fputs("<table><thead><tr><th scope=\"col\">Group</th><th scope=\"col\" "
                  "class=\"n\">Count</th><th scope=\"col\" class=\"n\">Share</th><th scope=\"col\" "
                  "class=\"n\">Scoring rate</th><th scope=\"col\" class=\"n\">Impact "
                  "ratio</th><th scope=\"col\" class=\"n\">Selection rate</th><th scope=\"col\" "
                  "class=\"n\">Impact ratio</th><th scope=\"col\">Criteria behind a low "
                  "ratio</th></tr></thead><tbody>\n",
                  o);
            cJSON_ArrayForEach(g, groups)
            {
                const cJSON *c;
                double r = cli_num(g, "scoring_impact_ratio"),
                       q = cli_num(g, "selection_impact_ratio");

                fputs("<tr><th scope=\"row\">", o);
                cli_html(o, cli_str(g, "group"));
                fprintf(o,
                        "</th><td class=\"n\">%.0f</td><td class=\"n\">%.1f%%</td><td "
                        "class=\"n\">%.1f%%</td><td class=\"n\">",
                        cli_num(g, "count"), cli_num(g, "share") * 100,
                        cli_num(g, "scoring_rate") * 100);
                if (isnan(r))
                    fputs("not judged", o);
                else
                    fprintf(o, "%.3f%s (p %.3f)", r,
                            r < 0.8 ? " <span class=\"flag\">!</span>" : "",
                            cli_num(g, "scoring_p_value"));
                fputs("</td><td class=\"n\">", o);
                if (!isnan(cli_num(g, "selection_rate")))
                    fprintf(o, "%.1f%%", cli_num(g, "selection_rate") * 100);
                fputs("</td><td class=\"n\">", o);
                if (!isnan(q))
                    fprintf(o, "%.3f%s (p %.3f)", q,
                            q < 0.8 ? " <span class=\"flag\">!</span>" : "",
                            cli_num(g, "selection_p_value"));
                fputs("</td><td>", o);
                cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(g, "criteria_behind_gap"))
                {
                    cli_html(o, cli_str(c, "label"));
                    fprintf(o, " (%.1f points); ", cli_num(c, "points"));
                }
                fputs("</td></tr>\n", o);
            }
            fputs("</tbody></table>\n", o);
        }
    }
    fputs("</main>\n</body>\n</html>\n", o);
}

int cmd_audit(int argc, char **argv)
{
    audit_cmd c;
    int first, rc, status = EXIT_OK;
    char *text = NULL, why[600], *line = NULL;
    size_t len = 0, cap = 0;
    ssize_t n;
    csv groups;
    audit *a;
    cJSON *doc;
    FILE *in;
    long lineno = 0;

    memset(&c, 0, sizeof(c));
    c.ao.min_share = 0.02;
    cli_opts_init(&c.o, cli_command_find("audit"));
    rc = cli_parse(c.o.cmd, argc, argv, &first, on_option, &c);
    if (rc >= 0) return rc;
    if (argc - first != 1)
        return cli_usage_error(c.o.cmd, "audit reads one file of batch results; got %d",
                               argc - first);
    if (c.groups == NULL)
        return cli_usage_error(c.o.cmd, "--groups CSV is required: the group labels by "
                                        "candidate id");
    if ((text = cli_read_file(c.groups, 256u << 20, "a groups file is far smaller", &len)) == NULL)
        return EXIT_INPUT;
    if (csv_parse(&groups, text, len, why, sizeof(why)) != 0) {
        cli_error("%s: %s", c.groups, why);
        free(text);
        return EXIT_INPUT;
    }
    free(text);
    if ((a = audit_new(&c.ao, &groups, why, sizeof(why))) == NULL) {
        cli_error("%s: %s", c.groups, why);
        csv_free(&groups);
        return EXIT_INPUT;
    }
    in = strcmp(argv[first], "-") == 0 ? stdin : fopen(argv[first], "r");
    if (in == NULL) {
        cli_error("cannot open %s: %s", argv[first], strerror(errno));
        cJSON_Delete(audit_finish(a, "", ""));
        csv_free(&groups);
        return EXIT_INPUT;
    }
    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0) continue;
        audit_add(a, line, (size_t)n, lineno);
    }
    if (ferror(in)) {
        cli_error("cannot read %s: %s", argv[first], strerror(errno));
        status = EXIT_INPUT;
    }
    free(line);
    if (in != stdin) fclose(in);
    doc = audit_finish(a, strcmp(argv[first], "-") == 0 ? "<stdin>" : argv[first], c.groups);
    csv_free(&groups);
    if (strcmp(c.o.format, "json") == 0) return cli_worst(status, cli_print_json(doc, 1));
    if (strcmp(c.o.format, "html") == 0)
        print_html(cli_out, doc);
    else
        print_text(cli_out, doc);
    cJSON_Delete(doc);
    if (fflush(cli_out) != 0) status = cli_worst(status, EXIT_INTERNAL);
    return status;
}
