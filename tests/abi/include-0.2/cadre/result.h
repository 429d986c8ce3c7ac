/* SPDX-License-Identifier: MIT */
/* tests/abi/include-0.2/cadre/result.h: a frozen copy of this header as cadre 0.2.0 (plugin ABI 2)
 * shipped it. Never edit it: tests/abi/plugin_0_2.c is built against it, and test_abi checks
 * that the engine of today still loads and runs that plugin (docs/plugins.md, "The ABI
 * rules"). */
/*
 * cadre/result.h - what one assessment says about one candidate.
 *
 * Every plugin, native or Lua, produces this same shape; embedders read it through
 * cadre_report_result() (cadre.h). All structs here are read-only views owned by the report
 * that contains them, and like the candidate they only grow at the end: cadre_result through
 * its struct_size, the records of its lists (criteria, findings, ranking, details) through the
 * lists' item_size, read with CADRE_ITEM (cadre/list.h).
 */
#ifndef CADRE_RESULT_H
#define CADRE_RESULT_H

#include <stddef.h>
#include <stdint.h>

#include "list.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cadre_status {
    CADRE_STATUS_OK = 0,   /* the assessment ran; score and band are meaningful */
    CADRE_STATUS_ERROR = 1 /* the plugin failed; see cadre_result.error */
} cadre_status;

/** What a plugin is made of. Added in 0.2.0 (before, a string "native" or "lua"). */
typedef enum cadre_plugin_kind {
    CADRE_PLUGIN_NATIVE = 1, /* a shared object (cadre/plugin.h) */
    CADRE_PLUGIN_LUA = 2     /* a Lua rubric */
} cadre_plugin_kind;

typedef enum cadre_finding_kind {
    CADRE_FINDING_STRENGTH = 0,
    CADRE_FINDING_GAP = 1,
    CADRE_FINDING_RISK = 2
} cadre_finding_kind;

/** One weighted criterion: how it scored and why. CADRE_ITEM(cadre_criterion, r->criteria, i). */
typedef struct cadre_criterion {
    const char *id;
    const char *label;
    double weight;              /* relative weight, > 0; shares are weight / sum of weights */
    double score;               /* 0..100 */
    const char *evidence;       /* why this score, in the person's own facts; never NULL */
    const char *const *missing; /* candidate fields this criterion wanted but did not get */
    size_t missing_count;
} cadre_criterion;

/** A strength, gap or risk, with what to do about it. CADRE_ITEM(cadre_finding, r->findings, i). */
typedef struct cadre_finding {
    cadre_finding_kind kind;
    const char *text;           /* never NULL */
    const char *recommendation; /* NULL for most strengths */
} cadre_finding;

/** One entry of a ranking (industries by fit, roles by fit, ...), best first.
 *  CADRE_ITEM(cadre_rank, r->ranking, i). */
typedef struct cadre_rank {
    const char *id;
    const char *label;
    double score;     /* 0..100 */
    const char *note; /* may be NULL */
} cadre_rank;

/** A named fact the assessment derived, e.g. "career_level" = "mid".
 *  CADRE_ITEM(cadre_detail, r->details, i). */
typedef struct cadre_detail {
    const char *key;
    const char *value;
} cadre_detail;

/** The result of one assessment of one candidate. */
typedef struct cadre_result {
    uint32_t struct_size;

    const char *plugin;  /* plugin name */
    const char *title;   /* human title of the assessment */
    const char *version; /* plugin version */
    cadre_plugin_kind kind;
    const char *source;        /* file name of the plugin (no directory) */
    const char *source_sha256; /* hex SHA-256 of the plugin file */

    cadre_status status;
    double score;        /* 0..100, rounded to one decimal; 0 when status is ERROR */
    const char *band;    /* e.g. "ready in 1-2 years"; NULL when status is ERROR */
    const char *summary; /* one line for a person; may be NULL */
    double confidence;   /* 0..1: share of the weight whose inputs were all present */

    cadre_list criteria;        /* of cadre_criterion */
    cadre_list findings;        /* of cadre_finding */
    const char *const *missing; /* every candidate field the assessment lacked, sorted */
    size_t missing_count;
    cadre_list ranking; /* of cadre_rank */
    cadre_list details; /* of cadre_detail */

    /* When status is ERROR: what failed and where (plugin file and line when known). */
    struct {
        int code; /* negative CADRE_E* code */
        const char *message;
        const char *file;
        int line;
    } error;
} cadre_result;

#ifdef __cplusplus
}
#endif

#endif
