/* SPDX-License-Identifier: MIT */
/*
 * core/cli/resume.c - a JSON Resume document read into a draft profile (resume.h).
 *
 * What a résumé says is dates, titles, employers, degrees, certificates and skill names; what
 * a profile needs is years of each kind, levels and vocabulary ids. The bridges between them
 * are word lists (which titles manage people, which words name an industry): design choices,
 * listed in docs/self-assessment.md, and every value they produce is reported with the words
 * that produced it, for the person to confirm or correct.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <cadre/cadre.h>

#include "resume.h"

#define MAX_JOBS 200

/* ---- lines ---- */

static void add_line(resume_lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_line(resume_lines *l, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **grown = realloc(l->items, cap * sizeof(*grown));

        if (grown == NULL) return;
        l->items = grown;
        l->cap = cap;
    }
    if ((l->items[l->count] = strdup(buf)) != NULL) l->count++;
}

static void free_lines(resume_lines *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof(*l));
}

void resume_result_free(resume_result *r)
{
    cJSON_Delete(r->profile);
    free_lines(&r->inferred);
    free_lines(&r->unsure);
    free_lines(&r->dropped);
    free_lines(&r->problems);
    r->profile = NULL;
}

/* ---- dates ---- */

int resume_month(const char *s, int end)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m = 0, d = 0, n = (int)strlen(s);

    if (!(n == 4 || n == 7 || n == 10)) return -1;
    for (int i = 0; i < n; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : !isdigit((unsigned char)s[i])) return -1;
    y = atoi(s);
    if (n >= 7) m = atoi(s + 5);
    if (n == 10) d = atoi(s + 8);
    if (y < 1900 || y > 2999 || (n >= 7 && (m < 1 || m > 12)) ||
        (n == 10 && (d < 1 || d > days[m - 1])))
        return -1;
    if (n == 4) m = end ? 12 : 1;
    return y * 12 + m - 1;
}

static void month_text(char *buf, size_t size, int month)
{
    snprintf(buf, size, "%04d-%02d", month / 12, month % 12 + 1);
}

/* ---- words ---- */

/* s lower-cased, with every run of other characters than letters and digits as one space, and
 * a space at each end, so that a word is found as " word ". */
static void norm(char *out, size_t size, const char *s)
{
    size_t o = 0;

    if (size < 3) return;
    out[o++] = ' ';
    for (; *s && o + 2 < size; s++) {
        unsigned char c = (unsigned char)*s;

        if (isalnum(c) || c >= 0x80)
            out[o++] = (char)tolower(c);
        else if (out[o - 1] != ' ')
            out[o++] = ' ';
    }
    if (out[o - 1] != ' ') out[o++] = ' ';
    out[o] = '\0';
}

/* Whether normalised text t holds one of the words or phrases of `list` (space-separated
 * entries, each " phrase "), and which: the first found. */
static const char *has_any(const char *t, const char *const *list)
{
    for (; *list; list++) {
        char want[96];

        snprintf(want, sizeof(want), " %s ", *list);
        if (strstr(t, want)) return *list;
    }
    return NULL;
}

/* ---- titles (design choices: docs/self-assessment.md, "What import infers") ---- */

static const char *const c_suite_words[] = {
    "chief", "ceo", "coo", "cfo", "cto", "cio", "cmo", "president", "founder", "co founder", NULL};
static const char *const vp_words[] = {"vice president", "vp", "svp", "evp", "avp", NULL};
static const char *const director_words[] = {"director", "head", NULL};
static const char *const senior_manager_words[] = {
    "senior manager", "general manager", "regional manager", "plant manager", "area manager", NULL};
static const char *const manager_words[] = {"manager", "superintendent", "administrator", NULL};
static const char *const supervisor_words[] = {
    "supervisor", "team lead", "team leader", "shift lead", "foreman", "lead", NULL};
static const char *const ops_words[] = {"operations", "operation",     "ops",          "plant",
                                        "production", "manufacturing", "supply chain", "logistics",
                                        "warehouse",  "distribution",  "fulfillment",  "fulfilment",
                                        "facilities", "procurement",   "coo",          NULL};

enum { L_IC, L_SUPERVISOR, L_MANAGER, L_SENIOR, L_DIRECTOR, L_VP, L_C };
static const char *const level_ids[] = {
    "individual_contributor", "supervisor", "manager", "senior_manager", "director",
    "vice_president",         "c_suite"};

/* The level a normalised title names, and the word that says so (NULL for none). */
static int title_level(const char *t, const char **word)
{
    /* "vice president" before "president", "senior manager" before "manager" */
    if ((*word = has_any(t, vp_words))) return L_VP;
    if ((*word = has_any(t, c_suite_words))) return L_C;
    if ((*word = has_any(t, director_words))) return L_DIRECTOR;
    if ((*word = has_any(t, senior_manager_words))) return L_SENIOR;
    if ((*word = has_any(t, manager_words))) return L_MANAGER;
    if ((*word = has_any(t, supervisor_words))) return L_SUPERVISOR;
    return L_IC;
}

static const struct {
    const char *function;
    const char *const words[12];
} function_words[] = {
    {"operations",
     {"operations", "ops", "coo", "plant", "production", "manufacturing", "facilities", NULL}},
    {"supply_chain",
     {"supply chain", "logistics", "procurement", "purchasing", "warehouse", "distribution", NULL}},
    {"finance", {"finance", "financial", "cfo", "controller", "accounting", "treasurer", NULL}},
    {"technology", {"technology", "cto", "cio", "software", "it", "data", "digital", NULL}},
    {"engineering", {"engineering", "engineer", NULL}},
    {"sales_marketing", {"sales", "marketing", "cmo", "commercial", "brand", NULL}},
    {"human_resources", {"hr", "human resources", "people", "talent", "recruiting", NULL}},
    {"customer_service", {"customer", "support", "service", NULL}},
    {"clinical", {"nurse", "nursing", "clinical", "physician", "medical", NULL}},
    {"general_management",
     {"ceo", "general manager", "managing director", "president", "founder", NULL}},
};

/* ---- industries (design choice: words an employer, position or summary uses) ---- */

static const struct {
    const char *industry;
    const char *const words[16];
} industry_words[] = {
    {"healthcare",
     {"hospital", "hospitals", "clinic", "health", "healthcare", "medical", "pharma",
      "pharmaceutical", "patient", "patients", "care", NULL}},
    {"technology",
     {"software", "saas", "tech", "technology", "technologies", "cloud", "it", "internet",
      "digital", "data", "systems", NULL}},
    {"manufacturing",
     {"manufacturing", "manufacturer", "plant", "factory", "automotive", "industrial", "industries",
      "production", "assembly", NULL}},
    {"retail",
     {"retail", "retailer", "store", "stores", "shop", "shops", "ecommerce", "e commerce",
      "supermarket", "grocery", NULL}},
    {"finance",
     {"bank", "banking", "insurance", "financial", "capital", "investment", "investments",
      "asset management", "credit", NULL}},
    {"education",
     {"university", "school", "schools", "college", "academy", "education", "learning", NULL}},
    {"nonprofit", {"foundation", "charity", "nonprofit", "non profit", "ngo", "trust", NULL}},
    {"hospitality",
     {"hotel", "hotels", "restaurant", "restaurants", "hospitality", "resort", "resorts", "travel",
      "catering", NULL}},
    {"logistics",
     {"logistics", "freight", "shipping", "warehouse", "warehousing", "transport", "transportation",
      "distribution", "courier", "3pl", NULL}},
    {"energy",
     {"energy", "utility", "utilities", "power", "oil", "gas", "solar", "renewable", "renewables",
      "electric", NULL}},
};

#define NIND (sizeof(industry_words) / sizeof(industry_words[0]))

/* ---- one position ---- */

typedef struct job {
    int start, end; /* months, end inclusive */
    int level;
    const char *level_word;
    const char *ops_word;
    int industry; /* index into industry_words, or -1 */
    const char *industry_word;
    char title[200], employer[200];
    int ongoing;
} job;

/* A string member, or NULL; a member of another type is a problem named by its path. */
static const char *str_at(resume_result *out, const cJSON *o, const char *key, const char *path)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    if (v == NULL || cJSON_IsNull(v)) return NULL;
    if (!cJSON_IsString(v)) {
        add_line(&out->problems, "%s.%s: expected a string", path, key);
        return NULL;
    }
    return v->valuestring;
}

/* An array member (an empty one when absent); another type is a problem. */
static const cJSON *array_at(resume_result *out, const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

    if (v == NULL || cJSON_IsNull(v)) return NULL;
    if (!cJSON_IsArray(v)) {
        add_line(&out->problems, "%s: expected a list (JSON array)", key);
        return NULL;
    }
    return v;
}

static int read_job(resume_result *out, const cJSON *w, int i, int as_of, job *j)
{
    char path[64], t[512], e[512], all[1600];
    const char *position, *employer, *start, *end, *summary;
    int problems = (int)out->problems.count;
    int best = 0;

    snprintf(path, sizeof(path), "work[%d]", i);
    memset(j, 0, sizeof(*j));
    if (!cJSON_IsObject(w)) {
        add_line(&out->problems, "%s: expected an object with name, position, startDate", path);
        return -1;
    }
    position = str_at(out, w, "position", path);
    employer = str_at(out, w, "name", path);
    start = str_at(out, w, "startDate", path);
    end = str_at(out, w, "endDate", path);
    summary = str_at(out, w, "summary", path);
    snprintf(j->title, sizeof(j->title), "%s", position ? position : "");
    snprintf(j->employer, sizeof(j->employer), "%s", employer ? employer : "(no name)");
    if (start == NULL && (int)out->problems.count == problems)
        add_line(&out->problems,
                 "%s (%s): startDate is missing; add it as YYYY-MM (years of experience are "
                 "counted from it)",
                 path, j->employer);
    if (start && (j->start = resume_month(start, 0)) < 0)
        add_line(&out->problems,
                 "%s.startDate: \"%s\" is not a date; write YYYY, YYYY-MM or "
                 "YYYY-MM-DD",
                 path, start);
    j->ongoing = end == NULL || *end == '\0';
    j->end = j->ongoing ? as_of : resume_month(end, 1);
    if (!j->ongoing && j->end < 0)
        add_line(&out->problems,
                 "%s.endDate: \"%s\" is not a date; write YYYY, YYYY-MM or "
                 "YYYY-MM-DD, or leave it out for a current position",
                 path, end);
    if ((int)out->problems.count == problems && j->end < j->start)
        add_line(&out->problems, "%s (%s): endDate %s is before startDate %s", path, j->employer,
                 j->ongoing ? "(today)" : end, start);
    if ((int)out->problems.count == problems && j->start > as_of)
        add_line(&out->problems, "%s (%s): startDate %s is in the future", path, j->employer,
                 start);
    if ((int)out->problems.count != problems) return -1;
    norm(t, sizeof(t), j->title);
    norm(e, sizeof(e), j->employer);
    j->level = title_level(t, &j->level_word);
    j->ops_word = has_any(t, ops_words);
    snprintf(all, sizeof(all), "%s%s", e, t);
    if (summary) {
        char s[1024];

        norm(s, sizeof(s), summary);
        strncat(all, s, sizeof(all) - strlen(all) - 1);
    }
    j->industry = -1;
    for (size_t k = 0; k < NIND; k++) {
        int hits = 0;
        const char *first = NULL;

        for (const char *const *wd = industry_words[k].words; *wd; wd++) {
            char want[64];

            snprintf(want, sizeof(want), " %s ", *wd);
            if (strstr(all, want)) {
                hits++;
                if (!first) first = *wd;
            }
        }
        if (hits > best) best = hits, j->industry = (int)k, j->industry_word = first;
    }
    return 0;
}

/* Months covered by the jobs that `keep` selects, overlaps counted once. */
static int covered(const job *jobs, int n, int (*keep)(const job *, int), int arg)
{
    int spans[MAX_JOBS][2], m = 0, total = 0;

    for (int i = 0; i < n; i++)
        if (keep(&jobs[i], arg)) spans[m][0] = jobs[i].start, spans[m++][1] = jobs[i].end;
    /* sort by start (insertion: a résumé has few positions) */
    for (int i = 1; i < m; i++)
        for (int k = i; k > 0 && spans[k][0] < spans[k - 1][0]; k--) {
            int a = spans[k][0], b = spans[k][1];

            spans[k][0] = spans[k - 1][0], spans[k][1] = spans[k - 1][1];
            spans[k - 1][0] = a, spans[k - 1][1] = b;
        }
    for (int i = 0, from = 0, to = -1; i <= m; i++) {
        if (i < m && spans[i][0] <= to + 1) {
            if (spans[i][1] > to) to = spans[i][1];
            continue;
        }
        if (to >= from) total += to - from + 1;
        if (i < m) from = spans[i][0], to = spans[i][1];
    }
    return total;
}

static int any_job(const job *j, int arg)
{
    (void)j, (void)arg;
    return 1;
}
static int level_at_least(const job *j, int arg)
{
    return j->level >= arg;
}
static int ops_job(const job *j, int arg)
{
    (void)arg;
    return j->ops_word != NULL;
}
static int in_industry(const job *j, int arg)
{
    return j->industry == arg;
}

/* Months as years with one decimal. */
static double years_of(int months)
{
    return (double)(int)(months / 12.0 * 10 + 0.5) / 10;
}

/* ---- the parts of the profile ---- */

static void experience(resume_result *out, cJSON *p, const job *jobs, int n)
{
    cJSON *x = cJSON_AddObjectToObject(p, "experience");
    double total = years_of(covered(jobs, n, any_job, 0)),
           mgmt = years_of(covered(jobs, n, level_at_least, L_SUPERVISOR)),
           exec = years_of(covered(jobs, n, level_at_least, L_VP)),
           ops = years_of(covered(jobs, n, ops_job, 0));
    char first[16];
    int earliest = jobs[0].start;

    for (int i = 1; i < n; i++)
        if (jobs[i].start < earliest) earliest = jobs[i].start;
    month_text(first, sizeof(first), earliest);
    cJSON_AddNumberToObject(x, "total_years", total);
    cJSON_AddNumberToObject(x, "management_years", mgmt);
    cJSON_AddNumberToObject(x, "executive_years", exec);
    cJSON_AddNumberToObject(x, "operations_years", ops);
    add_line(&out->inferred,
             "experience.total_years = %g: %d position%s from %s, overlaps counted once", total, n,
             n == 1 ? "" : "s", first);
    add_line(&out->inferred,
             "experience.management_years = %g: positions whose title names a supervisor or "
             "above (lead, supervisor, manager, head, director, vice president, chief)",
             mgmt);
    add_line(&out->inferred,
             "experience.executive_years = %g: titles at vice-president level or above; add the "
             "years you reported to the CEO from a lower title",
             exec);
    add_line(&out->inferred,
             "experience.operations_years = %g: titles with an operations word (operations, "
             "plant, production, supply chain, logistics, warehouse, ...)",
             ops);
    for (int i = 0; i < n; i++)
        if (jobs[i].level_word)
            add_line(&out->inferred, "  \"%s\" at %s: %s (\"%s\")%s", jobs[i].title,
                     jobs[i].employer, level_ids[jobs[i].level], jobs[i].level_word,
                     jobs[i].ops_word ? ", operations" : "");
}

/* The current position: the ongoing one that began last, else the one that ended last. */
static void current_role(resume_result *out, cJSON *p, const job *jobs, int n)
{
    const job *cur = NULL;
    cJSON *r;
    char t[512];

    for (int i = 0; i < n; i++)
        if (cur == NULL || jobs[i].ongoing > cur->ongoing ||
            (jobs[i].ongoing == cur->ongoing &&
             (cur->ongoing ? jobs[i].start > cur->start : jobs[i].end > cur->end)))
            cur = &jobs[i];
    r = cJSON_AddObjectToObject(p, "current_role");
    if (cur->title[0]) cJSON_AddStringToObject(r, "title", cur->title);
    cJSON_AddStringToObject(r, "level", level_ids[cur->level]);
    norm(t, sizeof(t), cur->title);
    for (size_t k = 0; k < sizeof(function_words) / sizeof(function_words[0]); k++) {
        const char *w = has_any(t, function_words[k].words);

        if (w) {
            cJSON_AddStringToObject(r, "function", function_words[k].function);
            add_line(&out->inferred, "current_role.function = %s (\"%s\" in the title)",
                     function_words[k].function, w);
            break;
        }
    }
    add_line(&out->inferred, "current_role = \"%s\" at %s%s, level %s%s%s%s", cur->title,
             cur->employer, cur->ongoing ? "" : " (the latest position; none is ongoing)",
             level_ids[cur->level], cur->level_word ? " (\"" : " (no title word for a higher one)",
             cur->level_word ? cur->level_word : "", cur->level_word ? "\" in the title)" : "");
}

static void industries(resume_result *out, cJSON *p, const job *jobs, int n)
{
    cJSON *m = cJSON_AddObjectToObject(p, "industries");

    for (size_t k = 0; k < NIND; k++) {
        int months = covered(jobs, n, in_industry, (int)k);

        if (months == 0) continue;
        cJSON_AddNumberToObject(m, industry_words[k].industry, years_of(months));
        add_line(&out->inferred, "industries.%s = %g:", industry_words[k].industry,
                 years_of(months));
        for (int i = 0; i < n; i++) {
            int seen = 0;

            for (int h = 0; h < i; h++)
                seen |=
                    jobs[h].industry == (int)k && strcmp(jobs[h].employer, jobs[i].employer) == 0;
            if (jobs[i].industry == (int)k && !seen)
                add_line(&out->inferred, "  %s (\"%s\")", jobs[i].employer, jobs[i].industry_word);
        }
    }
    for (int i = 0; i < n; i++)
        if (jobs[i].industry < 0)
            add_line(&out->unsure,
                     "the industry of %s (\"%s\"): no word in its name, the position or its "
                     "summary names one; add its years under industries (cadre vocab industry)",
                     jobs[i].employer, jobs[i].title);
}

/* The vocabulary id whose id, label or meaning the normalised text t is, or holds as a whole
 * phrase (the label when it is an acronym such as PMP); NULL when none. */
static const char *vocab_match(const char *vocab, const char *t)
{
    size_t n = cadre_vocab_count(vocab);

    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            const cadre_vocab_entry *e = cadre_vocab_entry_at(vocab, i);
            char id[128], label[256], meaning[512];

            norm(id, sizeof(id), e->id);
            norm(label, sizeof(label), e->label);
            norm(meaning, sizeof(meaning), e->meaning ? e->meaning : "");
            if (pass == 0 &&
                (strcmp(t, id) == 0 || strcmp(t, label) == 0 || strcmp(t, meaning) == 0))
                return e->id;
            /* a phrase of two words or more, or an acronym, inside the text */
            if (pass == 1 &&
                ((strchr(label + 1, ' ') != strrchr(label, ' ') ||
                  (strlen(e->label) >= 2 && strlen(e->label) <= 6 &&
                   isupper((unsigned char)e->label[0]) && isupper((unsigned char)e->label[1]))) &&
                 strstr(t, label)))
                return e->id;
            if (pass == 1 && strchr(id + 1, ' ') != strrchr(id, ' ') && strstr(t, id)) return e->id;
        }
    return NULL;
}

/* "did you mean" for text that matched nothing: the closest id, as a typo of it. */
static const char *closest(const char *vocab, const char *text)
{
    char snake[256];
    size_t o = 0;

    for (const char *s = text; *s && o + 1 < sizeof(snake); s++)
        snake[o++] = isalnum((unsigned char)*s) ? (char)tolower((unsigned char)*s) : '_';
    snake[o] = '\0';
    return cadre_vocab_suggest(vocab, snake);
}

static const struct {
    const char *degree;
    const char *const words[10];
} degree_words[] = {
    {"doctorate", {"phd", "ph d", "doctorate", "doctor", "dphil", "edd", "md", NULL}},
    {"master", {"master", "masters", "msc", "ms", "ma", "mba", "meng", "mph", "mha", NULL}},
    {"bachelor", {"bachelor", "bachelors", "bsc", "bs", "ba", "beng", "bba", NULL}},
    {"associate", {"associate", "associates", "aa", "as", "aas", NULL}},
    {"high_school", {"high school", "secondary", "diploma", "ged", NULL}},
};

static void education(resume_result *out, cJSON *p, const cJSON *list)
{
    const cJSON *e;
    int best = -1, mba = 0, i = 0;
    const char *field = NULL, *best_area = NULL;

    cJSON_ArrayForEach(e, list)
    {
        char path[32], t[256];
        const char *type, *area;

        snprintf(path, sizeof(path), "education[%d]", i++);
        if (!cJSON_IsObject(e)) {
            add_line(&out->problems, "%s: expected an object", path);
            continue;
        }
        type = str_at(out, e, "studyType", path);
        area = str_at(out, e, "area", path);
        norm(t, sizeof(t), type ? type : "");
        if (has_any(t, (const char *const[]){"mba", NULL}) ||
            (area && strstr(area, "Business Administration") && has_any(t, degree_words[1].words)))
            mba = 1;
        for (int k = 0; k < 5; k++)
            if (has_any(t, degree_words[k].words)) {
                /* the table runs highest first: a lower k is a higher degree */
                if (best < 0 || k < best) best = k, best_area = area;
                break;
            }
        if (type && !has_any(t, degree_words[0].words) && !has_any(t, degree_words[1].words) &&
            !has_any(t, degree_words[2].words) && !has_any(t, degree_words[3].words) &&
            !has_any(t, degree_words[4].words))
            add_line(&out->unsure,
                     "%s.studyType \"%s\": not a degree cadre knows; set "
                     "education.highest_degree yourself",
                     path, type);
    }
    if (best < 0) return;
    {
        cJSON *ed = cJSON_AddObjectToObject(p, "education");

        cJSON_AddStringToObject(ed, "highest_degree", degree_words[best].degree);
        cJSON_AddBoolToObject(ed, "mba", mba);
        add_line(&out->inferred, "education.highest_degree = %s%s", degree_words[best].degree,
                 mba ? ", education.mba = true" : "");
        if (best_area) {
            char t[256];

            norm(t, sizeof(t), best_area);
            if ((field = vocab_match("field", t)) != NULL) {
                cJSON_AddStringToObject(ed, "field", field);
                add_line(&out->inferred, "education.field = %s (\"%s\")", field, best_area);
            } else {
                const char *s = closest("field", best_area);

                add_line(&out->unsure,
                         "education.field: \"%s\" is not a field id%s%s%s "
                         "(cadre vocab field)",
                         best_area, s ? "; did you mean " : "", s ? s : "", s ? "?" : "");
            }
        }
    }
}

static void certifications(resume_result *out, cJSON *p, const cJSON *list)
{
    cJSON *ids = NULL;
    const cJSON *c;
    int i = 0;

    cJSON_ArrayForEach(c, list)
    {
        char path[32], t[512];
        const char *name, *id;

        snprintf(path, sizeof(path), "certificates[%d]", i++);
        if (!cJSON_IsObject(c)) {
            add_line(&out->problems, "%s: expected an object with a name", path);
            continue;
        }
        if ((name = str_at(out, c, "name", path)) == NULL) continue;
        norm(t, sizeof(t), name);
        if ((id = vocab_match("certification", t)) != NULL) {
            if (ids == NULL) ids = cJSON_AddArrayToObject(p, "certifications");
            cJSON_AddItemToArray(ids, cJSON_CreateString(id));
            add_line(&out->inferred, "certifications: %s (\"%s\")", id, name);
        } else {
            const char *s = closest("certification", name);

            add_line(&out->unsure,
                     "certificate \"%s\": not one cadre knows%s%s%s (cadre vocab "
                     "certification)",
                     name, s ? "; did you mean " : "", s ? s : "", s ? "?" : "");
        }
    }
}

/* Skill words a résumé uses for what the vocabulary calls otherwise (design choice). */
static const struct {
    const char *word, *skill;
} skill_synonyms[] = {
    {"budgeting", "financial_management"},
    {"p l", "financial_management"},
    {"p l management", "financial_management"},
    {"lean", "process_improvement"},
    {"six sigma", "process_improvement"},
    {"lean six sigma", "process_improvement"},
    {"kaizen", "process_improvement"},
    {"continuous improvement", "process_improvement"},
    {"team leadership", "leadership"},
    {"people leadership", "leadership"},
    {"strategy", "strategic_planning"},
    {"kpis", "performance_metrics"},
    {"kpi", "performance_metrics"},
    {"analytics", "data_analysis"},
    {"procurement", "vendor_management"},
    {"sourcing", "vendor_management"},
    {"coaching", "mentoring"},
    {"recruiting", "hiring"},
    {"compliance", "regulatory_compliance"},
    {"stakeholder management", "stakeholder_management"},
    {"public speaking", "communication"},
    {"negotiations", "negotiation"},
    {"change management", "change_management"},
};

/* A skill id for the normalised text t, or NULL. */
static const char *skill_id(const char *t)
{
    const char *id = vocab_match("skill", t);

    if (id) return id;
    for (size_t k = 0; k < sizeof(skill_synonyms) / sizeof(skill_synonyms[0]); k++) {
        char w[64];

        snprintf(w, sizeof(w), " %s ", skill_synonyms[k].word);
        if (strcmp(t, w) == 0) return skill_synonyms[k].skill;
    }
    return NULL;
}

/* A résumé's level word on cadre's anchored scale (design choice: a résumé's claim is taken
 * one step down from its own scale's top, since "expert" there is rarely the anchor's "sets
 * direction across a whole organisation"). -1 when the word is not a level. */
static int level_of(const char *word, int *known)
{
    char t[128];

    *known = 1;
    norm(t, sizeof(t), word);
    if (has_any(t, (const char *const[]){"master", "expert", NULL})) return 4;
    if (has_any(t, (const char *const[]){"advanced", "proficient", "strong", NULL})) return 3;
    if (has_any(t, (const char *const[]){"intermediate", "working", "competent", NULL})) return 2;
    if (has_any(t, (const char *const[]){"beginner", "basic", "novice", "familiar", NULL}))
        return 1;
    *known = 0;
    return -1;
}

static void skills(resume_result *out, cJSON *p, const cJSON *list)
{
    cJSON *m = NULL;
    const cJSON *s;
    int i = 0;

    cJSON_ArrayForEach(s, list)
    {
        char path[32];
        const char *name, *level;
        const cJSON *kw;
        int lv = -1, known = 0;

        snprintf(path, sizeof(path), "skills[%d]", i++);
        if (!cJSON_IsObject(s)) {
            add_line(&out->problems, "%s: expected an object with a name", path);
            continue;
        }
        name = str_at(out, s, "name", path);
        level = str_at(out, s, "level", path);
        kw = cJSON_GetObjectItemCaseSensitive(s, "keywords");
        if (kw && !cJSON_IsArray(kw)) {
            add_line(&out->problems, "%s.keywords: expected a list of strings", path);
            continue;
        }
        if (level) lv = level_of(level, &known);
        /* the skill's name, then each keyword, as skills of their own at the same level */
        for (int k = -1; k < (kw ? cJSON_GetArraySize(kw) : 0); k++) {
            const cJSON *item = k < 0 ? NULL : cJSON_GetArrayItem(kw, k);
            const char *text = k < 0 ? name : cJSON_IsString(item) ? item->valuestring : NULL;
            char t[256];
            const char *id;

            if (text == NULL) continue;
            norm(t, sizeof(t), text);
            if ((id = skill_id(t)) == NULL) {
                const char *g = closest("skill", text);

                add_line(&out->unsure, "skill \"%s\": not a skill id%s%s%s (cadre vocab skill)",
                         text, g ? "; did you mean " : "", g ? g : "", g ? "?" : "");
                continue;
            }
            if (m && cJSON_GetObjectItemCaseSensitive(m, id)) continue;
            if (lv < 0) {
                add_line(&out->unsure,
                         "skills.%s (\"%s\"): %s; rate it 0-5 with the scale in "
                         "docs/candidate.md",
                         id, text, level ? "its level is not one cadre reads" : "no level given");
                continue;
            }
            if (m == NULL) m = cJSON_AddObjectToObject(p, "skills");
            cJSON_AddNumberToObject(m, id, lv);
            add_line(&out->inferred,
                     "skills.%s = %d (\"%s\", level \"%s\"): confirm it on the "
                     "scale in docs/candidate.md",
                     id, lv, text, level);
        }
        (void)known;
    }
}

static const struct {
    const char *kind;
    const char *const words[14];
} achievement_words[] = {
    {"cost_reduction", {"cost", "costs", "saved", "savings", "spend", "reduced spend", NULL}},
    {"revenue_growth", {"revenue", "sales", "grew", "growth", "margin", NULL}},
    {"quality", {"quality", "defect", "defects", "errors", "accuracy", "safety", NULL}},
    {"efficiency",
     {"efficiency", "throughput", "cycle time", "productivity", "faster", "lead time", "on time",
      "changeover", "downtime", "time", NULL}},
    {"change_initiative",
     {"transformation", "rolled out", "implemented", "launched", "migrated", "merger",
      "integration", "restructured", NULL}},
    {"process_improvement",
     {"process", "processes", "lean", "kaizen", "six sigma", "standardised", "standardized", NULL}},
};

/* The first percentage and the first money amount in a highlight ("18%", "$2.4M", "$850K").
 * "from 88% to 97%" is a change of 10.2%, not 88%: the relative change is taken. */
static void figures(const char *s, double *pct, double *usd)
{
    const char *from = strstr(s, "from ");
    double a, b;
    char pa, pb;

    *pct = *usd = -1;
    if (from && sscanf(from, "from %lf%c to %lf%c", &a, &pa, &b, &pb) == 4 && pa == '%' &&
        pb == '%' && a > 0 && b != a) {
        *pct = (double)(int)((b > a ? b - a : a - b) / a * 1000 + 0.5) / 10;
    }
    for (const char *p = s; *p; p++) {
        if (*usd < 0 && *p == '$' && isdigit((unsigned char)p[1])) {
            char *end;
            double v = strtod(p + 1, &end);

            while (*end == ',' && isdigit((unsigned char)end[1]))
                v = v * 1000 + strtod(end + 1, &end); /* "$1,200,000" */
            if (*end == 'M' || *end == 'm')
                v *= 1e6;
            else if (*end == 'K' || *end == 'k')
                v *= 1e3;
            else if (*end == 'B' || *end == 'b')
                v *= 1e9;
            *usd = v;
        }
        if (*pct < 0 && isdigit((unsigned char)*p) &&
            (p == s || !(isdigit((unsigned char)p[-1]) || p[-1] == '.'))) {
            char *end;
            double v = strtod(p, &end);

            if (*end == '%' && v > 0 && v <= 1000) *pct = v;
        }
    }
}

static void achievements(resume_result *out, cJSON *p, const cJSON *work)
{
    cJSON *list = NULL;
    const cJSON *w;
    int n = 0;

    cJSON_ArrayForEach(w, work)
    {
        const cJSON *hl = cJSON_GetObjectItemCaseSensitive(w, "highlights"), *h;

        if (hl && !cJSON_IsArray(hl)) {
            add_line(&out->problems, "work[].highlights: expected a list of strings");
            continue;
        }
        cJSON_ArrayForEach(h, hl)
        {
            char t[1200];
            const char *kind = "other", *reach = NULL;
            double pct, usd;
            cJSON *a;

            if (!cJSON_IsString(h) || n == 20) continue;
            norm(t, sizeof(t), h->valuestring);
            for (size_t k = 0; k < sizeof(achievement_words) / sizeof(achievement_words[0]); k++)
                if (has_any(t, achievement_words[k].words)) {
                    kind = achievement_words[k].kind;
                    break;
                }
            if (has_any(t, (const char *const[]){"company wide", "companywide", "group wide",
                                                 "across the company", "enterprise wide", NULL}))
                reach = "company";
            else if (has_any(t, (const char *const[]){"division", "region", "regional", "network",
                                                      "all sites", NULL}))
                reach = "division";
            else if (has_any(t, (const char *const[]){"department", "plant", "site", NULL}))
                reach = "department";
            figures(h->valuestring, &pct, &usd);
            if (list == NULL) list = cJSON_AddArrayToObject(p, "achievements");
            a = cJSON_CreateObject();
            cJSON_AddStringToObject(a, "kind", kind);
            cJSON_AddStringToObject(a, "description", h->valuestring);
            if (pct > 0) cJSON_AddNumberToObject(a, "impact_pct", pct);
            if (usd > 0) cJSON_AddNumberToObject(a, "value_usd", usd);
            if (reach) cJSON_AddStringToObject(a, "reach", reach);
            cJSON_AddItemToArray(list, a);
            n++;
            {
                char fig[96] = "";

                if (pct > 0) snprintf(fig, sizeof(fig), ", impact %g%%", pct);
                if (usd > 0)
                    snprintf(fig + strlen(fig), sizeof(fig) - strlen(fig), ", value $%.0f", usd);
                add_line(&out->inferred, "achievements[%d]: %s%s%s%s, from \"%.60s%s\"", n - 1,
                         kind, reach ? ", reach " : "", reach ? reach : "", fig, h->valuestring,
                         strlen(h->valuestring) > 60 ? "..." : "");
            }
        }
    }
    if (n > 0)
        add_line(&out->unsure,
                 "achievements: the kind, reach and figures were read from the "
                 "highlights' words; check each (and add the reach where none was found)");
}

/* Members of a résumé that describe who the person is rather than what they did: never
 * carried (docs/candidate.md: the model has no place for them). */
static const char *const demographic_keys[] = {
    "birthDate", "birthdate",   "dateOfBirth", "dob",           "age",       "gender",
    "sex",       "nationality", "citizenship", "maritalStatus", "ethnicity", "race",
    "religion",  "disability",  "image",       "picture",       "photo",     NULL};

static void dropped(resume_result *out, const cJSON *root)
{
    const cJSON *basics = cJSON_GetObjectItemCaseSensitive(root, "basics"), *m;
    char list[1024] = "";

    cJSON_ArrayForEach(m, basics)
    {
        for (const char *const *k = demographic_keys; *k; k++)
            if (m->string && strcmp(m->string, *k) == 0) {
                add_line(&out->dropped,
                         "basics.%s: who you are is no part of an assessment, so "
                         "cadre never reads it",
                         m->string);
            }
    }
    cJSON_ArrayForEach(m, root)
    {
        if (m->string &&
            (strcmp(m->string, "basics") == 0 || strcmp(m->string, "work") == 0 ||
             strcmp(m->string, "education") == 0 || strcmp(m->string, "certificates") == 0 ||
             strcmp(m->string, "skills") == 0 || strcmp(m->string, "$schema") == 0))
            continue;
        if (strlen(list) + strlen(m->string ? m->string : "") + 3 < sizeof(list)) {
            if (*list) strcat(list, ", ");
            strcat(list, m->string ? m->string : "?");
        }
    }
    if (*list) add_line(&out->dropped, "%s: not part of the candidate model", list);
    if (basics)
        add_line(&out->dropped, "basics (email, phone, location, profiles, ...): contact "
                                "details, not needed for an assessment; only the name is kept");
}

int resume_import(resume_result *out, const char *text, size_t len, int as_of)
{
    cJSON *root = cJSON_ParseWithLength(text, len), *p;
    const cJSON *work, *basics;
    job jobs[MAX_JOBS];
    int n = 0, i = 0;
    const char *name;

    memset(out, 0, sizeof(*out));
    if (root == NULL || !cJSON_IsObject(root)) {
        add_line(&out->problems, root ? "the document is not a JSON object (a JSON Resume is one)"
                                      : "not valid JSON");
        cJSON_Delete(root);
        return -1;
    }
    basics = cJSON_GetObjectItemCaseSensitive(root, "basics");
    if (basics && !cJSON_IsObject(basics)) add_line(&out->problems, "basics: expected an object");
    name = basics && cJSON_IsObject(basics) ? str_at(out, basics, "name", "basics") : NULL;
    work = array_at(out, root, "work");
    {
        const cJSON *w;

        cJSON_ArrayForEach(w, work)
        {
            if (n < MAX_JOBS && read_job(out, w, i, as_of, &jobs[n]) == 0) n++;
            i++;
        }
    }
    if (out->problems.count == 0 && n == 0)
        add_line(&out->problems,
                 "work: no positions; a profile's years come from the work "
                 "history (each with name, position, startDate and, when it ended, endDate)");
    p = cJSON_CreateObject();
    if (name && *name) cJSON_AddStringToObject(p, "name", name);
    if (n > 0) {
        experience(out, p, jobs, n);
        current_role(out, p, jobs, n);
        industries(out, p, jobs, n);
    }
    education(out, p, array_at(out, root, "education"));
    certifications(out, p, array_at(out, root, "certificates"));
    skills(out, p, array_at(out, root, "skills"));
    achievements(out, p, work);
    dropped(out, root);
    add_line(&out->unsure,
             "not in a résumé: scope (people led, budget, departments, P&L, "
             "hiring), current_role.reports_to_ceo and company_size, preferences (hours, travel, "
             "pressure) and targets; add them, or the assessments count them as missing");
    cJSON_Delete(root);
    if (out->problems.count) {
        cJSON_Delete(p);
        return -1;
    }
    out->profile = p;
    return 0;
}
