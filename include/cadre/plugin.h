/* SPDX-License-Identifier: MIT */
/*
 * cadre/plugin.h - the whole ABI between cadre and a native (shared-object) plugin.
 *
 * A plugin is a shared object that exports one symbol, cadre_plugin_entry (CADRE_PLUGIN_ENTRY).
 * It links nothing of libcadre: everything the engine offers arrives in a cadre_host function
 * table, and everything the plugin offers leaves in a cadre_plugin_info descriptor.
 *
 * Rules that keep old plugins loading (docs/plugins.md explains them):
 *  - CADRE_PLUGIN_ABI_VERSION changes only when an existing field changes meaning or place;
 *    the engine refuses a plugin whose abi_version differs from its own, naming both.
 *  - cadre_host, cadre_plugin_info and cadre_param_spec begin with struct_size and only grow at
 *    the end. The engine reads a plugin's struct only up to its struct_size; a plugin must check
 *    CADRE_HOST_HAS() before calling a host function added after the version it was built for.
 *  - The candidate (cadre/candidate.h) is read-only and follows the same append-only rule.
 */
#ifndef CADRE_PLUGIN_H
#define CADRE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#include "candidate.h"
#include "result.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The plugin ABI this header describes. Version 2 (cadre 0.2.0): the candidate's lists became
 *  cadre_list, read with CADRE_ITEM (cadre/list.h); version 1 plugins are refused with both
 *  versions named. */
#define CADRE_PLUGIN_ABI_VERSION 2

/** Name of the one symbol a native plugin exports. */
#define CADRE_PLUGIN_ENTRY "cadre_plugin_entry"

#if defined(__GNUC__)
#define CADRE_PLUGIN_EXPORT __attribute__((visibility("default")))
#define CADRE__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CADRE_PLUGIN_EXPORT
#define CADRE__PRINTF(f, a)
#endif

/** Opaque: the result under construction during one assess() call. */
typedef struct cadre_builder cadre_builder;
/** Opaque: the plugin's parameters for this run, validated and with defaults applied. */
typedef struct cadre_params cadre_params;

typedef enum cadre_param_type {
    CADRE_PARAM_STRING = 0,
    CADRE_PARAM_NUMBER = 1,
    CADRE_PARAM_INTEGER = 2,
    CADRE_PARAM_BOOLEAN = 3,
    CADRE_PARAM_CHOICE = 4 /* one of `choices`, a "|"-separated list */
} cadre_param_type;

/** A parameter the plugin accepts (`cadre assess --set plugin.key=value`). */
typedef struct cadre_param_spec {
    uint32_t struct_size; /* sizeof(cadre_param_spec) */
    const char *key;      /* [a-z][a-z0-9_]* */
    cadre_param_type type;
    const char *default_value; /* as text, or NULL for "no default" */
    const char *choices;       /* CADRE_PARAM_CHOICE only */
    const char *description;   /* one line, shown by `cadre list -v` */
} cadre_param_spec;

/**
 * Services the engine offers a plugin. Valid for the duration of the call it is passed to.
 * Functions that take a format string use printf conventions. Every function returns 0, or a
 * negative CADRE_E* status (for instance when memory runs out); on failure the result becomes
 * an error result, so plugins may ignore the return value.
 */
typedef struct cadre_host {
    uint32_t struct_size;       /* sizeof(cadre_host) in the engine */
    uint32_t abi_version;       /* CADRE_PLUGIN_ABI_VERSION of the engine */
    const char *engine_version; /* e.g. "0.2.0" */

    /* Every function below is in ABI 1 and later (cadre 0.1.0). A function added later says
     * "Added in cadre X, ABI N" and must be checked with CADRE_HOST_HAS before it is called. */

    /* Add a criterion: relative weight > 0, score 0..100, and the evidence behind the score. */
    int (*criterion)(cadre_builder *b, const char *id, const char *label, double weight,
                     double score, const char *evidence_fmt, ...) CADRE__PRINTF(6, 7);
    /* Record a candidate field (e.g. "scope.budget_usd") that was needed but absent.
     * criterion_id names the criterion that lacked it, or is NULL for the whole assessment. */
    int (*missing)(cadre_builder *b, const char *criterion_id, const char *field);
    /* Add a strength, gap or risk. */
    int (*finding)(cadre_builder *b, cadre_finding_kind kind, const char *text_fmt, ...)
        CADRE__PRINTF(3, 4);
    /* Attach a recommendation to the finding added last. */
    int (*recommend)(cadre_builder *b, const char *fmt, ...) CADRE__PRINTF(2, 3);
    /* Add a ranking entry; the engine sorts the ranking by score, best first, stable. */
    int (*rank)(cadre_builder *b, const char *id, const char *label, double score,
                const char *note_fmt, ...) CADRE__PRINTF(5, 6);
    /* Record a derived fact, e.g. detail(b, "career_level", "mid"). */
    int (*detail)(cadre_builder *b, const char *key, const char *value_fmt, ...)
        CADRE__PRINTF(3, 4);
    /* Override the overall score (default: weighted mean of the criteria). */
    int (*set_score)(cadre_builder *b, double score);
    /* Set the band, e.g. "ready now". Required for an ok result. */
    int (*set_band)(cadre_builder *b, const char *band);
    /* Set the one-line summary. */
    int (*set_summary)(cadre_builder *b, const char *fmt, ...) CADRE__PRINTF(2, 3);
    /* Turn this result into an error result with the given message. */
    int (*fail)(cadre_builder *b, const char *fmt, ...) CADRE__PRINTF(2, 3);

    /* The parameter's value as text after defaults, or NULL when unset with no default. */
    const char *(*param)(const cadre_params *p, const char *key);
    /* The parameter as a number (NUMBER, INTEGER, BOOLEAN as 0/1); `fallback` when unset. */
    double (*param_number)(const cadre_params *p, const char *key, double fallback);

    /* A vocabulary entry's label ("skill", "industry", "certification", "tool", "field",
     * "function"), or NULL for an unknown id. Static storage. */
    const char *(*vocab_label)(const char *vocabulary, const char *id);
    /* The entry's extra column (a skill's O*NET element id, a tool's category, ...; see
     * cadre_vocab_entry in cadre.h), or NULL for an unknown id or no value. Static storage. */
    const char *(*vocab_extra)(const char *vocabulary, const char *id);

    /* Added in cadre 0.2.0, ABI 2. The i-th plausibility concern about `c` (0-based, fixed
     * order; docs/candidate.md lists them): sets *field to the candidate field it is about
     * (static storage) and writes the message into buf (truncated to len). Returns 1, or 0 when
     * there are fewer than i + 1 concerns. The same list as the input warnings of the report,
     * so a plugin can hold back a verdict on figures that are hard to believe together. */
    int (*implausible)(const cadre_candidate *c, size_t i, const char **field, char *buf,
                       size_t len);
    /* Added in cadre 0.2.0, ABI 2. Multiplies the result's confidence by factor (0 < factor
     * <= 1) for a reason the person can read, e.g. discount(b, 0.85, "no evidence for %d
     * self-ratings of 4 or 5", n): self-reported or implausible input is less certain than
     * missing input alone says. The reasons and the arithmetic become the "confidence"
     * detail. */
    int (*discount)(cadre_builder *b, double factor, const char *why_fmt, ...) CADRE__PRINTF(3, 4);
} cadre_host;

/** True when the engine's host table contains `field` (a function added in a later version). */
#define CADRE_HOST_HAS(host, field)                                                                \
    ((host)->struct_size >= offsetof(cadre_host, field) + sizeof((host)->field))

/**
 * What a plugin is. Returned by the entry point; must stay valid until fini() returns (a static
 * const object is the usual choice).
 */
typedef struct cadre_plugin_info {
    uint32_t struct_size;                  /* sizeof(cadre_plugin_info) the plugin was built with */
    uint32_t abi_version;                  /* CADRE_PLUGIN_ABI_VERSION the plugin was built with */
    const char *name;                      /* unique, [a-z][a-z0-9_]*, at most 64 bytes */
    const char *version;                   /* the plugin's own version, e.g. "1.2.0" */
    const char *title;                     /* e.g. "COO readiness" */
    const char *description;               /* one or two sentences */
    const char *const *inputs;             /* NULL-terminated candidate fields it reads, or NULL */
    const cadre_param_spec *const *params; /* NULL-terminated, or NULL */

    /* Optional. Called once after loading. Return 0, or nonzero with a message in errbuf to
     * refuse loading (the engine then unloads the plugin and reports the message). */
    int (*init)(void **state, const cadre_host *host, char *errbuf, size_t errlen);
    /* Required. Assess one candidate; build the result through `host` into `b`. Return 0, or
     * nonzero for an error result (a fail() message, if any, says why). May be called many
     * times; must not keep pointers into `c` after returning. */
    int (*assess)(void *state, const cadre_host *host, const cadre_candidate *c,
                  const cadre_params *params, cadre_builder *b);
    /* Optional. Called once before unloading, with the state init() produced. */
    void (*fini)(void *state);
} cadre_plugin_info;

/** The entry point's type. It receives the engine's ABI version and returns the descriptor, or
 *  NULL to refuse (for instance when it needs a newer engine). */
typedef const cadre_plugin_info *(*cadre_plugin_entry_fn)(uint32_t host_abi_version);

/** Defines the entry point of a plugin whose descriptor is the object `info`. */
#define CADRE_PLUGIN_DEFINE(info)                                                                  \
    CADRE_PLUGIN_EXPORT const cadre_plugin_info *cadre_plugin_entry(uint32_t host_abi_version);    \
    const cadre_plugin_info *cadre_plugin_entry(uint32_t host_abi_version)                         \
    {                                                                                              \
        (void)host_abi_version;                                                                    \
        return &(info);                                                                            \
    }

#ifdef __cplusplus
}
#endif

#endif
