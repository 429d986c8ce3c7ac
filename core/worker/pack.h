/* SPDX-License-Identifier: MIT */
/*
 * core/worker/pack.h - a candidate as a compact binary frame, for worker processes.
 *
 * The engine sends a worker the candidate it already parsed, as the struct's values walked
 * through the schema tables (candidate/schema.h), and the worker rebuilds the struct from
 * them: no JSON is written or parsed again, and nothing is validated twice. Reading it back
 * checks every bound all the same (wire.h), and what it gives is the struct the engine had,
 * field for field, so a plugin's report does not depend on the process it ran in.
 */
#ifndef CADRE_PACK_H
#define CADRE_PACK_H

#include "internal.h"
#include "cadre/candidate.h"
#include "worker/wire.h"

/* Appends candidate c (everything a plugin can read of it but its source) to b. */
void cadre__pack_candidate(cadre__buf *b, const cadre_candidate *c);

/* Rebuilds into *c (zeroed first; struct_size and version of this library; priv NULL, as a
 * candidate built by hand) from the rest of the frame at w, allocating its arrays in A; its
 * strings point into the frame, which must outlive it. source is set to `source`. Returns 0,
 * or -1 when the frame is malformed (w->bad). */
int cadre__unpack_candidate(cadre_candidate *c, cadre__arena *A, cadre__wire *w,
                            const char *source);

#endif
