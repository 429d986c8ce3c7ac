/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_card.c - `cadre card NAME`: the page an auditor or a candidate reads to know how
 * an assessment judges, generated from the plugin itself: what it is (file, hash, version,
 * where it runs), what it reads, its parameters, its criteria and their weights (from a run on
 * a reference profile, so they are the plugin's own), and, from NAME.card.json beside it, its
 * purpose, how each criterion is scored and where each number comes from, its bands and
 * limits; then its tests, run. Anything missing is flagged (docs/audit.md, "Rubric cards").
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "json.h"

/* A full profile, so that every criterion a plugin has gets its inputs and shows its weight. */
static const char reference_profile[] =
    "{\"id\": \"card-reference\", \"experience\": {\"total_years\": 20, \"management_years\": 12, "
    "\"executive_years\": 4, \"operations_years\": 15, \"board_exposure\": true, "
    "\"multi_site\": true, \"functions_led\": [\"operations\"]}, \"current_role\": {\"title\": "
    "\"Director of Operations\", \"level\": \"director\", \"function\": \"operations\", "
    "\"reports_to_ceo\": false, \"company_size\": \"mid_size\"}, \"education\": "
    "{\"highest_degree\": \"master\", \"field\": \"business_administration\", \"mba\": true}, "
    "\"certifications\": [\"apics_cscp\"], \"industries\": {\"manufacturing\": 15}, \"skills\": "
    "{\"leadership\": 4, \"strategic_planning\": 4, \"decision_making\": 4, \"communication\": 4, "
    "\"organization\": 4, \"financial_management\": 4, \"execution\": 4, "
    "\"cross_functional_management\": 4, \"process_management\": 4, \"stakeholder_management\": "
    "4, \"mentoring\": 4, \"process_improvement\": 4, \"change_management\": 4, "
    "\"cost_management\": 4, \"quality_management\": 4, \"performance_metrics\": 4, "
    "\"data_analysis\": 4, \"negotiation\": 4, \"risk_management\": 4, \"regulatory_compliance\": "
    "4, \"people_management\": 4, \"hiring\": 4, \"team_building\": 4, \"problem_solving\": 4, "
    "\"technology_management\": 4, \"digital_transformation\": 4, \"customer_service\": 4, "
    "\"sales_marketing\": 4, \"financial_reporting\": 4, \"innovation\": 4, \"supply_chain\": 4}, "
    "\"tools\": [\"sap\"], \"scope\": {\"people_led\": 400, \"direct_reports\": 7, "
    "\"budget_usd\": 40000000, \"departments\": 4, \"pnl_owner\": true, \"hiring_authority\": "
    "true}, \"achievements\": [{\"kind\": \"efficiency\", \"description\": \"A measured "
    "improvement\", \"impact_pct\": 12, \"reach\": \"division\"}], \"preferences\": "
    "{\"max_weekly_hours\": 55, \"travel\": \"frequent\", \"pressure\": \"high\"}, \"targets\": "
    "{\"role\": \"coo\", \"industries\": [\"manufacturing\"]}}";

static int on_option(void *ud, int id, const char *arg)
{
    return cli_common_option(ud, id, arg) < 0 ? -1 : 0;
}

/* A copy of the card data's list `key`, or an empty list. */
static cJSON *list_of(const cJSON *data, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(data, key);

    return cJSON_IsArray(v) ? cJSON_Duplicate(v, 1) : cJSON_CreateArray();
}

typedef struct tests_seen {
    size_t run, failed;
    cJSON *names;
} tests_seen;

static void on_test(void *ud, const cadre_test_outcome *t)
{
    tests_seen *s = ud;

    s->run++;
    if (!t->ok) s->failed++;
    cJSON_AddItemToArray(s->names, cJSON_CreateString(t->name ? t->name : "?"));
}

/* The card as a JSON document: everything the renderers show, and the flags. */
static cJSON *build(const cli_opts *o, cadre_engine *e, const cadre_plugin_meta *m)
{
    cJSON *card = cJSON_CreateObject(), *flags, *crit, *data = NULL, *x;
    char dir[4096], path[4200], *slash, *text;
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;
    const char *names[2] = {m->name, NULL};
    size_t len;

    cJSON_AddStringToObject(card, "format", "cadre-card");
    cJSON_AddNumberToObject(card, "format_version", 1);
    cJSON_AddStringToObject(card, "name", m->name);
    cJSON_AddStringToObject(card, "title", m->title ? m->title : m->name);
    cJSON_AddStringToObject(card, "version", m->version ? m->version : "");
    cJSON_AddStringToObject(card, "kind", cadre_plugin_kind_name(m->kind));
    cJSON_AddStringToObject(card, "file", m->path ? m->path : "");
    cJSON_AddStringToObject(card, "sha256", m->sha256 ? m->sha256 : "");
    cJSON_AddStringToObject(card, "runs",
                            m->isolated ? "in a worker process of its own"
                                        : "in the cadre process (trusted)");
    cJSON_AddStringToObject(card, "description", m->description ? m->description : "");
    x = cJSON_AddArrayToObject(card, "inputs");
    for (const char *const *i = m->inputs; i && *i; i++)
        cJSON_AddItemToArray(x, cJSON_CreateString(*i));
    x = cJSON_AddArrayToObject(card, "parameters");
    for (const cadre_param_spec *const *p = m->params; p && *p; p++) {
        cJSON *q = cJSON_CreateObject();

        cJSON_AddStringToObject(q, "key", (*p)->key);
        cJSON_AddStringToObject(q, "default", (*p)->default_value ? (*p)->default_value : "");
        cJSON_AddStringToObject(q, "description", (*p)->description ? (*p)->description : "");
        cJSON_AddItemToArray(x, q);
    }
    flags = cJSON_CreateArray();
    /* The card data beside the plugin: NAME.card.json. */
    snprintf(dir, sizeof(dir), "%s", m->path ? m->path : "");
    if ((slash = strrchr(dir, '/')) != NULL)
        *slash = '\0';
    else
        snprintf(dir, sizeof(dir), ".");
    snprintf(path, sizeof(path), "%s/%s.card.json", dir, m->name);
    if (access(path, R_OK) == 0 &&
        (text = cli_read_file(path, 1 << 20, "a card is far smaller", &len)) != NULL) {
        data = cJSON_ParseWithLength(text, len);
        free(text);
        if (data == NULL)
            cJSON_AddItemToArray(flags, cJSON_CreateString("its card data is not JSON"));
    } else {
        cJSON_AddItemToArray(
            flags, cJSON_CreateString("no card data (NAME.card.json beside the plugin): its "
                                      "purpose, sources, bands and limits are not stated"));
    }
    cJSON_AddStringToObject(card, "purpose",
                            cli_str(data, "purpose") ? cli_str(data, "purpose") : "");
    if (!cli_str(data, "purpose"))
        cJSON_AddItemToArray(flags, cJSON_CreateString("no stated purpose"));
    /* The criteria and weights, from the plugin's own result on the reference profile. */
    crit = cJSON_AddArrayToObject(card, "criteria");
    if (cadre_candidate_parse(&c, reference_profile, sizeof(reference_profile) - 1,
                              "reference profile", NULL, NULL, &err) == 0 &&
        cadre_engine_assess(&r, e, c, names, &err) == 0 && cadre_report_count(r) == 1) {
        const cadre_result *res = cadre_report_result(r, 0);
        double wsum = 0;
        const cJSON *about = cJSON_GetObjectItemCaseSensitive(data, "criteria");

        for (size_t i = 0; i < res->criteria.count; i++)
            wsum += CADRE_ITEM(cadre_criterion, res->criteria, i)->weight;
        for (size_t i = 0; i < res->criteria.count; i++) {
            const cadre_criterion *k = CADRE_ITEM(cadre_criterion, res->criteria, i);
            const cJSON *a = cJSON_GetObjectItemCaseSensitive(about, k->id);
            cJSON *y = cJSON_CreateObject();

            if (a == NULL) a = cJSON_GetObjectItemCaseSensitive(about, "*");
            cJSON_AddStringToObject(y, "id", k->id);
            cJSON_AddStringToObject(y, "label", k->label);
            cJSON_AddNumberToObject(y, "weight", k->weight);
            cJSON_AddNumberToObject(y, "share", wsum > 0 ? k->weight / wsum : 0);
            cJSON_AddStringToObject(y, "how", cli_str(a, "how") ? cli_str(a, "how") : "");
            cJSON_AddStringToObject(y, "source", cli_str(a, "source") ? cli_str(a, "source") : "");
            if (!cli_str(a, "source")) {
                char msg[300];

                snprintf(msg, sizeof(msg), "criterion %s has no stated source", k->id);
                cJSON_AddItemToArray(flags, cJSON_CreateString(msg));
            }
            cJSON_AddItemToArray(crit, y);
        }
        if (res->status != CADRE_STATUS_OK) {
            char msg[600];

            snprintf(msg, sizeof(msg), "it failed on the reference profile: %s",
                     res->error.message ? res->error.message : "");
            cJSON_AddItemToArray(flags, cJSON_CreateString(msg));
        }
    } else {
        cJSON_AddItemToArray(flags, cJSON_CreateString("it could not be run on the reference "
                                                       "profile, so its criteria are unknown"));
    }
    cadre_report_free(r);
    cadre_candidate_free(c);
    cJSON_AddItemToObject(card, "bands", list_of(data, "bands"));
    if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(card, "bands")) == 0)
        cJSON_AddItemToArray(flags, cJSON_CreateString("its bands are not stated"));
    cJSON_AddItemToObject(card, "limitations", list_of(data, "limitations"));
    if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(card, "limitations")) == 0)
        cJSON_AddItemToArray(flags, cJSON_CreateString("no known limitations are stated"));
    cJSON_AddItemToObject(card, "references", list_of(data, "references"));
    /* Its tests, run now: NAME_test.lua beside it. */
    snprintf(path, sizeof(path), "%s/%s_test.lua", dir, m->name);
    x = cJSON_AddObjectToObject(card, "tests");
    if (access(path, R_OK) == 0) {
        cadre_engine_options eo;
        tests_seen seen = {0, 0, cJSON_CreateArray()};
        size_t failed = 0;

        cadre_engine_options_init(&eo);
        eo.lua_time_limit_ms = (uint32_t)o->time_ms;
        cJSON_AddStringToObject(x, "file", path);
        if (cadre_test_file(&failed, path, &eo, on_test, &seen, &err) != 0) {
            cJSON_AddStringToObject(x, "error", err.message);
            cJSON_AddItemToArray(flags, cJSON_CreateString("its tests could not run"));
        }
        cJSON_AddNumberToObject(x, "run", (double)seen.run);
        cJSON_AddNumberToObject(x, "failed", (double)seen.failed);
        cJSON_AddItemToObject(x, "names", seen.names);
        if (seen.failed) cJSON_AddItemToArray(flags, cJSON_CreateString("some of its tests fail"));
    } else {
        cJSON_AddNullToObject(x, "file");
        cJSON_AddItemToArray(flags, cJSON_CreateString("no tests beside it (NAME_test.lua)"));
    }
    cJSON_AddItemToObject(card, "flags", flags);
    cJSON_Delete(data);
    return card;
}

/* ---- markdown and HTML ---- */

static void md(FILE *o, const char *s)
{
    /* Plugin text in a table or a line: no pipes or line breaks to break the layout. */
    for (; s && *s; s++)
        fputc(*s == '|' ? '/' : *s == '\n' ? ' ' : *s, o);
}

static void print_markdown(FILE *o, const cJSON *card)
{
    const cJSON *x;

    fprintf(o, "# %s\n\n", cli_safe(cli_str(card, "title")));
    fprintf(o, "`%s` %s, a %s plugin: %s, SHA-256 `%s`; runs %s.\n\n",
            cli_safe(cli_str(card, "name")), cli_safe(cli_str(card, "version")),
            cli_str(card, "kind"), cli_safe(cli_str(card, "file")), cli_str(card, "sha256"),
            cli_str(card, "runs"));
    fprintf(o, "## Purpose\n\n");
    md(o, cli_safe(*cli_str(card, "purpose") ? cli_str(card, "purpose")
                                             : cli_str(card, "description")));
    fprintf(o, "\n\n## What it reads\n\n");
    {
        int first = 1;

        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(card, "inputs"))
        {
            fprintf(o, "%s`%s`", first ? "" : ", ", cli_safe(x->valuestring));
            first = 0;
        }
        fprintf(o, "%s\n", first ? "(it does not declare its inputs)" : ".");
    }
    if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(card, "parameters"))) {
        fprintf(o, "\n## Parameters\n\n| parameter | default | meaning |\n|---|---|---|\n");
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(card, "parameters"))
        {
            fprintf(o, "| `%s` | %s | ", cli_safe(cli_str(x, "key")),
                    cli_safe(cli_str(x, "default")));
            md(o, cli_safe(cli_str(x, "description")));
            fprintf(o, " |\n");
        }
    }
    fprintf(o, "\n## Criteria\n\nWeights as the plugin gives them on a reference profile.\n\n"
               "| criterion | share | how it is scored | source |\n|---|---|---|---|\n");
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(card, "criteria"))
    {
        fputs("| ", o);
        md(o, cli_safe(cli_str(x, "label")));
        fprintf(o, " | %.0f%% | ", cJSON_GetObjectItemCaseSensitive(x, "share")->valuedouble * 100);
        md(o, cli_safe(cli_str(x, "how")));
        fputs(" | ", o);
        md(o, *cli_str(x, "source") ? cli_safe(cli_str(x, "source")) : "**not stated**");
        fputs(" |\n", o);
    }
    fprintf(o, "\n## Bands\n\n| band | when |\n|---|---|\n");
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(card, "bands"))
    {
        fputs("| ", o);
        md(o, cli_safe(cli_str(x, "label")));
        fputs(" | ", o);
        md(o, cli_safe(cli_str(x, "rule")));
        fputs(" |\n", o);
    }
    fprintf(o, "\n## Known limitations\n\n");
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(card, "limitations"))
    {
        fputs("- ", o);
        md(o, cJSON_IsString(x) ? cli_safe(x->valuestring) : "");
        fputs("\n", o);
    }
    x = cJSON_GetObjectItemCaseSensitive(card, "tests");
    fprintf(o, "\n## Tests\n\n");
    if (cli_str(x, "file"))
        fprintf(o, "%s: %.0f tests run now, %.0f failed.\n", cli_safe(cli_str(x, "file")),
                cJSON_GetObjectItemCaseSensitive(x, "run")->valuedouble,
                cJSON_GetObjectItemCaseSensitive(x, "failed")->valuedouble);
    else
        fprintf(o, "None beside the plugin.\n");
    if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(card, "references"))) {
        fprintf(o, "\n## References\n\n");
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(card, "references"))
        {
            fputs("- ", o);
            md(o, cJSON_IsString(x) ? cli_safe(x->valuestring) : "");
            fputs("\n", o);
        }
    }
    fprintf(o, "\n## Flags\n\n");
    if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(card, "flags")) == 0)
        fprintf(o, "None: every criterion has a stated source, and purpose, bands, limits and "
                   "tests are given.\n");
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(card, "flags"))
    {
        fprintf(o, "- %s\n", cli_safe(x->valuestring));
    }
}

int cmd_card(int argc, char **argv)
{
    cli_opts o;
    cadre_engine *e = NULL;
    const cadre_plugin_meta *m = NULL;
    int first, rc, status = EXIT_OK;
    cJSON *card;

    cli_opts_init(&o, cli_command_find("card"));
    o.format = "markdown";
    rc = cli_parse(o.cmd, argc, argv, &first, on_option, &o);
    if (rc >= 0) return rc;
    if (argc - first != 1)
        return cli_usage_error(o.cmd, "card takes one assessment name; got %d", argc - first);
    if ((rc = cli_engine(&e, &o, 1)) != EXIT_OK) return rc;
    for (size_t i = 0; i < cadre_engine_plugin_count(e); i++)
        if (strcmp(cadre_engine_plugin(e, i)->name, argv[first]) == 0)
            m = cadre_engine_plugin(e, i);
    if (m == NULL) {
        cli_error("no assessment '%s' is loaded; cadre list shows them", argv[first]);
        cadre_engine_free(e);
        return EXIT_PLUGINS;
    }
    card = build(&o, e, m);
    if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(card, "flags")) > 0)
        status = EXIT_FAILED;
    if (strcmp(o.format, "json") == 0) {
        status = cli_worst(status, cli_print_json(card, 1));
    } else {
        print_markdown(cli_out, card);
        cJSON_Delete(card);
        if (fflush(cli_out) != 0) status = cli_worst(status, EXIT_INTERNAL);
    }
    cadre_engine_free(e);
    return status;
}
