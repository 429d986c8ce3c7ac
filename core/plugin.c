/* SPDX-License-Identifier: MIT */
/*
 * core/plugin.c - what native and Lua plugins have in common: metadata and parameters.
 */
#include <errno.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plugin_internal.h"

cadre__plugin *cadre__plugin_alloc(void)
{
    cadre__plugin *p = calloc(1, sizeof(*p));

    if (p != NULL) cadre__arena_init(&p->arena, 2048);
    return p;
}

void cadre__plugin_free(cadre__plugin *p)
{
    if (p == NULL) return;
    if (p->ops != NULL && p->ops->unload != NULL) p->ops->unload(p);
    free(p->params);
    cadre__arena_free(&p->arena);
    free(p);
}

static int choice_ok(const char *choices, const char *value)
{
    size_t n = strlen(value);

    for (const char *c = choices; c != NULL && *c;) {
        const char *bar = strchr(c, '|');
        size_t len = bar ? (size_t)(bar - c) : strlen(c);

        if (len == n && strncmp(c, value, n) == 0) return 1;
        c = bar ? bar + 1 : NULL;
    }
    return 0;
}

int cadre__param_check(const cadre_param_spec *spec, const char *value, char *msg, size_t size)
{
    char *end;
    double d;

    switch (spec->type) {
    case CADRE_PARAM_STRING:
        return 0;
    case CADRE_PARAM_BOOLEAN:
        if (strcmp(value, "true") == 0 || strcmp(value, "false") == 0) return 0;
        snprintf(msg, size, "expected true or false, got \"%s\"", value);
        return -1;
    case CADRE_PARAM_CHOICE:
        if (choice_ok(spec->choices, value)) return 0;
        snprintf(msg, size, "expected one of %s, got \"%s\"", spec->choices, value);
        return -1;
    case CADRE_PARAM_NUMBER:
    case CADRE_PARAM_INTEGER:
        errno = 0;
        d = strtod(value, &end);
        if (end == value || *end != '\0' || errno != 0 || !isfinite(d) ||
            (spec->type == CADRE_PARAM_INTEGER && d != floor(d))) {
            snprintf(msg, size, "expected %s, got \"%s\"",
                     spec->type == CADRE_PARAM_INTEGER ? "an integer" : "a number", value);
            return -1;
        }
        return 0;
    }
    snprintf(msg, size, "unknown parameter type %d", (int)spec->type);
    return -1;
}

/* Counts a NULL-terminated array, refusing absurd lengths (a missing terminator). */
static long count_list(const void *const *list, long max)
{
    long n = 0;

    if (list == NULL) return 0;
    while (list[n] != NULL)
        if (++n > max) return -1;
    return n;
}

static const char *dup_or(cadre__plugin *p, const char *s, const char *fallback)
{
    return cadre__arena_strdup(&p->arena, s ? s : fallback);
}

static int copy_params(cadre__plugin *p, const cadre_param_spec *const *specs, const char *path,
                       cadre_error *err)
{
    long n = count_list((const void *const *)specs, 64);
    cadre_param_spec **copies;

    if (n < 0)
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                           "%s: params list has more than 64 entries or no NULL terminator", path);
    copies = cadre__arena_alloc(&p->arena, (size_t)(n + 1) * sizeof(*copies));
    p->params = calloc((size_t)n + 1, sizeof(*p->params));
    if (copies == NULL || p->params == NULL)
        return cadre__fail(err, CADRE_ENOMEM, path, 0, 0, "out of memory");
    for (long i = 0; i < n; i++) {
        const cadre_param_spec *s = specs[i];
        cadre_param_spec *c;
        char msg[256];

        if (s->struct_size < offsetof(cadre_param_spec, description) + sizeof(s->description))
            return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                               "%s: params[%ld] has struct_size %u, smaller than ABI %d's", path, i,
                               s->struct_size, CADRE_PLUGIN_ABI_VERSION);
        if (!cadre__is_identifier(s->key, CADRE__MAX_NAME))
            return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                               "%s: params[%ld] key is not a snake_case identifier", path, i);
        if ((unsigned)s->type > CADRE_PARAM_CHOICE ||
            (s->type == CADRE_PARAM_CHOICE && (s->choices == NULL || *s->choices == '\0')))
            return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                               "%s: parameter %s has an invalid type or no choices", path, s->key);
        if (s->default_value && cadre__param_check(s, s->default_value, msg, sizeof(msg)) != 0)
            return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0, "%s: default of parameter %s: %s",
                               path, s->key, msg);
        c = cadre__arena_alloc(&p->arena, sizeof(*c));
        if (c == NULL) return cadre__fail(err, CADRE_ENOMEM, path, 0, 0, "out of memory");
        c->struct_size = sizeof(*c);
        c->key = dup_or(p, s->key, "");
        c->type = s->type;
        c->default_value = s->default_value ? dup_or(p, s->default_value, "") : NULL;
        c->choices = s->choices ? dup_or(p, s->choices, "") : NULL;
        c->description = dup_or(p, s->description, "");
        copies[i] = c;
        p->params[i].spec = c;
        p->params[i].value = c->default_value;
    }
    p->meta.params = (const cadre_param_spec *const *)copies;
    p->param_count = (size_t)n;
    return 0;
}

/* Checks one string of the descriptor; fills err naming the field when it is unusable. */
static int meta_text(const char *s, const char *field, size_t max, int multiline, const char *path,
                     cadre_error *err)
{
    const char *problem = s ? cadre__text_problem(s, max, multiline) : NULL;

    if (problem == NULL) return 0;
    return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                       "%s: the plugin's %s %s (at most %zu bytes%s)", path, field, problem, max,
                       multiline ? "" : ", one line");
}

/* Everything a descriptor says goes into reports, listings and terminals: check it once,
 * here, for every kind of plugin (a worker's copy is checked again here too). */
static int check_meta(const cadre_plugin_meta *m, const char *path, cadre_error *err)
{
    int rc = meta_text(m->title, "title", 200, 0, path, err);

    if (rc == 0) rc = meta_text(m->version, "version", 64, 0, path, err);
    if (rc == 0) rc = meta_text(m->description, "description", 2000, 1, path, err);
    for (size_t i = 0; rc == 0 && m->inputs && m->inputs[i] && i <= 256; i++)
        rc = meta_text(m->inputs[i], "inputs entry", 200, 0, path, err);
    for (size_t i = 0; rc == 0 && m->params && m->params[i] && i <= 64; i++) {
        const cadre_param_spec *s = m->params[i];

        if (s->struct_size < offsetof(cadre_param_spec, description) + sizeof(s->description))
            break; /* copy_params says why */
        rc = meta_text(s->default_value, "parameter default", 200, 0, path, err);
        if (rc == 0) rc = meta_text(s->choices, "parameter choices", 1000, 0, path, err);
        if (rc == 0) rc = meta_text(s->description, "parameter description", 500, 0, path, err);
    }
    return rc;
}

int cadre__plugin_set_meta(cadre__plugin *p, const cadre_plugin_meta *m, const char *path,
                           cadre_error *err)
{
    long n_in = count_list((const void *const *)m->inputs, 256);
    const char **inputs;

    if (!cadre__is_identifier(m->name, CADRE__MAX_NAME))
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                           "%s: plugin name %s%s%s is not a snake_case identifier of at most %d "
                           "bytes",
                           path, m->name ? "\"" : "", m->name ? m->name : "(missing)",
                           m->name ? "\"" : "", CADRE__MAX_NAME);
    if (m->version == NULL || *m->version == '\0')
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0, "%s: plugin %s has no version", path,
                           m->name);
    if (n_in < 0)
        return cadre__fail(err, CADRE_EPLUGIN, path, 0, 0,
                           "%s: inputs list has more than 256 entries or no NULL terminator", path);
    if (check_meta(m, path, err) != 0) return err ? err->code : CADRE_EPLUGIN;
    inputs = cadre__arena_alloc(&p->arena, (size_t)(n_in + 1) * sizeof(*inputs));
    if (inputs == NULL) return cadre__fail(err, CADRE_ENOMEM, path, 0, 0, "out of memory");
    for (long i = 0; i < n_in; i++)
        inputs[i] = dup_or(p, m->inputs[i], "");
    p->meta.name = dup_or(p, m->name, "");
    p->meta.title = dup_or(p, m->title, m->name);
    p->meta.version = dup_or(p, m->version, "");
    p->meta.kind = m->kind;
    p->meta.path = dup_or(p, path, "");
    p->meta.sha256 = dup_or(p, m->sha256, "");
    p->meta.description = dup_or(p, m->description, "");
    p->meta.inputs = inputs;
    if (!p->meta.name || !p->meta.title || !p->meta.version || !p->meta.path || !p->meta.sha256 ||
        !p->meta.description)
        return cadre__fail(err, CADRE_ENOMEM, path, 0, 0, "out of memory");
    return copy_params(p, m->params, path, err);
}

int cadre__plugin_set_param(cadre__plugin *p, const char *key, const char *value, char *msg,
                            size_t size)
{
    char why[300];

    for (size_t i = 0; i < p->param_count; i++) {
        cadre__param *pa = &p->params[i];

        if (strcmp(pa->spec->key, key) != 0) continue;
        if (cadre__param_check(pa->spec, value, why, sizeof(why)) != 0) {
            snprintf(msg, size, "%s.%s: %s", p->meta.name, key, why);
            return -1;
        }
        pa->value = value;
        return 0;
    }
    snprintf(msg, size, "plugin '%s' has no parameter '%s'", p->meta.name, key);
    return -1;
}

void cadre__plugin_print(cadre__plugin *p, const char *line, size_t len)
{
    if (p->output != NULL) {
        cadre__output_line(p->output, &p->printed, p->meta.name ? p->meta.name : p->meta.path, line,
                           len);
        return;
    }
    /* A worker process: standard output is the pipe the engine reads, cleans and caps. Lines
     * past the engine's caps would only be dropped there: stop writing them here, which keeps
     * a flood from costing a system call a line. */
    if (p->printed.lines > CADRE__OUTPUT_PLUGIN_LINES ||
        p->printed.bytes > CADRE__OUTPUT_PLUGIN_BYTES)
        return;
    if (len > CADRE__OUTPUT_LINE_BYTES) len = CADRE__OUTPUT_LINE_BYTES + 1;
    p->printed.lines++;
    p->printed.bytes += len + 1;
    {
        char buf[CADRE__OUTPUT_LINE_BYTES + 2];

        memcpy(buf, line, len);
        buf[len] = '\n';
        if (write(STDOUT_FILENO, buf, len + 1) < 0) {
            /* The engine went away; nothing to tell. */
        }
    }
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

void cadre__result_meta(cadre_result *res, const cadre__plugin *p)
{
    res->struct_size = sizeof(*res);
    res->plugin = p->meta.name;
    res->title = p->meta.title;
    res->version = p->meta.version;
    res->kind = p->meta.kind;
    res->source = base_name(p->meta.path);
    res->source_sha256 = p->meta.sha256;
}
