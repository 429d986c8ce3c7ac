/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/candidate.h - what the rest of libcadre uses of the candidate model besides
 * the public API (cadre.h): its JSON form.
 */
#ifndef CADRE_CANDIDATE_INTERNAL_H
#define CADRE_CANDIDATE_INTERNAL_H

#include <stddef.h>

#include "cadre/candidate.h"

/* The candidate as compact JSON the loader accepts (write.c), walking the same schema tables
 * the loader parses with, so that parse(serialise(c)) gives c back. malloc'd; NULL on OOM. */
char *cadre__candidate_to_json(const cadre_candidate *c);

#endif
