/* SPDX-License-Identifier: MIT */
/*
 * core/cli/help.h - `--help` text and manual pages, written from the command table (spec.h).
 */
#ifndef CADRE_CLI_HELP_H
#define CADRE_CLI_HELP_H

#include <stdio.h>

#include "spec.h"

/* "usage: cadre CMD [options] OPERANDS" and a newline. */
void cli_help_usage_line(FILE *f, const cli_command *cmd);
/* The whole help of one command: usage, description, options, exit status, examples. */
void cli_help_command(FILE *f, const cli_command *cmd);
/* The help of the program: usage, description and the list of commands. */
void cli_help_program(FILE *f);
/* The manual page of `cmd` in man(7) roff, or cadre(1) when `cmd` is NULL. */
void cli_man_page(FILE *f, const cli_command *cmd);

#endif
