/*
 * core/schema_json.c - the candidate JSON Schema, generated from schema.c and vocab.c so that
 * docs/candidate.schema.json can be checked against the loader (tests/docs).
 */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "schema.h"
#include "vocab.h"

static cJSON *enum_schema(const char *enum_name, const char *doc)
{
    const cadre__enum *en = cadre__enum_get(enum_name);
    cJSON *s = cJSON_CreateObject(), *e = cJSON_AddArrayToObject(s, "enum");

    for (size_t i = 0; i < en->count; i++)
        if (en->names[i]) cJSON_AddItemToArray(e, cJSON_CreateString(en->names[i]));
    cJSON_AddStringToObject(s, "description", doc);
    return s;
}

static cJSON *id_schema(const char *vocab, const char *doc)
{
    cJSON *s = cJSON_CreateObject();

    cJSON_AddStringToObject(s, "type", "string");
    cJSON_AddStringToObject(s, "pattern", "^[a-z][a-z0-9_]{0,63}$");
    if (vocab) {
        const cadre__vocab *v = cadre__vocab_get(vocab);
        cJSON *ex = cJSON_AddArrayToObject(s, "examples");

        for (size_t i = 0; i < v->count; i++)
            cJSON_AddItemToArray(ex, cJSON_CreateString(v->entries[i].id));
    }
    cJSON_AddStringToObject(s, "description", doc);
    return s;
}

static cJSON *number_schema(const cadre__field *f, int integer)
{
    cJSON *s = cJSON_CreateObject();

    cJSON_AddStringToObject(s, "type", integer ? "integer" : "number");
    cJSON_AddNumberToObject(s, "minimum", f->min);
    cJSON_AddNumberToObject(s, "maximum", f->max);
    cJSON_AddStringToObject(s, "description", f->doc);
    return s;
}

static cJSON *object_schema(const cadre__field *fields, const char *doc);

static cJSON *field_schema(const cadre__field *f)
{
    cJSON *s, *items;

    switch (f->kind) {
    case CADRE__F_NUM:
        return number_schema(f, 0);
    case CADRE__F_INT:
        return number_schema(f, 1);
    case CADRE__F_STR:
        s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "type", "string");
        cJSON_AddNumberToObject(s, "maxLength", f->max);
        cJSON_AddStringToObject(s, "description", f->doc);
        return s;
    case CADRE__F_FLAG:
        s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "type", "boolean");
        cJSON_AddStringToObject(s, "description", f->doc);
        return s;
    case CADRE__F_ENUM:
        return enum_schema(f->aux, f->doc);
    case CADRE__F_VOCAB:
        return id_schema(f->aux, f->doc);
    case CADRE__F_IDENT:
        return id_schema(NULL, f->doc);
    case CADRE__F_GROUP:
        return object_schema(f->sub, f->doc);
    case CADRE__F_IDLIST:
        s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "type", "array");
        cJSON_AddItemToObject(s, "items", id_schema(f->aux, "a vocabulary id"));
        cJSON_AddTrueToObject(s, "uniqueItems");
        cJSON_AddStringToObject(s, "description", f->doc);
        return s;
    case CADRE__F_INDUSTRIES:
    case CADRE__F_SKILLS:
        s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "type", "object");
        cJSON_AddItemToObject(s, "propertyNames", id_schema(f->aux, "a vocabulary id"));
        items = cJSON_CreateObject();
        if (f->kind == CADRE__F_INDUSTRIES) {
            cJSON_AddStringToObject(items, "type", "number");
            cJSON_AddNumberToObject(items, "minimum", 0);
            cJSON_AddNumberToObject(items, "maximum", CADRE__MAX_YEARS);
        } else {
            cJSON *level = cJSON_CreateObject(), *any = cJSON_AddArrayToObject(items, "oneOf");
            cJSON *obj, *props;

            cJSON_AddStringToObject(level, "type", "integer");
            cJSON_AddNumberToObject(level, "minimum", 0);
            cJSON_AddNumberToObject(level, "maximum", 5);
            cJSON_AddItemToArray(any, level);
            obj = cJSON_CreateObject();
            cJSON_AddStringToObject(obj, "type", "object");
            props = cJSON_AddObjectToObject(obj, "properties");
            cJSON_AddItemToObject(props, "level", cJSON_Duplicate(level, 1));
            cJSON_AddItemToObject(cJSON_AddObjectToObject(props, "evidence"), "type",
                                  cJSON_CreateString("string"));
            cJSON_AddItemToObject(obj, "required",
                                  cJSON_CreateStringArray((const char *[]){"level"}, 1));
            cJSON_AddFalseToObject(obj, "additionalProperties");
            cJSON_AddItemToArray(any, obj);
        }
        cJSON_AddItemToObject(s, "additionalProperties", items);
        cJSON_AddStringToObject(s, "description", f->doc);
        return s;
    case CADRE__F_ACHIEVEMENTS:
        s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "type", "array");
        items = object_schema(f->sub, "one achievement");
        cJSON_AddItemToObject(items, "required",
                              cJSON_CreateStringArray((const char *[]){"description"}, 1));
        cJSON_AddItemToObject(s, "items", items);
        cJSON_AddStringToObject(s, "description", f->doc);
        return s;
    case CADRE__F_EXTRA:
        s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "type", "object");
        cJSON_AddStringToObject(s, "description", f->doc);
        return s;
    case CADRE__F_VERSION:
        s = cJSON_CreateObject();
        cJSON_AddItemToObject(s, "const", cJSON_CreateNumber(CADRE_CANDIDATE_VERSION));
        cJSON_AddStringToObject(s, "description", f->doc);
        return s;
    case CADRE__F_SKIP:
        s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "type", "string");
        cJSON_AddStringToObject(s, "description", f->doc);
        return s;
    }
    return cJSON_CreateObject();
}

static cJSON *object_schema(const cadre__field *fields, const char *doc)
{
    cJSON *s = cJSON_CreateObject(), *props;

    cJSON_AddStringToObject(s, "type", "object");
    cJSON_AddStringToObject(s, "description", doc);
    props = cJSON_AddObjectToObject(s, "properties");
    for (const cadre__field *f = fields; f->name != NULL; f++)
        cJSON_AddItemToObject(props, f->name, field_schema(f));
    /* Unknown fields are accepted with a warning, but editors should flag them. */
    cJSON_AddFalseToObject(s, "additionalProperties");
    return s;
}

int cadre_candidate_schema(char **out, cadre_error *err)
{
    cJSON *root;

    if (out == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_candidate_schema: NULL");
    root = object_schema(cadre__root_fields,
                         "A person's profile for cadre's role assessments (docs/candidate.md)");
    cJSON_AddStringToObject(root, "$schema", "https://json-schema.org/draft/2020-12/schema");
    cJSON_AddStringToObject(root, "$id", "https://cadre.dev/schema/candidate-1.json");
    cJSON_AddStringToObject(root, "title", "cadre candidate, schema version 1");
    *out = cJSON_Print(root);
    cJSON_Delete(root);
    if (*out == NULL) return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    return 0;
}
