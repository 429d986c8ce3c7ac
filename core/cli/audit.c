/* SPDX-License-Identifier: MIT */
/*
 * core/cli/audit.c - the bias audit (audit.h). Batch output is read one line at a time and
 * kept small (per assessment: score, band, criterion contributions), so a large file fits.
 *
 * The rates follow NYC Local Law 144's rules for a bias audit (6 RCNY 5-301): the selection
 * rate is the share of a group selected (here: in the bands or above the threshold the
 * auditor names), the scoring rate the share scoring above the whole sample's median, and the
 * impact ratio a group's rate over the highest group's rate; groups under 2% of the sample may
 * be left out of the comparison, with a note. The flag is the four-fifths rule (29 CFR
 * 1607.4(D)): a ratio under 0.8.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "json.h"

#define NOT_STATED "(not stated)"
#define MAX_CRIT   128
#define MAX_GROUPS 256
#define MAX_NAMED  10 /* lines named in a note; the count says how many in all */

typedef struct crit_val {
    uint16_t k;  /* the criterion, in the assessment's table */
    float share; /* of the score's weight */
    float score;
} crit_val;

typedef struct entry {
    size_t rec;
    float score;
    int band; /* index in the assessment's band table */
    uint16_t ncrit;
    crit_val *crit;
} entry;

typedef struct assessment {
    char *name, *title;
    char *crit_id[MAX_CRIT], *crit_label[MAX_CRIT];
    size_t ncrit;
    char **bands;
    size_t nbands;
    entry *e;
    size_t n, cap;
    size_t unknown, failed; /* "not enough information", error results */
    int detailed;           /* criteria were in the records (--detail full) */
} assessment;

typedef struct rec {
    long line;
    long row; /* the groups row, or -1 */
} rec;

typedef struct lines {
    size_t count;
    long first[MAX_NAMED];
} lines;

struct audit {
    audit_opts o;
    const csv *groups;
    size_t ncat;
    size_t *order; /* groups rows 1.. sorted by id, for the join */
    size_t norder;
    rec *recs;
    size_t nrecs, cap;
    assessment *as;
    size_t nas;
    lines bad, no_id, no_group, invalid;
    int oom;
};

static void note_line(lines *l, long line)
{
    if (l->count < MAX_NAMED) l->first[l->count] = line;
    l->count++;
}

static const audit *sort_ctx;

static int by_id(const void *pa, const void *pb)
{
    const csv *g = sort_ctx->groups;

    return strcmp(g->rows[*(const size_t *)pa].fields[0], g->rows[*(const size_t *)pb].fields[0]);
}

audit *audit_new(const audit_opts *o, const csv *groups, char *why, size_t size)
{
    audit *a;

    if (groups->count < 2 || groups->rows[0].count < 2 ||
        strcmp(groups->rows[0].fields[0], "id") != 0) {
        snprintf(why, size,
                 "the first row must name the columns: id, then one column per "
                 "category (such as id,sex,race_ethnicity), and a row per candidate "
                 "must follow");
        return NULL;
    }
    if ((a = calloc(1, sizeof(*a))) == NULL) {
        snprintf(why, size, "out of memory");
        return NULL;
    }
    a->o = *o;
    a->groups = groups;
    a->ncat = groups->rows[0].count - 1;
    a->order = malloc(groups->count * sizeof(*a->order));
    if (a->order == NULL) {
        free(a);
        snprintf(why, size, "out of memory");
        return NULL;
    }
    for (size_t i = 1; i < groups->count; i++) {
        if (groups->rows[i].count != groups->rows[0].count) {
            snprintf(why, size, "line %ld: %zu fields, the header has %zu", groups->rows[i].line,
                     groups->rows[i].count, groups->rows[0].count);
            free(a->order);
            free(a);
            return NULL;
        }
        a->order[a->norder++] = i;
    }
    sort_ctx = a;
    qsort(a->order, a->norder, sizeof(*a->order), by_id);
    for (size_t i = 1; i < a->norder; i++)
        if (strcmp(groups->rows[a->order[i]].fields[0], groups->rows[a->order[i - 1]].fields[0]) ==
            0) {
            snprintf(why, size, "lines %ld and %ld: the id '%s' twice",
                     groups->rows[a->order[i - 1]].line, groups->rows[a->order[i]].line,
                     groups->rows[a->order[i]].fields[0]);
            free(a->order);
            free(a);
            return NULL;
        }
    return a;
}

static long find_row(const audit *a, const char *id)
{
    size_t lo = 0, hi = a->norder;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(a->groups->rows[a->order[mid]].fields[0], id);

        if (c == 0) return (long)a->order[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static assessment *assessment_of(audit *a, const char *name, const char *title)
{
    assessment *more;

    for (size_t i = 0; i < a->nas; i++)
        if (strcmp(a->as[i].name, name) == 0) return &a->as[i];
    if ((more = realloc(a->as, (a->nas + 1) * sizeof(*more))) == NULL) return NULL;
    a->as = more;
    memset(&a->as[a->nas], 0, sizeof(a->as[0]));
    a->as[a->nas].name = strdup(name);
    a->as[a->nas].title = strdup(title ? title : name);
    return &a->as[a->nas++];
}

static int band_of(assessment *s, const char *band)
{
    char **more;

    for (size_t i = 0; i < s->nbands; i++)
        if (strcmp(s->bands[i], band) == 0) return (int)i;
    if ((more = realloc(s->bands, (s->nbands + 1) * sizeof(*more))) == NULL) return -1;
    s->bands = more;
    s->bands[s->nbands] = strdup(band);
    return (int)s->nbands++;
}

static int crit_of(assessment *s, const char *id, const char *label)
{
    for (size_t i = 0; i < s->ncrit; i++)
        if (strcmp(s->crit_id[i], id) == 0) return (int)i;
    if (s->ncrit == MAX_CRIT) return -1;
    s->crit_id[s->ncrit] = strdup(id);
    s->crit_label[s->ncrit] = strdup(label ? label : id);
    return (int)s->ncrit++;
}

static void add_assessment(audit *a, const cJSON *x, size_t rec_index)
{
    const char *name = cli_str(x, "name"), *status = cli_str(x, "status"),
               *band = cli_str(x, "band");
    const cJSON *score = cJSON_GetObjectItemCaseSensitive(x, "score"), *c;
    const cJSON *crits = cJSON_GetObjectItemCaseSensitive(x, "criteria");
    assessment *s;
    entry *e;
    double wsum = 0;
    size_t k = 0;

    if (name == NULL || (s = assessment_of(a, name, cli_str(x, "title"))) == NULL) return;
    if (status == NULL || strcmp(status, "ok") != 0 || !cJSON_IsNumber(score) || band == NULL) {
        s->failed++;
        return;
    }
    if (strcmp(band, "not enough information") == 0) {
        s->unknown++;
        return;
    }
    if (s->n == s->cap) {
        entry *more = realloc(s->e, (s->cap = s->cap ? s->cap * 2 : 256) * sizeof(*more));

        if (more == NULL) {
            a->oom = 1;
            return;
        }
        s->e = more;
    }
    e = &s->e[s->n++];
    memset(e, 0, sizeof(*e));
    e->rec = rec_index;
    e->score = (float)score->valuedouble;
    e->band = band_of(s, band);
    if (!cJSON_IsArray(crits)) return;
    s->detailed = 1;
    cJSON_ArrayForEach(c, crits)
    {
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(c, "weight");

        if (cJSON_IsNumber(w)) wsum += w->valuedouble;
    }
    e->crit = calloc((size_t)cJSON_GetArraySize(crits) + 1, sizeof(*e->crit));
    cJSON_ArrayForEach(c, crits)
    {
        const cJSON *w = cJSON_GetObjectItemCaseSensitive(c, "weight"),
                    *sc = cJSON_GetObjectItemCaseSensitive(c, "score");
        int idx;

        if (e->crit == NULL || !cli_str(c, "id") || !cJSON_IsNumber(w) || !cJSON_IsNumber(sc) ||
            wsum <= 0 || (idx = crit_of(s, cli_str(c, "id"), cli_str(c, "label"))) < 0)
            continue;
        e->crit[k++] =
            (crit_val){(uint16_t)idx, (float)(w->valuedouble / wsum), (float)sc->valuedouble};
    }
    e->ncrit = (uint16_t)k;
}

void audit_add(audit *a, const char *line, size_t len, long lineno)
{
    cJSON *doc = cJSON_ParseWithLength(line, len), *x;
    const cJSON *cand = cJSON_GetObjectItemCaseSensitive(doc, "candidate");
    const char *id = cli_str(cand, "id");
    rec *r;

    if (doc == NULL || !cJSON_IsObject(cand)) {
        note_line(&a->bad, lineno);
        cJSON_Delete(doc);
        return;
    }
    if (cJSON_GetObjectItemCaseSensitive(doc, "error")) {
        note_line(&a->invalid, lineno); /* a line that was not a valid candidate */
        cJSON_Delete(doc);
        return;
    }
    if (id == NULL) {
        note_line(&a->no_id, lineno);
        cJSON_Delete(doc);
        return;
    }
    if (a->nrecs == a->cap) {
        rec *more = realloc(a->recs, (a->cap = a->cap ? a->cap * 2 : 1024) * sizeof(*more));

        if (more == NULL) {
            a->oom = 1;
            cJSON_Delete(doc);
            return;
        }
        a->recs = more;
    }
    r = &a->recs[a->nrecs];
    r->line = lineno;
    r->row = find_row(a, id);
    if (r->row < 0) {
        note_line(&a->no_group, lineno);
        cJSON_Delete(doc);
        return;
    }
    a->nrecs++;
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(doc, "assessments"))
        add_assessment(a, x, a->nrecs - 1);
    cJSON_Delete(doc);
}

/* ---- the tables ---- */

/* The label of record r in table t: category t (0-based), or, for t == ncat, the
 * intersection of every category ("female / Black"). */
static void label_of(const audit *a, const rec *r, size_t t, char *buf, size_t size)
{
    const csv_row *row = &a->groups->rows[r->row];

    buf[0] = '\0';
    for (size_t c = t == a->ncat ? 0 : t; c < (t == a->ncat ? a->ncat : t + 1); c++) {
        const char *v = row->fields[c + 1][0] ? row->fields[c + 1] : NOT_STATED;
        size_t n = strlen(buf);

        snprintf(buf + n, size - n, "%s%s", n ? " / " : "", v);
    }
}

typedef struct group {
    char label[256];
    size_t n, above, selected;
    double *contrib; /* per criterion: sum of share x score */
    double score_sum;
} group;

static int cmp_float(const void *pa, const void *pb)
{
    float a = *(const float *)pa, b = *(const float *)pb;

    return a < b ? -1 : a > b;
}

static const audit_rule *rule_for(const audit *a, const char *name)
{
    for (int i = 0; i < a->o.nrules; i++)
        if (strcmp(a->o.rules[i].assessment, name) == 0) return &a->o.rules[i];
    return NULL;
}

static int selected(const audit_rule *rule, const assessment *s, const entry *e)
{
    if (rule == NULL) return 0;
    if (rule->bands == NULL) return e->score >= rule->threshold;
    {
        const char *band = s->bands[e->band], *p = rule->bands;
        size_t n = strlen(band);

        /* The band among the comma-separated names, whole. */
        while ((p = strstr(p, band)) != NULL) {
            if ((p == rule->bands || p[-1] == ',') && (p[n] == '\0' || p[n] == ',')) return 1;
            p += n;
        }
    }
    return 0;
}

/* Two-sided p-value of a two-proportion z-test of x1/n1 against x2/n2: how likely a difference
 * this large is by chance alone when the two rates are the same. Small groups make large
 * ratios by chance; the p-value says how far to trust a flag. */
static double p_value(size_t x1, size_t n1, size_t x2, size_t n2)
{
    double p1, p2, p, se;

    if (n1 == 0 || n2 == 0) return 1;
    p1 = (double)x1 / (double)n1;
    p2 = (double)x2 / (double)n2;
    p = (double)(x1 + x2) / (double)(n1 + n2);
    se = sqrt(p * (1 - p) * (1.0 / (double)n1 + 1.0 / (double)n2));
    if (se <= 0) return p1 == p2 ? 1 : 0;
    return erfc(fabs(p1 - p2) / se / sqrt(2.0));
}

static cJSON *rate_ratio(cJSON *g, const char *what, double rate, double best, int judged, size_t x,
                         size_t n, size_t best_x, size_t best_n)
{
    char key[64];

    snprintf(key, sizeof(key), "%s_rate", what);
    cJSON_AddNumberToObject(g, key, round(rate * 10000) / 10000);
    snprintf(key, sizeof(key), "%s_impact_ratio", what);
    if (judged && best > 0)
        cJSON_AddNumberToObject(g, key, round(rate / best * 1000) / 1000);
    else
        cJSON_AddNullToObject(g, key);
    snprintf(key, sizeof(key), "%s_flag", what);
    cJSON_AddBoolToObject(g, key, judged && best > 0 && rate / best < 0.8);
    snprintf(key, sizeof(key), "%s_p_value", what);
    if (judged && best > 0)
        cJSON_AddNumberToObject(g, key, round(p_value(x, n, best_x, best_n) * 10000) / 10000);
    else
        cJSON_AddNullToObject(g, key);
    return g;
}

/* The criteria that contribute most to the score gap between group g and the best group: the
 * mean of share x score (each criterion's part of the score) in each, largest gap first. */
static cJSON *behind(const assessment *s, const group *g, const group *best)
{
    cJSON *list = cJSON_CreateArray();
    int used[MAX_CRIT] = {0};

    for (int round_ = 0; round_ < 3; round_++) {
        int top = -1;
        double gap = 0.05; /* under 0.05 points is no explanation */

        for (size_t k = 0; k < s->ncrit; k++) {
            double d = best->contrib[k] / (double)best->n - g->contrib[k] / (double)g->n;

            if (!used[k] && d > gap) top = (int)k, gap = d;
        }
        if (top < 0) break;
        used[top] = 1;
        {
            cJSON *c = cJSON_CreateObject();

            cJSON_AddStringToObject(c, "criterion", s->crit_id[top]);
            cJSON_AddStringToObject(c, "label", s->crit_label[top]);
            cJSON_AddNumberToObject(c, "points", round(gap * 10) / 10);
            cJSON_AddItemToArray(list, c);
        }
    }
    return list;
}

static cJSON *table(const audit *a, const assessment *s, size_t t, double median,
                    const audit_rule *rule)
{
    group *g = calloc(MAX_GROUPS, sizeof(*g));
    size_t ng = 0, judged_n = 0;
    double best_scoring = 0, best_selection = 0;
    const group *best_s = NULL, *best_sel = NULL;
    cJSON *out = cJSON_CreateObject(), *list;
    char label[256];

    if (g == NULL) return out;
    cJSON_AddStringToObject(out, "category",
                            t == a->ncat ? "intersection" : a->groups->rows[0].fields[t + 1]);
    for (size_t i = 0; i < s->n; i++) {
        const entry *e = &s->e[i];
        size_t k;

        label_of(a, &a->recs[e->rec], t, label, sizeof(label));
        for (k = 0; k < ng && strcmp(g[k].label, label) != 0; k++)
            ;
        if (k == ng) {
            if (ng == MAX_GROUPS) continue;
            snprintf(g[ng].label, sizeof(g[ng].label), "%s", label);
            g[ng].contrib = calloc(MAX_CRIT, sizeof(double));
            ng++;
        }
        g[k].n++;
        g[k].score_sum += e->score;
        g[k].above += e->score > median;
        g[k].selected += (size_t)selected(rule, s, e);
        for (size_t c = 0; c < e->ncrit && g[k].contrib; c++)
            g[k].contrib[e->crit[c].k] += (double)e->crit[c].share * e->crit[c].score;
    }
    /* The best group: the highest rate among those large enough to judge and of a known
     * category (Local Law 144 reports the unknown category's count apart). */
    for (size_t k = 0; k < ng; k++) {
        if ((double)g[k].n / (double)s->n < a->o.min_share || strstr(g[k].label, NOT_STATED))
            continue;
        judged_n++;
        if ((double)g[k].above / (double)g[k].n > best_scoring) {
            best_scoring = (double)g[k].above / (double)g[k].n;
            best_s = &g[k];
        }
        if ((double)g[k].selected / (double)g[k].n > best_selection) {
            best_selection = (double)g[k].selected / (double)g[k].n;
            best_sel = &g[k];
        }
    }
    list = cJSON_AddArrayToObject(out, "groups");
    for (size_t k = 0; k < ng; k++) {
        cJSON *x = cJSON_CreateObject();
        double share = (double)g[k].n / (double)s->n;
        int unknown = strstr(g[k].label, NOT_STATED) != NULL;
        int judged = share >= a->o.min_share && !unknown && judged_n >= 2;
        double sr = (double)g[k].above / (double)g[k].n;

        cJSON_AddStringToObject(x, "group", g[k].label);
        cJSON_AddNumberToObject(x, "count", (double)g[k].n);
        cJSON_AddNumberToObject(x, "share", round(share * 10000) / 10000);
        cJSON_AddNumberToObject(x, "mean_score", round(g[k].score_sum / (double)g[k].n * 10) / 10);
        cJSON_AddBoolToObject(x, "too_small", share < a->o.min_share);
        cJSON_AddBoolToObject(x, "unknown_category", unknown);
        rate_ratio(x, "scoring", sr, best_s ? (double)best_s->above / (double)best_s->n : 0, judged,
                   g[k].above, g[k].n, best_s ? best_s->above : 0, best_s ? best_s->n : 0);
        if (rule)
            rate_ratio(x, "selection", (double)g[k].selected / (double)g[k].n, best_selection,
                       judged, g[k].selected, g[k].n, best_sel ? best_sel->selected : 0,
                       best_sel ? best_sel->n : 0);
        if (judged && best_s && best_s != &g[k] && s->detailed &&
            (sr / best_scoring < 0.8 ||
             (rule && best_selection > 0 &&
              (double)g[k].selected / (double)g[k].n / best_selection < 0.8)))
            cJSON_AddItemToObject(x, "criteria_behind_gap", behind(s, &g[k], best_s));
        cJSON_AddItemToArray(list, x);
    }
    if (best_s) cJSON_AddStringToObject(out, "best_group", best_s->label);
    for (size_t k = 0; k < ng; k++)
        free(g[k].contrib);
    free(g);
    return out;
}

static cJSON *lines_json(const lines *l)
{
    cJSON *o = cJSON_CreateObject(), *first = cJSON_CreateArray();

    cJSON_AddNumberToObject(o, "count", (double)l->count);
    for (size_t i = 0; i < l->count && i < MAX_NAMED; i++)
        cJSON_AddItemToArray(first, cJSON_CreateNumber((double)l->first[i]));
    cJSON_AddItemToObject(o, "first_lines", first);
    return o;
}

cJSON *audit_finish(audit *a, const char *results_name, const char *groups_name)
{
    cJSON *doc = cJSON_CreateObject(), *in, *cats, *list;

    cJSON_AddStringToObject(doc, "format", "cadre-audit");
    cJSON_AddNumberToObject(doc, "format_version", 1);
    in = cJSON_AddObjectToObject(doc, "inputs");
    cJSON_AddStringToObject(in, "results", results_name);
    cJSON_AddStringToObject(in, "groups", groups_name);
    cJSON_AddNumberToObject(in, "records_with_a_group", (double)a->nrecs);
    cJSON_AddItemToObject(in, "without_a_group_row", lines_json(&a->no_group));
    cJSON_AddItemToObject(in, "without_an_id", lines_json(&a->no_id));
    cJSON_AddItemToObject(in, "invalid_candidates", lines_json(&a->invalid));
    cJSON_AddItemToObject(in, "not_records", lines_json(&a->bad));
    cJSON_AddNumberToObject(in, "min_share", a->o.min_share);
    cats = cJSON_AddArrayToObject(in, "categories");
    for (size_t c = 0; c < a->ncat; c++)
        cJSON_AddItemToArray(cats, cJSON_CreateString(a->groups->rows[0].fields[c + 1]));
    list = cJSON_AddArrayToObject(doc, "assessments");
    for (size_t i = 0; i < a->nas; i++) {
        assessment *s = &a->as[i];
        const audit_rule *rule = rule_for(a, s->name);
        cJSON *x = cJSON_CreateObject(), *tables;
        float *scores = malloc((s->n ? s->n : 1) * sizeof(*scores));
        double median = 0;

        cJSON_AddStringToObject(x, "name", s->name);
        cJSON_AddStringToObject(x, "title", s->title);
        cJSON_AddNumberToObject(x, "assessed", (double)s->n);
        cJSON_AddNumberToObject(x, "not_enough_information", (double)s->unknown);
        cJSON_AddNumberToObject(x, "failed", (double)s->failed);
        if (scores && s->n) {
            for (size_t k = 0; k < s->n; k++)
                scores[k] = s->e[k].score;
            qsort(scores, s->n, sizeof(*scores), cmp_float);
            median =
                s->n % 2 ? scores[s->n / 2] : ((double)scores[s->n / 2 - 1] + scores[s->n / 2]) / 2;
        }
        free(scores);
        cJSON_AddNumberToObject(x, "median_score", round(median * 10) / 10);
        if (rule && rule->bands)
            cJSON_AddStringToObject(x, "selected_bands", rule->bands);
        else if (rule)
            cJSON_AddNumberToObject(x, "selected_at_score", rule->threshold);
        cJSON_AddBoolToObject(x, "criteria_available", s->detailed);
        tables = cJSON_AddArrayToObject(x, "tables");
        for (size_t t = 0; s->n && t <= a->ncat; t++) {
            if (t == a->ncat && a->ncat < 2) break; /* one category: no intersection */
            cJSON_AddItemToArray(tables, table(a, s, t, median, rule));
        }
        cJSON_AddItemToArray(list, x);
    }
    /* free */
    for (size_t i = 0; i < a->nas; i++) {
        assessment *s = &a->as[i];

        for (size_t k = 0; k < s->n; k++)
            free(s->e[k].crit);
        free(s->e);
        for (size_t k = 0; k < s->nbands; k++)
            free(s->bands[k]);
        free(s->bands);
        for (size_t k = 0; k < s->ncrit; k++)
            free(s->crit_id[k]), free(s->crit_label[k]);
        free(s->name);
        free(s->title);
    }
    if (a->oom) cJSON_AddBoolToObject(doc, "incomplete_out_of_memory", 1);
    free(a->as);
    free(a->recs);
    free(a->order);
    free(a);
    return doc;
}
