/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_help.c - `cadre help` (help and manual pages) and `cadre completion`: the
 * program describing itself, from the command table.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"
#include "completion.h"
#include "help.h"

typedef struct help_opts {
    int man;
    const char *man_dir;
} help_opts;

static int help_option(void *ud, int id, const char *arg)
{
    help_opts *h = ud;

    if (id == OPT_MAN) h->man = 1;
    if (id == OPT_MAN_PAGES) h->man_dir = arg;
    return 0;
}

/* Writes one manual page into `dir`; 0, or -1 after saying why. */
static int write_page(const char *dir, const cli_command *cmd)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof(path), "%s/cadre%s%s.1", dir, cmd ? "-" : "", cmd ? cmd->name : "");
    f = fopen(path, "w");
    if (f == NULL) {
        cli_error("cannot create %s: %s", path, strerror(errno));
        return -1;
    }
    cli_man_page(f, cmd);
    if (ferror(f) | fclose(f)) {
        cli_error("cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int cmd_help(int argc, char **argv)
{
    const cli_command *self = cli_command_find("help"), *cmd = NULL;
    help_opts h = {0, NULL};
    int first, rc;

    if ((rc = cli_parse(self, argc, argv, &first, help_option, &h)) >= 0) return rc;
    if (argc - first > 1) return cli_usage_error(self, "one command at a time");
    if (first < argc && (cmd = cli_command_find(argv[first])) == NULL)
        return cli_usage_error(self, "no command '%s'", argv[first]);
    if (h.man_dir) {
        if (write_page(h.man_dir, NULL) != 0) return EXIT_INTERNAL;
        for (const cli_command *const *c = cli_commands; *c; c++)
            if (write_page(h.man_dir, *c) != 0) return EXIT_INTERNAL;
        return EXIT_OK;
    }
    if (h.man)
        cli_man_page(cli_out, cmd);
    else if (cmd)
        cli_help_command(cli_out, cmd);
    else
        cli_help_program(cli_out);
    return EXIT_OK;
}

static int no_options(void *ud, int id, const char *arg)
{
    (void)ud, (void)id, (void)arg;
    return 0; /* none but --help, which cli_parse handles */
}

int cmd_completion(int argc, char **argv)
{
    const cli_command *self = cli_command_find("completion");
    int first, rc;

    if ((rc = cli_parse(self, argc, argv, &first, no_options, NULL)) >= 0) return rc;
    if (argc - first != 1) return cli_usage_error(self, "name one shell: bash or zsh");
    if (cli_completion_script(cli_out, argv[first]) != 0)
        return cli_usage_error(self, "no completion for '%s'; there are bash and zsh", argv[first]);
    return EXIT_OK;
}
