/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/schema.h - the candidate schema as data: one table per JSON object, shared by the
 * loader (which parses into the struct), the Lua bridge (which exposes the struct as tables) and
 * `cadre schema` (which prints it), so the three cannot drift apart.
 */
#ifndef CADRE_SCHEMA_H
#define CADRE_SCHEMA_H

#include <stddef.h>

typedef enum cadre__fkind {
    CADRE__F_NUM,          /* cadre_num: a number min..max */
    CADRE__F_INT,          /* cadre_num holding an integer min..max */
    CADRE__F_STR,          /* const char *, at most `max` bytes */
    CADRE__F_FLAG,         /* cadre_flag from a boolean */
    CADRE__F_ENUM,         /* int from the enumeration named `aux` (vocab.h) */
    CADRE__F_VOCAB,        /* const char * id from the vocabulary named `aux` */
    CADRE__F_IDENT,        /* const char * snake_case id */
    CADRE__F_GROUP,        /* nested object, fields in `sub` (offsets still from the root) */
    CADRE__F_IDLIST,       /* cadre_strings of ids from vocabulary `aux` */
    CADRE__F_INDUSTRIES,   /* {industry id: years} */
    CADRE__F_SKILLS,       /* {skill id: level or {level, evidence}} */
    CADRE__F_ACHIEVEMENTS, /* [{kind, description, ...}], item fields in `sub` */
    CADRE__F_EXTRA,        /* free-form object */
    CADRE__F_VERSION,      /* schema_version */
    CADRE__F_SKIP          /* accepted and ignored ("$schema") */
} cadre__fkind;

typedef struct cadre__field cadre__field;
struct cadre__field {
    const char *name; /* NULL ends a table */
    cadre__fkind kind;
    size_t offset;   /* from the start of the struct the table describes */
    double min, max; /* numbers: range; strings: max = longest in bytes */
    const char *aux; /* enumeration or vocabulary name */
    const cadre__field *sub;
    const char *doc; /* one line for the schema and docs */
};

#define CADRE__MAX_YEARS 70.0 /* a working life; more is a typo */

/* Limits the loader enforces and the JSON Schema states (schema_json.c). */
#define CADRE__MAX_LIST         500   /* entries in any list or map of the candidate */
#define CADRE__MAX_LONG_STRING  4000  /* characters of a description or of evidence */
#define CADRE__MAX_EXTRA_STRING 65536 /* characters of a string under "extra" */

extern const cadre__field cadre__root_fields[];        /* offsets into cadre_candidate */
extern const cadre__field cadre__achievement_fields[]; /* offsets into cadre_achievement */

/* Number of entries before the terminator. */
size_t cadre__fields_count(const cadre__field *f);
/* The entry called `name`, or NULL. */
const cadre__field *cadre__fields_find(const cadre__field *f, const char *name);
/* The closest name to `name` (a plausible typo), or NULL. */
const char *cadre__fields_suggest(const cadre__field *f, const char *name);

/* Field names a candidate refuses, at the top and in "extra" (NULL-terminated). */
extern const char *const cadre__protected_fields[];

#endif
