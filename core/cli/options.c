/* SPDX-License-Identifier: MIT */
/*
 * core/cli/options.c - parsing a command's options with the getopt_long tables built from its
 * description in spec.c, and the usage errors every command reports the same way.
 *
 * GNU getopt_long permutes: options may come after the operands (`cadre assess me.json
 * --format json`), and `--` ends the options so that a file named "-x.json" can be given.
 */
#include <getopt.h>
#include <stdarg.h>
#include <string.h>

#include "cli.h"
#include "help.h"
#include "options.h"

#define MAX_OPTIONS 32

/* Edit distance between a and b, capped at 3 (only "close enough to suggest" matters). */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int row[64], prev_diag;

    if (la > 62 || lb > 62) return 3;
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        prev_diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j], best = prev_diag + (a[i - 1] != b[j - 1]);

            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            prev_diag = up;
            row[j] = best;
        }
    }
    return row[lb] > 3 ? 3 : row[lb];
}

/* The long option of `cmd` closest to `given` ("--fromat" -> "format"), or NULL. */
static const char *closest_option(const cli_command *cmd, const char *given)
{
    const char *best = NULL;
    int best_d = 3;
    char name[64];

    snprintf(name, sizeof(name), "%s", given);
    name[strcspn(name, "=")] = '\0';
    for (const cli_option *const *o = cmd->options; *o; o++) {
        int d = distance(name, (*o)->long_name);

        if (d < best_d || (strncmp((*o)->long_name, name, strlen(name)) == 0 && *name)) {
            best = (*o)->long_name;
            best_d = d < best_d ? d : best_d;
        }
    }
    return best;
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    cli_error("%s: %s", cmd->name, msg);
    cli_help_usage_line(stderr, cmd);
    fprintf(stderr, "Try 'cadre %s --help' for the options.\n", cmd->name);
    return EXIT_USAGE;
}

int cli_parse(const cli_command *cmd, int argc, char **argv, int *first, cli_option_fn fn, void *ud)
{
    struct option longopts[MAX_OPTIONS + 1];
    char shortopts[2 * MAX_OPTIONS + 2] = ":"; /* ':' reports a missing argument as ':' */
    size_t n = 0, s = 1;
    int c;

    for (const cli_option *const *o = cmd->options; *o && n < MAX_OPTIONS; o++, n++) {
        longopts[n] = (struct option){
            (*o)->long_name, (*o)->metavar ? required_argument : no_argument, NULL, (*o)->id};
        if ((*o)->short_name) {
            shortopts[s++] = (*o)->short_name;
            if ((*o)->metavar) shortopts[s++] = ':';
        }
    }
    longopts[n] = (struct option){NULL, 0, NULL, 0};
    shortopts[s] = '\0';
    opterr = 0;
    optind = 0; /* 0, not 1: GNU getopt then starts afresh, permutation state included */
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        const char *given = argv[optind - 1];

        if (c == '?') {
            const char *near;

            if (optopt) return cli_usage_error(cmd, "unknown option '-%c'", optopt);
            near = strncmp(given, "--", 2) == 0 ? closest_option(cmd, given + 2) : NULL;
            if (near)
                return cli_usage_error(cmd, "unknown option '%s' (did you mean '--%s'?)", given,
                                       near);
            return cli_usage_error(cmd, "unknown option '%s'", given);
        }
        if (c == ':') {
            if (strncmp(given, "--", 2) == 0)
                return cli_usage_error(cmd, "option '%s' needs a value", given);
            return cli_usage_error(cmd, "option '-%c' needs a value", optopt);
        }
        if (c == 'h') {
            cli_help_command(cli_out, cmd);
            return EXIT_OK;
        }
        if (fn(ud, c, optarg) != 0) return EXIT_USAGE;
    }
    *first = optind;
    return -1;
}

const char *cli_choice(const cli_command *cmd, int id, const char *value)
{
    for (const cli_option *const *o = cmd->options; *o; o++) {
        const char *p;
        size_t n = strlen(value);

        if ((*o)->id != id || (*o)->choices == NULL) continue;
        for (p = (*o)->choices; n > 0 && (p = strstr(p, value)) != NULL; p += n)
            if ((p == (*o)->choices || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return value;
        cli_usage_error(cmd, "--%s: expected one of: %s; got '%s'", (*o)->long_name, (*o)->choices,
                        value);
        return NULL;
    }
    return value;
}
