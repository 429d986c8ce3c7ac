/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_validate.c - `cadre validate`: check candidate files without assessing them.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static const char validate_usage[] =
    "usage: cadre validate [options] FILE...\n"
    "\n"
    "Check candidate files against the schema (docs/candidate.md) and print every problem with\n"
    "its field path (or line and column for malformed JSON). Warnings, such as an unknown\n"
    "skill id, do not make a file invalid.\n"
    "\n"
    "options:\n"
    "  -f, --format FORMAT   text (default) or json\n"
    "  -q, --quiet           print nothing; only the exit status tells\n"
    "  -h, --help            this help\n"
    "\n"
    "exit status: 0 all files valid; 2 usage error; 3 some file invalid or unreadable\n";

typedef struct collected {
    cJSON *list;
    int quiet, json;
} collected;

static void on_diag(void *ud, const cadre_diag *d)
{
    collected *c = ud;

    if (c->json) {
        cJSON *o = cJSON_CreateObject();

        cJSON_AddStringToObject(o, "severity",
                                d->severity == CADRE_SEVERITY_ERROR ? "error" : "warning");
        cJSON_AddStringToObject(o, "field", d->field ? d->field : "");
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddNumberToObject(o, "column", d->column);
        cJSON_AddStringToObject(o, "message", d->message);
        cJSON_AddItemToArray(c->list, o);
    } else if (!c->quiet) {
        const char *kind = d->severity == CADRE_SEVERITY_ERROR ? "error" : "warning";

        /* Field paths quote the file's own keys: escape them and the message. */
        if (d->line)
            fprintf(cli_out, "  %s: line %d, column %d: ", kind, d->line, d->column);
        else if (d->field && *d->field)
            fprintf(cli_out, "  %s: %s: ", kind, cli_safe(d->field));
        else
            fprintf(cli_out, "  %s: ", kind);
        fprintf(cli_out, "%s\n", cli_safe(d->message));
    }
}

int cmd_validate(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    collected col = {0};
    const char *format = "text";
    cJSON *files = NULL;
    int c, status = EXIT_OK;

    optind = 1;
    while ((c = getopt_long(argc, argv, "+f:qh", longopts, NULL)) != -1) {
        if (c == 'f')
            format = optarg;
        else if (c == 'q')
            col.quiet = 1;
        else if (c == 'h')
            return fputs(validate_usage, cli_out), EXIT_OK;
        else
            return fputs(validate_usage, stderr), EXIT_USAGE;
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
        cli_error("--format: expected text or json, got '%s'", format);
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        cli_error("no candidate file given");
        fputs(validate_usage, stderr);
        return EXIT_USAGE;
    }
    col.json = strcmp(format, "json") == 0;
    if (col.json) files = cJSON_CreateArray();
    for (int i = optind; i < argc; i++) {
        cadre_candidate *cand = NULL;
        cadre_error err;
        cJSON *fo = NULL;
        int rc;

        if (col.json) {
            fo = cJSON_CreateObject();
            cJSON_AddStringToObject(fo, "file", argv[i]);
            col.list = cJSON_CreateArray();
        }
        rc = cadre_candidate_load_file(&cand, argv[i], on_diag, &col, &err);
        if (rc == CADRE_EIO)
            on_diag(&col, &(cadre_diag){CADRE_SEVERITY_ERROR, argv[i], "", 0, 0, err.message});
        if (rc != 0) status = EXIT_INPUT;
        if (col.json) {
            cJSON_AddBoolToObject(fo, "valid", rc == 0);
            cJSON_AddItemToObject(fo, "diagnostics", col.list);
            cJSON_AddItemToArray(files, fo);
        } else if (!col.quiet) {
            size_t w = cand ? cadre_candidate_warning_count(cand) : 0;

            if (rc == 0)
                fprintf(cli_out, "%s: valid%s", cli_safe(argv[i]), w ? "" : "\n");
            else
                fprintf(cli_out, "%s: invalid\n", cli_safe(argv[i]));
            if (rc == 0 && w) fprintf(cli_out, " (%zu warning%s above)\n", w, w > 1 ? "s" : "");
        }
        cadre_candidate_free(cand);
    }
    if (col.json && col.quiet) cJSON_Delete(files);
    if (col.json && !col.quiet && cli_print_json(files, 1) != EXIT_OK) return EXIT_INTERNAL;
    return status;
}
