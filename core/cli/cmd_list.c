/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_list.c - `cadre list`: what is loaded, from where, and what was refused.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

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
    if (verbose) {
        char fp[65];

        fprintf(cli_out, "\nWorker processes are confined by: %s\n", cadre_worker_confinement());
        if (cadre_engine_fingerprint(fp, e) == 0)
            fprintf(cli_out, "Fingerprint of this plugin set: %s\n", fp);
    }
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
    char fp[65];

    if (cadre_engine_fingerprint(fp, e) == 0) cJSON_AddStringToObject(root, "fingerprint", fp);

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

/* --format names: one plugin name per line (for scripts and shell completion). */
static void list_names(const cadre_engine *e)
{
    for (size_t i = 0; i < cadre_engine_plugin_count(e); i++)
        fprintf(cli_out, "%s\n", cadre_engine_plugin(e, i)->name);
}

/* A choice a shell may offer as it is: plugins' words end up on command lines, so anything but
 * letters, digits and "_.:+-" is left out of --format params. */
static int plain_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || strchr("_.:+-", s[i])))
            return 0;
    return n > 0;
}

/* --format params: what --set accepts, one line per parameter ("PLUGIN.KEY="), or per choice
 * of a choice parameter ("PLUGIN.KEY=VALUE"). */
static void list_params(const cadre_engine *e)
{
    for (size_t i = 0; i < cadre_engine_plugin_count(e); i++) {
        const cadre_plugin_meta *m = cadre_engine_plugin(e, i);

        for (const cadre_param_spec *const *p = m->params; p && *p; p++) {
            const char *c = (*p)->type == CADRE_PARAM_CHOICE ? (*p)->choices : NULL;

            if (c == NULL || *c == '\0') {
                fprintf(cli_out, "%s.%s=\n", m->name, (*p)->key);
                continue;
            }
            while (*c) {
                size_t n = strcspn(c, "|");

                if (plain_word(c, n))
                    fprintf(cli_out, "%s.%s=%.*s\n", m->name, (*p)->key, (int)n, c);
                c += n + (c[n] == '|');
            }
        }
    }
}

static int on_option(void *ud, int id, const char *arg)
{
    return cli_common_option(ud, id, arg) < 0 ? -1 : 0;
}

int cmd_list(int argc, char **argv)
{
    cli_opts o;
    cadre_engine *e;
    int first, rc;

    /* Listing loads plugins, which runs code of theirs: where, as for assessing. */
    cli_opts_init(&o, cli_command_find("list"));
    if ((rc = cli_parse(o.cmd, argc, argv, &first, on_option, &o)) >= 0) return rc;
    if (first < argc)
        return cli_usage_error(o.cmd, "list takes no operands; got '%s'", argv[first]);
    /* Refusals are part of the listing itself, so they are not also printed to stderr; the
     * forms for scripts print nothing but what they promise. */
    o.always_vet = 1; /* list shows what loads: every rubric is tried, as on a first start */
    if ((rc = cli_engine(&e, &o, 1)) != EXIT_OK) return rc;
    if (strcmp(o.format, "json") == 0)
        rc = list_json(e);
    else if (strcmp(o.format, "names") == 0)
        list_names(e);
    else if (strcmp(o.format, "params") == 0)
        list_params(e);
    else
        list_text(e, o.verbose);
    if (rc == EXIT_OK && cadre_engine_refused_count(e) > 0) rc = EXIT_FAILED;
    cadre_engine_free(e);
    return rc;
}
