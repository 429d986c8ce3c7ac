/* SPDX-License-Identifier: MIT */
/*
 * core/cli/completion.h - shell completion scripts, written from the command table (spec.h).
 */
#ifndef CADRE_CLI_COMPLETION_H
#define CADRE_CLI_COMPLETION_H

#include <stdio.h>

#include "spec.h"

/* Writes the completion script for `shell` ("bash" or "zsh"); -1 for another shell. */
int cli_completion_script(FILE *f, const char *shell);

#endif
