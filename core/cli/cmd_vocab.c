/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_vocab.c - `cadre vocab` and `cadre schema`: the candidate model, printed.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static const char *extra_title(const char *vocab)
{
    if (strcmp(vocab, "skill") == 0) return "O*NET element";
    if (strcmp(vocab, "industry") == 0) return "what a COO there concentrates on";
    if (strcmp(vocab, "certification") == 0) return "industries it speaks to";
    if (strcmp(vocab, "tool") == 0) return "category";
    if (strcmp(vocab, "field") == 0) return "business-related";
    return "counts as operations";
}

static void print_one(const char *name, const char *format, cJSON *json)
{
    size_t n = cadre_vocab_count(name);
    cJSON *arr = json ? cJSON_AddArrayToObject(json, name) : NULL;

    if (strcmp(format, "markdown") == 0)
        fprintf(cli_out, "\n#### %s\n\n| id | label | meaning | %s |\n|---|---|---|---|\n", name,
                extra_title(name));
    else if (strcmp(format, "ids") == 0) {
        for (size_t i = 0; i < n; i++)
            fprintf(cli_out, "%s\n", cadre_vocab_entry_at(name, i)->id);
        return;
    } else if (!json)
        fprintf(cli_out, "%s%s (%zu)\n", name == cadre_vocab_name(0) ? "" : "\n", name, n);
    for (size_t i = 0; i < n; i++) {
        const cadre_vocab_entry *e = cadre_vocab_entry_at(name, i);

        if (json) {
            cJSON *o = cJSON_CreateObject();

            cJSON_AddStringToObject(o, "id", e->id);
            cJSON_AddStringToObject(o, "label", e->label);
            cJSON_AddStringToObject(o, "meaning", e->meaning);
            if (e->extra) cJSON_AddStringToObject(o, "extra", e->extra);
            cJSON_AddItemToArray(arr, o);
        } else if (strcmp(format, "markdown") == 0) {
            fprintf(cli_out, "| `%s` | %s | %s | %s |\n", e->id, e->label, e->meaning,
                    e->extra ? e->extra : "-");
        } else {
            fprintf(cli_out, "  %-28s %s\n", e->id, e->meaning);
        }
    }
}

static int on_option(void *ud, int id, const char *arg)
{
    if (id == 'f') *(const char **)ud = arg;
    return 0;
}

int cmd_vocab(int argc, char **argv)
{
    const cli_command *cmd = cli_command_find("vocab");
    const char *format = "text";
    cJSON *json = NULL;
    int first, rc;

    if ((rc = cli_parse(cmd, argc, argv, &first, on_option, &format)) >= 0) return rc;
    if (cli_choice(cmd, 'f', format) == NULL) return EXIT_USAGE;
    if (argc - first > 1) return cli_usage_error(cmd, "one vocabulary at a time");
    if (first < argc && cadre_vocab_count(argv[first]) == 0)
        return cli_usage_error(cmd,
                               "no vocabulary '%s'; there are skill, industry, certification, "
                               "tool, field and function",
                               argv[first]);
    if (strcmp(format, "json") == 0) json = cJSON_CreateObject();
    for (size_t i = 0; cadre_vocab_name(i) != NULL; i++)
        if (first >= argc || strcmp(argv[first], cadre_vocab_name(i)) == 0)
            print_one(cadre_vocab_name(i), format, json);
    return json ? cli_print_json(json, 1) : EXIT_OK;
}

static int no_options(void *ud, int id, const char *arg)
{
    (void)ud, (void)id, (void)arg;
    return 0; /* schema has none but --help, which cli_parse handles */
}

int cmd_schema(int argc, char **argv)
{
    const cli_command *cmd = cli_command_find("schema");
    cadre_error err;
    int first, rc;
    char *s;

    if ((rc = cli_parse(cmd, argc, argv, &first, no_options, NULL)) >= 0) return rc;
    if (first < argc)
        return cli_usage_error(cmd, "schema takes no operands; got '%s'", argv[first]);
    if (cadre_candidate_schema(&s, &err) != 0) {
        cli_error("%s", err.message);
        return EXIT_INTERNAL;
    }
    rc = cli_write(s, strlen(s));
    if (rc == EXIT_OK) rc = cli_write("\n", 1);
    cadre_free(s);
    return rc;
}
