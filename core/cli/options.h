/* SPDX-License-Identifier: MIT */
/*
 * core/cli/options.h - parsing a command's options from its description (spec.h).
 */
#ifndef CADRE_CLI_OPTIONS_H
#define CADRE_CLI_OPTIONS_H

#include "spec.h"

/* Receives one option: its id (spec.h) and its argument, or NULL for a flag. Returns 0, or -1
 * after printing why the value is wrong. */
typedef int (*cli_option_fn)(void *ud, int id, const char *arg);

/* Parses argv (argv[0] is the command's name) against `cmd`'s options, calling fn for each.
 * Options may follow operands; "--" ends them. Returns -1 when the command should go on, with
 * *first set to the index of the first operand (argv is permuted so that operands come last);
 * or EXIT_OK after printing the help (-h); or EXIT_USAGE after printing what was wrong. */
int cli_parse(const cli_command *cmd, int argc, char **argv, int *first, cli_option_fn fn,
              void *ud);

/* Prints "cadre: CMD: MESSAGE", the usage line and where to find help, to standard error;
 * returns EXIT_USAGE. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* `value` when it is one of the choices of `cmd`'s option `id`; otherwise prints a usage error
 * and returns NULL. */
const char *cli_choice(const cli_command *cmd, int id, const char *value);

#endif
