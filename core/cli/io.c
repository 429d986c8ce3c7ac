/* SPDX-License-Identifier: MIT */
/*
 * core/cli/io.c - where the cadre program's output and messages go, and how they are escaped.
 *
 * Every message goes to standard error as "cadre: ..." with the text escaped for the terminal,
 * since it may quote a file name, a plugin's words or a candidate's fields. Reports go to the
 * report stream, cli_out (see main.c for why that is not simply stdout).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"

FILE *cli_out;
int cli_stdin_closed, cli_stdout_closed;

/* A ring of buffers, so that up to SAFE_SLOTS escaped strings can be used in one call. */
#define SAFE_SLOTS 4

const char *cli_safe(const char *s)
{
    static char *slot[SAFE_SLOTS];
    static unsigned next;
    char **mine = &slot[next++ % SAFE_SLOTS];

    cadre_free(*mine);
    *mine = NULL;
    if (s == NULL) return "";
    if (cadre_text_escape(mine, s, strlen(s), 0, NULL) != 0) return "?";
    return *mine;
}

/* Writes "cadre: TEXT" and a newline to stderr, TEXT escaped so that nothing in a message (a
 * file name, a plugin's words) can act on the terminal. */
static void error_line(const char *text)
{
    char *safe = NULL;

    if (cadre_text_escape(&safe, text, strlen(text), 0, NULL) == 0)
        fprintf(stderr, "cadre: %s\n", safe);
    cadre_free(safe);
}

void cli_error(const char *fmt, ...)
{
    char msg[4096];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    error_line(msg);
}

void cli_print_diag(void *ud, const cadre_diag *d)
{
    const char *warn = d->severity == CADRE_SEVERITY_ERROR ? "" : "warning: ";
    char msg[4096];

    (void)ud;
    if (d->line && d->column)
        snprintf(msg, sizeof(msg), "%s:%d:%d: %s%s", d->source, d->line, d->column, warn,
                 d->message);
    else if (d->line)
        snprintf(msg, sizeof(msg), "%s:%d: %s%s", d->source, d->line, warn, d->message);
    else if (d->field && *d->field)
        snprintf(msg, sizeof(msg), "%s: %s: %s%s", d->source, d->field, warn, d->message);
    else
        snprintf(msg, sizeof(msg), "%s: %s%s", d->source, warn, d->message);
    error_line(msg);
}

int cli_write(const char *buf, size_t len)
{
    if (cli_stdout_closed) {
        cli_error("cannot write the report: standard output is closed");
        return EXIT_INTERNAL;
    }
    if (fwrite(buf, 1, len, cli_out) != len || fflush(cli_out) != 0) {
        cli_error("cannot write the report: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    return EXIT_OK;
}

int cli_print_json(cJSON *root, int indented)
{
    char *s = root ? (indented ? cJSON_Print(root) : cJSON_PrintUnformatted(root)) : NULL;
    int rc = EXIT_INTERNAL;

    cJSON_Delete(root);
    if (s != NULL) {
        rc = cli_write(s, strlen(s));
        if (rc == EXIT_OK) rc = cli_write("\n", 1);
    }
    free(s);
    return rc;
}

char *cli_read_file(const char *path, size_t max, const char *why, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;

    if (f == NULL) {
        cli_error("cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    for (;;) {
        size_t got;

        if (n + 65536 + 1 > cap) {
            char *grown = realloc(buf, cap = n + 65536 + 1);

            if (grown == NULL) break;
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n > max) {
            cli_error("%s: over %zu MiB; %s", path, max >> 20, why);
            free(buf);
            buf = NULL;
            break;
        }
        if (got == 0) break;
    }
    if (buf && ferror(f)) {
        cli_error("cannot read %s: %s", path, strerror(errno));
        free(buf);
        buf = NULL;
    }
    if (f != stdin) fclose(f);
    if (buf) buf[n] = '\0', *len = n;
    return buf;
}

int cli_write_file(const char *path, const char *text, int force)
{
    char tmp[4096];
    int fd, rc = 0;
    size_t len = strlen(text);

    if (!force && access(path, F_OK) == 0) {
        cli_error("%s exists; choose another name with -o, or replace it with --force", path);
        return EXIT_FAILED;
    }
    if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp)) {
        cli_error("%s: the name is too long", path);
        return EXIT_FAILED;
    }
    if ((fd = mkstemp(tmp)) < 0) {
        cli_error("cannot write %s: %s", path, strerror(errno));
        return EXIT_FAILED;
    }
    fchmod(fd, 0644);
    if (write(fd, text, len) != (ssize_t)len || write(fd, "\n", 1) != 1 || fsync(fd) != 0) rc = -1;
    if (close(fd) != 0) rc = -1;
    if (rc == 0 && rename(tmp, path) != 0) rc = -1;
    if (rc != 0) {
        cli_error("cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

void cli_html(FILE *o, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '&')
            fputs("&amp;", o);
        else if (c == '<')
            fputs("&lt;", o);
        else if (c == '>')
            fputs("&gt;", o);
        else if (c == '"')
            fputs("&quot;", o);
        else if (c == '\'')
            fputs("&#39;", o);
        else if (c >= 0x20 || c == '\n' || c == '\t')
            fputc(c, o); /* other control characters have no place in a page */
    }
}
