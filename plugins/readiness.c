/* SPDX-License-Identifier: MIT */
/*
 * plugins/readiness.c - COO readiness, defined once (readiness.h): the criteria, the caps on
 * the band, the career level and the transition path a person comes from.
 *
 * The core skills are the COO skills domain.md lists (seeds 000, 002, 003); their required
 * levels and importance come from the role profile skills_gap uses (data/roles/coo.json,
 * resolved against the O*NET ratings in data/onet/), so the assessments cannot disagree about
 * what a COO needs. Every weight and threshold is in docs/assessments.md with its source, or
 * labelled there as a design choice.
 */
#define _GNU_SOURCE /* strcasestr */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafiles.h"
#include "readiness.h"

/* ---- the criteria and their weights (docs/assessments.md; all design choices on the facts
 * named beside them) ---- */

#define W_MANAGEMENT 15 /* 10+ years in management roles (seed 003) */
#define W_OPERATIONS 15 /* "extensive operations management experience" (000; 002) */
#define W_EXECUTIVE  15 /* other executive roles (002); reports to the CEO (000-003) */
#define W_EDUCATION  5  /* bachelor's expected, MBA common but not essential (000, 002, 003) */
#define W_SKILLS     15 /* the COO skills of domain.md, at O*NET chief-executive levels */
#define W_SCOPE      15 /* whole-company operations, departments, budgets, hiring (001-003) */
#define W_RECORD     15 /* driving efficiency and change; success metrics (000, 003) */
#define W_FIT        5  /* 50-60 hour weeks, some travel, high stress (seed 003) */

#define OPS_FULL    8.0 /* design choice: "extensive" operations experience (000) */
#define EXEC_FULL   5.0 /* design choice */
#define PEOPLE_FULL 500.0
#define BUDGET_FULL 50e6
#define DEPTS_FULL  5.0  /* "oversees multiple departments" (mid-level COO, seed 003) */
#define HOURS_LOW   40.0 /* seed 003: COOs work 50-60 hours; 40 or fewer scores 0 */

static const char *const core_ids[] = {
    "leadership",         "strategic_planning",
    "decision_making",    "communication",
    "organization",       "financial_management",
    "execution",          "cross_functional_management",
    "process_management", "stakeholder_management",
    "mentoring",          NULL,
};

/* ---- reading the data files ---- */

/* The core skills, as the COO role profile skills_gap uses resolves them (datafiles.c), so the
 * two assessments cannot disagree about what a COO needs. */
static int load_core(readiness_model *st, const cadre_host *h, const char *dir, char *err,
                     size_t errlen)
{
    datafiles_role *role = malloc(sizeof(*role));
    datafiles_onet onet = {{NULL}};
    int rc = -1;

    if (role == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    datafiles_onet_read(&onet, dir);
    if (datafiles_role_load(role, dir, "coo", &onet, h, err, errlen) == 0)
        rc = advice_book_load(&st->advice, dir, err, errlen);
    for (int i = 0; rc == 0 && core_ids[i]; i++) {
        readiness_skill *s = &st->core[st->ncore];
        const datafiles_role_skill *e = NULL;

        for (int k = 0; k < role->nskills && e == NULL; k++)
            if (strcmp(role->skills[k].id, core_ids[i]) == 0) e = &role->skills[k];
        if (e == NULL) {
            snprintf(err, errlen, "data/roles/coo.json has no entry for core skill %s",
                     core_ids[i]);
            rc = -1;
            break;
        }
        s->id = core_ids[i];
        s->importance = e->importance;
        s->need = e->need;
        /* coo_readiness quotes the level alone; skills_gap the importance too */
        if (e->given)
            snprintf(s->source, sizeof(s->source), "%s", e->source);
        else
            snprintf(s->source, sizeof(s->source), "O*NET %s, level %.1f/7", e->element_name,
                     e->onet_level);
        s->dev = advice_find(&st->advice, s->id);
        st->ncore++;
    }
    datafiles_onet_free(&onet);
    free(role);
    return rc;
}

int readiness_model_load(readiness_model *m, const cadre_host *h, char *err, size_t errlen)
{
    char dir[1024];

    memset(m, 0, sizeof(*m));
    if (datafiles_dir(dir, sizeof(dir), (const void *)readiness_model_load, err, errlen) != 0)
        return -1;
    if (!CADRE_HOST_HAS(h, vocab_extra)) {
        snprintf(err, errlen, "needs a cadre whose host table has vocab_extra");
        return -1;
    }
    if (load_core(m, h, dir, err, errlen) != 0) {
        advice_book_free(&m->advice);
        return -1;
    }
    return 0;
}

const char *readiness_advice(const readiness_skill *k, const cadre_candidate *c)
{
    const char *a = advice_action(k->dev, c);

    return a ? a : "Seek assignments that exercise this skill.";
}

int readiness_plugin_init(void **state, const cadre_host *h, char *err, size_t errlen)
{
    readiness_model *m = calloc(1, sizeof(*m));

    if (m == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (readiness_model_load(m, h, err, errlen) != 0) {
        free(m);
        return -1;
    }
    *state = m;
    return 0;
}

void readiness_plugin_fini(void *state)
{
    readiness_model *m = state;

    if (m) advice_book_free(&m->advice);
    free(m);
}

const char *const readiness_inputs[] = {"experience.management_years",
                                        "experience.operations_years",
                                        "experience.executive_years",
                                        "current_role",
                                        "industries",
                                        "education",
                                        "skills",
                                        "scope",
                                        "achievements",
                                        "preferences",
                                        NULL};

/* ---- scoring helpers ---- */

typedef struct ctx {
    const cadre_host *h;
    const cadre_candidate *c;
    cadre_builder *b;
    const readiness_model *m;
    double lacking; /* weight of the criteria that lacked an input */
} ctx;

/* A criterion being put together: its evidence, and the candidate fields it lacked. */
typedef struct acc {
    char ev[1400];
    const char *missing[12];
    char missing_buf[12][64];
    int nmissing;
} acc;

static void add(acc *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(acc *a, const char *fmt, ...)
{
    size_t n = strlen(a->ev);
    va_list ap;

    if (n >= sizeof(a->ev) - 1) return;
    va_start(ap, fmt);
    vsnprintf(a->ev + n, sizeof(a->ev) - n, fmt, ap);
    va_end(ap);
}

static void lack(acc *a, const char *field)
{
    if (a->nmissing == 12) return;
    snprintf(a->missing_buf[a->nmissing], sizeof(a->missing_buf[0]), "%s", field);
    a->missing[a->nmissing] = a->missing_buf[a->nmissing];
    a->nmissing++;
}

static void emit(ctx *x, const char *id, const char *label, double weight, double score,
                 const acc *a)
{
    x->h->criterion(x->b, id, label, weight, score, "%s", a->ev);
    for (int i = 0; i < a->nmissing; i++)
        x->h->missing(x->b, id, a->missing[i]);
    if (a->nmissing) x->lacking += weight;
}

static double ramp(double x, double lo, double hi)
{
    return x <= lo ? 0 : x >= hi ? 100 : (x - lo) / (hi - lo) * 100;
}

int readiness_skill_level(const cadre_candidate *c, const char *id)
{
    for (size_t i = 0; i < c->skills.count; i++)
        if (strcmp(CADRE_ITEM(cadre_skill, c->skills, i)->id, id) == 0)
            return CADRE_ITEM(cadre_skill, c->skills, i)->level;
    return -1;
}

static const char *money(double usd, char *buf, size_t size)
{
    if (usd >= 1e9)
        snprintf(buf, size, "$%.1fB", usd / 1e9);
    else if (usd >= 1e6)
        snprintf(buf, size, "$%.1fM", usd / 1e6);
    else if (usd >= 1e3)
        snprintf(buf, size, "$%.0fK", usd / 1e3);
    else
        snprintf(buf, size, "$%.0f", usd);
    return buf;
}

const char *readiness_years_word(double n)
{
    return n == 1 ? "year" : "years";
}

/* A years criterion: `full` years give full marks. */
static double years(acc *a, const cadre_num *n, double full, const char *field, const char *what)
{
    if (!n->set) {
        add(a, "Not given, counted as 0: add %s.", field);
        lack(a, field);
        return 0;
    }
    add(a, "%g %s %s (full marks at %g).", n->value, readiness_years_word(n->value), what, full);
    return ramp(n->value, 0, full);
}

/* Titles the sources treat as COO equivalents: President, Chief Operating/Operations
 * Officer, VP of Operations (000, 001). Free text, so matched loosely and case-blind. */
static int coo_equivalent_title(const char *title)
{
    int vp;

    if (title == NULL) return 0;
    vp = strcasestr(title, "vice president") || strcasestr(title, "vice-president") ||
         strcasestr(title, "VP") != NULL;
    if (strcasestr(title, "chief operating") || strcasestr(title, "chief operations")) return 1;
    if (strcmp(title, "COO") == 0 || strncmp(title, "COO ", 4) == 0 || strstr(title, " COO"))
        return 1;
    if (vp) return strcasestr(title, "operations") != NULL;
    return strcasestr(title, "president") != NULL;
}

/* ---- the criteria ---- */

static double management(ctx *x)
{
    acc a = {0};
    double s =
        years(&a, &x->c->experience.management_years, READINESS_MGMT_FULL,
              "experience.management_years", "managing people; COO roles ask for 10 or more");

    emit(x, "management", "Management experience", W_MANAGEMENT, s, &a);
    return s;
}

static double operations(ctx *x)
{
    acc a = {0};
    double s =
        years(&a, &x->c->experience.operations_years, OPS_FULL, "experience.operations_years",
              "in operations roles; COOs come from extensive operations management, "
              "often as operations managers");

    emit(x, "operations", "Operations experience", W_OPERATIONS, s, &a);
    return s;
}

/* Executive years (half), the current position (three tenths) and the reporting line (a
 * fifth): COOs often come from other executive roles and report to the CEO (000-003). */
static double executive(ctx *x, int coo_title)
{
    static const double by_level[] = {0, 0, 5, 20, 35, 60, 100, 100};
    static const char *const level_name[] = {
        "",         "individual contributor", "supervisor", "manager", "senior manager",
        "director", "vice president",         "C-suite"};
    const cadre_candidate *c = x->c;
    acc a = {0};
    double s = years(&a, &c->experience.executive_years, EXEC_FULL, "experience.executive_years",
                     "at vice-president level or above") *
               0.5;
    double pos = 0;

    if (coo_title) {
        pos = 100;
        add(&a, " Title \"%s\": a COO equivalent (President, COO, VP Operations).",
            c->current_role.title);
    } else if (c->current_role.level != CADRE_LEVEL_UNKNOWN) {
        pos = by_level[c->current_role.level];
        add(&a, " Current level: %s.", level_name[c->current_role.level]);
    } else {
        lack(&a, "current_role.level");
    }
    s += pos * 0.3;
    if (c->current_role.reports_to_ceo == CADRE_FLAG_YES) {
        s += 20;
        add(&a, " Reports to the CEO, as a COO does.");
    } else if (c->current_role.reports_to_ceo == CADRE_FLAG_NO) {
        add(&a, " Does not report to the CEO.");
    } else {
        lack(&a, "current_role.reports_to_ceo");
    }
    add(&a, " Years count half, the position three tenths, the reporting line a fifth.");
    emit(x, "executive", "Executive exposure", W_EXECUTIVE, s, &a);
    return s;
}

/* Bachelor's expected, in business or a related field; an MBA is common but not essential. */
static double education(ctx *x)
{
    static const double by_degree[] = {0, 10, 10, 30, 70, 80, 80};
    static const char *const names[] = {
        "", "No", "A high-school", "An associate", "A bachelor's", "A master's", "A doctoral"};
    const cadre_candidate *c = x->c;
    const char *field = c->education.field, *flabel = NULL, *fextra = NULL;
    acc a = {0};
    double s = 0;

    if (field) {
        flabel = x->h->vocab_label("field", field);
        fextra = x->h->vocab_extra("field", field);
    }
    if (c->education.highest_degree == CADRE_DEGREE_UNKNOWN) {
        add(&a, "Degree not given, counted as 0 (add education.highest_degree)");
        lack(&a, "education.highest_degree");
    } else {
        s = by_degree[c->education.highest_degree];
        add(&a, "%s degree", names[c->education.highest_degree]);
        if (field) {
            /* Field labels are ordinary words: lower-case them inside the sentence. */
            char low[80];

            snprintf(low, sizeof(low), "%s", flabel ? flabel : field);
            if (low[0] >= 'A' && low[0] <= 'Z') low[0] = (char)(low[0] - 'A' + 'a');
            add(&a, " in %s", low);
        }
        if (fextra && strcmp(fextra, "business") == 0 &&
            c->education.highest_degree >= CADRE_DEGREE_BACHELOR) {
            s += 10;
            add(&a, ", a business-related field (+10)");
        }
    }
    if (c->education.mba == CADRE_FLAG_YES) {
        s = 100;
        add(&a, "%san MBA (full marks)", a.ev[0] ? ", and " : "");
    } else if (c->education.mba == CADRE_FLAG_UNSET) {
        lack(&a, "education.mba");
    }
    if (field == NULL) lack(&a, "education.field");
    add(&a, ". COOs usually hold a bachelor's in business or a related field (80 here); an MBA "
            "is common but not essential.");
    emit(x, "education", "Education", W_EDUCATION, s, &a);
    return s;
}

/* The COO skills, each weighed by its importance, scored as the share of the need reached. */
static double core_skills(ctx *x)
{
    double sum = 0, wsum = 0, s;
    int below = 0, unrated = 0, evidenced = 0;
    acc a = {0};

    for (int i = 0; i < x->m->ncore; i++) {
        const readiness_skill *k = &x->m->core[i];
        int have = readiness_skill_level(x->c, k->id);
        char field[80];

        wsum += k->importance;
        if (have < 0) {
            snprintf(field, sizeof(field), "skills.%s", k->id);
            lack(&a, field);
            unrated++;
            continue;
        }
        for (size_t j = 0; j < x->c->skills.count; j++) {
            const cadre_skill *sk = CADRE_ITEM(cadre_skill, x->c->skills, j);

            if (strcmp(sk->id, k->id) == 0 && sk->evidence) evidenced++;
        }
        sum += k->importance * (have >= k->need ? 1 : have / k->need);
        below += have < k->need - 0.5;
    }
    s = sum / wsum * 100;
    add(&a,
        "%d skills COOs need, weighed by O*NET importance, against the level chief executives "
        "work at: %d rated, %d more than half a level short",
        x->m->ncore, x->m->ncore - unrated, below);
    if (unrated) add(&a, ", %d not rated (counted as 0)", unrated);
    add(&a, "; %d with evidence given. skills_gap lists each skill.", evidenced);
    emit(x, "core_skills", "Core COO skills", W_SKILLS, s, &a);
    return s;
}

static double num_part(acc *a, const cadre_num *n, double lo, double hi, const char *field)
{
    if (!n->set) {
        lack(a, field);
        return 0;
    }
    return ramp(n->value, lo, hi);
}

static double flag_part(acc *a, cadre_flag f, const char *field)
{
    if (f == CADRE_FLAG_UNSET) lack(a, field);
    return f == CADRE_FLAG_YES ? 100 : 0;
}

/* Functions led beyond operations (the COO coordinates them all, 001, 003). */
static int other_functions(const cadre_candidate *c)
{
    int n = 0;

    if (!CADRE_CANDIDATE_HAS(c, background)) return 0;
    for (size_t i = 0; i < c->background.functions_led.count; i++)
        n += strcmp(c->background.functions_led.items[i], "operations") != 0;
    return n;
}

/* People, budget, departments, P&L and hiring: five equal parts. Breadth the profile states
 * (several sites, several countries, a merger, functions beyond operations) adds to it, up to
 * full marks; left out, it takes nothing away (design choice: older profiles score as before). */
static double scope(ctx *x)
{
    const cadre_candidate *c = x->c;
    acc a = {0};
    char m[32];
    double s = num_part(&a, &c->scope.people_led, 0, PEOPLE_FULL, "scope.people_led") +
               num_part(&a, &c->scope.budget_usd, 0, BUDGET_FULL, "scope.budget_usd") +
               num_part(&a, &c->scope.departments, 1, DEPTS_FULL, "scope.departments") +
               flag_part(&a, c->scope.pnl_owner, "scope.pnl_owner") +
               flag_part(&a, c->scope.hiring_authority, "scope.hiring_authority");

    if (c->scope.people_led.set)
        add(&a, "%g people led (500: full marks); ", c->scope.people_led.value);
    if (c->scope.budget_usd.set)
        add(&a, "%s budget ($50M: full marks); ", money(c->scope.budget_usd.value, m, sizeof(m)));
    if (c->scope.departments.set)
        add(&a, "%g department%s (5: full marks); ", c->scope.departments.value,
            c->scope.departments.value == 1 ? "" : "s");
    if (c->scope.pnl_owner)
        add(&a, "%s; ", c->scope.pnl_owner == CADRE_FLAG_YES ? "owns a P&L" : "no P&L");
    if (c->scope.hiring_authority)
        add(&a, "%s; ",
            c->scope.hiring_authority == CADRE_FLAG_YES ? "decides hiring and firing"
                                                        : "does not decide hiring");
    if (a.nmissing) add(&a, "%d of 5 parts not given (counted as 0); ", a.nmissing);
    add(&a, "each part is a fifth. A COO runs the whole company's operations.");
    s /= 5;
    {
        double extra = 0;
        int f = other_functions(c);

        if (READINESS_BG(c, multi_site) == CADRE_FLAG_YES) extra += 10;
        if (READINESS_BG(c, international) == CADRE_FLAG_YES) extra += 10;
        if (READINESS_BG(c, mergers) == CADRE_FLAG_YES) extra += 10;
        extra += 5 * (f > 3 ? 3 : f);
        if (extra > 0) {
            add(&a, " Breadth: %s%s%s%d other function%s led (+%.0f, up to 100).",
                READINESS_BG(c, multi_site) == CADRE_FLAG_YES ? "several sites, " : "",
                READINESS_BG(c, international) == CADRE_FLAG_YES ? "several countries, " : "",
                READINESS_BG(c, mergers) == CADRE_FLAG_YES ? "a merger or integration, " : "", f,
                f == 1 ? "" : "s", extra);
            s = s + extra > 100 ? 100 : s + extra;
        }
    }
    emit(x, "scope", "Scope of responsibility", W_SCOPE, s, &a);
    return s;
}

/* How far it reached, whether it is the kind a COO is judged on, whether it was measured. */
static double achievement_value(const cadre_achievement *a)
{
    double v = a->reach == CADRE_REACH_COMPANY      ? 100
               : a->reach == CADRE_REACH_DIVISION   ? 75
               : a->reach == CADRE_REACH_DEPARTMENT ? 50
                                                    : 25;

    if (a->kind == CADRE_ACHIEVEMENT_OTHER) v *= 0.4;
    if (!a->impact_pct.set && !a->value_usd.set) v *= 0.8;
    return v;
}

/* The best achievement counts 60%, the second 25%, the third 15% (design choice: one
 * company-wide measured result is most of what a board asks to see; more confirm it). */
static double track_record(ctx *x)
{
    static const double share[3] = {0.60, 0.25, 0.15};
    const cadre_candidate *c = x->c;
    double best[3] = {0, 0, 0}, s = 0;
    int pick[3] = {-1, -1, -1}, company = 0, measured = 0;
    acc a = {0};

    if (!c->achievements.set) {
        add(&a, "Not given, counted as 0: list what you changed, with its kind, reach and "
                "measured effect.");
        lack(&a, "achievements");
    }
    for (size_t i = 0; i < c->achievements.count; i++) {
        const cadre_achievement *ach = CADRE_ITEM(cadre_achievement, c->achievements, i);
        double v = achievement_value(ach);

        company += ach->reach == CADRE_REACH_COMPANY;
        measured += ach->impact_pct.set || ach->value_usd.set;
        for (int k = 0; k < 3; k++) {
            if (v <= best[k]) continue;
            for (int j = 2; j > k; j--)
                best[j] = best[j - 1], pick[j] = pick[j - 1];
            best[k] = v, pick[k] = (int)i;
            break;
        }
    }
    for (int k = 0; k < 3; k++)
        s += share[k] * best[k];
    if (c->achievements.set) {
        add(&a, "%zu achievement%s, %d company-wide, %d measured.", c->achievements.count,
            c->achievements.count == 1 ? "" : "s", company, measured);
        /* Quote the ones that earned the points, in the person's own words. */
        for (int k = 0; k < 3 && pick[k] >= 0; k++)
            add(&a, " %s \"%s\" (%.0f).", k == 0 ? "Best:" : "Then:",
                CADRE_ITEM(cadre_achievement, c->achievements, (size_t)pick[k])->description,
                best[k]);
        add(&a, " Reach: company 100, division 75, department 50, team 25; x0.8 if unmeasured; "
                "x0.4 if not efficiency, cost, change, process, quality or revenue work. The "
                "best counts 60%%, the next 25%% and 15%%.");
    }
    emit(x, "track_record", "Track record of change", W_RECORD, s, &a);
    return s;
}

/* Seed 003: 50-60 hours a week, some travel, high stress. "Some travel" is met by occasional
 * travel or more, so occasional gets full marks. */
static double personal_fit(ctx *x)
{
    static const double travel[] = {0, 0, 100, 100, 100}, pressure[] = {0, 0, 50, 100};
    static const char *const tname[] = {"", "no", "occasional", "frequent", "extensive"};
    static const char *const pname[] = {"", "low", "moderate", "high"};
    const cadre_candidate *c = x->c;
    acc a = {0};
    double s = num_part(&a, &c->preferences.max_weekly_hours, HOURS_LOW, READINESS_HOURS_FULL,
                        "preferences.max_weekly_hours");

    if (c->preferences.max_weekly_hours.set)
        add(&a, "Up to %g hours a week; ", c->preferences.max_weekly_hours.value);
    if (c->preferences.travel) {
        s += travel[c->preferences.travel];
        add(&a, "%s travel; ", tname[c->preferences.travel]);
    } else {
        lack(&a, "preferences.travel");
    }
    if (c->preferences.pressure) {
        s += pressure[c->preferences.pressure];
        add(&a, "wants %s pressure; ", pname[c->preferences.pressure]);
    } else {
        lack(&a, "preferences.pressure");
    }
    add(&a, "COOs typically work 50-60 hours a week, travel some, and work under high pressure "
            "(each a third; occasional travel meets \"some\").");
    emit(x, "personal_fit", "Hours, travel and pressure", W_FIT, s / 3, &a);
    return s / 3;
}

/* ---- bands, caps and the career level ---- */

/* Design choices, calibrated on the expert panel (tests/expert/panel.json): the sitting
 * executives the panel calls ready now score 92+, those a year or two away 65-84. */
static const double band_min[] = {85, 65, 45, 0};
static const char *const band_labels[] = {"ready now", "ready in 1-2 years", "ready in 3-5 years",
                                          "build operations-management experience first",
                                          "not enough information"};

double readiness_band_min(int band)
{
    return band >= 0 && band < READINESS_UNKNOWN ? band_min[band] : 0;
}

const char *readiness_band_label(int band)
{
    return band >= 0 && band <= READINESS_UNKNOWN ? band_labels[band] : "";
}

const char *readiness_level_label(int level)
{
    static const char *const names[] = {"a senior COO", "a mid-level COO", "an entry-level COO"};

    return level >= LEVEL_SENIOR && level < LEVEL_BELOW ? names[level] : NULL;
}

int readiness_level_allowed(int band)
{
    return band == READY_NOW   ? LEVEL_SENIOR
           : band == READY_1_2 ? LEVEL_MID
           : band == READY_3_5 ? LEVEL_ENTRY
                               : LEVEL_BELOW;
}

static double value(const cadre_num *n)
{
    return n->set ? n->value : 0;
}

/* The management cap, from the 10-year fact (seed 003) by plain arithmetic: ready in 1-2 years
 * needs 8+ years now, ready in 3-5 years 5+; fewer is more than five years away. */
static int management_cap(const cadre_candidate *c)
{
    double m = value(&c->experience.management_years);

    return m >= READINESS_MGMT_FULL ? READY_NOW
           : m >= 8                 ? READY_1_2
           : m >= 5                 ? READY_3_5
                                    : READY_BUILD;
}

/* The operations cap (design choice on 000 and 002: COOs come from operations management):
 * with under 3 operations years, an executive from another function can step across within
 * 1-2 years; anyone else needs an operations role first (3-5 years). */
static int operations_cap(const cadre_candidate *c, int coo_title)
{
    int exec = value(&c->experience.executive_years) >= 3 ||
               c->current_role.level >= CADRE_LEVEL_VICE_PRESIDENT || coo_title;

    if (!c->experience.operations_years.set || c->experience.operations_years.value >= 3)
        return READY_NOW;
    return exec ? READY_1_2 : READY_3_5;
}

int readiness_best_reach(const cadre_candidate *c)
{
    int best = 0;

    for (size_t i = 0; i < c->achievements.count; i++)
        if ((int)CADRE_ITEM(cadre_achievement, c->achievements, i)->reach > best)
            best = (int)CADRE_ITEM(cadre_achievement, c->achievements, i)->reach;
    return best;
}

typedef struct marker {
    int met;
    const char *what;
} marker;

static int count(const marker *m, int n, char *list, size_t size)
{
    int k = 0;

    for (int i = 0; i < n; i++) {
        if (!m[i].met) continue;
        snprintf(list + strlen(list), size - strlen(list), "%s%s", list[0] ? ", " : "", m[i].what);
        k++;
    }
    return k;
}

/* Which of seed 003's COO levels the profile resembles. Each level has gates of experience and
 * scale that self-ratings cannot replace, then the skill markers of that level's description,
 * of which at least half must be met (thresholds: design choices). */
static void career_level(readiness *out, const cadre_candidate *c, int coo_title, int top)
{
    double mgmt = value(&c->experience.management_years);
    double exec = value(&c->experience.executive_years);
    double people = value(&c->scope.people_led), budget = value(&c->scope.budget_usd);
    double depts = value(&c->scope.departments);
    int senior_rank = exec >= 2 || c->current_role.level >= CADRE_LEVEL_VICE_PRESIDENT ||
                      c->current_role.reports_to_ceo == CADRE_FLAG_YES || coo_title;
    marker senior_gate[] = {
        {mgmt >= 10, "10+ management years"},
        {exec >= 6, "6+ executive years"},
        {people >= 500 || budget >= 50e6, "500+ people or a $50M+ budget"},
        {c->scope.pnl_owner == CADRE_FLAG_YES, "profitability (a P&L)"},
        {readiness_best_reach(c) == CADRE_REACH_COMPANY, "company-wide results"},
    };
    marker senior[] = {
        {readiness_skill_level(c, "strategic_planning") >= 4, "long-term strategy"},
        {readiness_skill_level(c, "stakeholder_management") >= 4, "key stakeholder relationships"},
        {readiness_skill_level(c, "mentoring") >= 4, "mentoring future leaders"},
        {READINESS_BG(c, board_exposure) == CADRE_FLAG_YES, "board exposure"},
    };
    marker mid_gate[] = {
        {mgmt >= 10, "10+ management years"},
        {depts >= 3, "several departments"},
        {senior_rank || people >= 500 || budget >= 50e6,
         "executive rank or 500+ people or a $50M+ budget"},
    };
    marker mid[] = {
        {readiness_skill_level(c, "data_analysis") >= 3, "operational data analysis"},
        {readiness_skill_level(c, "process_improvement") >= 3, "process improvement"},
        {readiness_skill_level(c, "cross_functional_management") >= 3,
         "cross-department collaboration"},
        {budget >= 10e6, "resource allocation and budgeting ($10M+)"},
        {readiness_best_reach(c) >= CADRE_REACH_DIVISION, "improvements beyond one department"},
        {READINESS_BG(c, multi_site) == CADRE_FLAG_YES ||
             READINESS_BG(c, international) == CADRE_FLAG_YES ||
             READINESS_BG(c, mergers) == CADRE_FLAG_YES,
         "several sites, countries or an integration"},
    };
    marker entry_gate[] = {
        {mgmt >= 5, "5+ management years"},
        {people >= 100 || budget >= 5e6 || exec >= 2,
         "100+ people, a $5M+ budget or executive years"},
    };
    marker entry[] = {
        {readiness_skill_level(c, "performance_metrics") >= 3, "performance reporting"},
        {readiness_skill_level(c, "financial_management") >= 2, "budget support"},
        {readiness_skill_level(c, "organization") >= 3, "operational planning"},
        {readiness_skill_level(c, "cross_functional_management") >= 2, "coordinating managers"},
    };
    char *list = out->level_markers;
    size_t size = sizeof(out->level_markers);

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
    /* A level: every gate met, then at least half its skill markers (listed after the gates). */
#define LEVEL(gate, skills)                                                                        \
    (list[0] = '\0', (out->nmarkers = count(gate, N(gate), list, size)) == N(gate) &&              \
                         2 * (k = count(skills, N(skills), list, size)) >= N(skills))
    int k = 0;

    if (top <= LEVEL_SENIOR && LEVEL(senior_gate, senior))
        out->level = LEVEL_SENIOR;
    else if (top <= LEVEL_MID && LEVEL(mid_gate, mid))
        out->level = LEVEL_MID;
    else if (top <= LEVEL_ENTRY && LEVEL(entry_gate, entry))
        out->level = LEVEL_ENTRY;
    else
        out->level = LEVEL_BELOW, list[0] = '\0', out->nmarkers = k = 0;
    out->nmarkers += k;
#undef LEVEL
#undef N
}

/* Where the person comes from, when it is one of the common routes to COO other than
 * operations management (issue 10; each has its own advice in coo_readiness). */
static const char *origin(const cadre_candidate *c)
{
    const char *t = c->current_role.title, *f = c->current_role.function;
    double ops = value(&c->experience.operations_years);

    if (t && (strcasestr(t, "founder") || strcasestr(t, "co-founder"))) return "founder";
    if (t && (strcasestr(t, "colonel") || strcasestr(t, "commander") || strcasestr(t, "major ") ||
              strcasestr(t, "captain") || strcasestr(t, "lieutenant") ||
              strcasestr(t, "military") || strcasestr(t, "army") || strcasestr(t, "navy")))
        return "military officer";
    if (ops >= 3 && f && strcmp(f, "operations") == 0) return NULL;
    if (f && strcmp(f, "finance") == 0) return "finance executive";
    if (f && (strcmp(f, "technology") == 0 || strcmp(f, "engineering") == 0))
        return "technology executive";
    if ((t && (strcasestr(t, "public") || strcasestr(t, "city ") || strcasestr(t, "county") ||
               strcasestr(t, "government") || strcasestr(t, "ministry"))) ||
        (c->education.field && strcmp(c->education.field, "public_administration") == 0 && t &&
         strcasestr(t, "director")))
        return "public sector";
    for (size_t i = 0; i < c->industries.count; i++) {
        const cadre_industry *in = CADRE_ITEM(cadre_industry, c->industries, i);

        if (strcmp(in->id, "nonprofit") == 0 && in->years * 2 > value(&c->experience.total_years))
            return "nonprofit";
    }
    return NULL;
}

/* How far the self-reported input can be taken at its word (design choices): high core-skill
 * ratings without evidence, unmeasured achievements and implausible figures each lower the
 * confidence, with the reason in the report; evidence and measured results restore it. */
static void discount(const readiness *r, const readiness_model *m, const cadre_host *h,
                     const cadre_candidate *c, cadre_builder *b)
{
    int high = 0, bare = 0, unmeasured = 0;

    if (!CADRE_HOST_HAS(h, discount)) return;
    for (int i = 0; i < m->ncore; i++)
        for (size_t j = 0; j < c->skills.count; j++) {
            const cadre_skill *s = CADRE_ITEM(cadre_skill, c->skills, j);

            if (strcmp(s->id, m->core[i].id) != 0 || s->level < 4) continue;
            high++;
            bare += s->evidence == NULL;
        }
    if (bare > 0)
        h->discount(b, 1 - 0.15 * bare / high,
                    "no evidence for %d of the %d core-skill ratings of 4 or 5 (skills.ID.evidence "
                    "restores it)",
                    bare, high);
    for (size_t i = 0; i < c->achievements.count; i++) {
        const cadre_achievement *a = CADRE_ITEM(cadre_achievement, c->achievements, i);

        unmeasured += !a->impact_pct.set && !a->value_usd.set;
    }
    if (unmeasured > 0)
        h->discount(b, 1 - 0.05 * unmeasured / (double)c->achievements.count,
                    "%d of %zu achievements without a measured effect", unmeasured,
                    c->achievements.count);
    if (r->concerns > 0)
        h->discount(b, r->concerns >= 3 ? 0.5 : 1 - 0.2 * r->concerns,
                    "%d figure%s hard to believe together (the warnings)", r->concerns,
                    r->concerns == 1 ? "" : "s");
}

void readiness_assess(readiness *out, const readiness_model *m, const cadre_host *h,
                      const cadre_candidate *c, cadre_builder *b)
{
    ctx x = {h, c, b, m, 0};
    int coo_title = coo_equivalent_title(c->current_role.title);
    double score;
    int cap, reason = CAP_NONE, ocap;

    memset(out, 0, sizeof(*out));
    out->coo_title = coo_title;
    score = (W_MANAGEMENT * management(&x) + W_OPERATIONS * operations(&x) +
             W_EXECUTIVE * executive(&x, coo_title) + W_EDUCATION * education(&x) +
             W_SKILLS * core_skills(&x) + W_SCOPE * scope(&x) + W_RECORD * track_record(&x) +
             W_FIT * personal_fit(&x)) /
            100;
    /* One rounding rule: the band is judged on the whole number the report shows. */
    out->score = floor(score + 0.5);
    h->set_score(b, out->score);
    out->score_band = 0;
    while (out->score < band_min[out->score_band])
        out->score_band++;
    cap = management_cap(c);
    if (cap > READY_NOW) reason = CAP_MANAGEMENT;
    ocap = operations_cap(c, coo_title);
    if (ocap > cap) cap = ocap, reason = CAP_OPERATIONS;
    if (CADRE_HOST_HAS(h, implausible))
        while (h->implausible(c, (size_t)out->concerns, NULL, NULL, 0))
            out->concerns++;
    /* An implausible profile is never "ready now" on its own say-so (issue 10). */
    if (out->concerns && cap < READY_1_2) cap = READY_1_2, reason = CAP_PLAUSIBILITY;
    /* Below entry-level COO scope is more than five years away, whatever the score: the
     * timeline and the career level tell one story (design choice). */
    career_level(out, c, coo_title, LEVEL_SENIOR);
    if (out->level == LEVEL_BELOW && cap < READY_BUILD) cap = READY_BUILD, reason = CAP_SCOPE;
    out->cap = cap;
    out->cap_reason = out->score_band < cap ? reason : CAP_NONE;
    out->band = out->score_band > cap ? out->score_band : cap;
    if (x.lacking > 50) out->band = READINESS_UNKNOWN;
    out->origin = origin(c);
    discount(out, m, h, c, b);
    /* The level follows the band, so the two never tell different stories: matched again from
     * the highest level the band allows, when the one found above is higher. */
    {
        int allowed =
            out->band == READINESS_UNKNOWN ? LEVEL_BELOW : readiness_level_allowed(out->band);

        if (out->level < allowed) career_level(out, c, coo_title, allowed);
    }
}
