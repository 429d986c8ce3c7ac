/* SPDX-License-Identifier: MIT */
/*
 * tests/install/embed.c - an outside program, built against an installed cadre the four ways
 * docs/embedding.md describes (tests/install/install.t). It assesses a candidate held in
 * memory as a JSON string and prints one line per assessment: "plugin score band".
 *
 * usage: embed [--candidate] [BUILTIN_DIR]
 *   --candidate   print the JSON it assesses (so the test can give the CLI the same person)
 *   BUILTIN_DIR   the built-in plugin folder; a statically linked program must say where it is
 */
#include <stdio.h>
#include <string.h>

#include <cadre/cadre.h>

/* A logistics operations director looking at a COO role: her own words, as a form would
 * send them. */
static const char candidate[] =
    "{\"id\": \"embed-1\", \"name\": \"Marta Kowalczyk\",\n"
    " \"experience\": {\"total_years\": 16, \"management_years\": 9, \"executive_years\": 2,\n"
    "                \"operations_years\": 14},\n"
    " \"current_role\": {\"title\": \"Director of Operations\", \"level\": \"director\",\n"
    "                  \"function\": \"operations\", \"reports_to_ceo\": false},\n"
    " \"education\": {\"highest_degree\": \"master\", \"field\": \"business_administration\",\n"
    "               \"mba\": true},\n"
    " \"industries\": {\"logistics\": 11, \"manufacturing\": 4},\n"
    " \"skills\": {\"leadership\": 4, \"strategic_planning\": 3, \"decision_making\": 4,\n"
    "            \"financial_management\": 3, \"process_management\": 5, \"supply_chain\": 5,\n"
    "            \"cross_functional_management\": 4, \"communication\": 4},\n"
    " \"scope\": {\"people_led\": 220, \"direct_reports\": 7, \"budget_usd\": 30000000,\n"
    "           \"departments\": 3, \"pnl_owner\": true, \"hiring_authority\": true},\n"
    " \"targets\": {\"role\": \"coo\", \"industries\": [\"logistics\"]}}\n";

int main(int argc, char **argv)
{
    cadre_engine_options opts = CADRE_ENGINE_OPTIONS_INIT;
    cadre_engine *engine = NULL;
    cadre_candidate *c = NULL;
    cadre_report *report = NULL;
    cadre_error err;
    int status = 1;

    if (argc > 1 && strcmp(argv[1], "--candidate") == 0) {
        fputs(candidate, stdout);
        return 0;
    }
    if (argc > 1) opts.builtin_dir = argv[1];
    opts.user_dir = ""; /* only what the installation brings */
    opts.use_env_path = 0;
    if (cadre_engine_new(&engine, &opts, &err) != 0 || cadre_engine_load(engine, &err) != 0 ||
        cadre_candidate_parse(&c, candidate, strlen(candidate), "<memory>", NULL, NULL, &err) !=
            0 ||
        cadre_engine_assess(&report, engine, c, NULL, &err) != 0) {
        fprintf(stderr, "embed: %s\n", err.message);
        goto done;
    }
    if (cadre_report_count(report) == 0) {
        fprintf(stderr, "embed: no assessments loaded\n");
        goto done;
    }
    for (size_t i = 0; i < cadre_report_count(report); i++) {
        const cadre_result *r = cadre_report_result(report, i);

        printf("%s %.1f %s\n", r->plugin, r->score, r->band ? r->band : "(error)");
    }
    printf("library %s\n", cadre_version());
    status = cadre_report_error_count(report) ? 1 : 0;
done:
    cadre_report_free(report);
    cadre_candidate_free(c);
    cadre_engine_free(engine);
    return status;
}
