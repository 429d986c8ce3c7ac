/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_assess.c - `cadre assess` (files) and `cadre batch` (JSON Lines streams).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

/* Options of assess and batch: all of them are common ones (setup.c). */
static int on_option(void *ud, int id, const char *arg)
{
    return cli_common_option(ud, id, arg) < 0 ? -1 : 0;
}

/* Parses options; returns -1 to continue (operands from *first), or an exit code. */
static int parse(cli_opts *o, const char *name, int argc, char **argv, int *first)
{
    cli_opts_init(o, cli_command_find(name));
    return cli_parse(o->cmd, argc, argv, first, on_option, o);
}

/* Splits -a "a,b" into a NULL-terminated array (in `buf`), or NULL for "all". */
static const char **split_names(const char *list, char *buf, size_t size, const char **names,
                                size_t max)
{
    size_t n = 0;

    if (list == NULL) return NULL;
    snprintf(buf, size, "%s", list);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok && n + 1 < max;
         tok = strtok_r(NULL, ",", &save))
        names[n++] = tok;
    names[n] = NULL;
    return names;
}

/* Exit status when plugins were refused: only if we ran "everything", since then something
 * the user expected to run did not. */
static int refused_status(const cadre_engine *e, const cli_opts *o)
{
    return o->assessments == NULL && cadre_engine_refused_count(e) > 0 ? EXIT_FAILED : EXIT_OK;
}

static int no_plugins(const cadre_engine *e)
{
    if (cadre_engine_plugin_count(e) > 0) return 0;
    cli_error("no assessments are loaded; `cadre list` shows the search path and any refusals");
    return 1;
}

static int worst(int a, int b)
{
    /* Usage and internal errors dominate, then invalid input, then failed assessments. */
    static const int rank[] = {0, 1, 5, 3, 4, 6};

    return rank[b] > rank[a] ? b : a;
}

int cmd_assess(int argc, char **argv)
{
    cli_opts o;
    cadre_engine *e = NULL;
    cadre_report **reports;
    const char *names_buf[65], **names;
    char list_buf[1024];
    cadre_format fmt;
    int first, rc = parse(&o, "assess", argc, argv, &first), n = 0, status = EXIT_OK;

    if (rc >= 0) return rc;
    fmt = strcmp(o.format, "json") == 0    ? CADRE_FORMAT_JSON
          : strcmp(o.format, "jsonl") == 0 ? CADRE_FORMAT_JSONL
                                           : CADRE_FORMAT_TEXT;
    if (first >= argc) return cli_usage_error(o.cmd, "no candidate file given");
    if ((rc = cli_engine(&e, &o, 0)) != EXIT_OK) return rc;
    if (no_plugins(e)) {
        cadre_engine_free(e);
        return EXIT_PLUGINS;
    }
    names = split_names(o.assessments, list_buf, sizeof(list_buf), names_buf, 65);
    reports = calloc((size_t)(argc - first), sizeof(*reports));
    if (reports == NULL) {
        cadre_engine_free(e);
        return EXIT_INTERNAL;
    }
    for (int i = first; i < argc; i++) {
        cadre_candidate *c = NULL;
        cadre_error err;

        if (strcmp(argv[i], "-") == 0 && cli_stdin_closed) {
            cli_error("-: standard input is closed");
            status = worst(status, EXIT_INPUT);
            continue;
        }
        /* Warnings go into the report; errors are printed as they are found. */
        if (cadre_candidate_load_file(&c, argv[i], NULL, NULL, &err) != 0) {
            cli_error("%s", err.message);
            status = worst(status, err.code == CADRE_ENOMEM ? EXIT_INTERNAL : EXIT_INPUT);
            continue;
        }
        rc = cadre_engine_assess(&reports[n], e, c, (const char *const *)names, &err);
        cadre_candidate_free(c);
        if (rc != 0) {
            cli_error("%s", err.message);
            status = worst(status, rc == CADRE_ENOTFOUND ? EXIT_PLUGINS : EXIT_INTERNAL);
            break;
        }
        if (cadre_report_error_count(reports[n]) > 0) status = worst(status, EXIT_FAILED);
        n++;
    }
    if (n > 0) {
        char *out = NULL;
        size_t len = 0;
        cadre_error err;

        if (cadre_report_render(&out, &len, (const cadre_report *const *)reports, (size_t)n, fmt,
                                cli_render_flags(&o), &err) != 0) {
            cli_error("%s", err.message);
            status = worst(status, EXIT_INTERNAL);
        } else {
            status = worst(status, cli_write(out, len));
        }
        cadre_free(out);
    }
    status = worst(status, refused_status(e, &o));
    for (int i = 0; i < n; i++)
        cadre_report_free(reports[i]);
    free(reports);
    cadre_engine_free(e);
    return status;
}

/* ---- batch ---- */

typedef struct line_diag {
    cJSON *list; /* every error diagnostic of the current line */
} line_diag;

static void collect_diag(void *ud, const cadre_diag *d)
{
    line_diag *ld = ud;
    cJSON *o;

    if (d->severity != CADRE_SEVERITY_ERROR || ld->list == NULL) return;
    o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "field", d->field ? d->field : "");
    cJSON_AddStringToObject(o, "message", d->message);
    if (d->line) {
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddNumberToObject(o, "column", d->column);
    }
    cJSON_AddItemToArray(ld->list, o);
}

/* The record for a line that is not a valid candidate: same envelope as a report. */
static int write_input_error(const char *source, const cadre_error *err, cJSON *problems)
{
    cJSON *o = cJSON_CreateObject(), *eng = cJSON_CreateObject(), *cand = cJSON_CreateObject();
    cJSON *e = cJSON_CreateObject();

    cJSON_AddStringToObject(o, "format", "cadre-report");
    cJSON_AddNumberToObject(o, "format_version", 1);
    cJSON_AddStringToObject(eng, "name", "cadre");
    cJSON_AddStringToObject(eng, "version", cadre_version());
    cJSON_AddNumberToObject(eng, "plugin_abi", CADRE_PLUGIN_ABI_VERSION);
    cJSON_AddItemToObject(o, "engine", eng);
    cJSON_AddNullToObject(cand, "id");
    cJSON_AddNullToObject(cand, "name");
    cJSON_AddStringToObject(cand, "source", source);
    cJSON_AddItemToObject(o, "candidate", cand);
    cJSON_AddStringToObject(e, "message", err->message);
    cJSON_AddItemToObject(e, "problems", problems);
    cJSON_AddItemToObject(o, "error", e);
    cJSON_AddItemToObject(o, "assessments", cJSON_CreateArray());
    return cli_print_json(o, 0);
}

static int batch_line(cadre_engine *e, const char *const *names, const char *line, size_t len,
                      const char *source)
{
    line_diag ld = {cJSON_CreateArray()};
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;
    char *out = NULL;
    int rc;

    if (cadre_candidate_parse(&c, line, len, source, collect_diag, &ld, &err) != 0) {
        cli_error("%s", err.message);
        rc = write_input_error(source, &err, ld.list);
        return rc == EXIT_OK ? EXIT_INPUT : rc;
    }
    cJSON_Delete(ld.list);
    rc = cadre_engine_assess(&r, e, c, names, &err);
    cadre_candidate_free(c);
    if (rc != 0) {
        cli_error("%s", err.message);
        return rc == CADRE_ENOTFOUND ? EXIT_PLUGINS : EXIT_INTERNAL;
    }
    rc = cadre_report_error_count(r) ? EXIT_FAILED : EXIT_OK;
    if (cadre_report_render(&out, &len, (const cadre_report *const *)&r, 1, CADRE_FORMAT_JSONL, 0,
                            &err) != 0) {
        cli_error("%s", err.message);
        rc = EXIT_INTERNAL;
    } else if (cli_write(out, len) != EXIT_OK) {
        rc = EXIT_INTERNAL; /* cli_write said why */
    }
    cadre_free(out);
    cadre_report_free(r);
    return rc;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
    return 1;
}

int cmd_batch(int argc, char **argv)
{
    cli_opts o;
    cadre_engine *e = NULL;
    const char *names_buf[65], **names, *path;
    char list_buf[1024], *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    FILE *in;
    int first, rc = parse(&o, "batch", argc, argv, &first), status = EXIT_OK;

    if (rc >= 0) return rc;
    if (argc - first > 1)
        return cli_usage_error(o.cmd, "batch reads one stream; got %d files", argc - first);
    path = first < argc ? argv[first] : "-";
    if (strcmp(path, "-") == 0 && cli_stdin_closed) {
        cli_error("cannot read candidates: standard input is closed");
        return EXIT_INPUT;
    }
    in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (in == NULL) {
        cli_error("cannot open %s: %s", path, strerror(errno));
        return EXIT_INPUT;
    }
    if ((rc = cli_engine(&e, &o, 0)) != EXIT_OK || no_plugins(e)) {
        if (in != stdin) fclose(in);
        cadre_engine_free(e);
        return rc != EXIT_OK ? rc : EXIT_PLUGINS;
    }
    names = split_names(o.assessments, list_buf, sizeof(list_buf), names_buf, 65);
    while ((len = getline(&line, &cap, in)) >= 0) {
        char source[600];

        lineno++;
        if (blank(line, (size_t)len)) continue;
        snprintf(source, sizeof(source), "%s:%ld", strcmp(path, "-") == 0 ? "<stdin>" : path,
                 lineno);
        rc = batch_line(e, (const char *const *)names, line, (size_t)len, source);
        status = worst(status, rc);
        if (rc == EXIT_INTERNAL || rc == EXIT_PLUGINS) break;
    }
    if (ferror(in)) {
        cli_error("error reading %s: %s", path, strerror(errno));
        status = worst(status, EXIT_INPUT);
    }
    free(line);
    if (in != stdin) fclose(in);
    status = worst(status, refused_status(e, &o));
    cadre_engine_free(e);
    return status;
}
