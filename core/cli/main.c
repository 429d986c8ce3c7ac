/* SPDX-License-Identifier: MIT */
/*
 * core/cli/main.c - `cadre`: start-up, command dispatch and the end of the run.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "help.h"

static const struct {
    const char *name;
    int (*fn)(int, char **);
} commands[] = {
    {"assess", cmd_assess},       {"batch", cmd_batch},
    {"list", cmd_list},           {"validate", cmd_validate},
    {"vocab", cmd_vocab},         {"schema", cmd_schema},
    {"test", cmd_test},           {"new", cmd_new},
    {"help", cmd_help},           {"completion", cmd_completion},
    {"import", cmd_import},       {"compare", cmd_compare},
    {"interview", cmd_interview}, {"verify", cmd_verify},
    {"audit", cmd_audit},         {"card", cmd_card},
    {"diff", cmd_diff},
};

static int version(void)
{
    fprintf(cli_out, "cadre %s (library %s, plugin ABI %d, candidate schema %d)\n", CADRE_VERSION,
            cadre_version(), CADRE_PLUGIN_ABI_VERSION, CADRE_CANDIDATE_SCHEMA_VERSION);
    return EXIT_OK;
}

/* Start-up: a closed standard descriptor is reopened on /dev/null (otherwise the first file
 * or socket opened would take its number, and a report could land in it); then the report
 * stream is set aside and standard output pointed at standard error, so that nothing a plugin
 * prints in this process, by printf or write(1, ...), can reach the report. */
static void guard_std_streams(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
        /* Read-only on 1 and 2, write-only on 0, so that using them fails visibly. */
        if (open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd) _exit(EXIT_INTERNAL);
        if (fd == 0) cli_stdin_closed = 1;
        if (fd == 1) cli_stdout_closed = 1;
    }
    {
        int report = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);

        cli_out = report >= 0 ? fdopen(report, "w") : NULL;
        if (cli_out == NULL) {
            cli_out = stdout; /* no descriptor to spare: plugins share the stream after all */
            return;
        }
        /* 64 KiB: a help page or a report is written at the end, in one go, so that a write
         * that fails is seen by the final flush, which can say why (finish). */
        static char buffer[1 << 16]; /* glibc keeps its own size when given no buffer */

        setvbuf(cli_out, buffer, isatty(report) ? _IOLBF : _IOFBF, sizeof(buffer));
        fflush(stdout);
        dup2(STDERR_FILENO, STDOUT_FILENO);
    }
}

/* The end of every command: whatever is still buffered is written, and a write that failed at
 * any point, now or earlier in the command, is reported and makes the exit status 5. */
static int finish(int rc)
{
    int failed = ferror(cli_out), flush = fflush(cli_out);

    if (rc == EXIT_INTERNAL || (!failed && flush == 0)) return rc;
    if (cli_stdout_closed)
        cli_error("cannot write to standard output: it is closed");
    else if (flush != 0)
        cli_error("cannot write to standard output: %s", strerror(errno));
    else
        cli_error("cannot write to standard output: a write failed");
    return EXIT_INTERNAL;
}

int main(int argc, char **argv)
{
    const char *cmd;

    guard_std_streams();
    setlocale(LC_CTYPE, "");
    if (argc < 2) {
        cli_help_program(stderr);
        return EXIT_USAGE;
    }
    cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        cli_help_program(cli_out);
        return finish(EXIT_OK);
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) return finish(version());
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(cmd, commands[i].name) == 0) return finish(commands[i].fn(argc - 1, argv + 1));
    cli_error("no command '%s'; cadre --help lists them", cmd);
    return EXIT_USAGE;
}
