/* SPDX-License-Identifier: MIT */
/*
 * core/cli/interview.c - the questionnaire of `cadre interview` (interview.h). The questions
 * are data (the table below); one function per kind of answer reads and checks it. After each
 * answer the whole profile is checked by cadre's own loader, so an answer that contradicts an
 * earlier one (more management years than years of work) is refused at once, with the reason,
 * and asked again; then the profile is saved.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "anchors.h"
#include "cli.h"
#include "interview.h"

typedef enum qkind {
    Q_HEADING, /* a group of questions: its title and a line about it */
    Q_TEXT,
    Q_YEARS, /* 0-70, decimals allowed */
    Q_COUNT, /* a whole number, 0 or more */
    Q_MONEY, /* US dollars: 85M, 850k, $1,200,000 */
    Q_HOURS, /* 0-168 */
    Q_YESNO,
    Q_CHOICE, /* one of `choices` (ids), by number or id */
    Q_VOCAB,  /* one id of vocabulary `vocab` */
    Q_VOCABS, /* a comma-separated list of ids of `vocab` */
    Q_INDUSTRY_YEARS,
    Q_SKILLS,
    Q_ACHIEVEMENTS
} qkind;

typedef struct question {
    qkind kind;
    const char *path; /* the profile field, e.g. "experience.total_years" */
    const char *ask;
    const char *help;    /* what "?" prints */
    const char *choices; /* Q_CHOICE: ids, space-separated; labels in `labels`, "|"-separated */
    const char *labels;
    const char *vocab;
} question;

static const question questions[] = {
    {Q_HEADING, NULL, "About you",
     "Press Enter to keep an answer, - to clear it, ? for help, "
     "quit to stop (what you answered is saved).",
     NULL, NULL, NULL},
    {Q_TEXT, "name", "Your name, as the report should show it", "Any text; it is only shown.", NULL,
     NULL, NULL},
    {Q_CHOICE, "targets.role", "Which role are you aiming for?",
     "The skills asked later are those of this role.", "coo operations_manager",
     "Chief operating officer (COO)|Operations manager", NULL},

    {Q_HEADING, NULL, "Your work so far", "Count years in any role, full-time equivalent.", NULL,
     NULL, NULL},
    {Q_YEARS, "experience.total_years", "How many years have you worked, in all?",
     "Every year in work, in any role (0 to 70; 12.5 is fine).", NULL, NULL, NULL},
    {Q_YEARS, "experience.management_years",
     "Of those, how many years have you managed people or a function?",
     "Years in which people reported to you, or you ran a function.", NULL, NULL, NULL},
    {Q_YEARS, "experience.operations_years",
     "How many years in operations roles (production, supply chain, service delivery...)?",
     "Years running how the organisation delivers, at any level.", NULL, NULL, NULL},
    {Q_YEARS, "experience.executive_years",
     "How many years at vice-president level or above, or reporting to the chief executive?",
     "0 if none.", NULL, NULL, NULL},
    {Q_YESNO, "experience.board_exposure",
     "Have you presented to or worked with a board of directors?", NULL, NULL, NULL, NULL},
    {Q_YESNO, "experience.multi_site", "Have you run operations across several sites at once?",
     NULL, NULL, NULL, NULL},
    {Q_YESNO, "experience.international", "Have you run operations across countries?", NULL, NULL,
     NULL, NULL},
    {Q_YESNO, "experience.mergers", "Have you led a merger, an acquisition or an integration?",
     NULL, NULL, NULL, NULL},
    {Q_YESNO, "experience.crisis_leadership",
     "Have you led an organisation through a crisis (a recall, an outage, a restructuring)?", NULL,
     NULL, NULL, NULL},
    {Q_VOCABS, "experience.functions_led",
     "Which functions have you led at some point? (numbers or names, comma-separated)", NULL, NULL,
     NULL, "function"},

    {Q_HEADING, NULL, "Your current role and its scope", NULL, NULL, NULL, NULL},
    {Q_TEXT, "current_role.title", "Your job title", "As on your business card.", NULL, NULL, NULL},
    {Q_CHOICE, "current_role.level", "Your level",
     "Where the role sits, whatever its title: a plant manager with managers under them is a "
     "senior manager or a director.",
     "individual_contributor supervisor manager senior_manager director vice_president c_suite",
     "Individual contributor|Supervisor (leads a crew or shift)|Manager (manages a team)|Senior "
     "manager (manages managers)|Director (runs a function or a site)|Vice president|C-suite "
     "(chief officer)",
     NULL},
    {Q_VOCAB, "current_role.function", "Which function is your role in?", NULL, NULL, NULL,
     "function"},
    {Q_YESNO, "current_role.reports_to_ceo", "Do you report directly to the chief executive?", NULL,
     NULL, NULL, NULL},
    {Q_CHOICE, "current_role.company_size", "How large is your company?", NULL,
     "startup scale_up mid_size enterprise",
     "Startup|Scale-up (growing fast)|Mid-size|Enterprise (large, established)", NULL},
    {Q_COUNT, "scope.people_led", "How many people are in your reporting line, directly or not?",
     NULL, NULL, NULL, NULL},
    {Q_COUNT, "scope.direct_reports", "How many report to you directly?", NULL, NULL, NULL, NULL},
    {Q_MONEY, "scope.budget_usd", "The largest annual budget you own, in US dollars",
     "85M, 2.5m, 850k and 1,200,000 all work.", NULL, NULL, NULL},
    {Q_COUNT, "scope.departments", "How many departments or functions do you oversee at once?",
     NULL, NULL, NULL, NULL},
    {Q_YESNO, "scope.pnl_owner", "Are you accountable for a profit-and-loss statement (a P&L)?",
     NULL, NULL, NULL, NULL},
    {Q_YESNO, "scope.hiring_authority", "Do you decide hiring and firing?", NULL, NULL, NULL, NULL},

    {Q_HEADING, NULL, "Education and certifications", NULL, NULL, NULL, NULL},
    {Q_CHOICE, "education.highest_degree", "Your highest degree", "An MBA is a master's.",
     "none high_school associate bachelor master doctorate",
     "None|High school|Associate|Bachelor's|Master's (an MBA too)|Doctorate", NULL},
    {Q_VOCAB, "education.field", "Its main field of study", NULL, NULL, NULL, "field"},
    {Q_YESNO, "education.mba", "Do you hold an MBA?", NULL, NULL, NULL, NULL},
    {Q_VOCABS, "certifications",
     "Professional certifications (numbers or names, "
     "comma-separated; Enter if none)",
     NULL, NULL, NULL, "certification"},

    {Q_HEADING, NULL, "Industries", NULL, NULL, NULL, NULL},
    {Q_INDUSTRY_YEARS, "industries",
     "Years in each industry, e.g. \"manufacturing 12, logistics 3\"",
     "The industries are listed above; names, labels and numbers all work.", NULL, NULL,
     "industry"},

    {Q_SKILLS, "skills", NULL, NULL, NULL, NULL, NULL},

    {Q_HEADING, NULL, "Tools", NULL, NULL, NULL, NULL},
    {Q_VOCABS, "tools", "Tools you use regularly (numbers or names, comma-separated)", NULL, NULL,
     NULL, "tool"},

    {Q_ACHIEVEMENTS, "achievements", NULL, NULL, NULL, NULL, NULL},

    {Q_HEADING, NULL, "What you want", NULL, NULL, NULL, NULL},
    {Q_VOCABS, "targets.industries", "Industries you want to work in (comma-separated)", NULL, NULL,
     NULL, "industry"},
    {Q_CHOICE, "targets.company_size", "The size of company you want", NULL,
     "startup scale_up mid_size enterprise",
     "Startup|Scale-up (growing fast)|Mid-size|Enterprise (large, established)", NULL},
    {Q_HOURS, "preferences.max_weekly_hours", "The most hours a week you are willing to work",
     "0 to 168.", NULL, NULL, NULL},
    {Q_CHOICE, "preferences.travel", "How much travel do you accept?", NULL,
     "none occasional frequent extensive", "None|Occasional|Frequent|Extensive", NULL},
    {Q_CHOICE, "preferences.pressure", "How much sustained pressure do you want?", NULL,
     "low moderate high", "Low|Moderate|High", NULL},
};

enum { ASK_OK = 0, ASK_STOP = 1, ASK_FAIL = -1 };

typedef struct ctx {
    cJSON *profile;
    const interview_opts *o;
} ctx;

/* ---- the profile ---- */

static cJSON *get_path(cJSON *root, const char *path)
{
    char buf[128], *save = NULL;
    cJSON *v = root;

    snprintf(buf, sizeof(buf), "%s", path);
    for (char *k = strtok_r(buf, ".", &save); k && v; k = strtok_r(NULL, ".", &save))
        v = cJSON_GetObjectItemCaseSensitive(v, k);
    return v;
}

/* Puts v (owned, or NULL to remove) at path, making the groups on the way. */
static void set_path(cJSON *root, const char *path, cJSON *v)
{
    char buf[128], *save = NULL, *k, *next;
    cJSON *g = root;

    snprintf(buf, sizeof(buf), "%s", path);
    k = strtok_r(buf, ".", &save);
    while (k && (next = strtok_r(NULL, ".", &save)) != NULL) {
        cJSON *child = cJSON_GetObjectItemCaseSensitive(g, k);

        if (!cJSON_IsObject(child)) {
            cJSON_DeleteItemFromObjectCaseSensitive(g, k);
            child = cJSON_AddObjectToObject(g, k);
        }
        g = child;
        k = next;
    }
    if (k == NULL || g == NULL) {
        cJSON_Delete(v);
        return;
    }
    if (v == NULL)
        cJSON_DeleteItemFromObjectCaseSensitive(g, k);
    else if (cJSON_GetObjectItemCaseSensitive(g, k))
        cJSON_ReplaceItemInObjectCaseSensitive(g, k, v);
    else
        cJSON_AddItemToObject(g, k, v);
}

#define MAX_ERRORS 8

typedef struct problems {
    char text[600];               /* warnings about `field` */
    char errors[MAX_ERRORS][300]; /* every error, "field: message" */
    int nerrors;
    const char *field;
} problems;

static void on_diag(void *ud, const cadre_diag *d)
{
    problems *p = ud;
    size_t n = strlen(p->text);

    if (d->severity == CADRE_SEVERITY_ERROR) {
        if (p->nerrors < MAX_ERRORS)
            snprintf(p->errors[p->nerrors++], sizeof(p->errors[0]), "%s: %s",
                     d->field ? d->field : "", d->message);
        return;
    }
    if (d->field && strncmp(d->field, p->field, strlen(p->field)) == 0 && n < sizeof(p->text) - 1)
        snprintf(p->text + n, sizeof(p->text) - n, "%s%s", n ? "; " : "", d->message);
}

/* Checks the whole profile with cadre's loader: the errors in p->errors, warnings about
 * `field` in p->text. */
static void check(const cJSON *profile, const char *field, problems *p)
{
    char *json = cJSON_PrintUnformatted(profile);
    cadre_candidate *c = NULL;
    cadre_error err;

    memset(p, 0, sizeof(*p));
    p->field = field;
    if (json == NULL) return;
    if (cadre_candidate_parse(&c, json, strlen(json), "answer", on_diag, p, &err) != 0 &&
        p->nerrors == 0)
        snprintf(p->errors[p->nerrors++], sizeof(p->errors[0]), "%s", err.message);
    free(json);
    cadre_candidate_free(c);
}

/* The first error of `after` that `before` did not have: the answer's fault, so it is refused.
 * Errors the file had already (a field edited by hand) do not stop the interview. */
static const char *new_error(const problems *before, const problems *after)
{
    for (int i = 0; i < after->nerrors; i++) {
        int known = 0;

        for (int k = 0; k < before->nerrors; k++)
            known |= strcmp(before->errors[k], after->errors[i]) == 0;
        if (!known) return after->errors[i];
    }
    return NULL;
}

/* ---- reading answers ---- */

static void say(const ctx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const ctx *x, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(x->o->out, fmt, ap);
    va_end(ap);
}

/* One line of input, trimmed, in buf; NULL when the input ended. */
static char *read_line(const ctx *x, char *buf, size_t size)
{
    size_t n;
    char *p = buf;

    fflush(x->o->out);
    if (fgets(buf, (int)size, x->o->in) == NULL) return NULL;
    n = strlen(buf);
    if (n == size - 1 && buf[n - 1] != '\n') { /* too long: drop the rest of the line */
        int c;

        while ((c = fgetc(x->o->in)) != EOF && c != '\n')
            ;
    }
    while (n &&
           (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' ' || buf[n - 1] == '\t'))
        buf[--n] = '\0';
    while (*p == ' ' || *p == '\t')
        p++;
    if (x->o->echo) say(x, "%s\n", cli_safe(p));
    return p;
}

/* A decimal number, with a point or a comma as the decimal mark ("12.5", "12,5"); -1 when
 * the text is not one. Written out so that no locale changes what is accepted. */
static int parse_decimal(const char *s, double *out)
{
    double v = 0, scale = 1;
    int digits = 0, frac = 0;

    for (; *s; s++) {
        if (isdigit((unsigned char)*s)) {
            if (frac) scale /= 10;
            v = v * 10 + (*s - '0');
            digits++;
        } else if ((*s == '.' || *s == ',') && !frac) {
            frac = 1;
        } else {
            return -1;
        }
    }
    if (!digits) return -1;
    *out = v * scale;
    return 0;
}

/* Money: "$1,200,000", "85M", "2.5m", "850k", "1.2bn". */
static int parse_money(const char *s, double *out)
{
    char buf[64];
    size_t n = 0;
    double mult = 1;
    int groups = strchr(s, ',') && strchr(s, '.') == NULL && strlen(strchr(s, ',')) == 4;

    for (; *s && n < sizeof(buf) - 1; s++) {
        if (*s == '$' || *s == ' ' || *s == '_') continue;
        if (*s == ',' && (groups || strchr(s + 1, ','))) continue; /* thousands */
        buf[n++] = *s;
    }
    buf[n] = '\0';
    while (n && isalpha((unsigned char)buf[n - 1]))
        n--;
    if (strcasecmp(buf + n, "k") == 0)
        mult = 1e3;
    else if (strcasecmp(buf + n, "m") == 0 || strcasecmp(buf + n, "mn") == 0)
        mult = 1e6;
    else if (strcasecmp(buf + n, "b") == 0 || strcasecmp(buf + n, "bn") == 0)
        mult = 1e9;
    else if (buf[n] != '\0')
        return -1;
    buf[n] = '\0';
    if (parse_decimal(buf, out) != 0) return -1;
    *out *= mult;
    return 0;
}

/* Entry of `vocab` named by number (1-based), id or label; NULL when none. */
static const cadre_vocab_entry *vocab_pick(const char *vocab, const char *s)
{
    size_t n = cadre_vocab_count(vocab);
    char *end;
    long i = strtol(s, &end, 10);

    if (*s && *end == '\0')
        return i >= 1 && (size_t)i <= n ? cadre_vocab_entry_at(vocab, i - 1) : NULL;
    for (size_t k = 0; k < n; k++) {
        const cadre_vocab_entry *e = cadre_vocab_entry_at(vocab, k);

        if (strcasecmp(e->id, s) == 0 || strcasecmp(e->label, s) == 0) return e;
    }
    return NULL;
}

static void vocab_menu(const ctx *x, const char *vocab)
{
    size_t n = cadre_vocab_count(vocab);

    for (size_t k = 0; k < n; k++) {
        const cadre_vocab_entry *e = cadre_vocab_entry_at(vocab, k);

        say(x, "  %2zu  %-30s %s\n", k + 1, e->label, e->meaning);
    }
}

static void vocab_unknown(const char *vocab, const char *s, char *why, size_t size)
{
    const char *near = cadre_vocab_suggest(vocab, s);

    if (near)
        snprintf(why, size, "'%s' is not in the list; did you mean %s?", cli_safe(s), near);
    else
        snprintf(why, size, "'%s' is not in the list above (type ? to see it again)", cli_safe(s));
}

/* The answer `s` to q as a JSON value, or NULL with the reason in why. */
static cJSON *parse_answer(const ctx *x, const question *q, const char *s, char *why, size_t size)
{
    double v;

    (void)x;
    switch (q->kind) {
    case Q_TEXT:
        if (strlen(s) > 200) {
            snprintf(why, size, "at most 200 characters, please");
            return NULL;
        }
        return cJSON_CreateString(s);
    case Q_YEARS:
    case Q_HOURS:
        if (parse_decimal(s, &v) != 0 || v > (q->kind == Q_YEARS ? 70 : 168)) {
            snprintf(why, size, "a number from 0 to %d, such as 12 or 12.5",
                     q->kind == Q_YEARS ? 70 : 168);
            return NULL;
        }
        return cJSON_CreateNumber(v);
    case Q_COUNT:
        if (parse_decimal(s, &v) != 0 || v != floor(v) || v > 10000000) {
            snprintf(why, size, "a whole number, such as 40");
            return NULL;
        }
        return cJSON_CreateNumber(v);
    case Q_MONEY:
        if (parse_money(s, &v) != 0 || v > 1e13) {
            snprintf(why, size, "an amount in US dollars, such as 85M, 850k or 1,200,000");
            return NULL;
        }
        return cJSON_CreateNumber(v);
    case Q_YESNO:
        if (strcasecmp(s, "y") == 0 || strcasecmp(s, "yes") == 0) return cJSON_CreateTrue();
        if (strcasecmp(s, "n") == 0 || strcasecmp(s, "no") == 0) return cJSON_CreateFalse();
        snprintf(why, size, "yes or no (y or n)");
        return NULL;
    case Q_CHOICE: {
        char ids[256], *save = NULL;
        int i = 0;
        char *end;
        long pick = strtol(s, &end, 10);

        snprintf(ids, sizeof(ids), "%s", q->choices);
        for (char *id = strtok_r(ids, " ", &save); id; id = strtok_r(NULL, " ", &save)) {
            i++;
            if ((*s && *end == '\0' && pick == i) || strcasecmp(id, s) == 0)
                return cJSON_CreateString(id);
        }
        snprintf(why, size, "a number from 1 to %d", i);
        return NULL;
    }
    case Q_VOCAB: {
        const cadre_vocab_entry *e = vocab_pick(q->vocab, s);

        if (e) return cJSON_CreateString(e->id);
        vocab_unknown(q->vocab, s, why, size);
        return NULL;
    }
    case Q_VOCABS:
    case Q_INDUSTRY_YEARS: {
        char buf[1024], *save = NULL;
        cJSON *out = q->kind == Q_VOCABS ? cJSON_CreateArray() : cJSON_CreateObject();

        snprintf(buf, sizeof(buf), "%s", s);
        for (char *item = strtok_r(buf, ",;", &save); item; item = strtok_r(NULL, ",;", &save)) {
            char *end;
            const cadre_vocab_entry *e;

            while (*item == ' ')
                item++;
            end = item + strlen(item);
            while (end > item && end[-1] == ' ')
                *--end = '\0';
            if (*item == '\0') continue;
            if (q->kind == Q_INDUSTRY_YEARS) {
                char *sp = strrchr(item, ' ');

                if (sp == NULL || parse_decimal(sp + 1, &v) != 0 || v > 70) {
                    snprintf(why, size,
                             "'%s': give each industry with its years, such as "
                             "\"manufacturing 12\"",
                             cli_safe(item));
                    cJSON_Delete(out);
                    return NULL;
                }
                *sp = '\0';
                while (sp > item && sp[-1] == ' ')
                    *--sp = '\0';
            }
            if ((e = vocab_pick(q->vocab, item)) == NULL) {
                vocab_unknown(q->vocab, item, why, size);
                cJSON_Delete(out);
                return NULL;
            }
            if (q->kind == Q_VOCABS) {
                int dup = 0;
                const cJSON *y;

                cJSON_ArrayForEach(y, out) dup |= strcmp(y->valuestring, e->id) == 0;
                if (!dup) cJSON_AddItemToArray(out, cJSON_CreateString(e->id));
            } else {
                cJSON_DeleteItemFromObjectCaseSensitive(out, e->id);
                cJSON_AddNumberToObject(out, e->id, v);
            }
        }
        return out;
    }
    default:
        return NULL;
    }
}

/* The current answer, for the prompt: "[12]", "[yes]", "[Director ...]". */
static void current(const ctx *x, const question *q, const cJSON *v)
{
    char *s;

    if (v == NULL || cJSON_IsNull(v)) return;
    if (cJSON_IsBool(v)) {
        say(x, " [%s]", cJSON_IsTrue(v) ? "yes" : "no");
        return;
    }
    if (q->kind == Q_INDUSTRY_YEARS && cJSON_IsObject(v)) {
        const cJSON *y;
        int first = 1;

        say(x, " [");
        cJSON_ArrayForEach(y, v)
        {
            say(x, "%s%s %g", first ? "" : ", ", cli_safe(y->string), y->valuedouble);
            first = 0;
        }
        say(x, "]");
        return;
    }
    if (cJSON_IsArray(v)) {
        const cJSON *y;
        int first = 1;

        say(x, " [");
        cJSON_ArrayForEach(y, v)
        {
            say(x, "%s%s", first ? "" : ", ", cJSON_IsString(y) ? cli_safe(y->valuestring) : "?");
            first = 0;
        }
        say(x, "]");
        return;
    }
    if (cJSON_IsString(v)) {
        say(x, " [%s]", cli_safe(v->valuestring));
        return;
    }
    s = cJSON_PrintUnformatted(v);
    say(x, " [%s]", s ? cli_safe(s) : "?");
    free(s);
}

static void show_choices(const ctx *x, const question *q)
{
    if (q->kind == Q_CHOICE) {
        char labels[512], *save = NULL;
        int i = 0;

        snprintf(labels, sizeof(labels), "%s", q->labels);
        for (char *l = strtok_r(labels, "|", &save); l; l = strtok_r(NULL, "|", &save))
            say(x, "  %d  %s\n", ++i, l);
    } else if (q->kind == Q_VOCAB || q->kind == Q_VOCABS || q->kind == Q_INDUSTRY_YEARS) {
        vocab_menu(x, q->vocab);
    }
}

/* Asks q until it gets an answer cadre accepts (or Enter, -, quit). */
static int ask(ctx *x, const question *q)
{
    char line[1100], why[600];

    say(x, "\n");
    show_choices(x, q);
    for (;;) {
        cJSON *was = get_path(x->profile, q->path), *keep, *v;
        const char *s, *bad;
        problems before, p;

        say(x, "%s", q->ask);
        current(x, q, was);
        say(x, ": ");
        if ((s = read_line(x, line, sizeof(line))) == NULL) return ASK_STOP;
        if (strcasecmp(s, "quit") == 0) return ASK_STOP;
        if (strcmp(s, "?") == 0) {
            say(x, "  %s\n",
                q->help ? q->help
                        : "Enter keeps the answer in brackets, - clears "
                          "it, quit stops (what you answered is saved).");
            show_choices(x, q);
            continue;
        }
        if (*s == '\0') return ASK_OK; /* keep what is there, or leave it out */
        keep = was ? cJSON_Duplicate(was, 1) : NULL;
        if (strcmp(s, "-") == 0) {
            v = NULL;
        } else if ((v = parse_answer(x, q, s, why, sizeof(why))) == NULL) {
            say(x, "  ! %s\n", why);
            cJSON_Delete(keep);
            continue;
        }
        check(x->profile, q->path, &before);
        set_path(x->profile, q->path, v);
        check(x->profile, q->path, &p);
        if ((bad = new_error(&before, &p)) != NULL) {
            say(x, "  ! %s\n", cli_safe(bad));
            set_path(x->profile, q->path, keep);
            continue;
        }
        cJSON_Delete(keep);
        if (p.text[0]) say(x, "  note: %s\n", cli_safe(p.text));
        if (p.nerrors)
            say(x, "  note: the file has a problem elsewhere, to fix by hand: %s\n",
                cli_safe(p.errors[0]));
        return x->o->save(x->o->userdata, x->profile) == 0 ? ASK_OK : ASK_FAIL;
    }
}

/* ---- skills ---- */

static int skill_level_of(const cJSON *v)
{
    if (cJSON_IsObject(v)) v = cJSON_GetObjectItemCaseSensitive(v, "level");
    return cJSON_IsNumber(v) ? (int)v->valuedouble : -1;
}

static int ask_skill(ctx *x, const cadre_vocab_entry *e, int i, int n)
{
    const interview_anchor *a = interview_anchor_find(e->id);
    char path[96], line[1100];
    cJSON *skills = cJSON_GetObjectItemCaseSensitive(x->profile, "skills");
    cJSON *was = cJSON_GetObjectItemCaseSensitive(skills, e->id);
    int level = skill_level_of(was);
    const cJSON *ev =
        cJSON_IsObject(was) ? cJSON_GetObjectItemCaseSensitive(was, "evidence") : NULL;

    snprintf(path, sizeof(path), "skills.%s", e->id);
    say(x, "\n(%d of %d) %s: %s\n", i, n, e->label, e->meaning);
    say(x, "  0  You have not done it.\n");
    for (int k = 0; k < 5; k++)
        say(x, "  %d  %s\n", k + 1, a ? a->level[k] : "");
    for (;;) {
        const char *s;
        char *end;
        long pick;

        say(x, "Your level, 0 to 5");
        if (level >= 0) say(x, " [%d]", level);
        say(x, ": ");
        if ((s = read_line(x, line, sizeof(line))) == NULL) return ASK_STOP;
        if (strcasecmp(s, "quit") == 0) return ASK_STOP;
        if (strcmp(s, "?") == 0) {
            say(x, "  Rate what you have actually done, not what you could do; each level "
                   "includes the ones below it.\n");
            continue;
        }
        if (*s == '\0') break;
        if (strcmp(s, "-") == 0) {
            set_path(x->profile, path, NULL);
            level = -1;
            break;
        }
        pick = strtol(s, &end, 10);
        if (*end != '\0' || pick < 0 || pick > 5) {
            say(x, "  ! a whole number from 0 to 5\n");
            continue;
        }
        level = (int)pick;
        if (level < 4 || !ev)
            set_path(x->profile, path, cJSON_CreateNumber(level));
        else
            cJSON_SetNumberValue(cJSON_GetObjectItemCaseSensitive(was, "level"), level);
        break;
    }
    if (level >= 4) {
        /* A rating of 4 or 5 counts in full only with evidence (docs/assessments.md). */
        const char *s;
        cJSON *now = get_path(x->profile, path);
        const cJSON *cur =
            cJSON_IsObject(now) ? cJSON_GetObjectItemCaseSensitive(now, "evidence") : NULL;

        say(x, "What shows it? One line a recruiter could check (optional)");
        if (cJSON_IsString(cur)) say(x, " [%s]", cli_safe(cur->valuestring));
        say(x, ": ");
        if ((s = read_line(x, line, sizeof(line))) == NULL) return ASK_STOP;
        if (strcasecmp(s, "quit") == 0) return ASK_STOP;
        if (*s && strcmp(s, "-") != 0 && strlen(s) <= 500) {
            cJSON *o = cJSON_CreateObject();

            cJSON_AddNumberToObject(o, "level", level);
            cJSON_AddStringToObject(o, "evidence", s);
            set_path(x->profile, path, o);
        } else if (strcmp(s, "-") == 0) {
            set_path(x->profile, path, cJSON_CreateNumber(level));
        }
    }
    return x->o->save(x->o->userdata, x->profile) == 0 ? ASK_OK : ASK_FAIL;
}

static int ask_skills(ctx *x)
{
    const char *ids[64];
    int n = -1, rc;
    const cJSON *role = get_path(x->profile, "targets.role");
    const char *rid = cJSON_IsString(role) ? role->valuestring : "coo";

    if (!x->o->all_skills && x->o->role_skills) n = x->o->role_skills(x->o->userdata, rid, ids, 64);
    say(x, "\n== Your skills ==\n");
    if (n > 0)
        say(x,
            "The %d skills that matter for the role you aim at (cadre interview --all-skills "
            "asks all %zu).\n",
            n, cadre_vocab_count("skill"));
    say(x, "Each comes with what each level looks like; rate what you have done.\n");
    if (n <= 0) {
        n = (int)cadre_vocab_count("skill");
        for (int i = 0; i < n && i < 64; i++)
            ids[i] = cadre_vocab_entry_at("skill", (size_t)i)->id;
        if (n > 64) n = 64;
    }
    for (int i = 0; i < n; i++) {
        const cadre_vocab_entry *e = vocab_pick("skill", ids[i]);

        if (e == NULL) continue;
        if ((rc = ask_skill(x, e, i + 1, n)) != ASK_OK) return rc;
    }
    return ASK_OK;
}

/* ---- achievements ---- */

static const question ach_kind = {
    Q_CHOICE,
    "kind",
    "What kind of change was it?",
    NULL,
    "efficiency cost_reduction change_initiative process_improvement quality revenue_growth other",
    "Efficiency (faster, more output)|Cost reduction|A change initiative (reorganisation, new "
    "system)|Process improvement|Quality|Revenue growth|Other",
    NULL};
static const question ach_reach = {
    Q_CHOICE,
    "reach",
    "How far did it reach?",
    NULL,
    "team department division company",
    "Your team|A department|A division or several sites|The whole company",
    NULL};

static int ask_achievements(ctx *x)
{
    cJSON *list = cJSON_GetObjectItemCaseSensitive(x->profile, "achievements");
    char line[1100];
    const char *s;
    int i = 0;
    const cJSON *a;

    say(x, "\n== Achievements ==\nChanges you led, each with its measured effect if you have "
           "one (up to 5 here; a file can hold more).\n");
    if (cJSON_GetArraySize(list) > 0) {
        cJSON_ArrayForEach(a, list)
        {
            const cJSON *d = cJSON_GetObjectItemCaseSensitive(a, "description");

            say(x, "  %d. %s\n", ++i, cJSON_IsString(d) ? cli_safe(d->valuestring) : "?");
        }
        if (!interview_yes(x->o, "Keep these?", 1)) {
            cJSON_DeleteItemFromObjectCaseSensitive(x->profile, "achievements");
            list = NULL;
            if (x->o->save(x->o->userdata, x->profile) != 0) return ASK_FAIL;
        }
    }
    while (cJSON_GetArraySize(list) < 5) {
        cJSON *item, *sub = cJSON_CreateObject();
        ctx y = {sub, x->o};
        problems before, p;
        const char *bad;
        double v;
        char why[200];

        say(x, "\nDescribe a change you led, in a sentence (Enter when you have no more): ");
        if ((s = read_line(x, line, sizeof(line))) == NULL || strcasecmp(s, "quit") == 0) {
            cJSON_Delete(sub);
            return ASK_STOP;
        }
        if (*s == '\0') {
            cJSON_Delete(sub);
            break;
        }
        cJSON_AddStringToObject(sub, "description", s);
        for (const question *q = &ach_kind; q; q = q == &ach_kind ? &ach_reach : NULL) {
            char l2[64];
            cJSON *c;

            say(x, "\n");
            show_choices(x, q);
            for (;;) {
                say(x, "%s: ", q->ask);
                if ((s = read_line(&y, l2, sizeof(l2))) == NULL) {
                    cJSON_Delete(sub);
                    return ASK_STOP;
                }
                if (*s == '\0') break;
                if ((c = parse_answer(x, q, s, why, sizeof(why))) != NULL) {
                    cJSON_AddItemToObject(sub, q->path, c);
                    break;
                }
                say(x, "  ! %s\n", why);
            }
        }
        for (;;) {
            say(x, "By how much, in percent? (12 for \"12%% faster\"; Enter if not measured): ");
            if ((s = read_line(x, line, sizeof(line))) == NULL) {
                cJSON_Delete(sub);
                return ASK_STOP;
            }
            if (*s == '\0') break;
            if (s[strlen(s) - 1] == '%') ((char *)s)[strlen(s) - 1] = '\0';
            if (parse_decimal(s, &v) == 0 && v <= 10000) {
                cJSON_AddNumberToObject(sub, "impact_pct", v);
                break;
            }
            say(x, "  ! a number from 0 to 10000, such as 12\n");
        }
        for (;;) {
            say(x, "Money saved or earned, US dollars (Enter if none): ");
            if ((s = read_line(x, line, sizeof(line))) == NULL) {
                cJSON_Delete(sub);
                return ASK_STOP;
            }
            if (*s == '\0') break;
            if (parse_money(s, &v) == 0 && v <= 1e13) {
                cJSON_AddNumberToObject(sub, "value_usd", v);
                break;
            }
            say(x, "  ! an amount such as 900k or 1.2M\n");
        }
        check(x->profile, "achievements", &before);
        if (list == NULL) list = cJSON_AddArrayToObject(x->profile, "achievements");
        item = sub;
        cJSON_AddItemToArray(list, item);
        check(x->profile, "achievements", &p);
        if ((bad = new_error(&before, &p)) != NULL) {
            say(x, "  ! %s\n", cli_safe(bad));
            cJSON_DeleteItemFromArray(list, cJSON_GetArraySize(list) - 1);
            continue;
        }
        if (x->o->save(x->o->userdata, x->profile) != 0) return ASK_FAIL;
    }
    return ASK_OK;
}

/* ---- the whole interview ---- */

int interview_yes(const interview_opts *o, const char *prompt, int dflt)
{
    ctx x = {NULL, o};
    char line[64];
    const char *s;

    for (;;) {
        say(&x, "%s [%s]: ", prompt, dflt ? "Y/n" : "y/N");
        if ((s = read_line(&x, line, sizeof(line))) == NULL || *s == '\0') return dflt;
        if (strcasecmp(s, "y") == 0 || strcasecmp(s, "yes") == 0) return 1;
        if (strcasecmp(s, "n") == 0 || strcasecmp(s, "no") == 0) return 0;
        say(&x, "  ! yes or no (y or n)\n");
    }
}

int interview_run(cJSON *profile, const interview_opts *o)
{
    ctx x = {profile, o};
    int rc = ASK_OK;

    for (size_t i = 0; rc == ASK_OK && i < sizeof(questions) / sizeof(questions[0]); i++) {
        const question *q = &questions[i];

        switch (q->kind) {
        case Q_HEADING:
            say(&x, "\n== %s ==\n", q->ask);
            if (q->help) say(&x, "%s\n", q->help);
            break;
        case Q_SKILLS:
            rc = ask_skills(&x);
            break;
        case Q_ACHIEVEMENTS:
            rc = ask_achievements(&x);
            break;
        default:
            rc = ask(&x, q);
        }
    }
    return rc == ASK_OK     ? INTERVIEW_DONE
           : rc == ASK_STOP ? INTERVIEW_STOPPED
                            : INTERVIEW_SAVE_FAILED;
}
