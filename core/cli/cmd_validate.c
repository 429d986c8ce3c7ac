/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_validate.c - `cadre validate`: check candidate files without assessing them.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

typedef struct collected {
    cJSON *list;
    int quiet, json, strict;
    const char *format;
} collected;

static void on_diag(void *ud, const cadre_diag *d)
{
    collected *c = ud;

    if (c->json) {
        cJSON *o = cJSON_CreateObject();

        cJSON_AddStringToObject(
            o, "severity", d->severity == CADRE_SEVERITY_ERROR || c->strict ? "error" : "warning");
        cJSON_AddStringToObject(o, "field", d->field ? d->field : "");
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddNumberToObject(o, "column", d->column);
        cJSON_AddStringToObject(o, "message", d->message);
        cJSON_AddItemToArray(c->list, o);
    } else if (!c->quiet) {
        const char *kind = d->severity == CADRE_SEVERITY_ERROR || c->strict ? "error" : "warning";

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

static int on_option(void *ud, int id, const char *arg)
{
    collected *c = ud;

    if (id == 'f') c->format = arg;
    if (id == 'q') c->quiet = 1;
    if (id == OPT_STRICT) c->strict = 1;
    return 0;
}

int cmd_validate(int argc, char **argv)
{
    const cli_command *cmd = cli_command_find("validate");
    collected col = {0};
    cJSON *files = NULL;
    int first, rc, status = EXIT_OK;

    col.format = "text";
    if ((rc = cli_parse(cmd, argc, argv, &first, on_option, &col)) >= 0) return rc;
    if (cli_choice(cmd, 'f', col.format) == NULL) return EXIT_USAGE;
    if (first >= argc) return cli_usage_error(cmd, "no candidate file given");
    col.json = strcmp(col.format, "json") == 0;
    if (col.json) files = cJSON_CreateArray();
    for (int i = first; i < argc; i++) {
        cadre_candidate *cand = NULL;
        cadre_error err;
        cJSON *fo = NULL;
        size_t w;
        int valid;

        if (col.json) {
            fo = cJSON_CreateObject();
            cJSON_AddStringToObject(fo, "file", argv[i]);
            col.list = cJSON_CreateArray();
        }
        if (strcmp(argv[i], "-") == 0 && cli_stdin_closed) {
            rc = CADRE_EIO;
            snprintf(err.message, sizeof(err.message), "-: standard input is closed");
        } else {
            rc = cadre_candidate_load_file(&cand, argv[i], on_diag, &col, &err);
        }
        if (rc == CADRE_EIO)
            on_diag(&col, &(cadre_diag){CADRE_SEVERITY_ERROR, argv[i], "", 0, 0, err.message});
        w = cand ? cadre_candidate_warning_count(cand) : 0;
        /* --strict: the schema's reading, where what cadre only warns about is an error. */
        valid = rc == 0 && !(col.strict && w > 0);
        if (!valid && status != EXIT_INTERNAL)
            status = rc == CADRE_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT;
        if (col.json) {
            cJSON_AddBoolToObject(fo, "valid", valid);
            cJSON_AddItemToObject(fo, "diagnostics", col.list);
            cJSON_AddItemToArray(files, fo);
        } else if (!col.quiet) {
            if (!valid)
                fprintf(cli_out, "%s: invalid\n", cli_safe(argv[i]));
            else if (w)
                fprintf(cli_out, "%s: valid (%zu warning%s above)\n", cli_safe(argv[i]), w,
                        w > 1 ? "s" : "");
            else
                fprintf(cli_out, "%s: valid\n", cli_safe(argv[i]));
        }
        cadre_candidate_free(cand);
    }
    if (col.json && col.quiet) cJSON_Delete(files);
    if (col.json && !col.quiet && cli_print_json(files, 1) != EXIT_OK) return EXIT_INTERNAL;
    return status;
}
