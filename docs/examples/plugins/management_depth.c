/* SPDX-License-Identifier: MIT */
/*
 * docs/examples/plugins/management_depth.c - an example native assessment: depth of management
 *
 * Small on purpose: it is the worked example in docs/plugins.md. It reads management and
 * executive years and the scope of responsibility, and scores them against the COO profile of
 * ../shared/domain.md: 10+ years in management roles (seed 003), executive exposure (002), and
 * responsibility for people and budgets (003: "manage budgets and resource allocation").
 */
#include <stddef.h>

#include <cadre/plugin.h>

/* 10+ years in management roles is what seed 003 gives for a COO. */
#define MGMT_YEARS_FULL 10.0
/* Design choice: five years at VP level or above counts as full executive exposure. */
#define EXEC_YEARS_FULL 5.0

static double ramp(double x, double full)
{
    return x >= full ? 100 : x <= 0 ? 0 : x / full * 100;
}

/* A years criterion: full marks at `full`; an absent input counts 0 and is listed. */
static void years(const cadre_host *h, cadre_builder *b, const char *id, const char *label,
                  double weight, const cadre_num *n, double full, const char *field,
                  const char *what)
{
    if (!n->set) {
        h->criterion(b, id, label, weight, 0, "Not given, counted as 0: add %s", field);
        h->missing(b, id, field);
        return;
    }
    h->criterion(b, id, label, weight, ramp(n->value, full), "%g years %s", n->value, what);
}

static void management(const cadre_host *h, const cadre_candidate *c, cadre_builder *b)
{
    years(h, b, "management_years", "Management experience", 3, &c->experience.management_years,
          MGMT_YEARS_FULL, "experience.management_years",
          "managing people; COOs typically bring 10 or more");
}

static void executive(const cadre_host *h, const cadre_candidate *c, cadre_builder *b)
{
    years(h, b, "executive_years", "Executive exposure", 2, &c->experience.executive_years,
          EXEC_YEARS_FULL, "experience.executive_years",
          "at vice-president level or above (5 counts as full exposure)");
}

/* Scope: people led (a design choice: 100+ is full marks) and a budget owned ($10M+). */
static void scope(const cadre_host *h, const cadre_candidate *c, cadre_builder *b)
{
    double people = c->scope.people_led.set ? ramp(c->scope.people_led.value, 100) : 0;
    double budget = c->scope.budget_usd.set ? ramp(c->scope.budget_usd.value, 10e6) : 0;

    h->criterion(b, "scope", "Scope of responsibility", 2, (people + budget) / 2,
                 "%s%g people led; %s%.1fM budget owned",
                 c->scope.people_led.set ? "" : "not given: ", c->scope.people_led.value,
                 c->scope.budget_usd.set ? "$" : "not given: $", c->scope.budget_usd.value / 1e6);
    if (!c->scope.people_led.set) h->missing(b, "scope", "scope.people_led");
    if (!c->scope.budget_usd.set) h->missing(b, "scope", "scope.budget_usd");
    if (c->scope.budget_usd.set && c->scope.budget_usd.value == 0) {
        h->finding(b, CADRE_FINDING_GAP, "You have not yet owned a budget.");
        h->recommend(b, "Ask to own the next budget cycle for your area: COOs manage budgets "
                        "and resource allocation.");
    }
}

static int assess(void *state, const cadre_host *h, const cadre_candidate *c,
                  const cadre_params *params, cadre_builder *b)
{
    double years = c->experience.management_years.value;

    (void)state;
    (void)params;
    management(h, c, b);
    executive(h, c, b);
    scope(h, c, b);
    if (years >= MGMT_YEARS_FULL)
        h->finding(b, CADRE_FINDING_STRENGTH,
                   "%g years of management meets the 10+ years "
                   "COO roles ask for.",
                   years);
    else if (c->experience.management_years.set) {
        h->finding(b, CADRE_FINDING_GAP, "%g years of management; COO roles ask for 10 or more.",
                   years);
        h->recommend(b, "Take on a broader management remit now; each year in a role that leads "
                        "managers counts.");
    }
    /* The band follows the weighted score the engine computes from the criteria. */
    h->set_band(b, years >= MGMT_YEARS_FULL ? "deep" : years >= 5 ? "developing" : "early");
    h->set_summary(b, "Management depth against the 10+ years a COO role asks for.");
    return 0;
}

static const char *const inputs[] = {"experience.management_years", "experience.executive_years",
                                     "scope.people_led", "scope.budget_usd", NULL};

static const cadre_plugin_info info = {
    sizeof(cadre_plugin_info),
    CADRE_PLUGIN_ABI_VERSION,
    "management_depth",
    "1.0.0",
    "Management depth",
    "Years of management and executive experience and the scope led, against a COO's 10+ "
    "years.",
    inputs,
    NULL,
    NULL,
    assess,
    NULL,
};

CADRE_PLUGIN_DEFINE(info)
