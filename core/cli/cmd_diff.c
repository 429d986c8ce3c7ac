/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_diff.c - `cadre diff OLD_DIR NEW_DIR --on CANDIDATES`: the impact of a rubric
 * change before it is deployed. Both versions of the plugins assess the same candidates; per
 * assessment it counts the band changes (from which band to which), the largest score moves,
 * and the criteria whose part of the score moved most (docs/audit.md, "Impact of a change").
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

#define MAX_MOVES 10
#define MAX_CRIT  128

typedef struct diff_opts {
    cli_opts o;
    const char *on;
} diff_opts;

typedef struct move {
    long line;
    char id[64];
    double from, to;
    char from_band[96], to_band[96];
} move;

typedef struct crit_stat {
    char id[64], label[96];
    double abs_sum, sum; /* of the change in share x score, new minus old */
} crit_stat;

typedef struct per_assessment {
    char name[64], title[128];
    size_t compared, changed_band, up, down;
    double abs_sum;
    move top[MAX_MOVES];
    size_t ntop;
    crit_stat crit[MAX_CRIT];
    size_t ncrit;
    cJSON *transitions; /* "old -> new": count */
} per_assessment;

static int on_option(void *ud, int id, const char *arg)
{
    diff_opts *d = ud;

    if (id == OPT_ON) {
        d->on = arg;
        return 0;
    }
    return cli_common_option(&d->o, id, arg) < 0 ? -1 : 0;
}

/* An engine that loads only `dir`: no built-ins, no user folder, no environment. */
static int engine_of(cadre_engine **e, const char *dir, const cli_opts *o)
{
    cadre_engine_options eo;
    cadre_error err;

    cadre_engine_options_init(&eo);
    eo.builtin_dir = "";
    eo.user_dir = "";
    eo.use_env_path = 0;
    eo.isolation = (cadre_isolation)o->isolation;
    if (o->time_ms) eo.lua_time_limit_ms = (uint32_t)o->time_ms;
    if (o->memory_mb) eo.lua_memory_limit = (size_t)o->memory_mb << 20;
    if (cadre_engine_new(e, &eo, &err) != 0 || cadre_engine_add_dir(*e, dir, &err) != 0 ||
        cadre_engine_load(*e, &err) != 0) {
        cli_error("%s: %s", dir, err.message);
        cadre_engine_free(*e);
        *e = NULL;
        return EXIT_PLUGINS;
    }
    for (int i = 0; i < o->nsets; i++) {
        char buf[1024], *dot, *eq;

        snprintf(buf, sizeof(buf), "%s", o->sets[i]);
        if ((dot = strchr(buf, '.')) == NULL || (eq = strchr(dot, '=')) == NULL) continue;
        *dot = '\0';
        *eq = '\0';
        /* A parameter only one version declares is set where it exists. */
        cadre_engine_set_param(*e, buf, dot + 1, eq + 1, &err);
    }
    if (cadre_engine_plugin_count(*e) == 0) {
        cli_error("%s: no plugins in it", dir);
        cadre_engine_free(*e);
        *e = NULL;
        return EXIT_PLUGINS;
    }
    return EXIT_OK;
}

static per_assessment *slot_for(per_assessment *pa, size_t *n, const cadre_result *r)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(pa[i].name, r->plugin) == 0) return &pa[i];
    if (*n == 64) return NULL;
    memset(&pa[*n], 0, sizeof(pa[0]));
    snprintf(pa[*n].name, sizeof(pa[0].name), "%s", r->plugin);
    snprintf(pa[*n].title, sizeof(pa[0].title), "%s", r->title ? r->title : r->plugin);
    pa[*n].transitions = cJSON_CreateObject();
    return &pa[(*n)++];
}

static crit_stat *crit_for(per_assessment *p, const cadre_criterion *c)
{
    for (size_t i = 0; i < p->ncrit; i++)
        if (strcmp(p->crit[i].id, c->id) == 0) {
            /* A label that varies with the person ("Years in Retail") gives way to the id. */
            if (strcmp(p->crit[i].label, c->label) != 0)
                snprintf(p->crit[i].label, sizeof(p->crit[i].label), "%s", c->id);
            return &p->crit[i];
        }
    if (p->ncrit == MAX_CRIT) return NULL;
    snprintf(p->crit[p->ncrit].id, sizeof(p->crit[0].id), "%s", c->id);
    snprintf(p->crit[p->ncrit].label, sizeof(p->crit[0].label), "%s", c->label);
    return &p->crit[p->ncrit++];
}

static double part(const cadre_result *r, const char *id)
{
    double wsum = 0;

    for (size_t i = 0; i < r->criteria.count; i++)
        wsum += CADRE_ITEM(cadre_criterion, r->criteria, i)->weight;
    for (size_t i = 0; i < r->criteria.count; i++) {
        const cadre_criterion *c = CADRE_ITEM(cadre_criterion, r->criteria, i);

        if (strcmp(c->id, id) == 0) return wsum > 0 ? c->weight / wsum * c->score : 0;
    }
    return 0;
}

static void compare(per_assessment *p, const cadre_result *a, const cadre_result *b, long line,
                    const char *id)
{
    double d = b->score - a->score;
    char key[256];
    cJSON *t;

    p->compared++;
    p->abs_sum += fabs(d);
    if (strcmp(a->band ? a->band : "", b->band ? b->band : "") != 0) {
        p->changed_band++;
        snprintf(key, sizeof(key), "%s -> %s", a->band ? a->band : "(error)",
                 b->band ? b->band : "(error)");
        if ((t = cJSON_GetObjectItemCaseSensitive(p->transitions, key)) != NULL)
            cJSON_SetNumberValue(t, t->valuedouble + 1);
        else
            cJSON_AddNumberToObject(p->transitions, key, 1);
    }
    if (d > 0.05) p->up++;
    if (d < -0.05) p->down++;
    /* The largest moves, kept sorted by size. */
    if (fabs(d) > 0.05 && (p->ntop < MAX_MOVES ||
                           fabs(d) > fabs(p->top[p->ntop - 1].to - p->top[p->ntop - 1].from))) {
        size_t k = p->ntop < MAX_MOVES ? p->ntop++ : MAX_MOVES - 1;
        move m = {line, "", a->score, b->score, "", ""};

        snprintf(m.id, sizeof(m.id), "%s", id ? id : "");
        snprintf(m.from_band, sizeof(m.from_band), "%s", a->band ? a->band : "(error)");
        snprintf(m.to_band, sizeof(m.to_band), "%s", b->band ? b->band : "(error)");
        while (k > 0 && fabs(p->top[k - 1].to - p->top[k - 1].from) < fabs(d)) {
            p->top[k] = p->top[k - 1];
            k--;
        }
        p->top[k] = m;
    }
    /* Each criterion's part of the score (its share of the weight times its score), then and
     * now; a criterion only one version has counts as 0 in the other. */
    for (int side = 0; side < 2; side++) {
        const cadre_result *r = side ? b : a;

        for (size_t i = 0; i < r->criteria.count; i++) {
            const cadre_criterion *c = CADRE_ITEM(cadre_criterion, r->criteria, i);
            crit_stat *s;
            double delta;
            int in_other = 0;
            const cadre_result *o = side ? a : b;

            for (size_t k = 0; k < o->criteria.count; k++)
                in_other |= strcmp(CADRE_ITEM(cadre_criterion, o->criteria, k)->id, c->id) == 0;
            if (side == 1 && in_other) continue; /* counted from the old side */
            if ((s = crit_for(p, c)) == NULL) continue;
            delta = part(b, c->id) - part(a, c->id);
            s->sum += delta;
            s->abs_sum += fabs(delta);
        }
    }
}

static cJSON *result_json(per_assessment *pa, size_t n, const char *old_dir, const char *new_dir,
                          const char *on, long lines, long invalid)
{
    cJSON *doc = cJSON_CreateObject(), *list;

    cJSON_AddStringToObject(doc, "format", "cadre-diff");
    cJSON_AddNumberToObject(doc, "format_version", 1);
    cJSON_AddStringToObject(doc, "old", old_dir);
    cJSON_AddStringToObject(doc, "new", new_dir);
    cJSON_AddStringToObject(doc, "candidates", on);
    cJSON_AddNumberToObject(doc, "lines", (double)lines);
    cJSON_AddNumberToObject(doc, "invalid_lines", (double)invalid);
    list = cJSON_AddArrayToObject(doc, "assessments");
    for (size_t i = 0; i < n; i++) {
        per_assessment *p = &pa[i];
        cJSON *x = cJSON_CreateObject(), *moves, *crits;
        int used[MAX_CRIT] = {0};

        cJSON_AddStringToObject(x, "name", p->name);
        cJSON_AddStringToObject(x, "title", p->title);
        cJSON_AddNumberToObject(x, "compared", (double)p->compared);
        cJSON_AddNumberToObject(x, "band_changed", (double)p->changed_band);
        cJSON_AddNumberToObject(x, "score_up", (double)p->up);
        cJSON_AddNumberToObject(x, "score_down", (double)p->down);
        cJSON_AddNumberToObject(x, "mean_abs_score_change",
                                p->compared ? round(p->abs_sum / (double)p->compared * 100) / 100
                                            : 0);
        cJSON_AddItemToObject(x, "transitions", p->transitions);
        p->transitions = NULL;
        moves = cJSON_AddArrayToObject(x, "largest_moves");
        for (size_t k = 0; k < p->ntop; k++) {
            cJSON *m = cJSON_CreateObject();

            cJSON_AddNumberToObject(m, "line", (double)p->top[k].line);
            cJSON_AddStringToObject(m, "id", p->top[k].id);
            cJSON_AddNumberToObject(m, "old_score", p->top[k].from);
            cJSON_AddNumberToObject(m, "new_score", p->top[k].to);
            cJSON_AddStringToObject(m, "old_band", p->top[k].from_band);
            cJSON_AddStringToObject(m, "new_band", p->top[k].to_band);
            cJSON_AddItemToArray(moves, m);
        }
        crits = cJSON_AddArrayToObject(x, "criteria_driving");
        for (int r = 0; r < 5; r++) {
            int top = -1;
            double best = 0.005;

            for (size_t k = 0; k < p->ncrit; k++)
                if (!used[k] && p->crit[k].abs_sum / (double)(p->compared ? p->compared : 1) > best)
                    top = (int)k, best = p->crit[k].abs_sum / (double)p->compared;
            if (top < 0) break;
            used[top] = 1;
            {
                cJSON *c = cJSON_CreateObject();

                cJSON_AddStringToObject(c, "criterion", p->crit[top].id);
                cJSON_AddStringToObject(c, "label", p->crit[top].label);
                cJSON_AddNumberToObject(c, "mean_abs_points", round(best * 100) / 100);
                cJSON_AddNumberToObject(c, "mean_points",
                                        round(p->crit[top].sum / (double)p->compared * 100) / 100);
                cJSON_AddItemToArray(crits, c);
            }
        }
        cJSON_AddItemToArray(list, x);
    }
    return doc;
}

static void print_text(FILE *o, const cJSON *doc)
{
    const cJSON *a;

    fprintf(o, "Impact of %s -> %s on %s: %.0f candidates",
            cli_safe(cJSON_GetObjectItemCaseSensitive(doc, "old")->valuestring),
            cli_safe(cJSON_GetObjectItemCaseSensitive(doc, "new")->valuestring),
            cli_safe(cJSON_GetObjectItemCaseSensitive(doc, "candidates")->valuestring),
            cJSON_GetObjectItemCaseSensitive(doc, "lines")->valuedouble);
    if (cJSON_GetObjectItemCaseSensitive(doc, "invalid_lines")->valuedouble > 0)
        fprintf(o, " (%.0f lines not valid candidates, left out)",
                cJSON_GetObjectItemCaseSensitive(doc, "invalid_lines")->valuedouble);
    fprintf(o, "\n");
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(doc, "assessments"))
    {
        const cJSON *x;
#define N(k) cJSON_GetObjectItemCaseSensitive(a, k)->valuedouble
        fprintf(o,
                "\n%s (%s): %.0f compared; band changed for %.0f (%.1f%%); score up for %.0f, "
                "down for %.0f; mean change %.2f points\n",
                cli_safe(cJSON_GetObjectItemCaseSensitive(a, "title")->valuestring),
                cli_safe(cJSON_GetObjectItemCaseSensitive(a, "name")->valuestring), N("compared"),
                N("band_changed"), N("compared") > 0 ? N("band_changed") / N("compared") * 100 : 0,
                N("score_up"), N("score_down"), N("mean_abs_score_change"));
#undef N
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(a, "transitions"))
        {
            fprintf(o, "  %5.0f  %s\n", x->valuedouble, cli_safe(x->string));
        }
        if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(a, "criteria_driving")))
            fprintf(o,
                    "  criteria whose part of the score moved most (mean points per candidate):\n");
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(a, "criteria_driving"))
        {
            fprintf(o, "    %-36s %6.2f (%+.2f on average)\n",
                    cli_safe(cJSON_GetObjectItemCaseSensitive(x, "label")->valuestring),
                    cJSON_GetObjectItemCaseSensitive(x, "mean_abs_points")->valuedouble,
                    cJSON_GetObjectItemCaseSensitive(x, "mean_points")->valuedouble);
        }
        if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(a, "largest_moves")))
            fprintf(o, "  largest moves:\n");
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(a, "largest_moves"))
        {
            const char *id = cJSON_GetObjectItemCaseSensitive(x, "id")->valuestring;

            fprintf(o, "    line %.0f%s%s%s: %g (%s) -> %g (%s)\n",
                    cJSON_GetObjectItemCaseSensitive(x, "line")->valuedouble, *id ? " (" : "",
                    cli_safe(id), *id ? ")" : "",
                    cJSON_GetObjectItemCaseSensitive(x, "old_score")->valuedouble,
                    cli_safe(cJSON_GetObjectItemCaseSensitive(x, "old_band")->valuestring),
                    cJSON_GetObjectItemCaseSensitive(x, "new_score")->valuedouble,
                    cli_safe(cJSON_GetObjectItemCaseSensitive(x, "new_band")->valuestring));
        }
    }
}

int cmd_diff(int argc, char **argv)
{
    diff_opts d;
    cadre_engine *old_e = NULL, *new_e = NULL;
    per_assessment *pa = NULL;
    size_t npa = 0, lcap = 0;
    int first, rc, status = EXIT_OK;
    long lineno = 0, invalid = 0, compared_lines = 0;
    char *line = NULL;
    ssize_t len;
    FILE *in = NULL;
    cJSON *doc;

    memset(&d, 0, sizeof(d));
    cli_opts_init(&d.o, cli_command_find("diff"));
    rc = cli_parse(d.o.cmd, argc, argv, &first, on_option, &d);
    if (rc >= 0) return rc;
    if (argc - first != 2)
        return cli_usage_error(d.o.cmd,
                               "diff compares two plugin folders, OLD_DIR and NEW_DIR; "
                               "got %d",
                               argc - first);
    if (d.on == NULL)
        return cli_usage_error(d.o.cmd, "--on CANDIDATES is required: a JSON Lines file of "
                                        "candidates to assess with both");
    if ((in = strcmp(d.on, "-") == 0 ? stdin : fopen(d.on, "r")) == NULL) {
        cli_error("cannot open %s: %s", d.on, strerror(errno));
        return EXIT_INPUT;
    }
    if ((status = engine_of(&old_e, argv[first], &d.o)) != EXIT_OK ||
        (status = engine_of(&new_e, argv[first + 1], &d.o)) != EXIT_OK)
        goto out;
    if ((pa = calloc(64, sizeof(*pa))) == NULL) {
        status = EXIT_INTERNAL;
        goto out;
    }
    while ((len = getline(&line, &lcap, in)) >= 0) {
        cadre_candidate *c = NULL;
        cadre_report *ra = NULL, *rb = NULL;
        cadre_error err;
        char source[64];

        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || strspn(line, " \t") == (size_t)len) continue;
        snprintf(source, sizeof(source), "line %ld", lineno);
        if (cadre_candidate_parse(&c, line, (size_t)len, source, NULL, NULL, &err) != 0) {
            invalid++;
            if (invalid <= 3)
                cli_error("%s:%ld: not a valid candidate: %s", d.on, lineno, err.message);
        } else if (cadre_engine_assess(&ra, old_e, c, NULL, &err) != 0 ||
                   cadre_engine_assess(&rb, new_e, c, NULL, &err) != 0) {
            cli_error("%s:%ld: %s", d.on, lineno, err.message);
            status = cli_worst(status, EXIT_INTERNAL);
        } else {
            compared_lines++;
            for (size_t i = 0; i < cadre_report_count(ra); i++) {
                const cadre_result *a = cadre_report_result(ra, i);
                const cadre_result *b = cadre_report_find(rb, a->plugin);
                per_assessment *p;

                if (b == NULL || (p = slot_for(pa, &npa, a)) == NULL) continue;
                compare(p, a, b, lineno, c->id);
            }
        }
        cadre_report_free(ra);
        cadre_report_free(rb);
        cadre_candidate_free(c);
    }
    free(line);
    if (invalid) status = cli_worst(status, EXIT_INPUT);
    doc = result_json(pa, npa, argv[first], argv[first + 1], d.on, compared_lines, invalid);
    {
        cJSON *only = cJSON_AddArrayToObject(doc, "only_in_one");

        for (int side = 0; side < 2; side++) {
            cadre_engine *x = side ? new_e : old_e, *y = side ? old_e : new_e;

            for (size_t i = 0; i < cadre_engine_plugin_count(x); i++) {
                const char *name = cadre_engine_plugin(x, i)->name;
                int both = 0;
                char msg[200];

                for (size_t k = 0; k < cadre_engine_plugin_count(y); k++)
                    both |= strcmp(cadre_engine_plugin(y, k)->name, name) == 0;
                if (both) continue;
                snprintf(msg, sizeof(msg), "%s: only in %s", name, side ? "NEW_DIR" : "OLD_DIR");
                cJSON_AddItemToArray(only, cJSON_CreateString(msg));
            }
        }
    }
    if (strcmp(d.o.format, "json") == 0) {
        status = cli_worst(status, cli_print_json(doc, 1));
    } else {
        const cJSON *x;

        print_text(cli_out, doc);
        cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(doc, "only_in_one"))
        {
            fprintf(cli_out, "\n%s\n", cli_safe(x->valuestring));
        }
        cJSON_Delete(doc);
        if (fflush(cli_out) != 0) status = cli_worst(status, EXIT_INTERNAL);
    }
out:
    for (size_t i = 0; i < npa; i++)
        cJSON_Delete(pa[i].transitions);
    free(pa);
    if (in && in != stdin) fclose(in);
    cadre_engine_free(old_e);
    cadre_engine_free(new_e);
    return status;
}
