/* SPDX-License-Identifier: MIT */
/*
 * plugins/coo_readiness.c - how ready a person is to be a COO, and at which career level.
 *
 * A native plugin: it links nothing of libcadre, only cJSON to read its data files. The core
 * skills are the COO skills domain.md lists (seeds 000, 002, 003); their required levels and
 * importance come from the same role profile skills_gap uses (data/roles/coo.json, resolved
 * against the O*NET ratings in data/onet/), so the two assessments cannot disagree about what
 * a COO needs. Every weight and threshold is documented in docs/assessments.md with its source.
 */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cadre/plugin.h>
#include <cjson/cJSON.h>

/* ---- the criteria and their weights (docs/assessments.md) ---- */

#define W_MANAGEMENT 20 /* 10+ years in management roles (seed 003) */
#define W_EXECUTIVE  10 /* COOs often come from other executive roles (seed 002) */
#define W_EDUCATION  10 /* bachelor's expected, MBA common but not essential (000, 002, 003) */
#define W_SKILLS     25 /* the COO skills of domain.md, at O*NET chief-executive levels */
#define W_SCOPE      15 /* whole-company operations, departments, budgets, hiring (001-003) */
#define W_RECORD     15 /* driving efficiency and change; success metrics (000, 003) */
#define W_FIT        5  /* 50-60 hour weeks, travel, high pressure (seed 003) */

#define MGMT_FULL   10.0 /* seed 003: "10+ years in management roles" */
#define EXEC_FULL   5.0  /* design choice */
#define PEOPLE_FULL 500.0
#define BUDGET_FULL 50e6
#define DEPTS_FULL  5.0  /* "oversees multiple departments" (mid-level COO, seed 003) */
#define HOURS_LOW   40.0 /* seed 003: COOs work 50-60 hours; 40 or fewer scores 0 */
#define HOURS_FULL  50.0

#define MAX_CORE 16
#define MAX_TEXT 600

static const char *const core_ids[] = {
    "leadership",         "strategic_planning",
    "decision_making",    "communication",
    "organization",       "financial_management",
    "execution",          "cross_functional_management",
    "process_management", "stakeholder_management",
    "mentoring",          NULL,
};

typedef struct core_skill {
    const char *id;
    double importance, need;
    char source[160];
    char action[MAX_TEXT];
} core_skill;

typedef struct state {
    core_skill core[MAX_CORE];
    int ncore;
} state;

/* ---- reading the data files ---- */

static char *slurp(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (f == NULL) {
        snprintf(err, errlen, "cannot open %s", path);
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n < (8L << 20) &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
        if (fread(buf, 1, (size_t)n, f) == (size_t)n) {
            buf[n] = '\0';
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    if (buf == NULL) snprintf(err, errlen, "cannot read %s", path);
    return buf;
}

static cJSON *read_json(const char *dir, const char *name, char *err, size_t errlen)
{
    char path[1200];
    char *text;
    cJSON *j;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    if ((text = slurp(path, err, errlen)) == NULL) return NULL;
    j = cJSON_Parse(text);
    free(text);
    if (j == NULL) snprintf(err, errlen, "%s is not valid JSON", path);
    return j;
}

/* The four O*NET files, read once at load (each core skill looks in all of them). */
typedef struct onet_files {
    char *text[4];
} onet_files;

static const char *const onet_names[] = {"skills", "knowledge", "abilities", "work_activities"};

static void onet_read(onet_files *o, const char *dir)
{
    for (size_t f = 0; f < 4; f++) {
        char path[1200], err[64];

        snprintf(path, sizeof(path), "%s/onet/%s.tsv", dir, onet_names[f]);
        o->text[f] = slurp(path, err, sizeof(err)); /* NULL: that file is skipped */
    }
}

static void onet_free(onet_files *o)
{
    for (size_t f = 0; f < 4; f++)
        free(o->text[f]);
}

/* Finds the O*NET row `element` in any of the four files; fills the importance and level of
 * column `col` and the element's name. */
static int onet_lookup(const onet_files *o, const char *element, const char *col, double *im,
                       double *lv, char *name, size_t namelen)
{
    for (size_t f = 0; f < 4; f++) {
        char *text, *line, *save = NULL, *hdr;
        int ci = -1, n = 0;

        if (o->text[f] == NULL || (text = strdup(o->text[f])) == NULL) continue;
        hdr = strtok_r(text, "\n", &save);
        for (char *h = hdr, *hs = NULL, *tok = strtok_r(h, "\t", &hs); tok;
             tok = strtok_r(NULL, "\t", &hs), n++) {
            char want[64];

            snprintf(want, sizeof(want), "%s_im", col);
            if (strcmp(tok, want) == 0) ci = n;
        }
        while (ci > 0 && (line = strtok_r(NULL, "\n", &save)) != NULL) {
            char *fields[8], *fs = NULL;
            int k = 0;

            for (char *t = strtok_r(line, "\t", &fs); t && k < 8; t = strtok_r(NULL, "\t", &fs))
                fields[k++] = t;
            if (k > ci + 1 && strcmp(fields[0], element) == 0) {
                *im = atof(fields[ci]);
                *lv = atof(fields[ci + 1]);
                snprintf(name, namelen, "%s", fields[1]);
                free(text);
                return 0;
            }
        }
        free(text);
    }
    return -1;
}

/* One core skill from the role profile entry `e`: given values, or O*NET through the vocab. */
static int resolve_skill(core_skill *s, const cJSON *e, const cadre_host *h, const onet_files *onet,
                         char *err, size_t errlen)
{
    const cJSON *im = cJSON_GetObjectItem(e, "importance"), *lv = cJSON_GetObjectItem(e, "level");
    const char *element = h->vocab_extra("skill", s->id);
    char name[120];
    double oi, ol;

    if (cJSON_IsNumber(im) && cJSON_IsNumber(lv)) {
        s->importance = im->valuedouble;
        s->need = lv->valuedouble;
        snprintf(s->source, sizeof(s->source), "cadre's estimate; no O*NET element matches");
        return 0;
    }
    if (element == NULL || onet_lookup(onet, element, "chief_exec", &oi, &ol, name, sizeof(name))) {
        snprintf(err, errlen, "no O*NET rating for skill %s (element %s)", s->id,
                 element ? element : "none");
        return -1;
    }
    s->importance = oi;
    s->need = ol * 5.0 / 7.0; /* O*NET level 0-7 to cadre's 0-5 (docs/candidate.md) */
    snprintf(s->source, sizeof(s->source), "O*NET %s, level %.1f/7", name, ol);
    return 0;
}

static int load_core(state *st, const cadre_host *h, const char *dir, char *err, size_t errlen)
{
    cJSON *role = read_json(dir, "roles/coo.json", err, errlen);
    cJSON *dev = role ? read_json(dir, "development.json", err, errlen) : NULL;
    const cJSON *skills = cJSON_GetObjectItem(role, "skills");
    int rc = role && dev ? 0 : -1;
    onet_files onet = {{NULL}};

    onet_read(&onet, dir);
    for (int i = 0; rc == 0 && core_ids[i]; i++) {
        core_skill *s = &st->core[st->ncore];
        const cJSON *e = NULL, *d;

        cJSON_ArrayForEach(e, skills)
        {
            const cJSON *id = cJSON_GetObjectItem(e, "skill");

            if (cJSON_IsString(id) && strcmp(id->valuestring, core_ids[i]) == 0) break;
        }
        if (e == NULL) {
            snprintf(err, errlen, "data/roles/coo.json has no entry for core skill %s",
                     core_ids[i]);
            rc = -1;
            break;
        }
        s->id = core_ids[i];
        rc = resolve_skill(s, e, h, &onet, err, errlen);
        d = cJSON_GetObjectItem(cJSON_GetObjectItem(dev, "skills"), s->id);
        snprintf(s->action, sizeof(s->action), "%s",
                 cJSON_IsString(cJSON_GetObjectItem(d, "do"))
                     ? cJSON_GetObjectItem(d, "do")->valuestring
                     : "Seek assignments that exercise this skill.");
        st->ncore++;
    }
    onet_free(&onet);
    cJSON_Delete(role);
    cJSON_Delete(dev);
    return rc;
}

static int init(void **out, const cadre_host *h, char *err, size_t errlen)
{
    Dl_info info;
    char dir[1024];
    char *slash;
    state *st;

    /* The data folder sits next to this .so, wherever it was installed. */
    if (!dladdr((void *)init, &info) || info.dli_fname == NULL) {
        snprintf(err, errlen, "cannot find the plugin's own file to locate data/");
        return -1;
    }
    snprintf(dir, sizeof(dir) - 6, "%s", info.dli_fname);
    slash = strrchr(dir, '/');
    if (slash)
        strcpy(slash, "/data");
    else
        strcpy(dir, "data");
    if (!CADRE_HOST_HAS(h, vocab_extra)) {
        snprintf(err, errlen, "needs a cadre whose host table has vocab_extra");
        return -1;
    }
    st = calloc(1, sizeof(*st));
    if (st == NULL || load_core(st, h, dir, err, errlen) != 0) {
        if (st && !*err) snprintf(err, errlen, "out of memory");
        free(st);
        return -1;
    }
    *out = st;
    return 0;
}

static void fini(void *st)
{
    free(st);
}

/* ---- scoring helpers ---- */

typedef struct ctx {
    const cadre_host *h;
    const cadre_candidate *c;
    cadre_builder *b;
    const state *st;
    double *lacking; /* weight of the criteria that lacked an input */
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

static void emit(const ctx *x, const char *id, const char *label, double weight, double score,
                 const acc *a)
{
    x->h->criterion(x->b, id, label, weight, score, "%s", a->ev);
    for (int i = 0; i < a->nmissing; i++)
        x->h->missing(x->b, id, a->missing[i]);
    if (a->nmissing) *x->lacking += weight;
}

static double ramp(double x, double lo, double hi)
{
    return x <= lo ? 0 : x >= hi ? 100 : (x - lo) / (hi - lo) * 100;
}

static int skill_level(const cadre_candidate *c, const char *id)
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
    else
        snprintf(buf, size, "$%.0fK", usd / 1e3);
    return buf;
}

/* "year" or "years", for "%g %s": one year is singular, as cadre.years writes it. */
static const char *years_word(double n)
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
    add(a, "%g %s %s (full marks at %g).", n->value, years_word(n->value), what, full);
    return ramp(n->value, 0, full);
}

/* ---- the seven criteria ---- */

static double management(const ctx *x)
{
    acc a = {0};
    double s =
        years(&a, &x->c->experience.management_years, MGMT_FULL, "experience.management_years",
              "managing people; COO roles ask for 10 or more");

    emit(x, "management", "Management experience", W_MANAGEMENT, s, &a);
    return s;
}

static double executive(const ctx *x)
{
    acc a = {0};
    double s = years(&a, &x->c->experience.executive_years, EXEC_FULL, "experience.executive_years",
                     "at vice-president level or above; COOs often come from other executive "
                     "roles");

    emit(x, "executive", "Executive exposure", W_EXECUTIVE, s, &a);
    return s;
}

/* Bachelor's expected, in business or a related field; an MBA is common but not essential. */
static double education(const ctx *x)
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
static double core_skills(const ctx *x)
{
    double sum = 0, wsum = 0, s;
    int below = 0, unrated = 0;
    acc a = {0};

    for (int i = 0; i < x->st->ncore; i++) {
        const core_skill *k = &x->st->core[i];
        int have = skill_level(x->c, k->id);
        char field[80];

        wsum += k->importance;
        if (have < 0) {
            snprintf(field, sizeof(field), "skills.%s", k->id);
            lack(&a, field);
            unrated++;
            continue;
        }
        sum += k->importance * (have >= k->need ? 1 : have / k->need);
        below += have < k->need - 0.5;
    }
    s = sum / wsum * 100;
    add(&a,
        "%d skills COOs need, weighed by O*NET importance, against the level chief executives "
        "work at: %d rated, %d more than half a level short",
        x->st->ncore, x->st->ncore - unrated, below);
    if (unrated) add(&a, ", %d not rated (counted as 0)", unrated);
    add(&a, ". skills_gap lists each skill.");
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

/* People, budget, departments, P&L and hiring: five equal parts. */
static double scope(const ctx *x)
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
    emit(x, "scope", "Scope of responsibility", W_SCOPE, s / 5, &a);
    return s / 5;
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

static double track_record(const ctx *x)
{
    const cadre_candidate *c = x->c;
    double best[3] = {0, 0, 0}, s;
    int company = 0, measured = 0;
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
                best[j] = best[j - 1];
            best[k] = v;
            break;
        }
    }
    s = (best[0] + best[1] + best[2]) / 3;
    if (c->achievements.set)
        add(&a,
            "%zu achievement%s, %d company-wide, %d measured. The best three count: "
            "company 100, division 75, department 50, team 25; x0.8 if unmeasured; x0.4 if "
            "not efficiency, cost, change, process, quality or revenue work.",
            c->achievements.count, c->achievements.count == 1 ? "" : "s", company, measured);
    emit(x, "track_record", "Track record of change", W_RECORD, s, &a);
    return s;
}

static double personal_fit(const ctx *x)
{
    static const double travel[] = {0, 0, 70, 100, 100}, pressure[] = {0, 0, 50, 100};
    static const char *const tname[] = {"", "no", "occasional", "frequent", "extensive"};
    static const char *const pname[] = {"", "low", "moderate", "high"};
    const cadre_candidate *c = x->c;
    acc a = {0};
    double s = num_part(&a, &c->preferences.max_weekly_hours, HOURS_LOW, HOURS_FULL,
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
            "(each a third).");
    emit(x, "personal_fit", "Hours, travel and pressure", W_FIT, s / 3, &a);
    return s / 3;
}

/* ---- the band ---- */

/* Design choice on the "10+ years in management roles" fact (seed 003): however strong the
 * rest, fewer years cap how soon a person can be ready. */
static const struct {
    double min_score;
    const char *label;
} bands[] = {
    {80, "ready now"},
    {65, "ready in 1-2 years"},
    {45, "ready in 3-5 years"},
    {0, "build operations-management experience first"},
};

static int band_index(double score)
{
    int i = 0;

    while (score < bands[i].min_score)
        i++;
    return i;
}

/* The earliest band management years allow: 10+ any, 7-10 "1-2 years", 3-7 "3-5 years". */
static int cap_index(const cadre_candidate *c)
{
    double m = c->experience.management_years.set ? c->experience.management_years.value : 0;

    return m >= 10 ? 0 : m >= 7 ? 1 : m >= 3 ? 2 : 3;
}

/* ---- career level: which of domain.md's COO levels the profile resembles (seed 003) ---- */

typedef struct marker {
    int met;
    const char *what;
} marker;

static int count(const marker *m, int n, char *list, size_t size)
{
    int k = 0;

    list[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (!m[i].met) continue;
        snprintf(list + strlen(list), size - strlen(list), "%s%s", k ? ", " : "", m[i].what);
        k++;
    }
    return k;
}

static int best_reach(const cadre_candidate *c)
{
    int best = 0;

    for (size_t i = 0; i < c->achievements.count; i++)
        if ((int)CADRE_ITEM(cadre_achievement, c->achievements, i)->reach > best)
            best = (int)CADRE_ITEM(cadre_achievement, c->achievements, i)->reach;
    return best;
}

static void career_level(const ctx *x)
{
    const cadre_candidate *c = x->c;
    double exec = c->experience.executive_years.value, mgmt = c->experience.management_years.value;
    marker senior[] = {
        {exec >= 5, "5+ executive years"},
        {best_reach(c) == CADRE_REACH_COMPANY, "company-wide results"},
        {skill_level(c, "strategic_planning") >= 4, "long-term strategy"},
        {skill_level(c, "stakeholder_management") >= 4, "key stakeholder relationships"},
        {skill_level(c, "mentoring") >= 4, "mentoring future leaders"},
        {c->scope.pnl_owner == CADRE_FLAG_YES, "profitability (a P&L)"},
    };
    marker mid[] = {
        {c->scope.departments.value >= 3, "several departments"},
        {c->scope.budget_usd.value >= 10e6, "resource allocation and budgeting ($10M+)"},
        {skill_level(c, "data_analysis") >= 3, "operational data analysis"},
        {skill_level(c, "process_improvement") >= 3, "process improvement"},
        {skill_level(c, "cross_functional_management") >= 3, "cross-department collaboration"},
        {best_reach(c) >= CADRE_REACH_DIVISION, "improvements beyond one department"},
    };
    marker entry[] = {
        {mgmt >= 5, "5+ management years"},
        {skill_level(c, "performance_metrics") >= 3, "performance reporting"},
        {skill_level(c, "financial_management") >= 2, "budget support"},
        {skill_level(c, "organization") >= 3, "operational planning"},
        {skill_level(c, "cross_functional_management") >= 2, "coordinating managers"},
    };
    char list[400];
    const char *level;
    int n;

    /* A level is matched when at least two-thirds of its markers are (design choice). */
    if ((n = count(senior, 6, list, sizeof(list))) >= 4)
        level = "a senior COO";
    else if ((n = count(mid, 6, list, sizeof(list))) >= 4)
        level = "a mid-level COO";
    else if ((n = count(entry, 5, list, sizeof(list))) >= 3)
        level = "an entry-level COO";
    else
        level = NULL;
    if (level == NULL) {
        x->h->detail(x->b, "career_level", "below entry-level COO scope");
        return;
    }
    x->h->detail(x->b, "career_level", "closest to %s (%d markers: %s)", level, n, list);
}

/* ---- findings, in a coach's words ---- */

static void experience_findings(const ctx *x)
{
    const cadre_candidate *c = x->c;
    const cadre_num *m = &c->experience.management_years, *e = &c->experience.executive_years;

    if (m->set && m->value >= MGMT_FULL) {
        x->h->finding(x->b, CADRE_FINDING_STRENGTH,
                      "%g years of management meets the 10 or more COO roles ask for.", m->value);
    } else if (m->set) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "You have %g %s of management; COO roles usually ask for 10 or more.",
                      m->value, years_word(m->value));
        x->h->recommend(x->b, "Move into a role that manages managers, not just a team: each "
                              "year leading a function brings you closer.");
    }
    if (e->set && e->value == 0) {
        x->h->finding(x->b, CADRE_FINDING_GAP, "You have not yet worked at executive level.");
        x->h->recommend(x->b, "Ask to join the executive team's operations reviews, or to lead a "
                              "company-wide initiative that reports to the CEO: COOs often come "
                              "from other executive roles.");
    }
}

static void scope_findings(const ctx *x)
{
    const cadre_candidate *c = x->c;
    double d = c->scope.departments.value;

    if (c->scope.budget_usd.set && c->scope.budget_usd.value == 0 && d >= 1) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "You have led %g department%s but never owned a budget.", d,
                      d == 1 ? "" : "s");
        x->h->recommend(x->b, "Ask to run the next budget cycle for your area: COOs manage budgets "
                              "and resource allocation.");
    }
    if (c->scope.pnl_owner == CADRE_FLAG_NO) {
        x->h->finding(x->b, CADRE_FINDING_GAP, "You do not own a profit-and-loss statement.");
        x->h->recommend(x->b, "Ask for P&L responsibility for a product line, site or region: a "
                              "COO is judged on profitability.");
    } else if (c->scope.pnl_owner == CADRE_FLAG_YES) {
        x->h->finding(x->b, CADRE_FINDING_STRENGTH, "You own a P&L, as a COO does.");
    }
    if (c->scope.hiring_authority == CADRE_FLAG_NO) {
        x->h->finding(x->b, CADRE_FINDING_GAP, "You do not decide hiring and firing.");
        x->h->recommend(x->b, "Ask for hiring authority over your organisation: a COO decides "
                              "hiring and firing in their departments.");
    }
}

static void record_findings(const ctx *x)
{
    const cadre_candidate *c = x->c;
    int measured = 0;

    if (!c->achievements.set || c->achievements.count == 0) return;
    for (size_t i = 0; i < c->achievements.count; i++)
        measured += CADRE_ITEM(cadre_achievement, c->achievements, i)->impact_pct.set ||
                    CADRE_ITEM(cadre_achievement, c->achievements, i)->value_usd.set;
    if (best_reach(c) < CADRE_REACH_COMPANY) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "None of your achievements reached the whole company; COOs are judged on "
                      "company-wide efficiency, profitability and strategic initiatives.");
        x->h->recommend(x->b, "Lead one initiative that spans departments, set a company-level "
                              "measure for it, and report the result to the executive team.");
    } else {
        x->h->finding(x->b, CADRE_FINDING_STRENGTH,
                      "You have led change that reached the whole "
                      "company.");
    }
    if (measured < (int)c->achievements.count) {
        size_t unmeasured = c->achievements.count - (size_t)measured;

        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "%zu of your %zu achievements %s no measured effect.", unmeasured,
                      c->achievements.count, unmeasured == 1 ? "has" : "have");
        x->h->recommend(x->b, "Put a number on each: percent improved or dollars saved. Boards "
                              "hire COOs on measured results.");
    }
}

/* The two core skills with most to gain (importance x shortfall), with an action each. */
static void skill_findings(const ctx *x)
{
    int pick[2] = {-1, -1};
    double prio[2] = {0, 0};

    for (int i = 0; i < x->st->ncore; i++) {
        const core_skill *k = &x->st->core[i];
        int have = skill_level(x->c, k->id);
        double p = have < 0 ? 0 : k->importance * (k->need - have);

        if (have < 0 || k->need - have < 0.5) continue;
        if (p > prio[0]) {
            pick[1] = pick[0], prio[1] = prio[0];
            pick[0] = i, prio[0] = p;
        } else if (p > prio[1]) {
            pick[1] = i, prio[1] = p;
        }
    }
    for (int j = 0; j < 2 && pick[j] >= 0; j++) {
        const core_skill *k = &x->st->core[pick[j]];

        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "%s: you rate yourself %d; COOs work at about %.1f "
                      "(%s).",
                      x->h->vocab_label("skill", k->id), skill_level(x->c, k->id), k->need,
                      k->source);
        x->h->recommend(x->b, "%s", k->action);
    }
}

static void other_findings(const ctx *x)
{
    const cadre_candidate *c = x->c;
    double hours = c->preferences.max_weekly_hours.value;

    if (c->education.highest_degree != CADRE_DEGREE_UNKNOWN &&
        c->education.highest_degree < CADRE_DEGREE_BACHELOR) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "You do not hold a bachelor's degree, which COO "
                      "roles usually expect.");
        x->h->recommend(x->b, "A part-time bachelor's in business administration is the usual "
                              "route; some employers accept long operations experience instead, "
                              "so ask.");
    }
    if (c->education.mba == CADRE_FLAG_YES)
        x->h->finding(x->b, CADRE_FINDING_STRENGTH, "Your MBA is common among COOs.");
    if (c->preferences.max_weekly_hours.set && hours < HOURS_FULL) {
        x->h->finding(x->b, CADRE_FINDING_RISK,
                      "You want at most %g hours a week; COOs typically "
                      "work 50 to 60.",
                      hours);
        x->h->recommend(x->b, "Ask COOs at the companies you have in mind how their weeks look "
                              "before you apply.");
    }
    if (c->preferences.travel == CADRE_TRAVEL_NONE) {
        x->h->finding(x->b, CADRE_FINDING_RISK, "You want no travel; COO roles involve some.");
        x->h->recommend(x->b, "Look for single-site companies, and ask about travel early.");
    }
    if (c->preferences.pressure == CADRE_PRESSURE_LOW) {
        x->h->finding(x->b, CADRE_FINDING_RISK,
                      "You prefer low pressure; COO roles are high-stress.");
        x->h->recommend(x->b,
                        "Test it first: take on a crisis or turnaround project and see how it "
                        "suits you.");
    }
}

/* ---- the assessment ---- */

/* Sets the band and summary; returns the band's index (3 for "not enough information"). */
static int set_band(const ctx *x, double score, double lacking)
{
    int b = band_index(score), cap = cap_index(x->c);
    const cadre_num *m = &x->c->experience.management_years;

    if (lacking > 50) {
        x->h->set_band(x->b, "not enough information");
        x->h->set_summary(x->b, "Too much is missing to judge COO readiness; add the inputs listed "
                                "below.");
        return 3;
    }
    if (cap > b) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "Your score (%.0f) alone would say \"%s\", but with %g %s of management "
                      "the earliest is \"%s\".",
                      score, bands[b].label, m->set ? m->value : 0.0,
                      years_word(m->set ? m->value : 0.0), bands[cap].label);
        x->h->recommend(x->b, "COO roles ask for 10 or more years of management: keep building "
                              "them while you close the gaps below.");
        b = cap;
    }
    x->h->set_band(x->b, bands[b].label);
    x->h->set_summary(x->b, "COO readiness: %s (score %.0f of 100).", bands[b].label, score);
    return b;
}

static int assess(void *state_, const cadre_host *h, const cadre_candidate *c,
                  const cadre_params *params, cadre_builder *b)
{
    double lacking = 0;
    ctx x = {h, c, b, state_, &lacking};
    double score;

    (void)params;
    score = (W_MANAGEMENT * management(&x) + W_EXECUTIVE * executive(&x) +
             W_EDUCATION * education(&x) + W_SKILLS * core_skills(&x) + W_SCOPE * scope(&x) +
             W_RECORD * track_record(&x) + W_FIT * personal_fit(&x)) /
            100;
    /* A career level is only named for someone within reach of the role. */
    if (set_band(&x, score, lacking) < 3)
        career_level(&x);
    else
        h->detail(b, "career_level", "below entry-level COO scope");
    experience_findings(&x);
    scope_findings(&x);
    record_findings(&x);
    skill_findings(&x);
    other_findings(&x);
    return 0;
}

static const char *const inputs[] = {"experience.management_years",
                                     "experience.executive_years",
                                     "education",
                                     "skills",
                                     "scope",
                                     "achievements",
                                     "preferences",
                                     NULL};

static const cadre_plugin_info info = {
    sizeof(cadre_plugin_info),
    CADRE_PLUGIN_ABI_VERSION,
    "coo_readiness",
    "1.0.0",
    "COO readiness",
    "How ready the person is to be a COO, and at which career level: management and "
    "executive experience, education, the core COO skills at O*NET chief-executive levels, "
    "scope, track record and personal fit.",
    inputs,
    NULL,
    init,
    assess,
    fini,
};

CADRE_PLUGIN_DEFINE(info)
