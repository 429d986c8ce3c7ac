/* SPDX-License-Identifier: MIT */
/*
 * plugins/coo_readiness.c - how ready a person is to be a COO, and at which career level.
 *
 * A native plugin: it links nothing of libcadre, only cJSON to read its data files. What
 * readiness is (criteria, bands, caps, career level) is defined once in readiness.c, which
 * role_fit.so is built from too; this file turns the verdict into findings and advice drawn
 * from the person's own facts. docs/assessments.md has every number with its source.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cadre/plugin.h>

#include "readiness.h"

typedef struct ctx {
    const cadre_host *h;
    const cadre_candidate *c;
    cadre_builder *b;
    const readiness_model *m;
    const readiness *r;
} ctx;

/* ---- findings, in a coach's words ---- */

static void experience_findings(const ctx *x)
{
    const cadre_candidate *c = x->c;
    const cadre_num *m = &c->experience.management_years, *e = &c->experience.executive_years;

    if (m->set && m->value >= READINESS_MGMT_FULL) {
        x->h->finding(x->b, CADRE_FINDING_STRENGTH,
                      "%g years of management meets the 10 or more COO roles ask for.", m->value);
    } else if (m->set) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "You have %g %s of management; COO roles usually ask for 10 or more.",
                      m->value, readiness_years_word(m->value));
        if (c->current_role.level != CADRE_LEVEL_UNKNOWN &&
            c->current_role.level < CADRE_LEVEL_SENIOR_MANAGER)
            x->h->recommend(x->b, "Move into a role that manages managers, not just a team: "
                                  "each year leading a function brings you closer.");
        else
            x->h->recommend(x->b, "Stay where you lead managers and a function: each year of it "
                                  "counts towards the ten.");
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
    if (readiness_best_reach(c) < CADRE_REACH_COMPANY) {
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

    for (int i = 0; i < x->m->ncore; i++) {
        const readiness_skill *k = &x->m->core[i];
        int have = readiness_skill_level(x->c, k->id);
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
        const readiness_skill *k = &x->m->core[pick[j]];
        /* one decimal, none for a whole number: "4", as skills_gap writes the same level */
        int digits = fabs(k->need - round(k->need)) >= 0.05;

        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "%s: you rate yourself %d; COOs work at about %.*f (%s).",
                      x->h->vocab_label("skill", k->id), readiness_skill_level(x->c, k->id), digits,
                      k->need, k->source);
        x->h->recommend(x->b, "%s", readiness_advice(k, x->c));
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
    if (c->preferences.max_weekly_hours.set && hours < READINESS_HOURS_FULL) {
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

/* What held the band back, in the person's terms. */
static void cap_findings(const ctx *x)
{
    const readiness *r = x->r;
    const cadre_num *m = &x->c->experience.management_years;
    double mv = m->set ? m->value : 0;

    if (r->cap_reason == CAP_NONE || r->band == READINESS_UNKNOWN) return;
    if (r->cap_reason == CAP_MANAGEMENT) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "Your score (%.0f) alone would say \"%s\", but with %g %s of management "
                      "the earliest is \"%s\": COO roles ask for 10 or more.",
                      r->score, readiness_band_label(r->score_band), mv, readiness_years_word(mv),
                      readiness_band_label(r->band));
        x->h->recommend(x->b, "Keep building management years while you close the gaps below.");
    } else if (r->cap_reason == CAP_OPERATIONS) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "Your score (%.0f) alone would say \"%s\", but with under 3 years in "
                      "operations roles the earliest is \"%s\": COOs come from extensive "
                      "operations management, often as operations managers.",
                      r->score, readiness_band_label(r->score_band), readiness_band_label(r->band));
        x->h->recommend(x->b, "Take responsibility for an operation with its people, costs and "
                              "service levels, inside your company if you can.");
    } else if (r->cap_reason == CAP_SCOPE) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "Your score (%.0f) alone would say \"%s\", but your experience and scale "
                      "are still below an entry-level COO's (5+ management years and 100+ people, "
                      "a $5M+ budget or executive years), so the earliest is \"%s\".",
                      r->score, readiness_band_label(r->score_band), readiness_band_label(r->band));
        x->h->recommend(x->b, "Take on a larger operation: more people, a bigger budget, "
                              "managers reporting to you.");
    } else {
        x->h->finding(x->b, CADRE_FINDING_RISK,
                      "Your score (%.0f) alone would say \"%s\", but %d figure%s in your profile "
                      "%s hard to believe together (the warnings above), so this assessment "
                      "holds the verdict at \"%s\" until they are checked.",
                      r->score, readiness_band_label(r->score_band), r->concerns,
                      r->concerns == 1 ? "" : "s", r->concerns == 1 ? "is" : "are",
                      readiness_band_label(r->band));
        x->h->recommend(x->b, "Correct or explain each warning (evidence for a skill or an "
                              "achievement's figures), then assess again.");
    }
}

/* The common routes to COO other than operations management, each with its usual next step
 * (issue 10; the advice is the project's own). */
static void origin_findings(const ctx *x)
{
    static const struct {
        const char *origin, *finding, *gap, *advice;
    } paths[] = {
        {"finance executive", "You come to operations from finance, a recognised route to COO.",
         "On the finance route, your record shows finance but not yet you running operations.",
         "Add operational responsibility before you apply: take over procurement, shared "
         "services or a business unit's operations for a year or two, so that your record shows "
         "you running operations, not only funding them."},
        {"technology executive",
         "You come from technology, a route to COO in technology-led companies.",
         "On the technology route, your record does not yet show an operational remit.",
         "Take on an operational remit beyond engineering (support, delivery, supply or service "
         "operations) with its budget and service levels."},
        {"founder",
         "You have founded and run a company: the whole business has been your remit, at its "
         "scale.",
         "On the founder route, your scale so far is your own company's.",
         "Show it works at a larger scale: a COO role in a company a few times your size, or "
         "growing your own, with managers who report to you."},
        {"military officer",
         "You come from military leadership, which COO recruiters value for logistics and "
         "leading at scale.",
         "On the military route, your record is not yet in business terms, and has no P&L.",
         "Translate your record into business terms (budgets, service levels, costs) and add "
         "commercial exposure, such as an operations director role with a P&L."},
        {"public sector",
         "You come from the public sector, where operations run at scale without a profit "
         "motive.",
         "On the public-sector route, your record has no commercial exposure yet.",
         "Add commercial exposure: a P&L, pricing or customer revenue, for instance in a "
         "utility, contractor or public-private partnership."},
        {"nonprofit",
         "You come from the nonprofit sector, where COOs run mission-driven operations.",
         "On the nonprofit route, your results are not yet stated as efficiency.",
         "Show efficiency and resource allocation in numbers (cost per person served, funds per "
         "programme), which both nonprofit and commercial boards ask for."},
    };

    if (x->r->origin == NULL || x->r->band == READINESS_UNKNOWN) return;
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        if (strcmp(paths[i].origin, x->r->origin) != 0) continue;
        x->h->finding(x->b, CADRE_FINDING_STRENGTH, "%s", paths[i].finding);
        if (x->r->band != READY_NOW) {
            x->h->finding(x->b, CADRE_FINDING_GAP, "%s", paths[i].gap);
            x->h->recommend(x->b, "%s", paths[i].advice);
        }
        return;
    }
}

/* What the profile says about boards, crises and the kind of company: strengths, and the step
 * between company sizes the person wants to make (the sources contrast startups, which need
 * operations scaled, with large companies, 000; the advice is the project's own). */
static void background_findings(const ctx *x)
{
    static const char *const size_name[] = {"", "a startup", "a scale-up", "a mid-size company",
                                            "an enterprise"};
    const cadre_candidate *c = x->c;
    int now = (int)READINESS_BG(c, company_size), want = (int)READINESS_BG(c, target_company_size);

    if (READINESS_BG(c, board_exposure) == CADRE_FLAG_YES)
        x->h->finding(x->b, CADRE_FINDING_STRENGTH,
                      "You have worked with a board, as a COO does when supporting the CEO.");
    if (READINESS_BG(c, crisis_leadership) == CADRE_FLAG_YES)
        x->h->finding(x->b, CADRE_FINDING_STRENGTH,
                      "You have led through a crisis: COO roles are high-pressure (003).");
    if (now == 0 || want == 0 || now == want) return;
    if (want > now) {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "You work in %s and want %s: larger companies look for operations run "
                      "across several units, sites or countries, with formal processes.",
                      size_name[now], size_name[want]);
        x->h->recommend(x->b, "Show scale: take on a second site, business unit or country, or "
                              "an integration, and put the processes and metrics of a larger "
                              "company in place.");
    } else {
        x->h->finding(x->b, CADRE_FINDING_GAP,
                      "You work in %s and want %s: a smaller company needs a COO who scales "
                      "operations hands-on, with few layers and little support (000).",
                      size_name[now], size_name[want]);
        x->h->recommend(x->b, "Show hands-on range: lead a new site, product or market launch "
                              "yourself, with a small team and a tight budget.");
    }
}

/* ---- the assessment ---- */

static int assess(void *state, const cadre_host *h, const cadre_candidate *c,
                  const cadre_params *params, cadre_builder *b)
{
    readiness r;
    ctx x = {h, c, b, state, &r};
    const char *level;

    (void)params;
    readiness_assess(&r, state, h, c, b);
    h->set_band(b, readiness_band_label(r.band));
    if (r.band == READINESS_UNKNOWN) {
        h->set_summary(b, "Too much is missing to judge COO readiness; add the missing inputs "
                          "the full report lists.");
        h->detail(b, "career_level", "below entry-level COO scope");
        return 0;
    }
    level = readiness_level_label(r.level);
    /* The bands as data, for the HTML report's chart (docs/report.md, "Chart details"). */
    h->detail(b, "chart_bands", "%.0f %s;%.0f %s;%.0f %s;%.0f %s", readiness_band_min(0),
              readiness_band_label(0), readiness_band_min(1), readiness_band_label(1),
              readiness_band_min(2), readiness_band_label(2), readiness_band_min(3),
              readiness_band_label(3));
    {
        /* The answer to both questions a person asks, when and at which level, in a sentence. */
        char band[80];

        snprintf(band, sizeof(band), "%s", readiness_band_label(r.band));
        band[0] = (char)(band[0] >= 'a' && band[0] <= 'z' ? band[0] - 'a' + 'A' : band[0]);
        if (level)
            h->set_summary(b, "%s, closest to %s (score %.0f of 100).", band, level, r.score);
        else
            h->set_summary(b, "%s (score %.0f of 100); below entry-level COO scope for now.", band,
                           r.score);
    }
    if (level)
        h->detail(b, "career_level", "closest to %s (%d markers: %s)", level, r.nmarkers,
                  r.level_markers);
    else
        h->detail(b, "career_level", "below entry-level COO scope");
    if (r.coo_title)
        h->finding(b, CADRE_FINDING_STRENGTH,
                   "Your title, %s, is one the sources treat as a COO equivalent.",
                   c->current_role.title);
    cap_findings(&x);
    origin_findings(&x);
    background_findings(&x);
    experience_findings(&x);
    scope_findings(&x);
    record_findings(&x);
    skill_findings(&x);
    other_findings(&x);
    return 0;
}

static const cadre_plugin_info info = {
    sizeof(cadre_plugin_info),
    CADRE_PLUGIN_ABI_VERSION,
    "coo_readiness",
    "2.0.0",
    "COO readiness",
    "How ready the person is to be a COO, and at which career level: management, operations "
    "and executive experience, education, the core COO skills at O*NET chief-executive levels, "
    "scope, track record and personal fit.",
    readiness_inputs,
    NULL,
    readiness_plugin_init,
    assess,
    readiness_plugin_fini,
};

CADRE_PLUGIN_DEFINE(info)
