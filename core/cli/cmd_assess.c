/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_assess.c - `cadre assess`: candidate files to one report (batch.c streams).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "record.h"

/* Options of assess and batch: all of them are common ones (setup.c). */
static int on_option(void *ud, int id, const char *arg)
{
    return cli_common_option(ud, id, arg) < 0 ? -1 : 0;
}

/* Parses options; returns -1 to continue (operands from *first), or an exit code. */
static int parse(cli_opts *o, const char *name, int argc, char **argv, int *first)
{
    cli_opts_init(o, cli_command_find(name));
    return cli_parse(o->cmd, argc, argv, first, on_option, o);
}

int cmd_assess(int argc, char **argv)
{
    cli_opts o;
    cadre_engine *e = NULL;
    cadre_report **reports;
    const char *names_buf[65], **names;
    char list_buf[1024], mask_buf[1024];
    record_opts ro;
    cadre_format fmt;
    int first, rc = parse(&o, "assess", argc, argv, &first), n = 0, status = EXIT_OK;

    if (rc >= 0) return rc;
    fmt = strcmp(o.format, "json") == 0    ? CADRE_FORMAT_JSON
          : strcmp(o.format, "jsonl") == 0 ? CADRE_FORMAT_JSONL
          : strcmp(o.format, "html") == 0  ? CADRE_FORMAT_HTML
                                           : CADRE_FORMAT_TEXT;
    if (first >= argc) return cli_usage_error(o.cmd, "no candidate file given");
    if ((rc = cli_engine(&e, &o, 0)) != EXIT_OK) return rc;
    if (cli_no_plugins(e)) {
        cadre_engine_free(e);
        return EXIT_PLUGINS;
    }
    names = cli_split_names(o.assessments, list_buf, sizeof(list_buf), names_buf, 65);
    if ((rc = cli_record_setup(&ro, &o, names, mask_buf, sizeof(mask_buf))) != EXIT_OK) {
        cadre_engine_free(e);
        return rc;
    }
    reports = calloc((size_t)(argc - first), sizeof(*reports));
    if (reports == NULL) {
        cadre_engine_free(e);
        return EXIT_INTERNAL;
    }
    for (int i = first; i < argc; i++) {
        cadre_candidate *c = NULL;
        cadre_error err;

        if (strcmp(argv[i], "-") == 0 && cli_stdin_closed) {
            cli_error("-: standard input is closed");
            status = cli_worst(status, EXIT_INPUT);
            continue;
        }
        /* Warnings go into the report; errors are printed as they are found. */
        if (cadre_candidate_load_file(&c, argv[i], NULL, NULL, &err) != 0) {
            cli_error("%s", err.message);
            status = cli_worst(status, err.code == CADRE_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT);
            continue;
        }
        rc = cadre_engine_assess(&reports[n], e, c, (const char *const *)names, &err);
        if (rc == 0 && !o.no_whatif) rc = cadre_report_explore(reports[n], e, c, &err);
        if (rc == 0 && ro.dir) {
            char why[600];

            if (record_write(&ro, e, c, reports[n], why, sizeof(why)) != 0) {
                cli_error("%s: no decision record: %s", argv[i], why);
                status = cli_worst(status, EXIT_FAILED);
            }
        }
        cadre_candidate_free(c);
        if (rc != 0) {
            cli_error("%s", err.message);
            status = cli_worst(status, rc == CADRE_ENOTFOUND ? EXIT_PLUGINS : EXIT_INTERNAL);
            break;
        }
        if (cadre_report_error_count(reports[n]) > 0) status = cli_worst(status, EXIT_FAILED);
        n++;
    }
    if (n > 0) {
        char *out = NULL;
        size_t len = 0;
        cadre_error err;

        if (cadre_report_render(&out, &len, (const cadre_report *const *)reports, (size_t)n, fmt,
                                cli_render_flags(&o), &err) != 0) {
            cli_error("%s", err.message);
            status = cli_worst(status, EXIT_INTERNAL);
        } else {
            status = cli_worst(status, cli_write(out, len));
        }
        cadre_free(out);
    }
    status = cli_worst(status, cli_refused_status(e, &o));
    for (int i = 0; i < n; i++)
        cadre_report_free(reports[i]);
    free(reports);
    cadre_engine_free(e);
    return status;
}
