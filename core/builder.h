/* SPDX-License-Identifier: MIT */
/*
 * core/builder.h - building one cadre_result, for native plugins (through the cadre_host table)
 * and Lua rubrics (through the bridge) alike, so both produce exactly the same shape.
 */
#ifndef CADRE_RESULT_INTERNAL_H
#define CADRE_RESULT_INTERNAL_H

#include "internal.h"

#define CADRE__MAX_TEXT         4000 /* bytes in one evidence, finding or note */
#define CADRE__MAX_ENTRIES      1000 /* criteria, findings, ranks or details in one result */
/* Bytes of text one result may hold in all, counting every string a plugin hands over
 * (replaced details too), so that what a plugin makes the engine keep is bounded whatever its
 * own memory cap. A design choice: the largest built-in result holds about 25 KB. */
#define CADRE__MAX_RESULT_BYTES (1u << 20)
/* The band of a declarative rubric when too much of the weight rests on missing inputs. */
#define CADRE__BAND_UNKNOWN     "not enough information"

/* A resolved parameter: the plugin's spec plus the text value in effect (NULL if none). */
typedef struct cadre__param {
    const cadre_param_spec *spec;
    const char *value;
} cadre__param;

struct cadre_params {
    const cadre__param *items;
    size_t count;
};

const char *cadre__params_get(const cadre_params *p, const char *key);
double cadre__params_number(const cadre_params *p, const char *key, double fallback);

/* Builder lifecycle: strings are copied into `arena`, which the finished result points into. */
cadre_builder *cadre__builder_new(cadre__arena *arena);
void cadre__builder_free(cadre_builder *b);

/* The same operations the host table offers, callable with plain strings. */
int cadre__builder_criterion(cadre_builder *b, const char *id, const char *label, double weight,
                             double score, const char *evidence);
int cadre__builder_missing(cadre_builder *b, const char *criterion_id, const char *field);
int cadre__builder_finding(cadre_builder *b, cadre_finding_kind kind, const char *text,
                           const char *recommendation);
int cadre__builder_rank(cadre_builder *b, const char *id, const char *label, double score,
                        const char *note);
/* Attaches a recommendation to the finding added last. */
int cadre__builder_recommend(cadre_builder *b, const char *rec);
int cadre__builder_detail(cadre_builder *b, const char *key, const char *value);
int cadre__builder_set_score(cadre_builder *b, double score);
int cadre__builder_set_band(cadre_builder *b, const char *band);
int cadre__builder_set_summary(cadre_builder *b, const char *summary);
/* Multiplies the confidence by factor (0 < factor <= 1) for a reason the person can read, e.g.
 * "no evidence for 6 self-ratings of 4 or 5". The reasons and the arithmetic are written into
 * the "confidence" detail when the result is finished. */
int cadre__builder_discount(cadre_builder *b, double factor, const char *why);
/* The product of the discounts so far (1 without any), and their reasons ("" without any). */
double cadre__builder_discount_factor(const cadre_builder *b);
const char *cadre__builder_discount_note(const cadre_builder *b);
/* Sets the finished confidence as another builder produced it (a worker's result, whose
 * discounts travel as that number and the "confidence" detail). */
int cadre__builder_restore_confidence(cadre_builder *b, double confidence);
int cadre__builder_fail(cadre_builder *b, int code, const char *file, int line,
                        const char *message);
int cadre__builder_failed(const cadre_builder *b);
/* The first failure's message, or NULL. */
const char *cadre__builder_fail_message(const cadre_builder *b);
/* Attaches a file and line to a failure that has none yet. */
void cadre__builder_locate(cadre_builder *b, const char *file, int line);
/* Criterion i added so far (its missing list is not filled in yet), or NULL. */
const cadre_criterion *cadre__builder_criterion_at(const cadre_builder *b, size_t i);
/* Share of the criteria's weight whose inputs were all present, 0..1 (1 with no criteria),
 * times the discounts. */
double cadre__builder_confidence(const cadre_builder *b);
/* The weighted mean of the criteria so far; 0 (and returns -1) when there are none. */
int cadre__builder_score(const cadre_builder *b, double *score);
size_t cadre__builder_criteria_count(const cadre_builder *b);

/* Completes `out` (whose plugin metadata the caller has filled). A result without criteria or
 * band, or with an invalid value, becomes an error result that says so. */
void cadre__builder_finish(cadre_builder *b, cadre_result *out);

/* The table handed to native plugins (host.c). It accepts only the builder and parameters of
 * the assess() call between enter() and leave() on the calling thread. */
const cadre_host *cadre__host(void);
void cadre__host_enter(cadre_builder *b, const cadre_params *params);
void cadre__host_leave(void);

#endif
