/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/plausible.h - figures in a profile that are hard to believe together (a P&L
 * with no budget, executive rank from the first year of work, ...). One list, used by the
 * loader (as warnings: `cadre validate` and every report show them) and offered to plugins
 * through the host table (cadre_host.implausible), so the assessments and the warnings cannot
 * disagree about what is implausible.
 */
#ifndef CADRE_PLAUSIBLE_H
#define CADRE_PLAUSIBLE_H

#include <stddef.h>

#include <cadre/candidate.h>

/* The i-th concern about c (0-based, in a fixed order): sets *field to the candidate field it
 * is about (static storage) and writes the message into buf. Returns 1, or 0 when c has fewer
 * than i + 1 concerns. A pure function of c. */
int cadre__implausible(const cadre_candidate *c, size_t i, const char **field, char *buf,
                       size_t len);

#endif
