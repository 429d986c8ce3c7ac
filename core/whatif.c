/* SPDX-License-Identifier: MIT */
/*
 * core/whatif.c - "what would change my result": for each assessment, the smallest changes to
 * the person's profile that move it to another, better band. Found by assessing changed copies
 * of the profile with the same engine, never by reading rules, so that a plugin from anyone
 * gets the same treatment as the built-ins (docs/report.md, "What would change the verdicts").
 *
 * A change only ever adds to what the profile says: a skill one or two levels higher, more years
 * in the current role, a promotion, a P&L, a certificate not yet held. Fields the person left
 * out are never filled in here: the report already asks for them, and a guess would be a claim.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "builder.h"
#include "candidate/candidate.h"
#include "candidate/vocab.h"
#include "report.h"

typedef enum op_kind {
    OP_SKILL,       /* skills.ID += amount */
    OP_YEARS,       /* amount more years in the current role */
    OP_LEVEL,       /* current_role.level one step up */
    OP_PNL,         /* scope.pnl_owner false -> true */
    OP_BOARD,       /* experience.board_exposure false -> true */
    OP_HIRING,      /* scope.hiring_authority false -> true */
    OP_MULTI_SITE,  /* experience.multi_site false -> true */
    OP_SCOPE,       /* people, budget and departments twice what they are */
    OP_MBA,         /* education.mba false or absent -> true */
    OP_CERT,        /* certifications += ID */
    OP_INDUSTRY,    /* amount years in industry ID (and in total) */
    OP_OPERATIONS,  /* experience.functions_led += "operations" */
    OP_OPS_ROLE,    /* amount years in an operations role, for someone outside operations */
    OP_ACHIEVEMENT, /* a measured company-wide improvement */
} op_kind;

typedef struct op {
    op_kind kind;
    const char *id; /* skill, certification or industry id; borrowed from the profile or vocab */
    int amount;
    /* A design choice, not a measurement: the months a change typically takes, used only to
     * order the changes that work from the smallest (docs/report.md lists every figure). */
    int effort;
} op;

#define MAX_OPS      160
#define MAX_COMBINED 8
#define MAX_PER      2  /* alternatives shown per assessment */
#define MAX_POOL     24 /* changes the search for several together draws from */

static const char *const levels[] = {
    "individual_contributor", "supervisor", "manager", "senior_manager", "director",
    "vice_president",         "c_suite",    NULL};

static const char *const level_names[] = {
    "individual contributor", "supervisor",  "manager", "senior manager", "director",
    "vice president",         "the C-suite", NULL};

static const char *const number_words[] = {"", "one", "two", "three", "four", "five"};

/* ---- reading and changing the profile's JSON ---- */

static cJSON *member(cJSON *o, const char *group, const char *key)
{
    cJSON *g = group ? cJSON_GetObjectItemCaseSensitive(o, group) : o;

    return g ? cJSON_GetObjectItemCaseSensitive(g, key) : NULL;
}

/* The level of skill `id` (a number, or an object with "level"), or -1. */
static int skill_level(cJSON *root, const char *id, cJSON **slot)
{
    cJSON *s = member(root, "skills", id);

    if (cJSON_IsObject(s)) s = cJSON_GetObjectItemCaseSensitive(s, "level");
    if (slot) *slot = s;
    return cJSON_IsNumber(s) ? (int)s->valuedouble : -1;
}

static int is_false(cJSON *v)
{
    return cJSON_IsFalse(v);
}

static void add_number(cJSON *v, double by)
{
    if (cJSON_IsNumber(v)) cJSON_SetNumberValue(v, v->valuedouble + by);
}

static int level_index(cJSON *root)
{
    cJSON *l = member(root, "current_role", "level");

    for (int i = 0; cJSON_IsString(l) && levels[i]; i++)
        if (strcmp(l->valuestring, levels[i]) == 0) return i;
    return -1;
}

static int in_array(cJSON *a, const char *id)
{
    cJSON *x;

    cJSON_ArrayForEach(x, a) if (cJSON_IsString(x) && strcmp(x->valuestring, id) == 0) return 1;
    return 0;
}

/* The industry the person has worked in longest: where more years in the current role go. */
static cJSON *main_industry(cJSON *root)
{
    cJSON *best = NULL, *x;

    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(root, "industries"))
    {
        if (cJSON_IsNumber(x) && (best == NULL || x->valuedouble > best->valuedouble)) best = x;
    }
    return best;
}

/* Applies o to root; 0 when it does not apply (already there, or nothing to build on). */
static int apply(cJSON *root, const op *o)
{
    cJSON *v, *g;
    int i;

    switch (o->kind) {
    case OP_SKILL:
        if ((i = skill_level(root, o->id, &v)) < 0 || i + o->amount > 5) return 0;
        cJSON_SetNumberValue(v, i + o->amount);
        return 1;
    case OP_YEARS:
        if ((g = cJSON_GetObjectItemCaseSensitive(root, "experience")) == NULL ||
            !cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(g, "total_years")) ||
            v->valuedouble + o->amount > 70)
            return 0;
        add_number(v, o->amount);
        if ((v = cJSON_GetObjectItemCaseSensitive(g, "management_years")) && cJSON_IsNumber(v) &&
            v->valuedouble > 0 && level_index(root) >= 2)
            add_number(v, o->amount);
        if ((v = cJSON_GetObjectItemCaseSensitive(g, "executive_years")) && cJSON_IsNumber(v) &&
            level_index(root) >= 5)
            add_number(v, o->amount);
        v = member(root, "current_role", "function");
        if (cJSON_IsString(v) && strcmp(v->valuestring, "operations") == 0)
            add_number(cJSON_GetObjectItemCaseSensitive(g, "operations_years"), o->amount);
        add_number(main_industry(root), o->amount);
        return 1;
    case OP_LEVEL:
        if ((i = level_index(root)) < 0 || levels[i + 1] == NULL) return 0;
        cJSON_SetValuestring(member(root, "current_role", "level"), levels[i + 1]);
        return 1;
    case OP_PNL:
    case OP_HIRING:
        v = member(root, "scope", o->kind == OP_PNL ? "pnl_owner" : "hiring_authority");
        if (!is_false(v)) return 0;
        v->type = cJSON_True;
        return 1;
    case OP_BOARD:
    case OP_MULTI_SITE:
        v = member(root, "experience", o->kind == OP_BOARD ? "board_exposure" : "multi_site");
        if (!is_false(v)) return 0;
        v->type = cJSON_True;
        return 1;
    case OP_SCOPE:
        if ((g = cJSON_GetObjectItemCaseSensitive(root, "scope")) == NULL) return 0;
        i = 0;
        for (const char *const *k =
                 (const char *const[]){"people_led", "budget_usd", "departments", NULL};
             *k; k++)
            if (cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(g, *k)) && v->valuedouble > 0)
                add_number(v, v->valuedouble), i = 1;
        return i;
    case OP_MBA:
        if ((g = cJSON_GetObjectItemCaseSensitive(root, "education")) == NULL ||
            cJSON_IsTrue(v = cJSON_GetObjectItemCaseSensitive(g, "mba")))
            return 0;
        if (v)
            v->type = cJSON_True;
        else
            cJSON_AddTrueToObject(g, "mba");
        return 1;
    case OP_CERT:
        if ((g = cJSON_GetObjectItemCaseSensitive(root, "certifications")) == NULL)
            g = cJSON_AddArrayToObject(root, "certifications");
        if (g == NULL || !cJSON_IsArray(g) || in_array(g, o->id)) return 0;
        cJSON_AddItemToArray(g, cJSON_CreateString(o->id));
        return 1;
    case OP_INDUSTRY:
        if ((g = cJSON_GetObjectItemCaseSensitive(root, "industries")) == NULL ||
            !cJSON_IsNumber(v = member(root, "experience", "total_years")) ||
            v->valuedouble + o->amount > 70)
            return 0;
        add_number(v, o->amount);
        if ((v = cJSON_GetObjectItemCaseSensitive(g, o->id)) != NULL)
            add_number(v, o->amount);
        else
            cJSON_AddNumberToObject(g, o->id, o->amount);
        return 1;
    case OP_OPS_ROLE:
        v = member(root, "current_role", "function");
        if ((g = cJSON_GetObjectItemCaseSensitive(root, "experience")) == NULL ||
            (cJSON_IsString(v) && strcmp(v->valuestring, "operations") == 0) ||
            !cJSON_IsNumber(v = cJSON_GetObjectItemCaseSensitive(g, "total_years")) ||
            !cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(g, "operations_years")) ||
            v->valuedouble + o->amount > 70)
            return 0;
        add_number(v, o->amount);
        add_number(cJSON_GetObjectItemCaseSensitive(g, "operations_years"), o->amount);
        if ((v = cJSON_GetObjectItemCaseSensitive(g, "management_years")) && cJSON_IsNumber(v) &&
            v->valuedouble > 0)
            add_number(v, o->amount);
        return 1;
    case OP_OPERATIONS:
        if ((g = member(root, "experience", "functions_led")) == NULL || !cJSON_IsArray(g) ||
            in_array(g, "operations"))
            return 0;
        cJSON_AddItemToArray(g, cJSON_CreateString("operations"));
        return 1;
    case OP_ACHIEVEMENT:
        if (!cJSON_IsArray(g = cJSON_GetObjectItemCaseSensitive(root, "achievements")) ||
            (v = cJSON_CreateObject()) == NULL)
            return 0;
        cJSON_AddStringToObject(v, "kind", "efficiency");
        cJSON_AddStringToObject(v, "description", "A measured company-wide improvement");
        cJSON_AddNumberToObject(v, "impact_pct", 10);
        cJSON_AddStringToObject(v, "reach", "company");
        cJSON_AddItemToArray(g, v);
        return 1;
    }
    return 0;
}

/* Whether the profile has a measured achievement that reached the whole company. */
static int company_wide(cJSON *root)
{
    cJSON *a;

    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(root, "achievements"))
    {
        cJSON *reach = cJSON_GetObjectItemCaseSensitive(a, "reach");

        if (cJSON_IsString(reach) && strcmp(reach->valuestring, "company") == 0 &&
            cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(a, "impact_pct")))
            return 1;
    }
    return 0;
}

/* What o asks of the person, in a sentence fragment, and the field it changes. */
static const char *describe(cadre__arena *a, cJSON *root, const op *o, const char **field)
{
    const char *label;
    int i;

    switch (o->kind) {
    case OP_SKILL:
        *field = cadre__arena_printf(a, "skills.%s", o->id);
        label = cadre__vocab_label("skill", o->id);
        i = skill_level(root, o->id, NULL);
        return cadre__arena_printf(a, "%s raised from %d to %d", label ? label : o->id, i,
                                   i + o->amount);
    case OP_YEARS:
        *field = "experience.total_years";
        return cadre__arena_printf(a, "%s more year%s in your current role",
                                   number_words[o->amount], o->amount == 1 ? "" : "s");
    case OP_LEVEL:
        *field = "current_role.level";
        i = level_index(root);
        return cadre__arena_printf(a, "a step up to %s", level_names[i + 1]);
    case OP_PNL:
        *field = "scope.pnl_owner";
        return "a P&L of your own";
    case OP_BOARD:
        *field = "experience.board_exposure";
        return "work with a board of directors";
    case OP_HIRING:
        *field = "scope.hiring_authority";
        return "authority to hire and fire";
    case OP_MULTI_SITE:
        *field = "experience.multi_site";
        return "running operations across several sites";
    case OP_SCOPE:
        *field = "scope";
        return "twice the scope you lead now (people, budget, departments)";
    case OP_MBA:
        *field = "education.mba";
        return "an MBA";
    case OP_CERT:
        *field = "certifications";
        label = cadre__vocab_label("certification", o->id);
        return cadre__arena_printf(a, "the %s certification", label ? label : o->id);
    case OP_INDUSTRY:
        *field = cadre__arena_printf(a, "industries.%s", o->id);
        label = cadre__vocab_label("industry", o->id);
        return cadre__arena_printf(a, "%s years working in %s", number_words[o->amount],
                                   label ? label : o->id);
    case OP_OPS_ROLE:
        *field = "experience.operations_years";
        return cadre__arena_printf(a, "%s years managing in an operations role",
                                   number_words[o->amount]);
    case OP_OPERATIONS:
        *field = "experience.functions_led";
        return "leading an operations function";
    case OP_ACHIEVEMENT:
        *field = "achievements";
        /* Someone who has led one already is asked for another, not for what they have. */
        return company_wide(root) ? "another measured improvement you lead across the company"
                                  : "a measured improvement you lead across the company";
    }
    *field = "";
    return "";
}

/* ---- the changes worth trying for this profile ---- */

static int targets_industry(cJSON *root, const char *industries)
{
    cJSON *t = member(root, "targets", "industries"), *x;

    if (industries == NULL) return 0;
    cJSON_ArrayForEach(x, t) if (cJSON_IsString(x) && strstr(industries, x->valuestring)) return 1;
    return 0;
}

static size_t plan(op *ops, cJSON *root)
{
    size_t n = 0;
    cJSON *x;
    static const int years[] = {1, 2, 3, 5};

#define PUSH(...)                                                                                  \
    do {                                                                                           \
        if (n < MAX_OPS) ops[n++] = (op){__VA_ARGS__};                                             \
    } while (0)
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(root, "skills"))
    {
        PUSH(OP_SKILL, x->string, 1, 6);
        PUSH(OP_SKILL, x->string, 2, 12);
    }
    for (size_t i = 0; i < CADRE__ARRAY_LEN(years); i++)
        PUSH(OP_YEARS, NULL, years[i], 12 * years[i]);
    PUSH(OP_OPS_ROLE, NULL, 2, 24);
    PUSH(OP_OPS_ROLE, NULL, 3, 36);
    PUSH(OP_LEVEL, NULL, 1, 24);
    PUSH(OP_PNL, NULL, 1, 12);
    PUSH(OP_BOARD, NULL, 1, 6);
    PUSH(OP_HIRING, NULL, 1, 6);
    PUSH(OP_MULTI_SITE, NULL, 1, 12);
    PUSH(OP_SCOPE, NULL, 1, 24);
    PUSH(OP_MBA, NULL, 1, 24);
    PUSH(OP_OPERATIONS, NULL, 1, 12);
    PUSH(OP_ACHIEVEMENT, NULL, 1, 12);
    /* Certificates that speak to an industry the person aims at; industries aimed at. */
    for (size_t i = 0;; i++) {
        const cadre_vocab_entry *c = cadre_vocab_entry_at("certification", i);

        if (c == NULL) break;
        if (targets_industry(root, c->extra)) PUSH(OP_CERT, c->id, 1, 6);
    }
    cJSON_ArrayForEach(x, member(root, "targets", "industries"))
    {
        if (cJSON_IsString(x)) PUSH(OP_INDUSTRY, x->valuestring, 2, 24);
    }
#undef PUSH
    return n;
}

/* ---- assessing changed copies ---- */

typedef struct explore {
    cadre_engine *e;
    const char *source;
    const char *const *names;
    size_t n;          /* assessments explored */
    const size_t *idx; /* their index in the report */
    double *score;     /* n scores of the last copy assessed */
    const char **band; /* n bands, in `bands` */
    cadre__arena *bands;
    size_t tried;
} explore;

/* Assesses the profile root; 0, or a negative code (memory) with err filled. */
static int assess(explore *x, cJSON *root, cadre_error *err)
{
    char *json = cJSON_PrintUnformatted(root);
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    int rc;

    if (json == NULL) return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    rc = cadre_candidate_parse(&c, json, strlen(json), x->source, NULL, NULL, err);
    free(json);
    /* A change that makes the profile invalid is no change at all: nothing is claimed. */
    if (rc == CADRE_ENOMEM) return rc;
    if (rc != 0) {
        for (size_t i = 0; i < x->n; i++)
            x->band[i] = NULL;
        return 0;
    }
    rc = cadre_engine_assess(&r, x->e, c, x->names, err);
    cadre_candidate_free(c);
    if (rc != 0) return rc;
    x->tried++;
    for (size_t i = 0; i < x->n; i++) {
        const cadre_result *res = &r->results[i];

        x->score[i] = res->score;
        x->band[i] = res->status == CADRE_STATUS_OK && res->band
                         ? cadre__arena_strdup(x->bands, res->band)
                         : NULL;
    }
    cadre_report_free(r);
    return 0;
}

/* Moves: another band, a higher score, and not into "not enough information". */
static int moves(const cadre_result *base, const char *band, double score)
{
    return band && strcmp(band, base->band) != 0 && score > base->score &&
           strcmp(band, CADRE__BAND_UNKNOWN) != 0;
}

typedef struct trial {
    size_t op;
    double gain; /* score gain for the assessment being ranked */
    const char *band;
    double score;
} trial;

static int by_effort(const void *pa, const void *pb, void *ud)
{
    const trial *a = pa, *b = pb;
    const op *ops = ud;

    if (ops[a->op].effort != ops[b->op].effort) return ops[a->op].effort - ops[b->op].effort;
    if (a->gain != b->gain) return a->gain > b->gain ? -1 : 1;
    return a->op < b->op ? -1 : 1;
}

static int by_yield(const void *pa, const void *pb, void *ud)
{
    const trial *a = pa, *b = pb;
    const op *ops = ud;
    double ya = a->gain / ops[a->op].effort, yb = b->gain / ops[b->op].effort;

    if (ya != yb) return ya > yb ? -1 : 1;
    return a->op < b->op ? -1 : 1;
}

/* A stable insertion sort: at most MAX_OPS trials, and qsort_r is not portable C. */
static void sort_trials(trial *t, size_t n, int (*cmp)(const void *, const void *, void *),
                        const op *ops)
{
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && cmp(&t[k], &t[k - 1], (void *)ops) < 0; k--) {
            trial tmp = t[k];

            t[k] = t[k - 1], t[k - 1] = tmp;
        }
}

/* Same kind and id: one skill raised by one or by two, more years by one or by five. */
static int same_group(const op *a, const op *b)
{
    return a->kind == b->kind && (a->id == b->id || (a->id && b->id && strcmp(a->id, b->id) == 0));
}

static cadre_whatif *add_whatif(cadre_report *r, const cadre_result *base, size_t tried)
{
    cadre_whatif *w;

    if (r->nwhatifs == r->capwhatifs) {
        size_t cap = r->capwhatifs ? r->capwhatifs * 2 : 8;
        cadre_whatif *grown = cadre__arena_alloc(&r->arena, cap * sizeof(*grown));

        if (grown == NULL) return NULL;
        if (r->nwhatifs) memcpy(grown, r->whatifs, r->nwhatifs * sizeof(*grown));
        r->whatifs = grown, r->capwhatifs = cap;
    }
    w = &r->whatifs[r->nwhatifs++];
    memset(w, 0, sizeof(*w));
    w->struct_size = sizeof(*w);
    w->plugin = base->plugin;
    w->from_band = base->band;
    w->from_score = base->score;
    w->tried = tried;
    return w;
}

/* Records the changes ops[chosen[0..k)] as one way for `base` to reach band/score. */
static int record(cadre_report *r, const cadre_result *base, cJSON *root, const op *ops,
                  const size_t *chosen, size_t k, const char *band, double score, size_t tried)
{
    cadre_whatif *w = add_whatif(r, base, tried);
    const char **changes, **fields;
    cJSON *copy = cJSON_Duplicate(root, 1);

    if (w == NULL || copy == NULL) {
        cJSON_Delete(copy);
        return CADRE_ENOMEM;
    }
    changes = cadre__arena_alloc(&r->arena, (k + 1) * sizeof(*changes));
    fields = cadre__arena_alloc(&r->arena, (k + 1) * sizeof(*fields));
    if (changes == NULL || fields == NULL) {
        cJSON_Delete(copy);
        return CADRE_ENOMEM;
    }
    /* Each change is described against the profile as the earlier ones left it. */
    for (size_t i = 0; i < k; i++) {
        changes[i] = describe(&r->arena, copy, &ops[chosen[i]], &fields[i]);
        apply(copy, &ops[chosen[i]]);
        w->effort_months += (unsigned)ops[chosen[i]].effort;
    }
    cJSON_Delete(copy);
    w->changes = changes;
    w->fields = fields;
    w->change_count = k;
    w->to_band = cadre__arena_strdup(&r->arena, band);
    w->to_score = score;
    return w->to_band ? 0 : CADRE_ENOMEM;
}

/* One assessment: up to MAX_PER single changes that move it, the smallest first; when none
 * does, the fewest changes taken together, best score gain per month first, that do. */
static int rank(explore *x, cadre_report *r, size_t k, cJSON *root, const op *ops, trial *t,
                size_t nt, cadre_error *err)
{
    const cadre_result *base = &r->results[x->idx[k]];
    size_t shown = 0, chosen[MAX_COMBINED], nchosen = 0, ngain = 0;
    cJSON *copy = NULL;
    int rc = 0;

    sort_trials(t, nt, by_effort, ops);
    for (size_t i = 0; i < nt && shown < MAX_PER; i++) {
        int dup = 0;

        if (!moves(base, t[i].band, t[i].score)) continue;
        for (size_t j = 0; j < i; j++)
            if (moves(base, t[j].band, t[j].score) && same_group(&ops[t[j].op], &ops[t[i].op]))
                dup = 1;
        if (dup) continue;
        if ((rc = record(r, base, root, ops, &t[i].op, 1, t[i].band, t[i].score, x->tried)))
            return rc;
        shown++;
    }
    if (shown > 0) return 0;
    /* Together, greedily: the pool is the best of each group by score per month, among every
     * change that applies, gaining or not (a gate may need two changes before either counts).
     * Each round tries the pool on the profile built so far: a change that moves the verdict
     * ends the search (the smallest such), otherwise the best gain per month is kept. */
    for (size_t i = 0; i < nt; i++) {
        int grouped = 0;

        if (t[i].band == NULL) continue;
        for (size_t j = 0; j < ngain; j++)
            if (same_group(&ops[t[j].op], &ops[t[i].op])) {
                if (t[i].gain / ops[t[i].op].effort > t[j].gain / ops[t[j].op].effort) t[j] = t[i];
                grouped = 1;
            }
        if (!grouped) t[ngain++] = t[i];
    }
    sort_trials(t, ngain, by_yield, ops);
    /* Every change of career (years, a level, scope, a P&L, ...) stays in the pool, however
     * little it gives alone: together they open gates (executive years need an executive
     * level first); skills fill the rest of the pool by gain per month. */
    if (ngain > MAX_POOL) {
        trial pool[MAX_POOL];
        size_t np = 0;

        for (size_t i = 0; i < ngain && np < MAX_POOL; i++)
            if (ops[t[i].op].kind != OP_SKILL) pool[np++] = t[i];
        for (size_t i = 0; i < ngain && np < MAX_POOL; i++)
            if (ops[t[i].op].kind == OP_SKILL) pool[np++] = t[i];
        sort_trials(pool, np, by_yield, ops);
        memcpy(t, pool, np * sizeof(*t));
        ngain = np;
    }
    if (ngain == 0 || t[0].gain <= 0) goto none;
    /* First the cheap way: the gaining changes added in order of their own gain per month,
     * which finds sets of small steps (several skills) that the greedy search misses. */
    if ((copy = cJSON_Duplicate(root, 1)) == NULL)
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    for (size_t i = 0; i < ngain && t[i].gain > 0 && nchosen < MAX_COMBINED; i++) {
        if (!apply(copy, &ops[t[i].op])) continue;
        chosen[nchosen++] = t[i].op;
        if (nchosen < 2) continue; /* alone, it was tried */
        if ((rc = assess(x, copy, err)) != 0) break;
        if (moves(base, x->band[k], x->score[k])) {
            rc = record(r, base, root, ops, chosen, nchosen, x->band[k], x->score[k], x->tried);
            cJSON_Delete(copy);
            return rc;
        }
    }
    cJSON_Delete(copy);
    nchosen = 0;
    if (rc != 0 || (copy = cJSON_Duplicate(root, 1)) == NULL)
        return rc ? rc : cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    apply(copy, &ops[t[0].op]);
    chosen[nchosen++] = t[0].op;
    t[0].band = NULL; /* used */
    for (double now = t[0].score; rc == 0 && nchosen < MAX_COMBINED;) {
        size_t best = SIZE_MAX, mover = SIZE_MAX;
        double best_yield = 0, mover_score = 0;
        const char *mover_band = NULL;

        for (size_t i = 1; rc == 0 && i < ngain; i++) {
            cJSON *next;

            if (t[i].band == NULL) continue;
            if ((next = cJSON_Duplicate(copy, 1)) == NULL) {
                rc = cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
                break;
            }
            if (apply(next, &ops[t[i].op]) && (rc = assess(x, next, err)) == 0 && x->band[k]) {
                double gain = x->score[k] - now;

                if (moves(base, x->band[k], x->score[k]) &&
                    (mover == SIZE_MAX || ops[t[i].op].effort < ops[t[mover].op].effort))
                    mover = i, mover_band = x->band[k], mover_score = x->score[k];
                if (gain > 0 && gain / ops[t[i].op].effort > best_yield)
                    best = i, best_yield = gain / ops[t[i].op].effort;
            }
            cJSON_Delete(next);
        }
        if (rc != 0) break;
        if (mover != SIZE_MAX) {
            chosen[nchosen++] = t[mover].op;
            rc = record(r, base, root, ops, chosen, nchosen, mover_band, mover_score, x->tried);
            break;
        }
        if (best == SIZE_MAX) break; /* nothing adds to the score: stop */
        apply(copy, &ops[t[best].op]);
        chosen[nchosen++] = t[best].op;
        now += best_yield * ops[t[best].op].effort;
        t[best].band = NULL;
    }
    cJSON_Delete(copy);
none:
    if (rc == 0 && (r->nwhatifs == 0 || strcmp(r->whatifs[r->nwhatifs - 1].plugin, base->plugin)))
        rc = add_whatif(r, base, x->tried) ? 0 : CADRE_ENOMEM; /* nothing tried moved it */
    return rc;
}

static int run(cadre_report *r, cadre_engine *e, const cadre_candidate *c, cadre_error *err)
{
    const char *names[65];
    size_t idx[64], n = 0, nops;
    double score[64];
    const char *band[64];
    cadre__arena bands;
    op ops[MAX_OPS];
    trial *t = NULL;
    char *json;
    cJSON *root;
    int rc = 0;

    for (size_t i = 0; i < r->count && n < 64; i++) {
        const cadre_result *res = &r->results[i];

        if (res->status == CADRE_STATUS_OK && res->band &&
            strcmp(res->band, CADRE__BAND_UNKNOWN) != 0)
            names[n] = res->plugin, idx[n++] = i;
    }
    names[n] = NULL;
    r->explored = 1;
    if (n == 0) return 0;
    if ((json = cadre__candidate_to_json(c)) == NULL)
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    root = cJSON_Parse(json);
    free(json);
    if (root == NULL) return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    nops = plan(ops, root);
    cadre__arena_init(&bands, 4096);
    explore x = {e, c->source, names, n, idx, score, band, &bands, 0};
    /* trials[k * nops + i]: what op i did to assessment k. */
    if ((t = calloc(n * nops + 1, sizeof(*t))) == NULL) rc = CADRE_ENOMEM;
    for (size_t i = 0; rc == 0 && i < nops; i++) {
        cJSON *copy = cJSON_Duplicate(root, 1);

        if (copy == NULL) {
            rc = CADRE_ENOMEM;
            break;
        }
        if (apply(copy, &ops[i])) {
            rc = assess(&x, copy, err);
        } else {
            for (size_t k = 0; k < n; k++)
                band[k] = NULL;
        }
        cJSON_Delete(copy);
        for (size_t k = 0; rc == 0 && k < n; k++) {
            const cadre_result *base = &r->results[idx[k]];

            t[k * nops + i] = (trial){i, band[k] ? score[k] - base->score : 0, band[k], score[k]};
        }
    }
    for (size_t k = 0; rc == 0 && k < n; k++)
        rc = rank(&x, r, k, root, ops, t + k * nops, nops, err);
    free(t);
    cJSON_Delete(root);
    cadre__arena_free(&bands);
    if (rc == CADRE_ENOMEM) return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    return rc;
}

int cadre_report_explore(cadre_report *r, cadre_engine *e, const cadre_candidate *c,
                         cadre_error *err)
{
    locale_t previous;
    int rc;

    if (r == NULL || e == NULL || c == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_report_explore: NULL argument");
    if (r->explored) return 0;
    previous = cadre__locale_enter();
    rc = run(r, e, c, err);
    cadre__locale_leave(previous);
    return rc;
}

size_t cadre_report_whatif_count(const cadre_report *r)
{
    return r ? r->nwhatifs : 0;
}

const cadre_whatif *cadre_report_whatif(const cadre_report *r, size_t i)
{
    return r && i < r->nwhatifs ? &r->whatifs[i] : NULL;
}
