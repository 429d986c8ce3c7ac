/* SPDX-License-Identifier: MIT */
/*
 * core/cli/main.c - `cadre`: command dispatch and what the commands share.
 */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"

#ifndef CADRE_PLUGIN_REL
#define CADRE_PLUGIN_REL "../lib/cadre/plugins"
#endif

const char *cli_prog = "cadre";
FILE *cli_out;
int cli_stdin_closed, cli_stdout_closed;

static const char usage[] =
    "usage: cadre <command> [options]\n"
    "\n"
    "Assess a person's profile against a role with plugin assessments.\n"
    "\n"
    "commands:\n"
    "  assess FILE...    assess candidate files (JSON) and print a report\n"
    "  batch [FILE|-]    assess a stream of candidates, one JSON object per line\n"
    "  list              list the assessments that are loaded, and any refused\n"
    "  validate FILE...  check candidate files against the schema\n"
    "  vocab [NAME]      print the skill, industry and other vocabularies\n"
    "  schema            print the candidate JSON Schema\n"
    "  test FILE|DIR...  run rubric tests (NAME_test.lua) and print TAP\n"
    "  new NAME          write a starting rubric and its tests\n"
    "\n"
    "  cadre <command> --help   options of one command\n"
    "  cadre --version          versions of cadre and its plugin ABI\n"
    "\n"
    "Start with: cadre assess docs/examples/candidates/<file>.json\n"
    "Documentation: docs/cli.md, docs/candidate.md, docs/assessments.md\n";

const char *cli_safe(const char *s)
{
    static char *last;

    cadre_free(last);
    last = NULL;
    if (s == NULL) return "";
    if (cadre_text_escape(&last, s, strlen(s), 0, NULL) != 0) return "?";
    return last;
}

/* Writes one line to stderr: `text` escaped, so that nothing in a message (a file name, a
 * plugin's words) can act on the terminal. */
static void error_line(const char *text)
{
    char *safe = NULL;

    if (cadre_text_escape(&safe, text, strlen(text), 0, NULL) == 0) {
        fputs(safe, stderr);
        fputc('\n', stderr);
    }
    cadre_free(safe);
}

void cli_error(const char *fmt, ...)
{
    char msg[4096];
    int n = snprintf(msg, sizeof(msg), "%s: ", cli_prog);
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
    va_end(ap);
    error_line(msg);
}

void cli_print_diag(void *ud, const cadre_diag *d)
{
    const char *kind = d->severity == CADRE_SEVERITY_ERROR ? "error" : "warning";
    char msg[4096];

    (void)ud;
    if (d->line && d->column)
        snprintf(msg, sizeof(msg), "%s: %s:%d:%d: %s", kind, d->source, d->line, d->column,
                 d->message);
    else if (d->line)
        snprintf(msg, sizeof(msg), "%s: %s:%d: %s", kind, d->source, d->line, d->message);
    else if (d->field && *d->field)
        snprintf(msg, sizeof(msg), "%s: %s: %s: %s", kind, d->source, d->field, d->message);
    else
        snprintf(msg, sizeof(msg), "%s: %s: %s", kind, d->source, d->message);
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

static int parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 10);
    if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0 || v == 0 || v > max) return -1;
    *out = v;
    return 0;
}

int cli_common_option(cli_opts *o, int opt, const char *arg)
{
    switch (opt) {
    case 'P':
        if (o->ndirs == MAX_DIRS) {
            cli_error("too many -P folders (at most %d)", MAX_DIRS);
            return -1;
        }
        o->dirs[o->ndirs++] = arg;
        return 1;
    case 1001:
        o->no_user = 1;
        return 1;
    case 1002:
        o->no_builtin = 1;
        return 1;
    case 'f':
        o->format = arg;
        return 1;
    case 1003:
        if (strcmp(arg, "auto") == 0)
            o->color = -1;
        else if (strcmp(arg, "always") == 0)
            o->color = 1;
        else if (strcmp(arg, "never") == 0)
            o->color = 0;
        else {
            cli_error("--color: expected auto, always or never, got '%s'", arg);
            return -1;
        }
        return 1;
    case 1004:
        o->ascii = 1;
        return 1;
    case 1005:
        if (parse_ulong(arg, 600000, &o->time_ms) != 0) {
            cli_error("--lua-time-limit: expected milliseconds 1..600000, got '%s'", arg);
            return -1;
        }
        return 1;
    case 1006:
        if (parse_ulong(arg, 65536, &o->memory_mb) != 0) {
            cli_error("--lua-memory-limit: expected MiB 1..65536, got '%s'", arg);
            return -1;
        }
        return 1;
    case 1007:
        if (strcmp(arg, "untrusted") == 0)
            o->isolation = CADRE_ISOLATE_UNTRUSTED;
        else if (strcmp(arg, "none") == 0)
            o->isolation = CADRE_ISOLATE_NONE;
        else if (strcmp(arg, "native") == 0)
            o->isolation = CADRE_ISOLATE_NATIVE;
        else if (strcmp(arg, "all") == 0)
            o->isolation = CADRE_ISOLATE_ALL;
        else {
            cli_error("--isolate: expected untrusted, none, native or all, got '%s'", arg);
            return -1;
        }
        return 1;
    case 1008:
        if (o->ntrust == MAX_DIRS) {
            cli_error("too many --trust folders (at most %d)", MAX_DIRS);
            return -1;
        }
        o->trust[o->ntrust++] = arg;
        return 1;
    case 1009:
        o->allow_override = 1;
        return 1;
    case 1010:
        if (parse_ulong(arg, 600000, &o->native_ms) != 0) {
            cli_error("--native-time-limit: expected milliseconds 1..600000, got '%s'", arg);
            return -1;
        }
        return 1;
    case 'v':
        o->verbose = 1;
        return 1;
    default:
        return 0;
    }
}

/* Built-in plugins: next to the program in a build tree (build/cadre, build/plugins); once
 * installed, the library finds them beside itself (core/util/location.c), so NULL. */
static const char *builtin_dir(void)
{
    static char dir[PATH_MAX + 64];
    char exe[PATH_MAX], probe[PATH_MAX + 64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    char *slash;
    struct stat st;

    if (n <= 0) return NULL;
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (slash == NULL) return NULL;
    *slash = '\0';
    snprintf(probe, sizeof(probe), "%s/CMakeCache.txt", exe);
    if (stat(probe, &st) != 0) return NULL;
    snprintf(dir, sizeof(dir), "%s/plugins", exe);
    return dir;
}

static int apply_sets(cadre_engine *e, const cli_opts *o)
{
    for (int i = 0; i < o->nsets; i++) {
        char buf[512];
        char *dot, *eq;
        cadre_error err;

        snprintf(buf, sizeof(buf), "%s", o->sets[i]);
        dot = strchr(buf, '.');
        eq = strchr(buf, '=');
        if (dot == NULL || eq == NULL || dot > eq) {
            cli_error("--set %s: expected plugin.key=value", o->sets[i]);
            return EXIT_USAGE;
        }
        *dot = *eq = '\0';
        if (cadre_engine_set_param(e, buf, dot + 1, eq + 1, &err) != 0) {
            cli_error("--set %s: %s", o->sets[i], err.message);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

int cli_engine(cadre_engine **out, const cli_opts *o, int quiet_refusals)
{
    cadre_engine_options eo;
    cadre_engine *e;
    cadre_error err;
    int rc;

    *out = NULL;
    cadre_engine_options_init(&eo);
    eo.builtin_dir = o->no_builtin ? "" : builtin_dir();
    eo.user_dir = o->no_user ? "" : NULL;
    eo.lua_time_limit_ms = (uint32_t)o->time_ms;
    eo.lua_memory_limit = (size_t)o->memory_mb << 20;
    eo.native_time_limit_ms = (uint32_t)o->native_ms;
    eo.isolation = o->isolation;
    eo.allow_override = o->allow_override;
    eo.on_diag = quiet_refusals ? NULL : cli_print_diag;
    if (cadre_engine_new(&e, &eo, &err) != 0) {
        cli_error("%s", err.message);
        return EXIT_INTERNAL;
    }
    for (int i = 0; i < o->ntrust; i++)
        if (cadre_engine_trust_dir(e, o->trust[i], &err) != 0) {
            cli_error("--trust %s: %s", o->trust[i], err.message);
            cadre_engine_free(e);
            return EXIT_USAGE;
        }
    /* -P folders in command-line order; the first given wins a name clash. */
    for (int i = o->ndirs - 1; i >= 0; i--)
        cadre_engine_add_dir(e, o->dirs[i], NULL);
    if (cadre_engine_load(e, &err) != 0) {
        cli_error("%s", err.message);
        cadre_engine_free(e);
        return EXIT_INTERNAL;
    }
    rc = apply_sets(e, o);
    if (rc != EXIT_OK) {
        cadre_engine_free(e);
        return rc;
    }
    *out = e;
    return EXIT_OK;
}

unsigned cli_render_flags(const cli_opts *o)
{
    unsigned flags = 0;
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    const char *codeset = nl_langinfo(CODESET);

    /* Colour only on a terminal (or when asked), and never when NO_COLOR is set to anything
     * (https://no-color.org): a user who set it does not want colour from any program. */
    if (!(no_color && *no_color) && (o->color == 1 || (o->color == -1 && isatty(fileno(cli_out)) &&
                                                       !(term && strcmp(term, "dumb") == 0))))
        flags |= CADRE_RENDER_COLOR;
    if (!o->ascii && codeset && strcmp(codeset, "UTF-8") == 0) flags |= CADRE_RENDER_UNICODE;
    if (o->verbose) flags |= CADRE_RENDER_VERBOSE;
    return flags;
}

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
        fflush(stdout);
        dup2(STDERR_FILENO, STDOUT_FILENO);
    }
}

/* Flushes the report stream; a failure there is a failed write like any other. */
static int finish(int rc)
{
    if (cli_out != NULL && fflush(cli_out) != 0 && rc != EXIT_INTERNAL && !cli_stdout_closed) {
        cli_error("cannot write to standard output: %s", strerror(errno));
        return EXIT_INTERNAL;
    }
    return rc;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {{"assess", cmd_assess},     {"batch", cmd_batch}, {"list", cmd_list},
                {"validate", cmd_validate}, {"vocab", cmd_vocab}, {"schema", cmd_schema},
                {"test", cmd_test},         {"new", cmd_new}};
    const char *cmd;
    int rc;

    guard_std_streams();
    setlocale(LC_CTYPE, "");
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage, cli_out);
        return finish(EXIT_OK);
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) return finish(version());
    if (strcmp(cmd, "help") == 0) {
        char *help_argv[] = {argv[2], "--help", NULL};

        if (argc < 3) {
            fputs(usage, cli_out);
            return finish(EXIT_OK);
        }
        for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
            if (strcmp(argv[2], cmds[i].name) == 0) return finish(cmds[i].fn(2, help_argv));
        cli_error("no command '%s'; see cadre --help", argv[2]);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
        if (strcmp(cmd, cmds[i].name) == 0) {
            rc = cmds[i].fn(argc - 1, argv + 1);
            return finish(rc);
        }
    cli_error("no command '%s'; see cadre --help", cmd);
    return EXIT_USAGE;
}
