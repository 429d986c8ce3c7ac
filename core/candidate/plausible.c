/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/plausible.c - the plausibility checks (plausible.h).
 *
 * Every limit here is a design choice, chosen so that a real career never trips it and the
 * profiles that broke trust in review (issue 10) always do; docs/candidate.md lists them. A
 * concern is not an error: the profile may be true, and the assessments say how they treated
 * it.
 */
#include <stdio.h>

#include "candidate/plausible.h"

#define MAX_DIRECT_REPORTS 50   /* spans of control above ~15-20 are rare; 50 is far past it */
#define MAX_WEEKLY_HOURS   100  /* 14+ hours every day of the week, sustained */
#define MAX_IMPACT_PCT     1000 /* an eleven-fold change is possible, rarely from one project */
#define INDUSTRY_OVERLAP   1.5  /* years in two industries at once (a conglomerate) happen */
#define ALL_FIVES_MIN      8    /* this many skills, every one at 5, none with evidence */

typedef struct concern {
    const char *field;
    int (*check)(const cadre_candidate *c, char *buf, size_t len);
} concern;

static int direct_reports(const cadre_candidate *c, char *buf, size_t len)
{
    if (!c->scope.direct_reports.set || c->scope.direct_reports.value <= MAX_DIRECT_REPORTS)
        return 0;
    snprintf(buf, len,
             "%g direct reports is far more than one person can manage directly (rarely above "
             "15-20); people who report through managers belong in scope.people_led",
             c->scope.direct_reports.value);
    return 1;
}

static int pnl_without_budget(const cadre_candidate *c, char *buf, size_t len)
{
    if (c->scope.pnl_owner != CADRE_FLAG_YES || !c->scope.budget_usd.set ||
        c->scope.budget_usd.value > 0)
        return 0;
    snprintf(buf, len, "accountable for a P&L, yet the largest budget owned is $0");
    return 1;
}

static int executive_from_start(const cadre_candidate *c, char *buf, size_t len)
{
    const cadre_num *e = &c->experience.executive_years, *t = &c->experience.total_years;

    if (!e->set || !t->set || e->value <= 0 || e->value < t->value) return 0;
    snprintf(buf, len, "executive rank for all %g years of work, from the first year on", t->value);
    return 1;
}

static int industry_years(const cadre_candidate *c, char *buf, size_t len)
{
    double sum = 0;
    const cadre_num *t = &c->experience.total_years;

    if (!t->set) return 0;
    for (size_t i = 0; i < c->industries.count; i++)
        sum += CADRE_ITEM(cadre_industry, c->industries, i)->years;
    if (sum <= t->value * INDUSTRY_OVERLAP + 1) return 0;
    snprintf(buf, len, "years in the industries add up to %g, against %g years of work", sum,
             t->value);
    return 1;
}

static int huge_impact(const cadre_candidate *c, char *buf, size_t len)
{
    for (size_t i = 0; i < c->achievements.count; i++) {
        const cadre_achievement *a = CADRE_ITEM(cadre_achievement, c->achievements, i);

        if (a->impact_pct.set && a->impact_pct.value > MAX_IMPACT_PCT) {
            snprintf(buf, len,
                     "an achievement with a %g%% impact: check the figure (12 means 12%%)",
                     a->impact_pct.value);
            return 1;
        }
    }
    return 0;
}

static int endless_hours(const cadre_candidate *c, char *buf, size_t len)
{
    if (!c->preferences.max_weekly_hours.set ||
        c->preferences.max_weekly_hours.value <= MAX_WEEKLY_HOURS)
        return 0;
    snprintf(buf, len, "%g hours a week cannot be sustained; COOs typically work 50-60",
             c->preferences.max_weekly_hours.value);
    return 1;
}

static int all_fives(const cadre_candidate *c, char *buf, size_t len)
{
    size_t n = c->skills.count;

    if (n < ALL_FIVES_MIN) return 0;
    for (size_t i = 0; i < n; i++) {
        const cadre_skill *s = CADRE_ITEM(cadre_skill, c->skills, i);

        if (s->level < 5 || s->evidence != NULL) return 0;
    }
    snprintf(buf, len,
             "all %zu skills rated 5 (expert) and none with evidence; a 5 sets direction for a "
             "whole organisation, so say what shows it",
             n);
    return 1;
}

static const concern concerns[] = {
    {"scope.direct_reports", direct_reports},
    {"scope.budget_usd", pnl_without_budget},
    {"experience.executive_years", executive_from_start},
    {"industries", industry_years},
    {"achievements", huge_impact},
    {"preferences.max_weekly_hours", endless_hours},
    {"skills", all_fives},
};

int cadre__implausible(const cadre_candidate *c, size_t i, const char **field, char *buf,
                       size_t len)
{
    char scratch[8];
    size_t k = 0;

    if (c == NULL) return 0;
    if (buf == NULL || len == 0) buf = scratch, len = sizeof(scratch);
    for (size_t j = 0; j < sizeof(concerns) / sizeof(concerns[0]); j++) {
        if (!concerns[j].check(c, buf, len)) continue;
        if (k++ == i) {
            if (field) *field = concerns[j].field;
            return 1;
        }
    }
    return 0;
}
