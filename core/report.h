/* SPDX-License-Identifier: MIT */
/*
 * core/report.h - the report object, shared by run.c (which fills it) and the renderers.
 */
#ifndef CADRE_REPORT_H
#define CADRE_REPORT_H

#include "internal.h"

/* A next step: finding `finding` (a gap with a recommendation) of result `result`. */
typedef struct cadre__step {
    size_t result, finding;
} cadre__step;

#define CADRE__MAX_STEPS 3

/* The parameters a plugin ran with: its every declared key, with the value set or the
 * default (NULL when it has none). */
typedef struct cadre__params {
    size_t n;
    const char **keys, **values;
} cadre__params;

struct cadre_report {
    cadre__arena arena; /* every string and array below */
    const char *candidate_id;
    const char *candidate_name;
    const char *candidate_source;
    char candidate_sha256[65]; /* of the candidate's canonical JSON (cadre_candidate_to_json) */
    char fingerprint[65];      /* the engine's (cadre_engine_fingerprint) when it assessed */
    cadre__params *params;     /* one per result, when the report was made by an engine */
    /* The limits in force (run.c), for a decision record: Lua CPU ms and memory, and the
     * native deadline; set with params. */
    uint32_t lua_time_ms, native_time_ms;
    size_t lua_memory;
    cadre_diag *warnings;
    size_t warning_count;
    cadre_result *results;
    size_t count;
    cadre__step steps[CADRE__MAX_STEPS]; /* steps.c, once the results are in */
    size_t nsteps;
    cadre_whatif *whatifs; /* whatif.c, when cadre_report_explore ran; in the arena */
    size_t nwhatifs, capwhatifs;
    int explored;
};

/* steps.c: the report's next steps, and whether two recommendations are the same advice. */
void cadre__report_steps(cadre_report *r);
int cadre__same_advice(const char *a, const char *b);

#endif
