/* SPDX-License-Identifier: MIT */
/*
 * plugins/role_fit.c - COO or operations manager: which role fits the person now, whether
 * their profile is strategic or tactical, and what would move them from one to the other.
 *
 * The COO fit IS the readiness of readiness.c (the same criteria, score and band that
 * coo_readiness reports), so the two assessments cannot disagree; the verdict follows the
 * readiness band. The operations-manager fit weighs the same evidence the way seeds 001 and
 * 002 describe the role: tactical, one department's day-to-day operations, several years of
 * management. Its weights and thresholds are design choices (docs/assessments.md).
 */
#include <stdio.h>
#include <string.h>

#include <cadre/plugin.h>

#include "readiness.h"

static const char *const strategic[] = {"strategic_planning", "decision_making",
                                        "financial_management", "stakeholder_management",
                                        "change_management"};
static const char *const tactical[] = {"execution", "process_management", "organization",
                                       "performance_metrics", "quality_management"};

/* The mean share of `need` reached over five skills (unrated count 0), and the mean level of
 * the rated ones (-1 when none is rated). */
static double skill_set(const cadre_candidate *c, const char *const *ids, double need,
                        double *average)
{
    double sum = 0, levels = 0;
    int rated = 0;

    for (int i = 0; i < 5; i++) {
        int have = readiness_skill_level(c, ids[i]);

        if (have < 0) continue;
        sum += have >= need ? 100 : have / need * 100;
        levels += have;
        rated++;
    }
    if (average) *average = rated ? levels / rated : -1;
    return sum / 5;
}

static double ramp(double x, double full)
{
    return x <= 0 ? 0 : x >= full ? 100 : x / full * 100;
}

typedef struct part {
    const char *id, *label;
    double weight, score;
    const char *advice;
} part;

/* The operations manager's parts (design choices on seeds 001 and 002); also the average
 * level of the strategic and the execution skills, for the orientation. */
static double ops_fit(const cadre_candidate *c, part *p, double *s_avg, double *t_avg)
{
    double depts = c->scope.departments.set ? c->scope.departments.value : 0;
    double people = c->scope.people_led.set ? c->scope.people_led.value : 0;
    double total = 0, w = 0;

    p[0] =
        (part){"operations_execution", "day-to-day execution", 30, skill_set(c, tactical, 3, t_avg),
               "Take over a stalled project and deliver it: weekly milestones, blockers "
               "removed in person, progress reported against the plan."};
    p[1] = (part){"operations_background", "operations background (full at 3 years)", 25,
                  ramp(c->experience.operations_years.value, 3),
                  "Take an operations management role first: COOs are often former operations "
                  "managers, and it is where the day-to-day craft is learned."};
    p[2] = (part){"management_experience", "management (full at 3 years)", 20,
                  ramp(c->experience.management_years.value, 3),
                  "Lead a team: an operations manager brings several years of management."};
    p[3] = (part){"runs_a_department", "runs a department or 10+ people", 15,
                  depts >= 1 || people >= 10 ? 100 : 0,
                  "Ask to run the operations of a team or a department, with its people, budget "
                  "and targets: it is the operations manager's job."};
    p[4] = (part){"strategic_orientation", "strategic skills at level 3", 10,
                  skill_set(c, strategic, 3, s_avg),
                  "Join your area's planning and budget cycle and own one part of it."};
    for (int i = 0; i < 5; i++)
        total += p[i].weight * p[i].score, w += p[i].weight;
    return total / w;
}

static int assess(void *state, const cadre_host *h, const cadre_candidate *c,
                  const cadre_params *params, cadre_builder *b)
{
    readiness r;
    part ops[5];
    double ops_score, s_avg, t_avg;
    const char *band, *orient;
    int ops_ready;
    char note[400] = "";

    (void)params;
    readiness_assess(&r, state, h, c, b); /* the COO fit: readiness's criteria and score */
    ops_score = ops_fit(c, ops, &s_avg, &t_avg);
    ops_score = (double)(long)(ops_score + 0.5);
    for (int i = 0; i < 5; i++)
        snprintf(note + strlen(note), sizeof(note) - strlen(note), "%s%s %.0f", i ? "; " : "",
                 ops[i].label, ops[i].score);
    /* An operations manager brings "several years of management" (002): 2 or more here
     * (design choice), or holds a manager's post already, besides a fit of 70. */
    ops_ready =
        ops_score >= 70 &&
        ((c->experience.management_years.set && c->experience.management_years.value >= 2) ||
         c->current_role.level >= CADRE_LEVEL_MANAGER);

    if (r.band == READINESS_UNKNOWN)
        band = "not enough information";
    else if (r.band == READY_NOW)
        band = "fits a COO role now";
    else if (r.band == READY_1_2)
        band = ops_ready ? "fits an operations manager role; COO within reach" : "COO within reach";
    else
        band = ops_ready ? "fits an operations manager role" : "not yet ready for either role";
    h->set_band(b, band);
    h->rank(b, "coo", "Chief Operating Officer", r.score, "the COO readiness score: %s",
            readiness_band_label(r.band));
    h->rank(b, "operations_manager", "Operations Manager", ops_score, "%s", note);

    orient = s_avg < 0 || t_avg < 0  ? "unknown"
             : s_avg - t_avg >= 0.75 ? "strategic"
             : t_avg - s_avg >= 0.75 ? "tactical"
                                     : "balanced";
    if (s_avg < 0 || t_avg < 0)
        h->detail(b, "orientation", "unknown (rate the strategic and execution skills to see it)");
    else
        h->detail(b, "orientation",
                  "%s (strategic skills average %.1f, day-to-day execution skills %.1f)", orient,
                  s_avg, t_avg);
    /* Said here, not in the summary, which the report's first block shows alone. */
    h->detail(b, "criteria", "the COO fit's, which are COO readiness's");

    if (r.band == READINESS_UNKNOWN) {
        h->finding(b, CADRE_FINDING_GAP, "Too little is known to compare the two roles.");
        h->recommend(b, "Add your management and operations years, the departments and people you "
                        "lead, and rate the strategic and execution skills; the full report "
                        "lists every missing input.");
    } else if (r.band == READY_NOW) {
        h->finding(b, CADRE_FINDING_STRENGTH, "You already work at COO scope: COO fit %.0f/100.",
                   r.score);
        if (ops[0].score < 60) { /* day-to-day execution */
            h->finding(b, CADRE_FINDING_RISK,
                       "Your day-to-day execution skills are below an operations manager's.");
            h->recommend(b, "Keep a strong operations manager beside you.");
        }
    } else {
        /* Not yet a COO: first what the operations-manager role still lacks, then the step to
         * COO that seed 001 describes. */
        int shown = 0;

        for (int k = 0; k < 2 && ops_score < 70; k++) {
            int worst = -1;
            double gain = 0;

            for (int i = 0; i < 5; i++) {
                double g = ops[i].weight * (100 - ops[i].score);

                if (ops[i].score < 70 && g > gain && !(shown & (1 << i))) worst = i, gain = g;
            }
            if (worst < 0) break;
            shown |= 1 << worst;
            h->finding(b, CADRE_FINDING_GAP,
                       "Your operations manager fit is held back by %s (%.0f/100).",
                       ops[worst].label, ops[worst].score);
            h->recommend(b, "%s", ops[worst].advice);
        }
        h->finding(b, CADRE_FINDING_GAP,
                   "COO readiness: %s (score %.0f); coo_readiness lists what holds it back.",
                   readiness_band_label(r.band), r.score);
        if (ops_ready)
            h->recommend(b, "Show operational impact beyond your own area, the step from "
                            "operations manager to COO (seed 001): lead an improvement that spans "
                            "several departments, measure it company-wide, and take part in the "
                            "decisions that set strategy.");
        else
            h->recommend(b, "Build the operations side first: COOs come from operations "
                            "management (seeds 000, 002); coo_readiness names the next step.");
        if (strcmp(orient, "tactical") == 0) {
            h->finding(b, CADRE_FINDING_GAP,
                       "Your profile is tactical (strategic skills average %.1f, execution "
                       "%.1f); a COO's work is mostly strategic.",
                       s_avg, t_avg);
            h->recommend(b, "Spend a share of each week on the longer view: the annual plan, the "
                            "budget, the organisation you will need in two years.");
        }
    }
    if (r.concerns && r.band != READINESS_UNKNOWN) {
        h->finding(b, CADRE_FINDING_RISK,
                   "%d figure%s in the profile %s hard to believe together (the warnings above); "
                   "both fits read the figures as given.",
                   r.concerns, r.concerns == 1 ? "" : "s", r.concerns == 1 ? "is" : "are");
        h->recommend(b, "Correct or explain each warning, then assess again.");
    }
    if (r.band == READINESS_UNKNOWN) {
        h->set_summary(b, "Too little is known to compare the two roles; the full report lists "
                          "what to add.");
        return 0;
    }
    h->set_summary(b,
                   "COO fit %.0f/100 (the COO readiness score), operations manager fit %.0f/100; "
                   "%s%s.",
                   r.score, ops_score,
                   strcmp(orient, "unknown") == 0 ? "your orientation is not yet known"
                                                  : "your profile is ",
                   strcmp(orient, "unknown") == 0 ? "" : orient);
    return 0;
}

static const cadre_plugin_info info = {
    sizeof(cadre_plugin_info),
    CADRE_PLUGIN_ABI_VERSION,
    "role_fit",
    "2.0.0",
    "COO or operations manager",
    "Which role fits the person now (the COO fit is the COO readiness score), whether their "
    "profile is strategic or tactical, and what would move them from operations manager to COO.",
    readiness_inputs,
    NULL,
    readiness_plugin_init,
    assess,
    readiness_plugin_fini,
};

CADRE_PLUGIN_DEFINE(info)
