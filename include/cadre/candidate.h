/* SPDX-License-Identifier: MIT */
/*
 * cadre/candidate.h - the candidate every assessment reads.
 *
 * One struct, shared by the engine, native plugins and (as a read-only table) Lua rubrics.
 * Plugins receive `const cadre_candidate *` and must never write through it.
 *
 * Compatibility: the struct is append-only. `struct_size` and `version` come first and new
 * fields are only ever added at the end, so a plugin built against an older header reads the
 * prefix it knows. A plugin that needs a newer field checks CADRE_CANDIDATE_HAS(). The records
 * of its lists (skills, industries, achievements) grow the same way and are read with
 * CADRE_ITEM (cadre/list.h).
 *
 * Absent is not zero: every optional scalar carries whether the person supplied it
 * (cadre_num.set, cadre_flag, the *_UNKNOWN enum values, NULL strings, list.set), so an
 * assessment can tell "0 years" from "did not say" and list what it lacked.
 *
 * The JSON form of this struct is documented in docs/candidate.md and docs/candidate.schema.json.
 */
#ifndef CADRE_CANDIDATE_H
#define CADRE_CANDIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "list.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the candidate struct's layout; bumped when fields are appended. Version 2 (cadre
 *  0.2.0): the lists became cadre_list. Version 3 (cadre 0.2.0): `background` appended. */
#define CADRE_CANDIDATE_VERSION 3

/** Version of the candidate's JSON form ("schema_version" in a profile; docs/candidate.md),
 *  which the struct's layout does not change. Added in 0.2.0. */
#define CADRE_CANDIDATE_SCHEMA_VERSION 1

/** True when candidate `c` is large enough to contain `field` (for fields added after v1). */
#define CADRE_CANDIDATE_HAS(c, field)                                                              \
    ((c)->struct_size >= offsetof(cadre_candidate, field) + sizeof((c)->field))

/** A number the person may or may not have given. `value` is 0 when `set` is 0. */
typedef struct cadre_num {
    double value;
    int set;
} cadre_num;

/** A yes/no answer the person may not have given. */
typedef enum cadre_flag { CADRE_FLAG_UNSET = 0, CADRE_FLAG_NO = 1, CADRE_FLAG_YES = 2 } cadre_flag;

/** Highest completed degree. JSON: "none", "high_school", "associate", "bachelor", "master",
 *  "doctorate". An MBA is a master's degree with education.mba = true. */
typedef enum cadre_degree {
    CADRE_DEGREE_UNKNOWN = 0,
    CADRE_DEGREE_NONE,
    CADRE_DEGREE_HIGH_SCHOOL,
    CADRE_DEGREE_ASSOCIATE,
    CADRE_DEGREE_BACHELOR,
    CADRE_DEGREE_MASTER,
    CADRE_DEGREE_DOCTORATE
} cadre_degree;

/** Seniority of the current position. JSON: "individual_contributor", "supervisor", "manager",
 *  "senior_manager", "director", "vice_president", "c_suite". */
typedef enum cadre_role_level {
    CADRE_LEVEL_UNKNOWN = 0,
    CADRE_LEVEL_INDIVIDUAL_CONTRIBUTOR,
    CADRE_LEVEL_SUPERVISOR,
    CADRE_LEVEL_MANAGER,
    CADRE_LEVEL_SENIOR_MANAGER,
    CADRE_LEVEL_DIRECTOR,
    CADRE_LEVEL_VICE_PRESIDENT,
    CADRE_LEVEL_C_SUITE
} cadre_role_level;

/** How much travel the person accepts. JSON: "none", "occasional", "frequent", "extensive". */
typedef enum cadre_travel {
    CADRE_TRAVEL_UNKNOWN = 0,
    CADRE_TRAVEL_NONE,
    CADRE_TRAVEL_OCCASIONAL,
    CADRE_TRAVEL_FREQUENT,
    CADRE_TRAVEL_EXTENSIVE
} cadre_travel;

/** How much sustained pressure the person wants. JSON: "low", "moderate", "high". */
typedef enum cadre_pressure {
    CADRE_PRESSURE_UNKNOWN = 0,
    CADRE_PRESSURE_LOW,
    CADRE_PRESSURE_MODERATE,
    CADRE_PRESSURE_HIGH
} cadre_pressure;

/* The size or stage of a company; the sources contrast startups with large companies (000). */
typedef enum cadre_company_size {
    CADRE_COMPANY_UNKNOWN = 0,
    CADRE_COMPANY_STARTUP,   /* founding stage, finding its model */
    CADRE_COMPANY_SCALE_UP,  /* growing fast on a proven model */
    CADRE_COMPANY_MID_SIZE,  /* established, one or a few business units */
    CADRE_COMPANY_ENTERPRISE /* large, several business units or countries */
} cadre_company_size;

/** What an achievement improved. JSON: "efficiency", "cost_reduction", "change_initiative",
 *  "process_improvement", "quality", "revenue_growth", "other". */
typedef enum cadre_achievement_kind {
    CADRE_ACHIEVEMENT_OTHER = 0,
    CADRE_ACHIEVEMENT_EFFICIENCY,
    CADRE_ACHIEVEMENT_COST_REDUCTION,
    CADRE_ACHIEVEMENT_CHANGE_INITIATIVE,
    CADRE_ACHIEVEMENT_PROCESS_IMPROVEMENT,
    CADRE_ACHIEVEMENT_QUALITY,
    CADRE_ACHIEVEMENT_REVENUE_GROWTH
} cadre_achievement_kind;

/** How far an achievement reached. JSON: "team", "department", "division", "company". */
typedef enum cadre_reach {
    CADRE_REACH_UNKNOWN = 0,
    CADRE_REACH_TEAM,
    CADRE_REACH_DEPARTMENT,
    CADRE_REACH_DIVISION,
    CADRE_REACH_COMPANY
} cadre_reach;

/** A self-rated skill. `level` is on the anchored 0..5 scale of docs/candidate.md. An element
 *  of cadre_candidate.skills: read with CADRE_ITEM(cadre_skill, c->skills, i). */
typedef struct cadre_skill {
    const char *id;       /* vocabulary id, e.g. "strategic_planning" */
    int level;            /* 0..5 */
    const char *evidence; /* what the person offers as proof, or NULL */
    int known;            /* 1 if `id` is in the skill vocabulary; unknown ids are kept */
} cadre_skill;

/** Years spent in one industry. CADRE_ITEM(cadre_industry, c->industries, i). */
typedef struct cadre_industry {
    const char *id; /* vocabulary id, e.g. "healthcare" */
    double years;   /* >= 0 */
    int known;      /* 1 if `id` is in the industry vocabulary */
} cadre_industry;

/** Something the person changed, with its measured effect when they know it.
 *  CADRE_ITEM(cadre_achievement, c->achievements, i). */
typedef struct cadre_achievement {
    cadre_achievement_kind kind;
    const char *description; /* never NULL */
    cadre_num impact_pct;    /* e.g. 18 for "cut cycle time 18%" */
    cadre_num value_usd;     /* money saved or earned, US dollars */
    cadre_reach reach;
} cadre_achievement;

/** A list of strings. `set` is 0 when the field was absent (not the same as empty). */
typedef struct cadre_strings {
    const char *const *items;
    size_t count;
    int set;
} cadre_strings;

typedef enum cadre_value_kind {
    CADRE_VALUE_NULL = 0,
    CADRE_VALUE_BOOL,
    CADRE_VALUE_NUMBER,
    CADRE_VALUE_STRING,
    CADRE_VALUE_ARRAY,
    CADRE_VALUE_OBJECT
} cadre_value_kind;

/** A JSON value, used for the free-form `extra` object that custom rubrics read. A JSON value
 *  has exactly these kinds, so this record is complete and its arrays are plain C arrays. */
typedef struct cadre_value {
    cadre_value_kind kind;
    union {
        int boolean;
        double number;
        const char *string;
        struct {
            const struct cadre_value *items;
            size_t count;
        } array;
        struct {
            const char *const *keys;
            const struct cadre_value *values;
            size_t count;
        } object;
    } as;
} cadre_value;

/**
 * The candidate. All memory belongs to the candidate (see cadre_candidate_free in cadre.h);
 * pointers stay valid until it is freed. Strings are valid UTF-8 without NUL bytes.
 */
typedef struct cadre_candidate {
    uint32_t struct_size; /* sizeof(cadre_candidate) of the library that built it */
    uint32_t version;     /* CADRE_CANDIDATE_VERSION of the library that built it */

    const char *source; /* where it was read from: a path, "<stdin>" or "file.jsonl:7" */
    const char *id;     /* caller's identifier, or NULL */
    const char *name;   /* display name, or NULL */

    struct {
        cadre_num total_years;      /* whole working life */
        cadre_num management_years; /* years managing people or a function */
        cadre_num executive_years;  /* years at VP level or above, or reporting to the CEO */
        cadre_num operations_years; /* years in an operations role (any level) */
    } experience;

    struct {
        const char *title; /* free text, e.g. "VP Operations" */
        cadre_role_level level;
        const char *function; /* vocabulary id, e.g. "operations"; NULL if absent */
        cadre_flag reports_to_ceo;
    } current_role;

    struct {
        cadre_degree highest_degree;
        const char *field; /* vocabulary id of the main field of study, or NULL */
        cadre_flag mba;
    } education;

    cadre_strings certifications; /* vocabulary ids, e.g. "apics_cscp" */

    cadre_list industries; /* of cadre_industry */
    cadre_list skills;     /* of cadre_skill */

    cadre_strings tools; /* vocabulary ids, e.g. "sap", "power_bi" */

    struct {
        cadre_num people_led;     /* everyone in the reporting line, directly or not */
        cadre_num direct_reports; /* people reporting directly */
        cadre_num budget_usd;     /* largest annual budget owned, US dollars */
        cadre_num departments;    /* departments or functions overseen at once */
        cadre_flag pnl_owner;     /* accountable for a profit-and-loss statement */
        cadre_flag hiring_authority;
    } scope;

    cadre_list achievements; /* of cadre_achievement */

    struct {
        cadre_num max_weekly_hours; /* hours per week the person is willing to work */
        cadre_travel travel;
        cadre_pressure pressure;
    } preferences;

    struct {
        const char *role;         /* snake_case role id, e.g. "coo"; NULL if absent */
        cadre_strings industries; /* industry vocabulary ids the person wants */
    } targets;

    const cadre_value *extra; /* the free-form "extra" object, or NULL */

    /* Set by the loader (warnings, arena); NULL in a candidate an embedder fills by hand, which
     * is allowed: zero the struct, set struct_size and version, fill what you know (a list's
     * item_size is sizeof its record type). */
    const struct cadre_candidate_private *priv;

    /* Added in cadre 0.2.0 (CADRE_CANDIDATE_VERSION 3): read only when
     * CADRE_CANDIDATE_HAS(c, background). Where each lives in the JSON profile is in the
     * comment; docs/candidate.md describes them. */
    struct {
        cadre_company_size company_size;        /* current_role.company_size */
        cadre_company_size target_company_size; /* targets.company_size */
        cadre_flag board_exposure;              /* experience.board_exposure */
        cadre_flag mergers;                     /* experience.mergers */
        cadre_flag multi_site;                  /* experience.multi_site */
        cadre_flag international;               /* experience.international */
        cadre_flag crisis_leadership;           /* experience.crisis_leadership */
        cadre_strings functions_led;            /* experience.functions_led: function ids */
    } background;
} cadre_candidate;

#ifdef __cplusplus
}
#endif

#endif
