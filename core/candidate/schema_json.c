/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/schema_json.c - the candidate JSON Schema, generated from schema.c and vocab.c so
 * that docs/candidate.schema.json can be checked against the loader (tests/docs).
 */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "candidate/schema.h"
#include "candidate/vocab.h"

/* An object schema, with its "type" first when there is one. */
static cJSON *typed(const char *type)
{
    cJSON *s = cJSON_CreateObject();

    if (type != NULL) cJSON_AddStringToObject(s, "type", type);
    return s;
}

static cJSON *enum_schema(const char *enum_name, const char *doc)
{
    const cadre__enum *en = cadre__enum_get(enum_name);
    cJSON *s = typed(NULL), *e = cJSON_AddArrayToObject(s, "enum");

    for (size_t i = 0; i < en->count; i++)
        if (en->names[i]) cJSON_AddItemToArray(e, cJSON_CreateString(en->names[i]));
    cJSON_AddStringToObject(s, "description", doc);
    return s;
}

/* A vocabulary id: one of the vocabulary's ids. cadre keeps an unknown id with a warning; the
 * schema, which is the strict reading (docs/candidate.md, "The schema and cadre validate"),
 * rejects it, and an editor offers the ids as completions. Without a vocabulary, any id. */
static cJSON *id_schema(const char *vocab, const char *doc)
{
    cJSON *s;

    if (vocab) {
        const cadre__vocab *v = cadre__vocab_get(vocab);
        cJSON *e;

        s = typed("string");
        e = cJSON_AddArrayToObject(s, "enum");
        for (size_t i = 0; i < v->count; i++)
            cJSON_AddItemToArray(e, cJSON_CreateString(v->entries[i].id));
    } else {
        s = typed("string");
        cJSON_AddStringToObject(s, "pattern", "^[a-z][a-z0-9_]{0,63}$");
    }
    cJSON_AddStringToObject(s, "description", doc);
    return s;
}

static cJSON *number_schema(const cadre__field *f, int integer)
{
    cJSON *s = typed(integer ? "integer" : "number");

    cJSON_AddNumberToObject(s, "minimum", f->min);
    cJSON_AddNumberToObject(s, "maximum", f->max);
    cJSON_AddStringToObject(s, "description", f->doc);
    return s;
}

/* The value of one entry of an industries map (years) or a skills map (a level 0-5, or
 * {level, evidence}). */
static cJSON *map_value_schema(int kind)
{
    cJSON *s = typed(kind == CADRE__F_INDUSTRIES ? "number" : NULL), *level, *any, *obj, *props;

    if (kind == CADRE__F_INDUSTRIES) {
        cJSON_AddNumberToObject(s, "minimum", 0);
        cJSON_AddNumberToObject(s, "maximum", CADRE__MAX_YEARS);
        return s;
    }
    any = cJSON_AddArrayToObject(s, "oneOf");
    level = typed("integer");
    cJSON_AddNumberToObject(level, "minimum", 0);
    cJSON_AddNumberToObject(level, "maximum", 5);
    cJSON_AddItemToArray(any, level);
    obj = typed("object");
    props = cJSON_AddObjectToObject(obj, "properties");
    cJSON_AddItemToObject(props, "level", cJSON_Duplicate(level, 1));
    cJSON_AddItemToObject(props, "evidence", typed("string"));
    cJSON_AddNumberToObject(cJSON_GetObjectItem(props, "evidence"), "maxLength",
                            CADRE__MAX_LONG_STRING);
    cJSON_AddItemToObject(obj, "required", cJSON_CreateStringArray((const char *[]){"level"}, 1));
    cJSON_AddFalseToObject(obj, "additionalProperties");
    cJSON_AddItemToArray(any, obj);
    return s;
}

static cJSON *object_schema(const cadre__field *fields, const char *doc);

static cJSON *ref(const char *where)
{
    cJSON *s = cJSON_CreateObject();

    cJSON_AddStringToObject(s, "$ref", where);
    return s;
}

/* A member of an object may be null, which means "not given" (docs/candidate.md): the type
 * gains "null", an enum gains null, a const becomes an enum with null. */
static cJSON *nullable(cJSON *s)
{
    cJSON *type = cJSON_GetObjectItem(s, "type"), *en = cJSON_GetObjectItem(s, "enum");
    cJSON *con = cJSON_GetObjectItem(s, "const");

    if (cJSON_IsString(type)) {
        cJSON *both = cJSON_CreateArray();

        cJSON_AddItemToArray(both, cJSON_CreateString(type->valuestring));
        cJSON_AddItemToArray(both, cJSON_CreateString("null"));
        cJSON_ReplaceItemInObject(s, "type", both);
    } else if (cJSON_IsArray(en)) {
        cJSON_AddItemToArray(en, cJSON_CreateNull());
    } else if (con != NULL) {
        en = cJSON_CreateArray();
        cJSON_AddItemToArray(en, cJSON_DetachItemViaPointer(s, con));
        cJSON_AddItemToArray(en, cJSON_CreateNull());
        cJSON_AddItemToObject(s, "enum", en);
    }
    return s;
}

/* Anything under "extra": JSON of any shape within the loader's limits (nesting, which the
 * schema cannot count, aside). */
static cJSON *extra_value_schema(void)
{
    cJSON *s = cJSON_CreateObject(), *any = cJSON_AddArrayToObject(s, "anyOf"), *t;

    t = typed("string");
    cJSON_AddNumberToObject(t, "maxLength", CADRE__MAX_EXTRA_STRING);
    cJSON_AddItemToArray(any, t);
    cJSON_AddItemToArray(any, typed("number"));
    cJSON_AddItemToArray(any, typed("boolean"));
    cJSON_AddItemToArray(any, typed("null"));
    t = typed("array");
    cJSON_AddNumberToObject(t, "maxItems", CADRE__MAX_LIST);
    cJSON_AddItemToObject(t, "items", ref("#/$defs/extra_value"));
    cJSON_AddItemToArray(any, t);
    t = typed("object");
    cJSON_AddNumberToObject(t, "maxProperties", CADRE__MAX_LIST);
    cJSON_AddItemToObject(t, "additionalProperties", ref("#/$defs/extra_value"));
    cJSON_AddItemToArray(any, t);
    return s;
}

static cJSON *field_schema(const cadre__field *f)
{
    cJSON *s, *items;

    switch (f->kind) {
    case CADRE__F_NUM:
        return number_schema(f, 0);
    case CADRE__F_INT:
        return number_schema(f, 1);
    case CADRE__F_ENUM:
        return enum_schema(f->aux, f->doc);
    case CADRE__F_VOCAB:
        return id_schema(f->aux, f->doc);
    case CADRE__F_IDENT:
        return id_schema(NULL, f->doc);
    case CADRE__F_GROUP:
        return object_schema(f->sub, f->doc);
    case CADRE__F_STR:
        s = typed("string");
        cJSON_AddNumberToObject(s, "maxLength", f->max);
        break;
    case CADRE__F_FLAG:
        s = typed("boolean");
        break;
    case CADRE__F_IDLIST:
        s = typed("array");
        cJSON_AddItemToObject(s, "items", id_schema(f->aux, "a vocabulary id"));
        cJSON_AddNumberToObject(s, "maxItems", CADRE__MAX_LIST);
        cJSON_AddTrueToObject(s, "uniqueItems");
        break;
    case CADRE__F_INDUSTRIES:
    case CADRE__F_SKILLS:
        s = typed("object");
        cJSON_AddItemToObject(s, "propertyNames", id_schema(f->aux, "a vocabulary id"));
        cJSON_AddItemToObject(s, "additionalProperties", map_value_schema(f->kind));
        cJSON_AddNumberToObject(s, "maxProperties", CADRE__MAX_LIST);
        break;
    case CADRE__F_ACHIEVEMENTS:
        s = typed("array");
        items = object_schema(f->sub, "one achievement");
        cJSON_AddItemToObject(items, "required",
                              cJSON_CreateStringArray((const char *[]){"description"}, 1));
        cJSON_AddItemToObject(s, "items", items);
        cJSON_AddNumberToObject(s, "maxItems", CADRE__MAX_LIST);
        break;
    case CADRE__F_EXTRA:
        s = typed("object");
        cJSON_AddNumberToObject(s, "maxProperties", CADRE__MAX_LIST);
        cJSON_AddItemToObject(s, "additionalProperties", ref("#/$defs/extra_value"));
        {
            /* Protected characteristics are refused here too (parse.c). */
            cJSON *names = cJSON_CreateObject(), *no = cJSON_CreateObject(), *list;

            list = cJSON_AddArrayToObject(no, "enum");
            for (const char *const *p = cadre__protected_fields; *p; p++)
                cJSON_AddItemToArray(list, cJSON_CreateString(*p));
            cJSON_AddItemToObject(names, "not", no);
            cJSON_AddItemToObject(s, "propertyNames", names);
        }
        break;
    case CADRE__F_VERSION:
        s = typed(NULL);
        cJSON_AddItemToObject(s, "const", cJSON_CreateNumber(CADRE_CANDIDATE_SCHEMA_VERSION));
        break;
    case CADRE__F_SKIP:
        s = typed(NULL); /* anything: cadre ignores it */
        break;
    default:
        return typed(NULL);
    }
    cJSON_AddStringToObject(s, "description", f->doc);
    return s;
}

static cJSON *object_schema(const cadre__field *fields, const char *doc)
{
    cJSON *s = typed("object"), *props;

    cJSON_AddStringToObject(s, "description", doc);
    props = cJSON_AddObjectToObject(s, "properties");
    for (const cadre__field *f = fields; f->name != NULL; f++)
        cJSON_AddItemToObject(props, f->name, nullable(field_schema(f)));
    /* Unknown fields are accepted with a warning, but editors should flag them. */
    cJSON_AddFalseToObject(s, "additionalProperties");
    return s;
}

static int candidate_schema(char **out, cadre_error *err)
{
    cJSON *root;

    if (out == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_candidate_schema: NULL");
    root = object_schema(cadre__root_fields,
                         "A person's profile for cadre's role assessments (docs/candidate.md)");
    cJSON_AddStringToObject(root, "$schema", "https://json-schema.org/draft/2020-12/schema");
    cJSON_AddStringToObject(root, "$id", "urn:cadre:schema:candidate:1");
    cJSON_AddStringToObject(root, "title", "cadre candidate, schema version 1");
    cJSON_AddItemToObject(cJSON_AddObjectToObject(root, "$defs"), "extra_value",
                          extra_value_schema());
    *out = cJSON_Print(root);
    cJSON_Delete(root);
    if (*out == NULL) return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    return 0;
}

int cadre_candidate_schema(char **out, cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    int rc = candidate_schema(out, err);

    cadre__locale_leave(previous);
    return rc;
}
