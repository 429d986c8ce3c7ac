/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cli.h - the cadre program. It uses only the public headers, as an embedder would.
 */
#ifndef CADRE_CLI_H
#define CADRE_CLI_H

#include <stdio.h>

#include <cadre/cadre.h>

#include "options.h"
#include "spec.h"

struct cJSON;

/* Exit codes (docs/cli.md). */
enum {
    EXIT_OK = 0,      /* everything ran and passed */
    EXIT_FAILED = 1,  /* an assessment or a plugin failed, or a rubric test failed */
    EXIT_USAGE = 2,   /* bad command line; nothing ran */
    EXIT_INPUT = 3,   /* a candidate file was unreadable or invalid */
    EXIT_PLUGINS = 4, /* no usable assessment to run */
    EXIT_INTERNAL = 5 /* out of memory or similar */
};

#define MAX_DIRS 64
#define MAX_SETS 64

/* Options shared by the commands that load plugins or print reports. */
typedef struct cli_opts {
    const cli_command *cmd;     /* the command being run, for its messages */
    const char *dirs[MAX_DIRS]; /* -P, in command-line order */
    int ndirs;
    int no_user, no_builtin;
    const char *format; /* "text", "json", "jsonl", "markdown" */
    int color;          /* -1 auto, 0 never, 1 always */
    int ascii;
    int verbose;
    int brief;              /* assess --brief: the answer only */
    int no_whatif;          /* assess --no-what-if */
    const char *record_dir; /* --record: decision records go there (record.c) */
    const char *mask;       /* --mask: comma-separated candidate fields masked in records */
    unsigned long time_ms;
    unsigned long memory_mb;
    unsigned long native_ms;
    int isolation;                   /* cadre_isolation */
    const char *trust[MAX_DIRS + 1]; /* --trust */
    int ntrust;
    int allow_override;
    const char *assessments;    /* -a, comma-separated */
    const char *sets[MAX_SETS]; /* --set plugin.key=value */
    int nsets;
    int always_vet; /* try every rubric at load, remembered or not (list) */
} cli_opts;

extern const char *cli_prog;
/* The report stream: the program's standard output as it was at start. Standard output itself
 * is pointed at standard error, so that nothing a plugin prints can reach the report. */
extern FILE *cli_out;
/* Which of the standard descriptors were closed when the program started (they are then
 * /dev/null, so that no file the program opens can take their place). */
extern int cli_stdin_closed, cli_stdout_closed;

struct record_opts;
/* Fills the decision-record settings from --record and --mask, making the folder when it is
 * missing. Returns EXIT_OK (ro->dir NULL when no records are asked for), or EXIT_USAGE /
 * EXIT_FAILED with a message printed. names: the -a list, or NULL. */
int cli_record_setup(struct record_opts *ro, const cli_opts *o, const char *const *names,
                     char *mask_buf, size_t size);

/* Sets the defaults every command that loads plugins starts from. */
void cli_opts_init(cli_opts *o, const cli_command *cmd);
/* Common option parsing: returns 1 if option `id` (spec.h) was a common option and was
 * consumed, 0 if not, -1 on a bad value (message printed). */
int cli_common_option(cli_opts *o, int id, const char *arg);
/* Makes an engine from the options, loads plugins and applies --set. Prints problems. */
int cli_engine(cadre_engine **out, const cli_opts *o, int quiet_refusals);
/* Splits -a "a,b" into a NULL-terminated array (in `buf`), or NULL for "all". */
const char **cli_split_names(const char *list, char *buf, size_t size, const char **names,
                             size_t max);
/* EXIT_FAILED when plugins were refused and the user asked for "everything", else EXIT_OK. */
int cli_refused_status(const cadre_engine *e, const cli_opts *o);
/* Says so and returns 1 when the engine has no plugins. */
int cli_no_plugins(const cadre_engine *e);
/* The exit status that matters more of two. */
int cli_worst(int a, int b);
/* The render flags for stdout under these options. */
unsigned cli_render_flags(const cli_opts *o);
/* Prints a diagnostic to stderr as "error: file: field: message", escaped for the terminal. */
void cli_print_diag(void *ud, const cadre_diag *d);
/* fprintf(stderr, "cadre: ...") with the formatted text escaped for the terminal. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes a rendered buffer to the report stream; returns EXIT_INTERNAL on a write error. */
int cli_write(const char *buf, size_t len);
/* Prints a JSON tree to stdout (indented, or on one line) and a newline, and frees it (takes
 * ownership). Returns EXIT_OK, or EXIT_INTERNAL when it cannot be printed or written. */
int cli_print_json(struct cJSON *root, int indented);
/* The whole of file `path` (standard input for "-"), NUL-terminated, *len its length; NULL
 * with a message printed when it cannot be read or is over `max` bytes ("over N MiB; why"). */
char *cli_read_file(const char *path, size_t max, const char *why, size_t *len);
/* Writes text and a newline to path through a temporary file renamed into place, so that a
 * reader never sees half of it; an existing file is replaced only when `force`. EXIT_OK, or
 * EXIT_FAILED with a message printed. */
int cli_write_file(const char *path, const char *text, int force);

/* Text from plugins or inputs written into an HTML page: escaped, control characters dropped. */
void cli_html(FILE *o, const char *s);

/* Text from plugins or inputs, escaped for the terminal; a static buffer, valid until the
 * fourth call after this one (so a printf may escape up to four arguments). */
const char *cli_safe(const char *s);

int cmd_assess(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_vocab(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_interview(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_card(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_completion(int argc, char **argv);

#endif
