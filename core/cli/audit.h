/* SPDX-License-Identifier: MIT */
/*
 * core/cli/audit.h - a bias audit of batch results (docs/audit.md, "Bias audit"): per group
 * and intersection, the scoring and selection rates, impact ratios against the best group,
 * the four-fifths flag, and the criteria behind each low ratio.
 */
#ifndef CADRE_CLI_AUDIT_H
#define CADRE_CLI_AUDIT_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "csv.h"

#define AUDIT_MAX_RULES 16

/* How an assessment selects: its bands (comma-separated) or a score threshold. */
typedef struct audit_rule {
    char assessment[80];
    const char *bands; /* NULL when threshold is used */
    double threshold;
} audit_rule;

typedef struct audit_opts {
    audit_rule rules[AUDIT_MAX_RULES];
    int nrules;
    double min_share; /* groups below this share of the sample are not judged (LL144: 2%) */
} audit_opts;

typedef struct audit audit;

/* An audit being fed: groups from `groups` (a header row "id,CATEGORY,..." then one row per
 * candidate). Returns NULL with why filled when the groups file is not usable. */
audit *audit_new(const audit_opts *o, const csv *groups, char *why, size_t size);
/* One line of batch output (its text and line number). Lines that are not JSON or not a
 * record are counted and named, never dropped silently. */
void audit_add(audit *a, const char *line, size_t len, long lineno);
/* The result document (format cadre-audit; caller frees), and frees the audit. */
cJSON *audit_finish(audit *a, const char *results_name, const char *groups_name);

#endif
