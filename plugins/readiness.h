/* SPDX-License-Identifier: MIT */
/*
 * plugins/readiness.h - COO readiness, defined once. Compiled into both coo_readiness.so and
 * role_fit.so, so the readiness score, its band (the timeline), the career level and the role
 * verdict derived from them cannot disagree (issue 10, "one story"). docs/assessments.md has
 * every weight and threshold with its source, or says it is a design choice.
 */
#ifndef CADRE_PLUGIN_READINESS_H
#define CADRE_PLUGIN_READINESS_H

#include <stddef.h>

#include <cadre/plugin.h>

#include "advice.h"

#define READINESS_MAX_CORE 16
#define READINESS_MAX_TEXT 600

/* The bands, best first. READINESS_UNKNOWN: too many inputs missing to judge. */
enum { READY_NOW, READY_1_2, READY_3_5, READY_BUILD, READINESS_UNKNOWN };

/* Career levels of seed 003, highest first. */
enum { LEVEL_SENIOR, LEVEL_MID, LEVEL_ENTRY, LEVEL_BELOW };

/* What held the band back (the earliest band the facts allow, beyond the score). */
enum { CAP_NONE, CAP_MANAGEMENT, CAP_OPERATIONS, CAP_PLAUSIBILITY, CAP_SCOPE };

typedef struct readiness_skill {
    const char *id;
    double importance, need;
    char source[160];
    const advice_entry *dev; /* its development advice (data/development.json), or NULL */
} readiness_skill;

typedef struct readiness_model {
    readiness_skill core[READINESS_MAX_CORE];
    int ncore;
    advice_book advice; /* data/development.json; the core skills point into it */
} readiness_model;

typedef struct readiness {
    double score;            /* 0..100, a whole number: bands are judged on the number shown */
    int band;                /* READY_* or READINESS_UNKNOWN */
    int score_band;          /* the band the score alone reaches */
    int cap;                 /* the earliest band the facts allow */
    int cap_reason;          /* CAP_* */
    int level;               /* LEVEL_*, never above what the band allows */
    char level_markers[400]; /* the markers met at `level` */
    int nmarkers;
    int concerns;       /* plausibility concerns (cadre_host.implausible) */
    int coo_title;      /* the title is one the sources treat as a COO equivalent */
    const char *origin; /* a named transition path ("finance executive", ...), or NULL */
} readiness;

#define READINESS_MGMT_FULL  10.0 /* seed 003: "10+ years in management roles" */
#define READINESS_HOURS_FULL 50.0 /* seed 003: 50-60 hours a week */

/* Reads data/roles/coo.json, data/development.json and the O*NET files next to the plugin.
 * Returns 0, or -1 with a message in err. */
int readiness_model_load(readiness_model *m, const cadre_host *h, char *err, size_t errlen);

/* The init and fini of a plugin built on the model (cadre_plugin_info): the state is a loaded
 * readiness_model, owned by the engine until fini. */
int readiness_plugin_init(void **state, const cadre_host *h, char *err, size_t errlen);
void readiness_plugin_fini(void *state);

/* The candidate fields readiness reads (NULL-terminated), for cadre_plugin_info.inputs. */
extern const char *const readiness_inputs[];

/* Scores c, adding the readiness criteria to b (with the fields each lacked); fills *out. */
void readiness_assess(readiness *out, const readiness_model *m, const cadre_host *h,
                      const cadre_candidate *c, cadre_builder *b);

/* "ready now", ..., "not enough information". */
const char *readiness_band_label(int band);
/* The lowest score of band `band` (0 = ready now); the caps may hold a person below it. */
double readiness_band_min(int band);
/* "a senior COO", ..., NULL for LEVEL_BELOW. */
const char *readiness_level_label(int level);
/* The level the band allows at most: ready now any, 1-2 years mid-level, 3-5 years
 * entry-level, otherwise none. */
int readiness_level_allowed(int band);

/* The development action of skill k that suits c (advice_action), or a general one when
 * data/development.json has none for it. */
const char *readiness_advice(const readiness_skill *k, const cadre_candidate *c);

/* A field of the candidate's `background` (added in candidate version 3), or 0 (unset) when
 * the engine that built the candidate is older. */
#define READINESS_BG(c, field) (CADRE_CANDIDATE_HAS(c, background) ? (c)->background.field : 0)

/* "year" or "years", for "%g %s": one year is singular, as cadre.years writes it. */
const char *readiness_years_word(double n);

/* The widest reach (cadre_reach) of the person's achievements, 0 without any. */
int readiness_best_reach(const cadre_candidate *c);

/* The person's self-rated level of a skill, or -1. */
int readiness_skill_level(const cadre_candidate *c, const char *id);

#endif
