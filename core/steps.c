/* SPDX-License-Identifier: MIT */
/*
 * core/steps.c - a report's next steps: up to three recommendations across its assessments,
 * the same advice only once (docs/report.md, "Next steps"). Chosen once, when the report is
 * made, so that every renderer and every embedder shows the same three.
 */
#include <math.h>
#include <string.h>

#include "report.h"

int cadre__same_advice(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), n = na < nb ? na : nb;

    /* One beginning with the other: skills_gap adds where to learn the method to the action
     * coo_readiness gives for the same skill. Short texts must match whole. */
    return strncmp(a, b, n) == 0 && (na == nb || n >= 24);
}

static int tens(double score)
{
    return (int)floor(score / 10);
}

static int taken(const cadre_report *r, const char *advice)
{
    for (size_t i = 0; i < r->nsteps; i++) {
        const cadre_result *res = &r->results[r->steps[i].result];

        if (cadre__same_advice(
                CADRE_ITEM(cadre_finding, res->findings, r->steps[i].finding)->recommendation,
                advice))
            return 1;
    }
    return 0;
}

/* A design choice: each assessment's gaps in the order it gives them (its own priority), one
 * assessment at a time, the lowest score first (scores in the same tens count as equal and
 * keep the report's order). */
void cadre__report_steps(cadre_report *r)
{
    size_t order[64], pos[64], n = 0;

    r->nsteps = 0;
    for (size_t i = 0; i < r->count && n < 64; i++)
        if (r->results[i].status == CADRE_STATUS_OK) order[n] = i, pos[n++] = 0;
    for (size_t i = 1; i < n; i++) /* stable: equal tens keep the report's order */
        for (size_t k = i;
             k > 0 && tens(r->results[order[k]].score) < tens(r->results[order[k - 1]].score);
             k--) {
            size_t t = order[k];

            order[k] = order[k - 1], order[k - 1] = t;
        }
    for (int progress = 1; r->nsteps < CADRE__MAX_STEPS && progress;) {
        progress = 0;
        for (size_t j = 0; j < n && r->nsteps < CADRE__MAX_STEPS; j++) {
            const cadre_result *res = &r->results[order[j]];

            while (pos[j] < res->findings.count) {
                size_t f = pos[j]++;
                const cadre_finding *x = CADRE_ITEM(cadre_finding, res->findings, f);

                if (x->kind != CADRE_FINDING_GAP || x->recommendation == NULL ||
                    taken(r, x->recommendation))
                    continue;
                r->steps[r->nsteps++] = (cadre__step){order[j], f};
                progress = 1;
                break;
            }
        }
    }
}

size_t cadre_report_step_count(const cadre_report *r)
{
    return r ? r->nsteps : 0;
}

const cadre_finding *cadre_report_step(const cadre_report *r, size_t i, const char **plugin)
{
    const cadre_result *res;

    if (r == NULL || i >= r->nsteps) return NULL;
    res = &r->results[r->steps[i].result];
    if (plugin) *plugin = res->plugin;
    return CADRE_ITEM(cadre_finding, res->findings, r->steps[i].finding);
}
