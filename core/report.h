/* SPDX-License-Identifier: MIT */
/*
 * core/report.h - the report object, shared by run.c (which fills it) and the renderers.
 */
#ifndef CADRE_REPORT_H
#define CADRE_REPORT_H

#include "internal.h"

struct cadre_report {
    cadre__arena arena; /* every string and array below */
    const char *candidate_id;
    const char *candidate_name;
    const char *candidate_source;
    cadre_diag *warnings;
    size_t warning_count;
    cadre_result *results;
    size_t count;
};

#endif
