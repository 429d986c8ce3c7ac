/* SPDX-License-Identifier: MIT */
/*
 * plugins/skills_gap.c - which skills stand between a person and a role, and what to do.
 *
 * The target role is a data file, data/roles/<role>.json (docs/assessments.md): a new role is
 * a new file. For each skill in the profile the required level and its importance come from
 * the O*NET ratings of the role's occupation (the .tsv files in data/onet), through the O*NET
 * element the skill vocabulary maps the skill to, unless the profile gives them (with a source
 * saying why). O*NET levels (0-7) become cadre levels (0-5) as level x 5/7 (docs/candidate.md).
 *
 * A native plugin since issue 9 (docs/performance.md): it was a Lua rubric, and
 * tests/parity/skills_gap.lua keeps that form, held to this one's reports word for word.
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

/* A shortfall under half a level is not called a gap: self-ratings are whole numbers, and
 * O*NET's own notes put differences of 0.1-0.25 (on its 0-7 scale) within the noise. */
#define GAP_THRESHOLD  0.5
/* Below this share of the weight with its inputs, the band says "not enough information"
 * (the engine's rule for every declarative rubric, core/lua/rubric.c). */
#define MIN_CONFIDENCE 0.5
#define BAND_UNKNOWN   "not enough information"

/* A role other than the built-in two, read once, when a person first targets it: found, or
 * the reason it could not be (rc as datafiles_role_load's). */
typedef struct other_role {
    char id[64];
    int rc;
    char err[400];
    datafiles_role *role; /* when rc is 0 */
} other_role;

#define OTHER_ROLES 16 /* kept; a batch targeting more reads the rest per person */

typedef struct state {
    char dir[1024];
    datafiles_onet onet;
    datafiles_role builtin[2]; /* coo and operations_manager, checked when the plugin loads */
    advice_book advice;
    other_role other[OTHER_ROLES];
    int nother;
} state;

static const char *const builtin_ids[] = {"coo", "operations_manager"};

static void state_free(state *st)
{
    if (st == NULL) return;
    for (int i = 0; i < st->nother; i++)
        free(st->other[i].role);
    datafiles_onet_free(&st->onet);
    advice_book_free(&st->advice);
    free(st);
}

static int init(void **out, const cadre_host *h, char *err, size_t errlen)
{
    state *st = calloc(1, sizeof(*st));

    if (st == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (datafiles_dir(st->dir, sizeof(st->dir), (const void *)init, err, errlen) != 0 ||
        advice_book_load(&st->advice, st->dir, err, errlen) != 0) {
        state_free(st);
        return -1;
    }
    datafiles_onet_read(&st->onet, st->dir);
    for (int i = 0; i < 2; i++)
        if (datafiles_role_load(&st->builtin[i], st->dir, builtin_ids[i], &st->onet, h, err,
                                errlen) != 0) {
            state_free(st);
            return -1;
        }
    *out = st;
    return 0;
}

static void fini(void *st)
{
    state_free(st);
}

/* ---- what the ratings say against the role ---- */

typedef struct row {
    const datafiles_role_skill *s;
    int rated, have, gap;
    double deficit, priority;
    const char *evidence; /* the person's evidence for the rating, or NULL */
} row;

typedef struct run {
    const cadre_host *h;
    const cadre_candidate *c;
    cadre_builder *b;
    const state *st;
    ratings ratings; /* the person's, by id */
    const datafiles_role *role;
    const char *fell_back; /* the target that has no profile, or NULL */
    char plural[160];      /* "COOs", "operations managers" */
    row rows[DATAFILES_MAX_ROLE_SKILLS];
    const row *gaps[DATAFILES_MAX_ROLE_SKILLS];
    int ngaps;
    const char *unrated[DATAFILES_MAX_ROLE_SKILLS];
    int nunrated;
} run;

static int by_priority(const void *a, const void *b)
{
    const row *x = *(const row *const *)a, *y = *(const row *const *)b;

    if (x->priority != y->priority) return x->priority > y->priority ? -1 : 1;
    return strcmp(x->s->id, y->s->id);
}

static int by_importance(const void *a, const void *b)
{
    const row *x = *(const row *const *)a, *y = *(const row *const *)b;

    if (x->s->importance != y->s->importance) return x->s->importance > y->s->importance ? -1 : 1;
    return strcmp(x->s->id, y->s->id);
}

static void analyse(run *x)
{
    const datafiles_role *role = x->role;

    for (int i = 0; i < role->nskills; i++) {
        const datafiles_role_skill *s = &role->skills[i];
        const cadre_skill *r = ratings_find(&x->ratings, s->id);
        row *w = &x->rows[i];

        w->s = s;
        if (r == NULL) {
            x->unrated[x->nunrated++] = s->label;
            continue;
        }
        w->rated = 1;
        w->have = r->level;
        w->evidence = r->evidence;
        w->deficit = fmax(0, s->need - r->level);
        w->gap = w->deficit >= GAP_THRESHOLD;
        w->priority = s->importance * w->deficit;
        if (w->gap) x->gaps[x->ngaps++] = w;
    }
    qsort(x->gaps, (size_t)x->ngaps, sizeof(x->gaps[0]), by_priority);
}

/* ---- the criteria: one per skill of the role's profile, weighted by its importance ---- */

static double level_score(double have, double need)
{
    return need <= 0 || have >= need ? 100 : have <= 0 ? 0 : have / need * 100;
}

/* Adds the criteria; returns the share of their weight whose inputs were given. */
static double criteria(run *x, double *score)
{
    double wsum = 0, ssum = 0, wok = 0;
    words w;

    for (int i = 0; i < x->role->nskills; i++) {
        const row *r = &x->rows[i];
        const datafiles_role_skill *s = r->s;
        double sc = 0;

        words_reset(&w);
        if (!r->rated) {
            words_add(&w,
                      "Not assessed, counted as 0: not rated; rate skills.%s (0-5). %s: about "
                      "%s (%s).",
                      s->id, x->plural, words_n(s->need).s, s->source);
        } else {
            words_add(&w, "You: %s. %s: about %s (%s).", words_d(r->have).s, x->plural,
                      words_n(s->need).s, s->source);
            if (r->gap)
                words_add(&w, " Gap %s x importance %s = priority %s.", words_n(r->deficit).s,
                          words_n(s->importance).s, words_n(r->priority).s);
            else if (r->deficit > 0)
                words_add(&w, " Within half a level: not a gap.");
            if (r->evidence) words_add(&w, " Your evidence: \"%s\".", r->evidence);
            sc = level_score(r->have, s->need);
        }
        x->h->criterion(x->b, s->id, s->label, s->importance, sc, "%s", w.s);
        if (!r->rated) {
            char field[80];

            snprintf(field, sizeof(field), "skills.%s", s->id);
            x->h->missing(x->b, s->id, field);
        } else {
            wok += s->importance;
        }
        wsum += s->importance;
        ssum += s->importance * sc;
    }
    *score = wsum > 0 ? ssum / wsum : 0;
    return wsum > 0 ? wok / wsum : 1;
}

/* ---- the band: the worse of the score's and the gaps' ---- */

static const struct {
    double min;
    const char *label;
} bands[] = {
    {90, "no significant gaps"},
    {75, "a few gaps to close"},
    {55, "several gaps to close"},
    {0, "substantial gaps"},
};

/* The band also follows the gaps themselves, so it never says "no significant gaps" above a
 * list of them (design choices: "a few" is up to four gaps, none with a priority of 8, e.g. a
 * 2-level gap on a skill of importance 4; "several" up to eight). */
#define BIG_PRIORITY 8
static int gaps_band(const run *x)
{
    double top = x->ngaps ? x->gaps[0]->priority : 0;

    if (x->ngaps == 0) return 0;
    if (x->ngaps <= 4 && top < BIG_PRIORITY) return 1;
    if (x->ngaps <= 8) return 2;
    return 3;
}

static int score_band(double score)
{
    int i = 0;

    while (score < bands[i].min)
        i++;
    return i;
}

/* ---- findings ---- */

/* The development action for a skill, chosen for this person's scope. */
static void recommend(const run *x, const char *id)
{
    const advice_entry *d = advice_find(&x->st->advice, id);
    const char *a = advice_action(d, x->c);

    if (d == NULL) {
        x->h->recommend(x->b, "Find a stretch assignment that exercises this skill.");
        return;
    }
    x->h->recommend(x->b, "%s To learn the method: %s.", a ? a : "", d->learn);
}

static void report_gaps(const run *x)
{
    for (int i = 0; i < x->ngaps; i++) {
        const row *g = x->gaps[i];

        /* Ranking score: priority scaled so that 100 is a 5-level gap on a skill of
         * importance 5. */
        x->h->rank(x->b, g->s->id, g->s->label, fmin(100, g->priority * 4),
                   "have %s, need %s: gap %s x importance %s = priority %s", words_d(g->have).s,
                   words_n(g->s->need).s, words_n(g->deficit).s, words_n(g->s->importance).s,
                   words_n(g->priority).s);
        if (i >= 5) continue;
        if (i == 0)
            x->h->finding(x->b, CADRE_FINDING_GAP,
                          "%s: you rate yourself %s, %s work at about %s. This is your biggest "
                          "gap for the role.",
                          g->s->label, words_d(g->have).s, x->plural, words_n(g->s->need).s);
        else
            x->h->finding(x->b, CADRE_FINDING_GAP,
                          "%s: you rate yourself %s, %s work at about %s. Gap number %d of %d by "
                          "priority (%s).",
                          g->s->label, words_d(g->have).s, x->plural, words_n(g->s->need).s, i + 1,
                          x->ngaps, words_n(g->priority).s);
        recommend(x, g->s->id);
    }
}

static void report_strengths(const run *x)
{
    const row *strong[DATAFILES_MAX_ROLE_SKILLS];
    int n = 0;

    for (int i = 0; i < x->role->nskills; i++) {
        const row *r = &x->rows[i];

        if (r->rated && !r->gap && r->s->importance >= 4 && r->have >= 4) strong[n++] = r;
    }
    qsort(strong, (size_t)n, sizeof(strong[0]), by_importance);
    for (int i = 0; i < n && i < 3; i++)
        x->h->finding(x->b, CADRE_FINDING_STRENGTH,
                      "%s at %s meets what %s need (about %s), and it matters: importance %s of "
                      "5.",
                      strong[i]->s->label, words_d(strong[i]->have).s, x->plural,
                      words_n(strong[i]->s->need).s, words_n(strong[i]->s->importance).s);
}

static void advise(const run *x)
{
    const datafiles_role *role = x->role;
    int high = 0, bare = 0;
    words w;

    if (x->fell_back)
        x->h->finding(x->b, CADRE_FINDING_RISK,
                      "There is no skills profile for your target role '%s'; this compares you "
                      "with a COO instead.",
                      x->fell_back);
    x->h->detail(x->b, "role", "%s", role->id);
    x->h->detail(x->b, "role_profile", "%s (O*NET %s, %s)", role->title, role->onet_code,
                 role->onet_title);
    x->h->detail(x->b, "skills_rated", "%d of %d", role->nskills - x->nunrated, role->nskills);
    x->h->detail(x->b, "gaps", "%d", x->ngaps);
    /* Each rated skill as "id have need gap;" (gap 1 or 0), for the HTML report's chart
     * (docs/report.md, "Chart details"). */
    words_reset(&w);
    for (int i = 0; i < role->nskills; i++)
        if (x->rows[i].rated)
            words_add(&w, "%s %s %s %d;", role->skills[i].id, words_d(x->rows[i].have).s,
                      words_n(role->skills[i].need).s, x->rows[i].gap);
    x->h->detail(x->b, "chart_skills", "%s", w.s);
    /* Self-ratings of 4 or 5 without evidence are taken with less confidence (design choice:
     * up to 15% less when none has evidence); evidence restores it. */
    for (int i = 0; i < role->nskills; i++) {
        const row *r = &x->rows[i];

        if (r->rated && r->have >= 4) {
            high++;
            if (r->evidence == NULL) bare++;
        }
    }
    if (bare > 0)
        x->h->discount(x->b, 1 - 0.15 * bare / high,
                       "no evidence for %d of the %d ratings of 4 or 5 (skills.ID.evidence "
                       "restores it)",
                       bare, high);
    report_gaps(x);
    report_strengths(x);
    if (x->nunrated > 0) {
        words_reset(&w);
        words_list(&w, x->unrated, (size_t)x->nunrated, "and");
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "You did not rate %d of the %d skills in the %s profile: %s.", x->nunrated,
                      role->nskills, role->title, w.s);
        x->h->recommend(x->b, "Rate each of them 0-5 with the scale in docs/candidate.md; until "
                              "then they count as 0 and the gaps above are incomplete.");
    }
}

static void summary(const run *x)
{
    const datafiles_role *role = x->role;
    int rated = role->nskills - x->nunrated;
    const char *top[3];
    int n = 0;
    words w;

    if (rated == 0) {
        x->h->set_summary(x->b,
                          "You have not rated any of the %d skills in the %s profile yet; rate "
                          "them (0-5) to see your gaps.",
                          role->nskills, role->title);
        return;
    }
    if (x->ngaps == 0) {
        x->h->set_summary(x->b,
                          "Against the %s profile, none of the %d skills you rated falls short.",
                          role->title, rated);
        return;
    }
    for (; n < 3 && n < x->ngaps; n++)
        top[n] = x->gaps[n]->s->label;
    words_reset(&w);
    words_list(&w, top, (size_t)n, "and");
    x->h->set_summary(x->b,
                      "Against the %s profile you fall short on %d of %d rated skills; the gaps "
                      "that matter most: %s.",
                      role->title, x->ngaps, rated, w.s);
}

/* ---- the assessment ---- */

/* The role to compare with: the parameter (an unknown one is an error), else the person's
 * target if there is a profile for it, else coo (and fell_back names the target). Roles other
 * than the two built-in ones are read for the call, into *own. */
/* Role `id`, other than the built-in two: from the state's store, or read now (and stored
 * while there is room; otherwise *own holds it for this call). Returns as datafiles_role_load,
 * with the role in *out or the reason in o->err. */
static const other_role *other_role_of(state *st, const cadre_host *h, const char *id,
                                       other_role *scratch, datafiles_role **own)
{
    other_role *o = st->nother < OTHER_ROLES ? &st->other[st->nother] : scratch;

    for (int i = 0; i < st->nother; i++)
        if (strcmp(st->other[i].id, id) == 0) return &st->other[i];
    memset(o, 0, sizeof(*o));
    snprintf(o->id, sizeof(o->id), "%s", id);
    if ((o->role = malloc(sizeof(*o->role))) == NULL) {
        o->rc = -1;
        snprintf(o->err, sizeof(o->err), "out of memory");
        return o; /* not stored: the next call tries again */
    }
    o->rc = datafiles_role_load(o->role, st->dir, id, &st->onet, h, o->err, sizeof(o->err));
    if (o->rc != 0) {
        free(o->role);
        o->role = NULL;
    }
    if (o == scratch)
        *own = o->role;
    else if (strlen(id) < sizeof(o->id))
        st->nother++;
    return o;
}

static int choose_role(run *x, const cadre_params *p, datafiles_role **own)
{
    const char *given = x->h->param(p, "role");
    const char *wanted = given ? given : x->c->targets.role ? x->c->targets.role : "coo";
    const other_role *o;
    other_role scratch;

    for (int i = 0; i < 2; i++)
        if (strcmp(wanted, builtin_ids[i]) == 0) {
            x->role = &x->st->builtin[i];
            return 0;
        }
    o = other_role_of((state *)x->st, x->h, wanted, &scratch, own);
    if (o->rc == 0) {
        x->role = o->role;
        return 0;
    }
    if (o->rc < 0 || given) {
        x->h->fail(x->b, "%s", o->err);
        return -1;
    }
    x->role = &x->st->builtin[0];
    x->fell_back = wanted;
    return 0;
}

static int assess(void *st, const cadre_host *h, const cadre_candidate *c, const cadre_params *p,
                  cadre_builder *b)
{
    run *x = calloc(1, sizeof(*x));
    datafiles_role *own = NULL;
    double score, confidence;

    if (x == NULL) return h->fail(b, "out of memory"), -1;
    x->h = h, x->c = c, x->b = b, x->st = st;
    if (choose_role(x, p, &own) != 0) {
        free(own);
        free(x);
        return -1;
    }
    if (strcmp(x->role->id, "coo") == 0) {
        snprintf(x->plural, sizeof(x->plural), "COOs");
    } else {
        snprintf(x->plural, sizeof(x->plural), "%ss", x->role->title);
        for (char *q = x->plural; *q; q++)
            if (*q >= 'A' && *q <= 'Z') *q = (char)(*q - 'A' + 'a');
    }
    ratings_build(&x->ratings, c);
    analyse(x);
    confidence = criteria(x, &score);
    /* One rounding rule across the built-ins: whole numbers, banded as shown. */
    score = round(score);
    h->set_score(b, score);
    if (confidence < MIN_CONFIDENCE) {
        h->set_band(b, BAND_UNKNOWN);
    } else {
        int sb = score_band(score), gb = gaps_band(x);

        h->set_band(b, bands[sb > gb ? sb : gb].label);
    }
    advise(x);
    summary(x);
    free(own);
    free(x);
    return 0;
}

static const char *const inputs[] = {"skills", "targets.role", NULL};

static const cadre_param_spec role_param = {
    sizeof(cadre_param_spec),
    "role",
    CADRE_PARAM_STRING,
    NULL,
    NULL,
    "role profile to compare with (a file in data/roles); default: the candidate's targets.role "
    "if there is a profile for it, else coo",
};
static const cadre_param_spec *const params[] = {&role_param, NULL};

static const cadre_plugin_info info = {
    sizeof(cadre_plugin_info),
    CADRE_PLUGIN_ABI_VERSION,
    "skills_gap",
    "1.1.0",
    "Skills gap",
    "Which skills fall short of a target role's profile (COO = O*NET 11-1011.00, operations "
    "manager = 11-1021.00), by how much, how much it matters, and what to do about each gap.",
    inputs,
    params,
    init,
    assess,
    fini,
};

CADRE_PLUGIN_DEFINE(info)
