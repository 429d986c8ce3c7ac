/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_list.c - `cadre list`: what is loaded, from where, and what was refused.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static const char list_usage[] =
    "usage: cadre list [options]\n"
    "\n"
    "List the assessments on the plugin search path (-P folders, $CADRE_PLUGIN_PATH, the user\n"
    "folder, the built-in folder) and every plugin file that was refused, with the reason.\n"
    "\n"
    "options:\n"
    "  -v, --verbose             also show each plugin's file, hash, inputs and parameters\n"
    "  -f, --format FORMAT       text (default) or json\n"
    "  -P, --plugins DIR         also load plugins from DIR (repeatable)\n"
    "      --no-user-plugins, --no-builtin-plugins\n"
    "  -h, --help                this help\n"
    "\n"
    "exit status: 0 no plugin was refused; 1 some were; 2 usage error\n";

static const char *const type_names[] = {"string", "number", "integer", "boolean", "choice"};

static void print_params(const cadre_plugin_meta *m)
{
    for (const cadre_param_spec *const *p = m->params; p && *p; p++) {
        fprintf(cli_out, "      --set %s.%s=<%s>", m->name, (*p)->key,
                (*p)->type == CADRE_PARAM_CHOICE ? (*p)->choices : type_names[(*p)->type]);
        if ((*p)->default_value) fprintf(cli_out, "  (default %s)", (*p)->default_value);
        fprintf(cli_out, "\n          %s\n", (*p)->description);
    }
}

static void list_text(const cadre_engine *e, int verbose)
{
    size_t n = cadre_engine_plugin_count(e), r = cadre_engine_refused_count(e);

    if (n == 0) fprintf(cli_out, "No assessments loaded.\n");
    for (size_t i = 0; i < n; i++) {
        const cadre_plugin_meta *m = cadre_engine_plugin(e, i);

        fprintf(cli_out, "%-18s %-7s %-8s %-9s %s\n", m->name, cadre_plugin_kind_name(m->kind),
                m->version, m->isolated ? "isolated" : "in-process", m->title);
        if (!verbose) continue;
        fprintf(cli_out, "    %s\n    file:   %s\n    sha256: %s\n", m->description, m->path,
                m->sha256);
        fprintf(cli_out, "    runs:   %s\n",
                m->isolated  ? "in a worker process of its own (deadline, limits, no file writes)"
                : m->trusted ? "in this process (a trusted folder)"
                             : "in this process (isolation turned off)");
        if (m->inputs && m->inputs[0]) {
            fprintf(cli_out, "    reads: ");
            for (const char *const *in = m->inputs; *in; in++)
                fprintf(cli_out, "%s%s", in == m->inputs ? "" : ", ", *in);
            fprintf(cli_out, "\n");
        }
        if (m->params && m->params[0]) {
            fprintf(cli_out, "    parameters:\n");
            print_params(m);
        }
    }
    if (verbose)
        fprintf(cli_out, "\nWorker processes are confined by: %s\n", cadre_worker_confinement());
    if (r) fprintf(cli_out, "\nRefused (%zu):\n", r);
    for (size_t i = 0; i < r; i++) {
        const cadre_diag *d = cadre_engine_refused(e, i);

        /* Refusals quote file names and plugins' own words: escape both. */
        fprintf(cli_out, "  %s", cli_safe(d->source));
        if (d->line) fprintf(cli_out, ":%d", d->line);
        fprintf(cli_out, "\n    %s\n", cli_safe(d->message));
    }
}

static int list_json(const cadre_engine *e)
{
    cJSON *root = cJSON_CreateObject(), *pl = cJSON_AddArrayToObject(root, "plugins");
    cJSON *rf = cJSON_AddArrayToObject(root, "refused");

    for (size_t i = 0; i < cadre_engine_plugin_count(e); i++) {
        const cadre_plugin_meta *m = cadre_engine_plugin(e, i);
        cJSON *o = cJSON_CreateObject(), *in, *ps;

        cJSON_AddStringToObject(o, "name", m->name);
        cJSON_AddStringToObject(o, "title", m->title);
        cJSON_AddStringToObject(o, "version", m->version);
        cJSON_AddStringToObject(o, "kind", cadre_plugin_kind_name(m->kind));
        cJSON_AddStringToObject(o, "path", m->path);
        cJSON_AddStringToObject(o, "sha256", m->sha256);
        cJSON_AddStringToObject(o, "description", m->description);
        cJSON_AddBoolToObject(o, "trusted", m->trusted);
        cJSON_AddBoolToObject(o, "isolated", m->isolated);
        in = cJSON_AddArrayToObject(o, "inputs");
        for (const char *const *x = m->inputs; x && *x; x++)
            cJSON_AddItemToArray(in, cJSON_CreateString(*x));
        ps = cJSON_AddArrayToObject(o, "params");
        for (const cadre_param_spec *const *p = m->params; p && *p; p++) {
            cJSON *po = cJSON_CreateObject();

            cJSON_AddStringToObject(po, "key", (*p)->key);
            cJSON_AddStringToObject(po, "type", type_names[(*p)->type]);
            if ((*p)->choices) cJSON_AddStringToObject(po, "choices", (*p)->choices);
            if ((*p)->default_value) cJSON_AddStringToObject(po, "default", (*p)->default_value);
            cJSON_AddStringToObject(po, "description", (*p)->description);
            cJSON_AddItemToArray(ps, po);
        }
        cJSON_AddItemToArray(pl, o);
    }
    for (size_t i = 0; i < cadre_engine_refused_count(e); i++) {
        const cadre_diag *d = cadre_engine_refused(e, i);
        cJSON *o = cJSON_CreateObject();

        cJSON_AddStringToObject(o, "path", d->source);
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddStringToObject(o, "message", d->message);
        cJSON_AddItemToArray(rf, o);
    }
    return cli_print_json(root, 1);
}

int cmd_list(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS, {NULL, 0, NULL, 0}};
    cli_opts o;
    cadre_engine *e;
    int c, rc;

    memset(&o, 0, sizeof(o));
    o.color = -1;
    o.format = "text";
    /* Listing loads plugins, which runs code of theirs: where, as for assessing. */
    o.isolation = CADRE_ISOLATE_UNTRUSTED;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+P:f:vh", longopts, NULL)) != -1) {
        int r = cli_common_option(&o, c, optarg);

        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        if (c == 'h') {
            fputs(list_usage, cli_out);
            return EXIT_OK;
        }
        fputs(list_usage, stderr);
        return EXIT_USAGE;
    }
    if (optind < argc) {
        cli_error("list takes no arguments");
        fputs(list_usage, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0) {
        cli_error("--format: expected text or json, got '%s'", o.format);
        return EXIT_USAGE;
    }
    /* Refusals are part of the listing itself, so they are not also printed to stderr. */
    if ((rc = cli_engine(&e, &o, 1)) != EXIT_OK) return rc;
    if (strcmp(o.format, "json") == 0)
        rc = list_json(e);
    else
        list_text(e, o.verbose);
    if (rc == EXIT_OK && cadre_engine_refused_count(e) > 0) rc = EXIT_FAILED;
    cadre_engine_free(e);
    return rc;
}
