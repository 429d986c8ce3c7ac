/* SPDX-License-Identifier: MIT */
/*
 * core/cli/help.c - `--help` and the manual pages, both written from the table in spec.c.
 */
#include <stdio.h>
#include <string.h>

#include <cadre/cadre.h>

#include "help.h"

#define WIDTH      80 /* columns of --help */
#define OPTION_COL 30 /* where an option's help starts */

/* Writes `text` (one paragraph, no newlines) wrapped to WIDTH: the first line continues at
 * column `col` (the caller already wrote that much), the others start at `indent`. */
static void wrap(FILE *f, const char *text, int col, int indent)
{
    int first = 1;

    for (const char *p = text; *p;) {
        size_t len;

        while (*p == ' ')
            p++;
        len = strcspn(p, " ");
        if (len == 0) break;
        if (!first && col + 1 + (int)len > WIDTH - 1) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', f);
            col++;
        }
        fwrite(p, 1, len, f);
        col += (int)len;
        p += len;
        first = 0;
    }
    fputc('\n', f);
}

/* Writes paragraphs separated by "\n\n", each wrapped at `indent`, blank lines between. */
static void paragraphs(FILE *f, const char *text, int indent)
{
    char para[4096];

    for (const char *p = text; *p;) {
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);

        if (n >= sizeof(para)) n = sizeof(para) - 1;
        memcpy(para, p, n);
        para[n] = '\0';
        fprintf(f, "%*s", indent, "");
        wrap(f, para, indent, indent);
        if (end == NULL) break;
        fputc('\n', f);
        p = end + 2;
    }
}

/* Calls fn for each "A\tB" line of `table`. */
static void each_pair(const char *table,
                      void (*fn)(FILE *, const char *, size_t, const char *, size_t, int), FILE *f,
                      int arg)
{
    for (const char *p = table; p && *p;) {
        const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);

        if (tab && tab < p + n)
            fn(f, p, (size_t)(tab - p), tab + 1, n - (size_t)(tab - p) - 1, arg);
        p = nl ? nl + 1 : p + n;
    }
}

static void help_pair(FILE *f, const char *a, size_t an, const char *b, size_t bn, int col)
{
    char text[1024];

    snprintf(text, sizeof(text), "%.*s", (int)bn, b);
    fprintf(f, "  %.*s", (int)an, a);
    if ((int)an + 2 + 2 > col) {
        fprintf(f, "\n%*s", col, "");
        wrap(f, text, col, col);
    } else {
        fprintf(f, "%*s", col - 2 - (int)an, "");
        wrap(f, text, col, col);
    }
}

static int option_label(char *buf, size_t size, const cli_option *o)
{
    if (o->short_name)
        return snprintf(buf, size, "-%c, --%s%s%s", o->short_name, o->long_name,
                        o->metavar ? " " : "", o->metavar ? o->metavar : "");
    return snprintf(buf, size, "    --%s%s%s", o->long_name, o->metavar ? " " : "",
                    o->metavar ? o->metavar : "");
}

void cli_help_usage_line(FILE *f, const cli_command *cmd)
{
    fprintf(f, "usage: cadre %s%s%s%s\n", cmd->name, cmd->options[1] ? " [options]" : "",
            *cmd->operands ? " " : "", cmd->operands);
}

void cli_help_command(FILE *f, const cli_command *cmd)
{
    cli_help_usage_line(f, cmd);
    fputc('\n', f);
    paragraphs(f, cmd->description, 0);
    fprintf(f, "\noptions:\n");
    for (const cli_option *const *o = cmd->options; *o; o++) {
        char label[128];
        int n = option_label(label, sizeof(label), *o);

        fprintf(f, "  %s", label);
        if (n + 2 + 2 > OPTION_COL)
            fprintf(f, "\n%*s", OPTION_COL, "");
        else
            fprintf(f, "%*s", OPTION_COL - 2 - n, "");
        wrap(f, (*o)->help, OPTION_COL, OPTION_COL);
    }
    fprintf(f, "\nexit status:\n");
    each_pair(cmd->exit_status, help_pair, f, 6);
    if (cmd->examples && *cmd->examples) {
        fprintf(f, "\nexamples:\n");
        for (const char *p = cmd->examples; *p;) {
            const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            char what[512];

            if (tab && tab < p + n) {
                snprintf(what, sizeof(what), "%.*s", (int)(p + n - tab - 1), tab + 1);
                fprintf(f, "  %.*s\n      ", (int)(tab - p), p);
                wrap(f, what, 6, 6);
            }
            p = nl ? nl + 1 : p + n;
        }
    }
    fprintf(f, "\nSee also: man cadre-%s, docs/cli.md\n", cmd->name);
}

void cli_help_program(FILE *f)
{
    fprintf(f, "usage: cadre <command> [options] [FILE...]\n\n");
    paragraphs(f, cli_program_description, 0);
    fprintf(f, "\ncommands:\n");
    for (const cli_command *const *c = cli_commands; *c; c++) {
        char label[64];

        snprintf(label, sizeof(label), "%s %s", (*c)->name, (*c)->operands);
        fprintf(f, "  %-20s", label);
        wrap(f, (*c)->summary, 22, 22);
    }
    fprintf(f, "\n  cadre <command> --help   the options of one command\n"
               "  cadre --version          versions of cadre, its plugin ABI and candidate "
               "schema\n\n"
               "Start with: cadre assess docs/examples/candidates/vp_operations.json\n"
               "See also: man cadre, docs/cli.md\n");
}

/* ---- manual pages (man(7) roff) ---- */

/* Writes text for roff: backslashes and dashes escaped, a line never starting with a control
 * character, and every sentence on a line of its own. */
static void roff(FILE *f, const char *s, size_t n)
{
    int line_start = 1;

    for (size_t i = 0; i < n; i++) {
        char c = s[i];

        if (line_start && (c == '.' || c == '\'')) fputs("\\&", f);
        line_start = 0;
        if (c == '\\')
            fputs("\\e", f);
        else if (c == '-')
            fputs("\\-", f);
        else if (c == '\n') {
            fputc('\n', f);
            line_start = 1;
        } else if (c == ' ' && i > 0 && s[i - 1] == '.' && i + 1 < n && s[i + 1] >= 'A' &&
                   s[i + 1] <= 'Z') {
            fputc('\n', f); /* roff puts sentence space at line ends */
            line_start = 1;
        } else {
            fputc(c, f);
        }
    }
}

static void roff_str(FILE *f, const char *s)
{
    roff(f, s, strlen(s));
}

static void roff_paragraphs(FILE *f, const char *text)
{
    for (const char *p = text; *p;) {
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);

        fputs(".PP\n", f);
        roff(f, p, n);
        fputc('\n', f);
        if (end == NULL) break;
        p = end + 2;
    }
}

static void roff_pair(FILE *f, const char *a, size_t an, const char *b, size_t bn, int bold)
{
    fputs(".TP\n", f);
    if (bold) fputs("\\fB", f);
    roff(f, a, an);
    if (bold) fputs("\\fR", f);
    fputc('\n', f);
    roff(f, b, bn);
    fputc('\n', f);
}

static void upper(char *dst, size_t size, const char *s)
{
    size_t i = 0;

    for (; s[i] && i + 1 < size; i++)
        dst[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
    dst[i] = '\0';
}

static void man_header(FILE *f, const char *title)
{
    char up[64];

    upper(up, sizeof(up), title);
    fprintf(f, ".\\\" Generated by `cadre help --man`, from core/cli/spec.c; do not edit.\n");
    fprintf(f, ".TH %s 1 \"\" \"cadre %s\" \"cadre manual\"\n", up, cadre_version());
    fputs(".nh\n.ad l\n", f); /* no hyphens in command names, no stretched spaces */
}

static void man_program(FILE *f)
{
    man_header(f, "cadre");
    fputs(".SH NAME\ncadre \\- ", f);
    roff_str(f, cli_program_summary);
    fputs("\n.SH SYNOPSIS\n.B cadre\n\\fICOMMAND\\fR [\\fIoptions\\fR] [\\fIFILE\\fR...]\n"
          ".br\n.B cadre\n\\fICOMMAND\\fR \\fB\\-\\-help\\fR\n.br\n.B cadre \\-\\-version\n"
          ".SH DESCRIPTION\n",
          f);
    roff_paragraphs(f, cli_program_description);
    fputs(".SH COMMANDS\n", f);
    for (const cli_command *const *c = cli_commands; *c; c++) {
        fprintf(f, ".TP\n\\fB%s\\fR ", (*c)->name);
        roff_str(f, (*c)->operands);
        fputc('\n', f);
        roff_str(f, (*c)->summary);
        fprintf(f, "; see \\fBcadre\\-%s\\fR(1).\n", (*c)->name);
    }
    fputs(".SH ENVIRONMENT\n", f);
    each_pair(cli_program_environment, roff_pair, f, 1);
    fputs(".SH FILES\n", f);
    each_pair(cli_program_files, roff_pair, f, 0);
    fputs(".SH EXIT STATUS\n", f);
    each_pair(cli_program_exit_status, roff_pair, f, 0);
    fputs(".PP\nWhen several apply, the most serious wins, in the order 5, 2, 4, 3, 1.\n", f);
    fputs(".SH SEE ALSO\n", f);
    for (const cli_command *const *c = cli_commands; *c; c++)
        fprintf(f, "\\fBcadre\\-%s\\fR(1)%s\n", (*c)->name, c[1] ? "," : "");
    fputs(".PP\nThe documentation installed with cadre (share/doc/cadre): README.md, "
          "docs/candidate.md, docs/assessments.md, docs/report.md, docs/cli.md, "
          "docs/rubric\\-authoring.md, docs/plugins.md, docs/embedding.md.\n",
          f);
}

static void man_command(FILE *f, const cli_command *cmd)
{
    char title[64];

    snprintf(title, sizeof(title), "cadre-%s", cmd->name);
    man_header(f, title);
    fprintf(f, ".SH NAME\ncadre\\-%s \\- ", cmd->name);
    roff_str(f, cmd->summary);
    fprintf(f, "\n.SH SYNOPSIS\n.B cadre %s\n%s", cmd->name,
            cmd->options[1] ? "[\\fIoptions\\fR]" : "");
    if (*cmd->operands) {
        fputs(" \\fI", f);
        roff_str(f, cmd->operands);
        fputs("\\fR", f);
    }
    fputs("\n.SH DESCRIPTION\n", f);
    roff_paragraphs(f, cmd->description);
    fputs(".SH OPTIONS\n", f);
    for (const cli_option *const *o = cmd->options; *o; o++) {
        fputs(".TP\n", f);
        if ((*o)->short_name) fprintf(f, "\\fB\\-%c\\fR, ", (*o)->short_name);
        fputs("\\fB\\-\\-", f);
        roff_str(f, (*o)->long_name);
        fputs("\\fR", f);
        if ((*o)->metavar) {
            fputs(" \\fI", f);
            roff_str(f, (*o)->metavar);
            fputs("\\fR", f);
        }
        fputc('\n', f);
        roff_str(f, (*o)->help);
        fputc('\n', f);
    }
    fputs(".SH EXIT STATUS\n", f);
    each_pair(cmd->exit_status, roff_pair, f, 0);
    if (cmd->examples && *cmd->examples) {
        fputs(".SH EXAMPLES\n", f);
        each_pair(cmd->examples, roff_pair, f, 1);
    }
    fputs(".SH SEE ALSO\n\\fBcadre\\fR(1)\n", f);
}

void cli_man_page(FILE *f, const cli_command *cmd)
{
    if (cmd == NULL)
        man_program(f);
    else
        man_command(f, cmd);
}
