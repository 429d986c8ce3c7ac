/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_import.c - `cadre import`: a JSON Resume document into a draft profile, and an
 * account of what was inferred, what could not be told and what was left out (resume.c does
 * the reading; this file the command: options, files, and what the person is told).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "resume.h"

#define MAX_RESUME_BYTES (4 << 20)

typedef struct import_opts {
    const char *output;
    int force;
    int as_of; /* months; -1 for today */
} import_opts;

static int on_option(void *ud, int id, const char *arg)
{
    import_opts *o = ud;

    switch (id) {
    case 'o':
        o->output = arg;
        return 0;
    case OPT_FORCE:
        o->force = 1;
        return 0;
    case OPT_AS_OF:
        if ((o->as_of = resume_month(arg, 1)) < 0 || strlen(arg) != 10) {
            cli_usage_error(cli_command_find("import"), "--as-of takes a date YYYY-MM-DD, not '%s'",
                            arg);
            return -1;
        }
        return 0;
    }
    return -1;
}

/* Prints a heading and the lines, escaped: a résumé's words are the person's, not ours. */
static void section(FILE *to, const char *heading, const resume_lines *l)
{
    if (l->count == 0) return;
    fprintf(to, "\n%s\n", heading);
    for (size_t i = 0; i < l->count; i++) {
        char *safe = NULL;

        if (cadre_text_escape(&safe, l->items[i], strlen(l->items[i]), 0, NULL) == 0)
            fprintf(to, "  %s\n", safe);
        cadre_free(safe);
    }
}

static int today(void)
{
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    return (tm.tm_year + 1900) * 12 + tm.tm_mon;
}

int cmd_import(int argc, char **argv)
{
    const cli_command *cmd = cli_command_find("import");
    import_opts o = {NULL, 0, -1};
    resume_result res;
    cadre_candidate *check = NULL;
    cadre_error err;
    char *text, *json;
    size_t len = 0;
    int first, rc;
    FILE *account;

    rc = cli_parse(cmd, argc, argv, &first, on_option, &o);
    if (rc >= 0) return rc;
    if (argc - first != 1)
        return cli_usage_error(cmd, "import reads one résumé; got %d", argc - first);
    if ((text = cli_read_file(argv[first], MAX_RESUME_BYTES, "a résumé is far smaller", &len)) ==
        NULL)
        return EXIT_INPUT;
    rc = resume_import(&res, text, len, o.as_of >= 0 ? o.as_of : today());
    free(text);
    if (rc != 0) {
        cli_error("%s: not imported (%zu problem%s):", argv[first], res.problems.count,
                  res.problems.count == 1 ? "" : "s");
        section(stderr, "Problems:", &res.problems);
        resume_result_free(&res);
        return EXIT_INPUT;
    }
    json = cJSON_Print(res.profile);
    /* What is written must be a profile cadre accepts, as it is. */
    if (json == NULL ||
        cadre_candidate_parse(&check, json, strlen(json), "draft", NULL, NULL, &err) != 0) {
        cli_error("the draft profile is not valid (a bug in cadre import): %s",
                  json ? err.message : "out of memory");
        free(json);
        resume_result_free(&res);
        return EXIT_INTERNAL;
    }
    cadre_candidate_free(check);
    if (o.output) {
        rc = cli_write_file(o.output, json, o.force);
        account = cli_out;
    } else {
        rc = fprintf(cli_out, "%s\n", json) < 0 ? EXIT_INTERNAL : EXIT_OK;
        account = stderr;
    }
    if (rc == EXIT_OK) {
        fprintf(account, "Imported %s as a draft profile%s%s%s.\n", argv[first],
                o.output ? " in " : "", o.output ? o.output : "", o.output ? "" : " (above)");
        section(account, "Inferred, to check:", &res.inferred);
        section(account, "Could not tell:", &res.unsure);
        section(account, "Left out:", &res.dropped);
        fprintf(account,
                "\nNext: correct the draft where it is wrong and add what a résumé does not say "
                "(docs/self-assessment.md), then cadre validate %s and cadre assess %s.\n",
                o.output ? o.output : "FILE", o.output ? o.output : "FILE");
    }
    free(json);
    resume_result_free(&res);
    return rc;
}
