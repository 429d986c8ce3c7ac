/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_vocab.c - `cadre vocab` and `cadre schema`: the candidate model, printed.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static const char vocab_usage[] =
    "usage: cadre vocab [options] [NAME]\n"
    "\n"
    "Print the controlled vocabularies a candidate uses: skill, industry, certification, tool,\n"
    "field (of study) and function. Without NAME, all of them.\n"
    "\n"
    "options:\n"
    "  -f, --format FORMAT   text (default), markdown or json\n"
    "  -h, --help            this help\n";

static const char schema_usage[] =
    "usage: cadre schema\n"
    "\n"
    "Print the JSON Schema of a candidate file (also in docs/candidate.schema.json).\n";

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
    else if (!json)
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

int cmd_vocab(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *format = "text";
    cJSON *json = NULL;
    int c;

    optind = 1;
    while ((c = getopt_long(argc, argv, "+f:h", longopts, NULL)) != -1) {
        if (c == 'f')
            format = optarg;
        else if (c == 'h')
            return fputs(vocab_usage, cli_out), EXIT_OK;
        else
            return fputs(vocab_usage, stderr), EXIT_USAGE;
    }
    if (strcmp(format, "text") && strcmp(format, "markdown") && strcmp(format, "json")) {
        cli_error("--format: expected text, markdown or json, got '%s'", format);
        return EXIT_USAGE;
    }
    if (argc - optind > 1) return fputs(vocab_usage, stderr), EXIT_USAGE;
    if (optind < argc && cadre_vocab_count(argv[optind]) == 0) {
        cli_error("no vocabulary '%s'; there are skill, industry, certification, tool, field "
                  "and function",
                  argv[optind]);
        return EXIT_USAGE;
    }
    if (strcmp(format, "json") == 0) json = cJSON_CreateObject();
    for (size_t i = 0; cadre_vocab_name(i) != NULL; i++)
        if (optind >= argc || strcmp(argv[optind], cadre_vocab_name(i)) == 0)
            print_one(cadre_vocab_name(i), format, json);
    return json ? cli_print_json(json, 1) : EXIT_OK;
}

int cmd_schema(int argc, char **argv)
{
    char *s;
    cadre_error err;

    if (argc > 1) {
        FILE *to = strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ? cli_out : stderr;

        fputs(schema_usage, to);
        return to == cli_out ? EXIT_OK : EXIT_USAGE;
    }
    if (cadre_candidate_schema(&s, &err) != 0) {
        cli_error("%s", err.message);
        return EXIT_INTERNAL;
    }
    fprintf(cli_out, "%s\n", s);
    cadre_free(s);
    return EXIT_OK;
}
