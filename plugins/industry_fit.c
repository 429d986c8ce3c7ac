/* SPDX-License-Identifier: MIT */
/*
 * plugins/industry_fit.c - how well a person fits the operations leadership of each of the
 * ten industries in domain.md, and which fit best.
 *
 * For each industry, four parts (weights are design choices, docs/assessments.md):
 *   years in it (45)  - 10 years counts as deep knowledge; half the years of a neighbouring
 *                       industry count too, but never more than 3 (neighbours are listed in
 *                       data/industries.json), so a neighbour never outranks the industry itself
 *   its demands (35)  - the skills that stand for what a COO there concentrates on
 *                       (domain.md, seed 003), each wanted at the level the data file gives
 *   certifications (12) and tools (8) that speak to it (vocabularies in docs/candidate.md)
 * The overall score is the fit of the best industry, or of the one given with --set
 * industry_fit.industry=<id>. All ten are ranked.
 *
 * A native plugin since issue 9 (docs/performance.md): it was a Lua rubric, and
 * tests/parity/industry_fit.lua keeps that form, held to this one's reports word for word.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cadre/plugin.h>

#include "advice.h"
#include "datafiles.h"
#include "ratings.h"
#include "words.h"

#define W_YEARS          45
#define W_DEMANDS        35
#define W_CERTIFICATIONS 12
#define W_TOOLS          8
#define DEEP_YEARS       10  /* design choice: a decade in an industry counts as deep knowledge */
#define NEIGHBOUR_SHARE  0.5 /* design choice: half the years of a neighbouring industry count, */
#define NEIGHBOUR_CAP                                                                              \
    3 /* up to 3 years' worth: x neighbour years always count less than x                          \
         years in the industry itself, and never make it "deep" */
/* Below this share of the weight with its inputs, the band says "not enough information"
 * (the engine's rule for every declarative rubric, core/lua/rubric.c). */
#define MIN_CONFIDENCE 0.5
#define BAND_UNKNOWN   "not enough information"
#define MAX_LIST       8 /* skills, tools or neighbours an industry lists */
#define NIND           10

/* The industry vocabulary (docs/candidate.md), in its order; init checks that each is known
 * to the engine and described in data/industries.json. */
#define INDUSTRY_CHOICES                                                                           \
    "healthcare|technology|manufacturing|retail|finance|education|nonprofit|hospitality|"          \
    "logistics|energy"

typedef struct industry {
    char id[32];
    const char *label;
    char emphasis[400];
    char skills[MAX_LIST][64];
    int nskills;
    char tools[MAX_LIST][64];      /* tool categories */
    char tool_words[MAX_LIST][64]; /* the same, as words: "data analytics" */
    int ntools;
    char neighbours[MAX_LIST][32];
    int nneighbours;
} industry;

typedef struct state {
    industry ind[NIND];
    int n;
    double need; /* the level each demanded skill is wanted at */
    advice_book advice;
} state;

/* ---- loading data/industries.json ---- */

static int read_list(char (*out)[64], int *n, const cJSON *arr, size_t width, const char *what,
                     const char *id, char *err, size_t errlen)
{
    const cJSON *v;

    *n = 0;
    cJSON_ArrayForEach(v, arr)
    {
        if (!cJSON_IsString(v) || *n == MAX_LIST || strlen(v->valuestring) >= width) {
            snprintf(err, errlen, "data/industries.json: industries.%s.%s: expected up to %d ids",
                     id, what, MAX_LIST);
            return -1;
        }
        snprintf(out[(*n)++], width, "%s", v->valuestring);
    }
    if (*n == 0 && strcmp(what, "neighbours") != 0) {
        snprintf(err, errlen, "data/industries.json: industries.%s.%s: expected a list", id, what);
        return -1;
    }
    return 0;
}

static int load_industry(industry *d, const cJSON *j, const cadre_host *h, char *err, size_t errlen)
{
    const cJSON *em = cJSON_GetObjectItem(j, "emphasis"),
                *nb = cJSON_GetObjectItem(j, "neighbours");
    char nbuf[MAX_LIST][64];

    d->label = h->vocab_label("industry", d->id);
    if (!cJSON_IsString(em)) {
        snprintf(err, errlen, "data/industries.json: industries.%s.emphasis: expected a string",
                 d->id);
        return -1;
    }
    snprintf(d->emphasis, sizeof(d->emphasis), "%s", em->valuestring);
    if (read_list(d->skills, &d->nskills, cJSON_GetObjectItem(j, "skills"), 64, "skills", d->id,
                  err, errlen) ||
        read_list(d->tools, &d->ntools, cJSON_GetObjectItem(j, "tools"), 64, "tools", d->id, err,
                  errlen) ||
        read_list(nbuf, &d->nneighbours, nb, 32, "neighbours", d->id, err, errlen))
        return -1;
    for (int i = 0; i < d->nskills; i++)
        if (h->vocab_label("skill", d->skills[i]) == NULL) {
            snprintf(err, errlen, "data/industries.json: industries.%s.skills: unknown skill '%s'",
                     d->id, d->skills[i]);
            return -1;
        }
    for (int i = 0; i < d->nneighbours; i++) {
        if (h->vocab_label("industry", nbuf[i]) == NULL) {
            snprintf(err, errlen,
                     "data/industries.json: industries.%s.neighbours: unknown industry '%s'", d->id,
                     nbuf[i]);
            return -1;
        }
        snprintf(d->neighbours[i], sizeof(d->neighbours[i]), "%s", nbuf[i]);
    }
    for (int i = 0; i < d->ntools; i++) {
        snprintf(d->tool_words[i], sizeof(d->tool_words[i]), "%s", d->tools[i]);
        for (char *p = d->tool_words[i]; *p; p++)
            if (*p == '_') *p = ' ';
    }
    return 0;
}

static int load(state *st, const cadre_host *h, const char *dir, char *err, size_t errlen)
{
    cJSON *spec = datafiles_json(dir, "industries.json", err, errlen);
    const cJSON *inds = cJSON_GetObjectItem(spec, "industries"),
                *need = cJSON_GetObjectItem(spec, "required_level");
    const char *p = INDUSTRY_CHOICES;
    int rc = 0;

    if (spec == NULL) return -1;
    if (!cJSON_IsNumber(need) || !cJSON_IsObject(inds)) {
        snprintf(err, errlen, "data/industries.json: expected required_level and industries");
        cJSON_Delete(spec);
        return -1;
    }
    st->need = need->valuedouble;
    while (rc == 0 && *p) {
        industry *d = &st->ind[st->n];
        size_t len = strcspn(p, "|");
        const cJSON *j;

        snprintf(d->id, sizeof(d->id), "%.*s", (int)len, p);
        p += len + (p[len] == '|');
        if (h->vocab_label("industry", d->id) == NULL) {
            snprintf(err, errlen, "the engine does not know industry '%s'", d->id);
            rc = -1;
        } else if ((j = cJSON_GetObjectItem(inds, d->id)) == NULL) {
            snprintf(err, errlen, "data/industries.json lacks %s", d->id);
            rc = -1;
        } else {
            rc = load_industry(d, j, h, err, errlen);
            st->n++;
        }
    }
    cJSON_Delete(spec);
    return rc;
}

static void fini(void *p)
{
    state *st = p;

    if (st) advice_book_free(&st->advice);
    free(st);
}

static int init(void **out, const cadre_host *h, char *err, size_t errlen)
{
    state *st = calloc(1, sizeof(*st));
    char dir[1024];

    if (st == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (datafiles_dir(dir, sizeof(dir), (const void *)init, err, errlen) != 0 ||
        advice_book_load(&st->advice, dir, err, errlen) != 0 || load(st, h, dir, err, errlen)) {
        fini(st);
        return -1;
    }
    *out = st;
    return 0;
}

/* ---- what this assessment reads of the person ---- */

typedef struct facts {
    const cadre_candidate *c;
    ratings ratings;                     /* the person's skill ratings, by id */
    int has_years;                       /* the person listed industries: unlisted ones are 0 */
    const char *certs[64];               /* the known certifications, in the person's order */
    int ncerts, has_certs;               /* has_certs: any certification listed, known or not */
    const char *tool_of[NIND][MAX_LIST]; /* per industry and category: the first tool's label */
} facts;

static double years_in(const facts *f, const char *id)
{
    for (size_t i = 0; i < f->c->industries.count; i++) {
        const cadre_industry *y = CADRE_ITEM(cadre_industry, f->c->industries, i);

        if (strcmp(y->id, id) == 0) return y->years;
    }
    return 0;
}

/* Whether certification `cert` speaks to industry `id` (its vocabulary entry's areas). */
static int speaks_to(const cadre_host *h, const char *cert, const char *id)
{
    const char *areas = h->vocab_extra("certification", cert);
    size_t n = strlen(id);

    for (const char *p = areas; p && *p;) {
        size_t len = strcspn(p, ",");

        if (len == n && memcmp(p, id, n) == 0) return 1;
        p += len + (p[len] == ',');
    }
    return 0;
}

static void facts_of(facts *f, const state *st, const cadre_host *h, const cadre_candidate *c)
{
    memset(f, 0, sizeof(*f));
    f->c = c;
    ratings_build(&f->ratings, c);
    f->has_years = c->industries.set;
    f->has_certs = c->certifications.count > 0;
    for (size_t i = 0; i < c->certifications.count && f->ncerts < 64; i++)
        if (h->vocab_label("certification", c->certifications.items[i]))
            f->certs[f->ncerts++] = c->certifications.items[i];
    for (size_t t = 0; t < c->tools.count; t++) {
        const char *cat = h->vocab_extra("tool", c->tools.items[t]);

        if (cat == NULL) continue;
        for (int k = 0; k < st->n; k++)
            for (int j = 0; j < st->ind[k].ntools; j++)
                if (f->tool_of[k][j] == NULL && strcmp(st->ind[k].tools[j], cat) == 0)
                    f->tool_of[k][j] = h->vocab_label("tool", c->tools.items[t]);
    }
}

/* ---- the fit for one industry ---- */

typedef struct fit {
    const industry *ind;
    int k; /* its index in the state */
    double years, best_n, effective;
    const char *best_id; /* the neighbour whose years count, or NULL */
    double parts[4];     /* years, demands, certifications, tools */
    const char *first_weak;
    double score; /* whole: the report shows this rubric's scores as whole numbers */
} fit;

static const double weights[4] = {W_YEARS, W_DEMANDS, W_CERTIFICATIONS, W_TOOLS};

static void fit_for(fit *out, const facts *f, const state *st, const cadre_host *h, int k)
{
    const industry *ind = &st->ind[k];
    double sum = 0, total = 0;
    int n = 0, covered = 0;

    memset(out, 0, sizeof(*out));
    out->ind = ind, out->k = k;
    /* Years: direct years, plus a share of the best neighbouring industry's. */
    if (f->has_years) {
        double borrowed;

        out->years = years_in(f, ind->id);
        for (int i = 0; i < ind->nneighbours; i++) {
            double y = years_in(f, ind->neighbours[i]);

            if (y > out->best_n) out->best_n = y, out->best_id = ind->neighbours[i];
        }
        borrowed = NEIGHBOUR_SHARE * out->best_n;
        if (borrowed > NEIGHBOUR_CAP) borrowed = NEIGHBOUR_CAP;
        out->effective = out->years + borrowed;
        out->parts[0] = out->effective >= DEEP_YEARS ? 100
                        : out->effective <= 0        ? 0
                                                     : out->effective / DEEP_YEARS * 100;
    }
    /* Demands: the industry's defining skills, each wanted at the required level. */
    for (int i = 0; i < ind->nskills; i++) {
        const cadre_skill *s = ratings_find(&f->ratings, ind->skills[i]);

        if (s == NULL) {
            if (!out->first_weak) out->first_weak = ind->skills[i];
            continue;
        }
        sum += s->level >= st->need ? 100 : s->level <= 0 ? 0 : s->level / st->need * 100;
        if (s->level < st->need && !out->first_weak) out->first_weak = ind->skills[i];
    }
    out->parts[1] = sum / ind->nskills;
    /* Certifications: design choice, one relevant one is most of the credit, two is all. */
    for (int i = 0; i < f->ncerts; i++)
        n += speaks_to(h, f->certs[i], ind->id);
    out->parts[2] = n == 0 ? 0 : n == 1 ? 70 : 100;
    /* Tools: the share of the categories the industry relies on that the person uses. */
    for (int i = 0; i < ind->ntools; i++)
        covered += f->tool_of[k][i] != NULL;
    out->parts[3] = (double)covered / ind->ntools * 100;
    for (int i = 0; i < 4; i++)
        total += weights[i] * out->parts[i];
    /* Whole, as the report shows it, so the ranking, the summary and the best industry's
     * score, which comes from the same parts, agree. */
    out->score = floor(total / 100 + 0.5);
}

static int by_score(const void *a, const void *b)
{
    const fit *x = a, *y = b;

    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return strcmp(x->ind->id, y->ind->id);
}

/* ---- the criteria, for the best industry ---- */

typedef struct run {
    const cadre_host *h;
    const cadre_candidate *c;
    cadre_builder *b;
    const state *st;
    facts f;
    fit fits[NIND];
    int nfits;
    const char *only; /* the industry the parameter names, or NULL */
} run;

static void years_evidence(words *w, const fit *t, const cadre_host *h)
{
    words_add(w, "%s in %s", words_y(t->years).s, t->ind->label);
    if (t->best_id)
        words_add(w, "; half of your %s in %s, a neighbouring industry, counts too (at most %s)",
                  words_y(t->best_n).s, h->vocab_label("industry", t->best_id),
                  words_n(NEIGHBOUR_CAP).s);
    words_add(w, " (counting %s years; %d give full marks).", words_n(t->effective).s, DEEP_YEARS);
}

static void demands_evidence(words *w, const run *x, const fit *t)
{
    const industry *ind = t->ind;
    char strong[MAX_LIST][120], weak[MAX_LIST][120];
    const char *sp[MAX_LIST], *wp[MAX_LIST];
    int ns = 0, nw = 0;

    for (int i = 0; i < ind->nskills; i++) {
        const cadre_skill *s = ratings_find(&x->f.ratings, ind->skills[i]);
        const char *label = x->h->vocab_label("skill", ind->skills[i]);

        if (s == NULL) {
            snprintf(weak[nw], sizeof(weak[0]), "%s (not rated)", label);
            wp[nw] = weak[nw], nw++;
        } else if (s->level >= x->st->need) {
            snprintf(strong[ns], sizeof(strong[0]), "%s %s", label, words_d(s->level).s);
            sp[ns] = strong[ns], ns++;
        } else {
            snprintf(weak[nw], sizeof(weak[0]), "%s %s", label, words_d(s->level).s);
            wp[nw] = weak[nw], nw++;
        }
    }
    words_add(w, "What a COO in %s concentrates on (%s), each wanted at level %s.", ind->label,
              ind->emphasis, words_d(x->st->need).s);
    if (ns > 0) {
        words_add(w, " At that level: ");
        words_list(w, sp, (size_t)ns, "and");
        words_add(w, ".");
    }
    if (nw > 0) {
        words_add(w, " Below it: ");
        words_list(w, wp, (size_t)nw, "and");
        words_add(w, ".");
    }
}

static void certifications_evidence(words *w, const run *x, const fit *t)
{
    const char *found[64];
    int n = 0;

    if (!x->f.has_certs) {
        words_add(w, "No certification that speaks to %s.", t->ind->label);
        return;
    }
    for (int i = 0; i < x->f.ncerts; i++)
        if (speaks_to(x->h, x->f.certs[i], t->ind->id))
            found[n++] = x->h->vocab_label("certification", x->f.certs[i]);
    if (n == 0) {
        words_add(w, "None of your certifications speaks to %s.", t->ind->label);
        return;
    }
    words_list(w, found, (size_t)n, "and");
    words_add(w, " speak%s to %s (one gives 70, two or more 100).", n == 1 ? "s" : "",
              t->ind->label);
}

static void tools_evidence(words *w, const run *x, const fit *t)
{
    const industry *ind = t->ind;
    const char *cats[MAX_LIST], *names[MAX_LIST];
    int n = 0;

    for (int i = 0; i < ind->ntools; i++) {
        cats[i] = ind->tool_words[i];
        if (x->f.tool_of[t->k][i]) names[n++] = x->f.tool_of[t->k][i];
    }
    words_add(w, "Tools %s relies on: ", ind->label);
    words_list(w, cats, (size_t)ind->ntools, "or");
    words_add(w, ".");
    if (n > 0) {
        words_add(w, " You use ");
        words_list(w, names, (size_t)n, "and");
        words_add(w, ".");
    } else {
        words_add(w, " You list none of them.");
    }
}

/* Adds the four criteria of the best industry; returns the share of their weight whose
 * inputs were given, and the weighted score in *score. */
static double criteria(run *x, double *score)
{
    const fit *best = &x->fits[0];
    const char *label = best->ind->label;
    double wsum = 0, ssum = 0, wok = 0;
    int unrated = 0;
    char title[200];
    words w;

    snprintf(title, sizeof(title), "Years in %s", label);
    words_reset(&w);
    if (!x->f.has_years) {
        x->h->criterion(x->b, "years", title, W_YEARS, 0,
                        "Not assessed, counted as 0: industries not given: list your years per "
                        "industry");
        x->h->missing(x->b, "years", "industries");
    } else {
        years_evidence(&w, best, x->h);
        x->h->criterion(x->b, "years", title, W_YEARS, best->parts[0], "%s", w.s);
        wok += W_YEARS;
    }
    snprintf(title, sizeof(title), "What %s demands", label);
    words_reset(&w);
    demands_evidence(&w, x, best);
    x->h->criterion(x->b, "demands", title, W_DEMANDS, best->parts[1], "%s", w.s);
    for (int i = 0; i < best->ind->nskills; i++)
        if (ratings_find(&x->f.ratings, best->ind->skills[i]) == NULL) {
            char field[80];

            snprintf(field, sizeof(field), "skills.%s", best->ind->skills[i]);
            x->h->missing(x->b, "demands", field);
            unrated++;
        }
    if (unrated == 0) wok += W_DEMANDS;
    snprintf(title, sizeof(title), "Certifications for %s", label);
    words_reset(&w);
    certifications_evidence(&w, x, best);
    x->h->criterion(x->b, "certifications", title, W_CERTIFICATIONS, best->parts[2], "%s", w.s);
    snprintf(title, sizeof(title), "Tools used in %s", label);
    words_reset(&w);
    tools_evidence(&w, x, best);
    x->h->criterion(x->b, "tools", title, W_TOOLS, best->parts[3], "%s", w.s);
    wok += W_CERTIFICATIONS + W_TOOLS;
    /* The engine's arithmetic, in its order: the criteria's weighted mean. */
    for (int i = 0; i < 4; i++) {
        wsum += weights[i];
        ssum += weights[i] * best->parts[i]; /* the years part is 0 without industries */
    }
    *score = ssum / wsum;
    return wok / wsum;
}

/* ---- findings ---- */

static const fit *find_fit(const run *x, const char *id, int *pos)
{
    for (int i = 0; i < x->nfits; i++)
        if (strcmp(x->fits[i].ind->id, id) == 0) return *pos = i + 1, &x->fits[i];
    return NULL;
}

/* What would raise the fit for an industry the person wants: its weakest part. */
static void recommend(const run *x, const fit *t)
{
    const advice_entry *d;
    const char *a;

    if (t->years < 2) {
        x->h->recommend(x->b,
                        "Get inside %s: take an operations role there, or lead a project for a "
                        "client or partner in it; years in the industry are the largest part of "
                        "the fit.",
                        t->ind->label);
        return;
    }
    if (t->first_weak == NULL) {
        x->h->recommend(x->b,
                        "Add a certification or tool that %s uses; your years and skills already "
                        "fit it.",
                        t->ind->label);
        return;
    }
    d = advice_find(&x->st->advice, t->first_weak);
    a = advice_action(d, x->c);
    x->h->recommend(x->b, "Build what %s demands, starting with %s: %s", t->ind->label,
                    x->h->vocab_label("skill", t->first_weak),
                    a ? a : "seek assignments that exercise it.");
}

static int wants(const cadre_candidate *c, const char *id)
{
    for (size_t i = 0; i < c->targets.industries.count; i++)
        if (strcmp(c->targets.industries.items[i], id) == 0) return 1;
    return 0;
}

static void advise(const run *x)
{
    const cadre_candidate *c = x->c;
    const fit *best = &x->fits[0];

    for (int i = 0; i < x->nfits; i++) {
        const fit *t = &x->fits[i];

        x->h->rank(x->b, t->ind->id, t->ind->label, t->score,
                   "%s; demands %s/100; certifications %s; tools %s",
                   x->f.has_years ? words_y(t->years).s : "years not given", words_d(t->parts[1]).s,
                   words_d(t->parts[2]).s, words_d(t->parts[3]).s);
    }
    x->h->detail(x->b, "best_industry", "%s", best->ind->id);
    if (best->score >= 40)
        x->h->finding(x->b, CADRE_FINDING_STRENGTH, "%s fits you best (%s/100)%s.",
                      best->ind->label, words_n(best->score).s,
                      wants(c, best->ind->id) ? ", and it is an industry you want" : "");
    for (size_t k = 0; k < c->targets.industries.count; k++) {
        const char *id = c->targets.industries.items[k];
        int i = 0;
        const fit *t = find_fit(x, id, &i);

        /* Within 5 points the two are a tie as far as this assessment can tell (design
         * choice). */
        if (t && i > 1 && best->score - t->score < 5) {
            x->h->finding(x->b, CADRE_FINDING_STRENGTH,
                          "%s, which you want, fits almost as well as %s (%s against %s).",
                          t->ind->label, best->ind->label, words_n(t->score).s,
                          words_n(best->score).s);
        } else if (t && i > 1) {
            x->h->finding(x->b, CADRE_FINDING_GAP,
                          "You want to work in %s, but it ranks %d of %d for you (%s/100; the "
                          "best is %s at %s).",
                          t->ind->label, i, x->nfits, words_n(t->score).s, best->ind->label,
                          words_n(best->score).s);
            recommend(x, t);
        }
    }
    if (c->targets.industries.count == 0 && x->only == NULL) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "You named no target industries, so this ranking cannot tell you how far "
                      "your wishes are from your fit.");
        x->h->recommend(x->b, "Add targets.industries to your profile.");
    }
}

static void summary(const run *x, int unknown)
{
    const fit *f = x->fits;

    if (unknown)
        x->h->set_summary(x->b, "Too little is known to rank the industries: add your years per "
                                "industry (industries) and rate your skills.");
    else if (x->only)
        x->h->set_summary(x->b, "Fit for %s: %s/100.", f[0].ind->label, words_n(f[0].score).s);
    else
        x->h->set_summary(x->b, "Best fit: %s (%s), then %s (%s) and %s (%s).", f[0].ind->label,
                          words_n(f[0].score).s, f[1].ind->label, words_n(f[1].score).s,
                          f[2].ind->label, words_n(f[2].score).s);
}

/* ---- the assessment ---- */

static const struct {
    double min;
    const char *label;
} bands[] = {{75, "strong fit"}, {60, "good fit"}, {40, "partial fit"}, {0, "weak fit"}};

static int assess(void *st, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    run *x = calloc(1, sizeof(*x));
    double score, confidence;
    int unknown;

    if (x == NULL) return h->fail(b, "out of memory"), -1;
    x->h = h, x->c = c, x->b = b, x->st = st;
    x->only = h->param(p, "industry");
    facts_of(&x->f, st, h, c);
    for (int k = 0; k < x->st->n; k++)
        if (x->only == NULL || strcmp(x->only, x->st->ind[k].id) == 0)
            fit_for(&x->fits[x->nfits++], &x->f, st, h, k);
    if (x->nfits == 0) { /* the engine checks a choice parameter; this is a second guard */
        h->fail(b, "no industry '%s'", x->only);
        free(x);
        return -1;
    }
    qsort(x->fits, (size_t)x->nfits, sizeof(x->fits[0]), by_score);
    confidence = criteria(x, &score);
    /* One rounding rule across the built-ins: whole numbers, banded as shown. */
    score = round(score);
    h->set_score(b, score);
    unknown = confidence < MIN_CONFIDENCE;
    if (unknown) {
        h->set_band(b, BAND_UNKNOWN);
    } else {
        int i = 0;

        while (score < bands[i].min)
            i++;
        h->set_band(b, bands[i].label);
        advise(x);
    }
    summary(x, unknown);
    free(x);
    return 0;
}

static const char *const inputs[] = {"industries",         "skills", "certifications", "tools",
                                     "targets.industries", NULL};

static const cadre_param_spec industry_param = {
    sizeof(cadre_param_spec), "industry",
    CADRE_PARAM_CHOICE,       NULL,
    INDUSTRY_CHOICES,         "assess only this industry instead of ranking all ten",
};
static const cadre_param_spec *const params[] = {&industry_param, NULL};

static const cadre_plugin_info info = {
    sizeof(cadre_plugin_info),
    CADRE_PLUGIN_ABI_VERSION,
    "industry_fit",
    "1.1.0",
    "Industry fit",
    "How well the person fits operations leadership in each of ten industries: years there, "
    "what the industry demands of a COO, certifications and tools. Ranks all ten.",
    inputs,
    params,
    init,
    assess,
    fini,
};

CADRE_PLUGIN_DEFINE(info)
