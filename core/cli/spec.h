/* SPDX-License-Identifier: MIT */
/*
 * core/cli/spec.h - every command and option of the cadre program, described once.
 *
 * The table in spec.c is the single source of the option parser's getopt tables (options.c),
 * of `--help`, of the man pages (help.c) and of the bash and zsh completion (completion.c), so
 * that none of them can drift from the others.
 */
#ifndef CADRE_CLI_SPEC_H
#define CADRE_CLI_SPEC_H

#include <stddef.h>

/* What an option's argument, or a command's operands, are: for parsing nothing, for
 * completion everything. */
typedef enum cli_value {
    CLI_NONE,        /* a flag, or a command without operands */
    CLI_FILE,        /* a file name (for candidates: *.json, *.jsonl) */
    CLI_DIR,         /* a folder */
    CLI_TEST_PATH,   /* a *_test.lua file or a folder */
    CLI_CHOICE,      /* one of the option's `choices` */
    CLI_NUMBER,      /* a number (no completion) */
    CLI_TEXT,        /* free text (no completion) */
    CLI_ASSESSMENTS, /* comma-separated names of loaded plugins */
    CLI_PARAM,       /* PLUGIN.KEY=VALUE, a declared plugin parameter */
    CLI_VOCAB,       /* the name of a vocabulary */
    CLI_COMMAND,     /* the name of a cadre command */
    CLI_SHELL        /* bash or zsh */
} cli_value;

/* Option ids beyond the short letters: what getopt_long returns for long-only options. */
enum {
    OPT_NO_USER = 1001,
    OPT_NO_BUILTIN,
    OPT_COLOR,
    OPT_ASCII,
    OPT_LUA_TIME,
    OPT_LUA_MEMORY,
    OPT_ISOLATE,
    OPT_TRUST,
    OPT_ALLOW_OVERRIDE,
    OPT_NATIVE_TIME,
    OPT_STRICT,
    OPT_MAN,
    OPT_MAN_PAGES,
    OPT_DETAIL,
    OPT_KEEP_GOING,
    OPT_PROGRESS,
    OPT_EXPECT_FP,
    OPT_PRINT_FP,
    OPT_SOURCE_NAME,
    OPT_LINE_OFFSET,
    OPT_FORCE,
    OPT_AS_OF,
    OPT_BRIEF,
    OPT_NO_WHATIF,
    OPT_ALL_SKILLS,
    OPT_NO_ASSESS,
    OPT_RECORD,
    OPT_MASK,
    OPT_GROUPS,
    OPT_SELECT,
    OPT_THRESHOLD,
    OPT_MIN_SHARE,
    OPT_ON
};

typedef struct cli_option {
    int id;                /* the short letter, or an OPT_* value */
    char short_name;       /* 0 when there is none */
    const char *long_name; /* without the dashes */
    const char *metavar;   /* the argument's name in help; NULL for a flag */
    cli_value value;       /* what the argument is */
    const char *choices;   /* CLI_CHOICE: the values, space-separated */
    const char *help;      /* what it does: sentences, wrapped when printed */
} cli_option;

typedef struct cli_command {
    const char *name;
    const char *operands;    /* the synopsis after [options], e.g. "FILE..."; "" for none */
    cli_value operand_value; /* what the operands are */
    const char *summary;     /* one line, lower case, no full stop */
    const char *description; /* paragraphs separated by "\n\n", wrapped when printed */
    const cli_option *const *options; /* NULL-terminated; --help is always among them */
    const char *exit_status;          /* a sentence per status, "\n"-separated */
    const char *examples;             /* "COMMAND LINE\tWHAT IT DOES" lines, "\n"-separated */
} cli_command;

/* The program: what `cadre --help` and cadre(1) say before and after the commands. */
extern const char cli_program_summary[];
extern const char cli_program_description[];
extern const char cli_program_environment[]; /* "NAME\tMEANING" lines */
extern const char cli_program_files[];       /* "PATH\tMEANING" lines */
extern const char cli_program_exit_status[];

/* The commands, in the order `cadre --help` lists them; NULL-terminated. */
extern const cli_command *const cli_commands[];

/* The command called `name`, or NULL. */
const cli_command *cli_command_find(const char *name);

#endif
