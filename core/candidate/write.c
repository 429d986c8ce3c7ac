/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/write.c - a candidate back to JSON, walking the same schema tables the loader
 * parses with, so that parse(serialise(c)) gives c back (tests/fuzz/fuzz_candidate.c holds it
 * to that).
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "candidate/candidate.h"
#include "candidate/schema.h"
#include "candidate/vocab.h"

static cJSON *value_json(const cadre_value *v)
{
    cJSON *o;

    switch (v->kind) {
    case CADRE_VALUE_NULL:
        return cJSON_CreateNull();
    case CADRE_VALUE_BOOL:
        return cJSON_CreateBool(v->as.boolean);
    case CADRE_VALUE_NUMBER:
        return cJSON_CreateNumber(v->as.number);
    case CADRE_VALUE_STRING:
        return cJSON_CreateString(v->as.string);
    case CADRE_VALUE_ARRAY:
        o = cJSON_CreateArray();
        for (size_t i = 0; o && i < v->as.array.count; i++)
            cJSON_AddItemToArray(o, value_json(&v->as.array.items[i]));
        return o;
    case CADRE_VALUE_OBJECT:
        o = cJSON_CreateObject();
        for (size_t i = 0; o && i < v->as.object.count; i++)
            cJSON_AddItemToObject(o, v->as.object.keys[i], value_json(&v->as.object.values[i]));
        return o;
    }
    return cJSON_CreateNull();
}

static cJSON *strings_json(const cadre_strings *s)
{
    cJSON *a = cJSON_CreateArray();

    for (size_t i = 0; a && i < s->count; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(s->items[i]));
    return a;
}

static cJSON *group_json(const cadre__field *fields, const void *base);

/* Adds field f of the struct at base to obj, when the person gave it. */
static void add_field(cJSON *obj, const cadre__field *f, const void *base)
{
    const char *src = (const char *)base + f->offset;
    const cadre_candidate *c = base;
    cJSON *v = NULL;

    switch (f->kind) {
    case CADRE__F_NUM:
    case CADRE__F_INT:
        if (((const cadre_num *)src)->set) v = cJSON_CreateNumber(((const cadre_num *)src)->value);
        break;
    case CADRE__F_STR:
    case CADRE__F_VOCAB:
    case CADRE__F_IDENT:
        if (*(const char *const *)src) v = cJSON_CreateString(*(const char *const *)src);
        break;
    case CADRE__F_FLAG:
        if (*(const cadre_flag *)src)
            v = cJSON_CreateBool(*(const cadre_flag *)src == CADRE_FLAG_YES);
        break;
    case CADRE__F_ENUM: {
        const char *name = cadre__enum_name(cadre__enum_get(f->aux), *(const int *)src);

        if (name) v = cJSON_CreateString(name);
        break;
    }
    case CADRE__F_GROUP:
        v = group_json(f->sub, base);
        break;
    case CADRE__F_IDLIST:
        if (((const cadre_strings *)src)->set) v = strings_json((const cadre_strings *)src);
        break;
    case CADRE__F_INDUSTRIES:
        if (!c->industries.set) break;
        v = cJSON_CreateObject();
        for (size_t i = 0; v && i < c->industries.count; i++)
            cJSON_AddNumberToObject(v, CADRE_ITEM(cadre_industry, c->industries, i)->id,
                                    CADRE_ITEM(cadre_industry, c->industries, i)->years);
        break;
    case CADRE__F_SKILLS:
        if (!c->skills.set) break;
        v = cJSON_CreateObject();
        for (size_t i = 0; v && i < c->skills.count; i++) {
            const cadre_skill *s = CADRE_ITEM(cadre_skill, c->skills, i);
            cJSON *e;

            if (s->evidence == NULL) {
                cJSON_AddNumberToObject(v, s->id, s->level);
                continue;
            }
            e = cJSON_AddObjectToObject(v, s->id);
            cJSON_AddNumberToObject(e, "level", s->level);
            cJSON_AddStringToObject(e, "evidence", s->evidence);
        }
        break;
    case CADRE__F_ACHIEVEMENTS:
        if (!c->achievements.set) break;
        v = cJSON_CreateArray();
        for (size_t i = 0; v && i < c->achievements.count; i++)
            cJSON_AddItemToArray(
                v, group_json(f->sub, CADRE_ITEM(cadre_achievement, c->achievements, i)));
        break;
    case CADRE__F_EXTRA:
        if (c->extra) v = value_json(c->extra);
        break;
    case CADRE__F_VERSION:
    case CADRE__F_SKIP:
        break;
    }
    if (v == NULL) return;
    if (f->kind == CADRE__F_GROUP && cJSON_GetArraySize(v) == 0) {
        cJSON_Delete(v); /* an empty group adds nothing the loader would not infer */
        return;
    }
    cJSON_AddItemToObject(obj, f->name, v);
}

static cJSON *group_json(const cadre__field *fields, const void *base)
{
    cJSON *o = cJSON_CreateObject();

    for (const cadre__field *f = fields; o && f->name != NULL; f++)
        add_field(o, f, base);
    return o;
}

char *cadre__candidate_to_json(const cadre_candidate *c)
{
    cJSON *root = group_json(cadre__root_fields, c);
    char *s = root ? cJSON_PrintUnformatted(root) : NULL;

    cJSON_Delete(root);
    return s;
}

int cadre_candidate_to_json(char **out, const cadre_candidate *c, cadre_error *err)
{
    if (out == NULL || c == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_candidate_to_json: NULL argument");
    if ((*out = cadre__candidate_to_json(c)) == NULL)
        return cadre__fail(err, CADRE_ENOMEM, "", 0, 0, "out of memory");
    return 0;
}
