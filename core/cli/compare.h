/* SPDX-License-Identifier: MIT */
/*
 * core/cli/compare.h - progress between two profiles of one person: what changed in the
 * profile and how each verdict moved, as one JSON document (docs/cli.md, "cadre compare").
 */
#ifndef CADRE_CLI_COMPARE_H
#define CADRE_CLI_COMPARE_H

#include <cjson/cJSON.h>

/* The comparison of two profiles (their JSON, as written) and their reports (cadre's JSON
 * report of each, one candidate). Returns a new tree owned by the caller, NULL when out of
 * memory. Neither input is changed. */
cJSON *compare_profiles(const cJSON *old_profile, const cJSON *new_profile, const cJSON *old_report,
                        const cJSON *new_report, const char *old_source, const char *new_source);

#endif
