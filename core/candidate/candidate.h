/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/candidate.h - what the rest of libcadre uses of the candidate model besides
 * the public API (cadre.h): its JSON form, for worker processes.
 */
#ifndef CADRE_CANDIDATE_INTERNAL_H
#define CADRE_CANDIDATE_INTERNAL_H

#include <stddef.h>

#include "cadre/candidate.h"

/* The JSON a candidate was parsed from (parse.c), or NULL for one built by hand; *len bytes,
 * borrowed from the candidate. */
const char *cadre__candidate_text(const cadre_candidate *c, size_t *len);

/* The candidate as compact JSON the loader accepts (write.c), walking the same schema tables
 * the loader parses with, so that parse(serialise(c)) gives c back. malloc'd; NULL on OOM. */
char *cadre__candidate_to_json(const cadre_candidate *c);

/* The JSON to send a worker: the text it was parsed from, or else the serialised struct.
 * malloc'd, NUL-terminated, *len bytes before the NUL; NULL on OOM. */
char *cadre__candidate_json(const cadre_candidate *c, size_t *len);

#endif
