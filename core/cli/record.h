/* SPDX-License-Identifier: MIT */
/*
 * core/cli/record.h - decision records (docs/audit.md): one file per assessed candidate with
 * its input, its report and everything needed to replay it, written so that none is lost or
 * changed: a temporary file, synced, then linked into place under a name no other record has.
 */
#ifndef CADRE_CLI_RECORD_H
#define CADRE_CLI_RECORD_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "cadre/cadre.h"

#define RECORD_MAX_MASK 16

typedef struct record_opts {
    const char *dir;                   /* where records go; NULL: none */
    const char *mask[RECORD_MAX_MASK]; /* candidate fields replaced by "(masked)" */
    int nmask;
    const char *const *names; /* the assessments run (-a), or NULL for all */
    unsigned long lua_time_ms, lua_memory_mb, native_ms; /* 0: the default */
    const char *isolation;
} record_opts;

/* Writes the record of candidate c and its report r (made by engine e). Thread-safe: nothing
 * is shared. Returns 0, or -1 with the reason in why. */
int record_write(const record_opts *o, const cadre_engine *e, const cadre_candidate *c,
                 const cadre_report *r, char *why, size_t size);

/* The record's parts, for cadre verify: the plugins and parameters as a JSON object. Returns
 * a new tree (caller frees). */
cJSON *record_engine_json(const cadre_engine *e);

#endif
