/* SPDX-License-Identifier: MIT */
/*
 * core/cli/resume.h - a JSON Resume document (jsonresume.org, schema 1.x) read into a draft
 * candidate profile for `cadre import`, with an account of each value it inferred, of what it
 * could not tell, and of what it left out.
 *
 * Nothing is guessed silently: every value the draft holds has a line saying where it came
 * from, so the person can confirm it. Fields the candidate model has no place for are not
 * carried, demographic ones above all (docs/candidate.md says why the model has none).
 */
#ifndef CADRE_CLI_RESUME_H
#define CADRE_CLI_RESUME_H

#include <stddef.h>

struct cJSON;

/* A list of lines (owned strings). */
typedef struct resume_lines {
    char **items;
    size_t count, cap;
} resume_lines;

typedef struct resume_result {
    struct cJSON *profile; /* the draft profile; NULL when the résumé was refused */
    resume_lines inferred; /* "experience.total_years = 19: ..." */
    resume_lines unsure;   /* what could not be told, with what to do */
    resume_lines dropped;  /* fields not carried into the profile */
    resume_lines problems; /* why the résumé was refused (field path: cause) */
} resume_result;

/* Reads a JSON Resume document of len bytes. as_of is the date ongoing positions run to, as a
 * month count (year * 12 + month - 1). Returns 0 with out->profile set, or -1 with
 * out->problems saying what is wrong; either way the caller frees out (resume_result_free). */
int resume_import(resume_result *out, const char *text, size_t len, int as_of);

void resume_result_free(resume_result *r);

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (JSON Resume's iso8601) as a month count; `end` takes a
 * bare year to its December. Returns -1 for anything else, or an impossible date. */
int resume_month(const char *s, int end);

#endif
