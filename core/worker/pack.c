/* SPDX-License-Identifier: MIT */
/*
 * core/worker/pack.c - see pack.h. Both ends walk the same schema tables in the same order,
 * so the frame carries values only: no names, no types.
 */
#include <string.h>

#include "candidate/schema.h"
#include "worker/pack.h"

#define MAX_DEPTH 64 /* of `extra`; the loader accepts less */

/* ---- writing ---- */

static void put_strings(cadre__buf *b, const cadre_strings *s)
{
    cadre__wire_put_u8(b, s->set != 0);
    cadre__wire_put_u32(b, (uint32_t)s->count);
    for (size_t i = 0; i < s->count; i++)
        cadre__wire_put_str(b, s->items[i]);
}

static void put_value(cadre__buf *b, const cadre_value *v)
{
    cadre__wire_put_u8(b, (unsigned)v->kind);
    switch (v->kind) {
    case CADRE_VALUE_BOOL:
        cadre__wire_put_u8(b, v->as.boolean != 0);
        break;
    case CADRE_VALUE_NUMBER:
        cadre__wire_put_f64(b, v->as.number);
        break;
    case CADRE_VALUE_STRING:
        cadre__wire_put_str(b, v->as.string);
        break;
    case CADRE_VALUE_ARRAY:
        cadre__wire_put_u32(b, (uint32_t)v->as.array.count);
        for (size_t i = 0; i < v->as.array.count; i++)
            put_value(b, &v->as.array.items[i]);
        break;
    case CADRE_VALUE_OBJECT:
        cadre__wire_put_u32(b, (uint32_t)v->as.object.count);
        for (size_t i = 0; i < v->as.object.count; i++) {
            cadre__wire_put_str(b, v->as.object.keys[i]);
            put_value(b, &v->as.object.values[i]);
        }
        break;
    case CADRE_VALUE_NULL:
        break;
    }
}

/* The fields of table f, read from the struct at base. */
static void put_fields(cadre__buf *b, const cadre__field *f, const char *base)
{
    for (; f->name; f++) {
        const char *at = base + f->offset;

        switch (f->kind) {
        case CADRE__F_NUM:
        case CADRE__F_INT: {
            const cadre_num *n = (const cadre_num *)at;

            cadre__wire_put_u8(b, n->set != 0);
            cadre__wire_put_f64(b, n->value);
            break;
        }
        case CADRE__F_STR:
        case CADRE__F_VOCAB:
        case CADRE__F_IDENT:
            cadre__wire_put_str(b, *(const char *const *)at);
            break;
        case CADRE__F_FLAG:
        case CADRE__F_ENUM:
            cadre__wire_put_i32(b, *(const int *)at);
            break;
        case CADRE__F_GROUP:
            put_fields(b, f->sub, base);
            break;
        case CADRE__F_IDLIST:
            put_strings(b, (const cadre_strings *)at);
            break;
        case CADRE__F_INDUSTRIES:
        case CADRE__F_SKILLS:
        case CADRE__F_ACHIEVEMENTS: {
            const cadre_list *l = (const cadre_list *)at;

            cadre__wire_put_u8(b, l->set != 0);
            cadre__wire_put_u32(b, (uint32_t)l->count);
            for (size_t i = 0; i < l->count; i++) {
                const char *item = (const char *)l->items + i * l->item_size;

                if (f->kind == CADRE__F_INDUSTRIES) {
                    const cadre_industry *y = (const cadre_industry *)item;

                    cadre__wire_put_str(b, y->id);
                    cadre__wire_put_f64(b, y->years);
                    cadre__wire_put_u8(b, y->known != 0);
                } else if (f->kind == CADRE__F_SKILLS) {
                    const cadre_skill *s = (const cadre_skill *)item;

                    cadre__wire_put_str(b, s->id);
                    cadre__wire_put_i32(b, s->level);
                    cadre__wire_put_str(b, s->evidence);
                    cadre__wire_put_u8(b, s->known != 0);
                } else {
                    put_fields(b, f->sub, item);
                }
            }
            break;
        }
        case CADRE__F_EXTRA: {
            const cadre_value *v = *(const cadre_value *const *)at;

            cadre__wire_put_u8(b, v != NULL);
            if (v) put_value(b, v);
            break;
        }
        case CADRE__F_VERSION:
        case CADRE__F_SKIP:
            break;
        }
    }
}

void cadre__pack_candidate(cadre__buf *b, const cadre_candidate *c)
{
    cadre_candidate full;

    /* An older, shorter struct (an embedder built against an earlier header): its missing
     * fields read as unset. */
    memset(&full, 0, sizeof(full));
    memcpy(&full, c, c->struct_size < sizeof(full) ? c->struct_size : sizeof(full));
    put_fields(b, cadre__root_fields, (const char *)&full);
}

/* ---- reading ---- */

/* A string in the frame, which the candidate borrows (pack.h). */
static const char *get_str(cadre__wire *w)
{
    const char *s = cadre__wire_str(w);

    return w->bad ? NULL : s;
}

/* n items of `size` bytes, checked against what is left of the frame (each takes at least
 * `least` bytes there), so a bad count cannot ask for memory the frame does not back. */
static void *get_items(cadre__wire *w, cadre__arena *A, uint32_t n, size_t size, size_t least)
{
    void *p;

    if (w->bad || n == 0) return NULL;
    if ((size_t)(w->end - w->p) / least < n || (p = cadre__arena_alloc(A, n * size)) == NULL) {
        w->bad = 1;
        return NULL;
    }
    return p;
}

static int get_value(cadre__wire *w, cadre__arena *A, cadre_value *v, int depth)
{
    uint32_t n;

    v->kind = (cadre_value_kind)cadre__wire_u8(w);
    if (depth > MAX_DEPTH) w->bad = 1;
    switch (v->kind) {
    case CADRE_VALUE_NULL:
        break;
    case CADRE_VALUE_BOOL:
        v->as.boolean = (int)cadre__wire_u8(w);
        break;
    case CADRE_VALUE_NUMBER:
        v->as.number = cadre__wire_f64(w);
        break;
    case CADRE_VALUE_STRING:
        if ((v->as.string = get_str(w)) == NULL) w->bad = 1;
        break;
    case CADRE_VALUE_ARRAY: {
        cadre_value *items;

        n = cadre__wire_u32(w);
        items = get_items(w, A, n, sizeof(*items), 1);
        for (uint32_t i = 0; !w->bad && i < n; i++)
            get_value(w, A, &items[i], depth + 1);
        v->as.array.items = items;
        v->as.array.count = w->bad ? 0 : n;
        break;
    }
    case CADRE_VALUE_OBJECT: {
        const char **keys;
        cadre_value *values;

        n = cadre__wire_u32(w);
        keys = get_items(w, A, n, sizeof(*keys), 5);
        values = get_items(w, A, n, sizeof(*values), 5);
        for (uint32_t i = 0; !w->bad && i < n; i++) {
            if ((keys[i] = get_str(w)) == NULL) w->bad = 1;
            get_value(w, A, &values[i], depth + 1);
        }
        v->as.object.keys = keys;
        v->as.object.values = values;
        v->as.object.count = w->bad ? 0 : n;
        break;
    }
    default:
        w->bad = 1;
    }
    return w->bad ? -1 : 0;
}

static void get_strings(cadre__wire *w, cadre__arena *A, cadre_strings *s)
{
    uint32_t n;
    const char **items;

    s->set = (int)cadre__wire_u8(w);
    n = cadre__wire_u32(w);
    items = get_items(w, A, n, sizeof(*items), 4);
    for (uint32_t i = 0; !w->bad && i < n; i++)
        if ((items[i] = get_str(w)) == NULL) w->bad = 1;
    s->items = items;
    s->count = w->bad ? 0 : n;
}

static void get_fields(cadre__wire *w, cadre__arena *A, const cadre__field *f, char *base)
{
    for (; f->name && !w->bad; f++) {
        char *at = base + f->offset;

        switch (f->kind) {
        case CADRE__F_NUM:
        case CADRE__F_INT: {
            cadre_num *n = (cadre_num *)at;

            n->set = (int)cadre__wire_u8(w);
            n->value = cadre__wire_f64(w);
            break;
        }
        case CADRE__F_STR:
        case CADRE__F_VOCAB:
        case CADRE__F_IDENT:
            *(const char **)at = get_str(w);
            break;
        case CADRE__F_FLAG:
        case CADRE__F_ENUM:
            *(int *)at = cadre__wire_i32(w);
            break;
        case CADRE__F_GROUP:
            get_fields(w, A, f->sub, base);
            break;
        case CADRE__F_IDLIST:
            get_strings(w, A, (cadre_strings *)at);
            break;
        case CADRE__F_INDUSTRIES:
        case CADRE__F_SKILLS:
        case CADRE__F_ACHIEVEMENTS: {
            cadre_list *l = (cadre_list *)at;
            size_t size = f->kind == CADRE__F_INDUSTRIES ? sizeof(cadre_industry)
                          : f->kind == CADRE__F_SKILLS   ? sizeof(cadre_skill)
                                                         : sizeof(cadre_achievement);
            int set = (int)cadre__wire_u8(w);
            uint32_t n = cadre__wire_u32(w);
            char *items = get_items(w, A, n, size, 9);

            for (uint32_t i = 0; !w->bad && i < n; i++) {
                char *item = items + i * size;

                if (f->kind == CADRE__F_INDUSTRIES) {
                    cadre_industry *y = (cadre_industry *)item;

                    if ((y->id = get_str(w)) == NULL) w->bad = 1;
                    y->years = cadre__wire_f64(w);
                    y->known = (int)cadre__wire_u8(w);
                } else if (f->kind == CADRE__F_SKILLS) {
                    cadre_skill *s = (cadre_skill *)item;

                    if ((s->id = get_str(w)) == NULL) w->bad = 1;
                    s->level = cadre__wire_i32(w);
                    s->evidence = get_str(w);
                    s->known = (int)cadre__wire_u8(w);
                } else {
                    get_fields(w, A, f->sub, item);
                    if (((cadre_achievement *)item)->description == NULL) w->bad = 1;
                }
            }
            *l = (cadre_list){items, w->bad ? 0 : n, size, set};
            break;
        }
        case CADRE__F_EXTRA:
            if (cadre__wire_u8(w)) {
                cadre_value *v = cadre__arena_alloc(A, sizeof(*v));

                if (v == NULL) w->bad = 1;
                if (v && get_value(w, A, v, 0) == 0) *(const cadre_value **)at = v;
            }
            break;
        case CADRE__F_VERSION:
        case CADRE__F_SKIP:
            break;
        }
    }
}

int cadre__unpack_candidate(cadre_candidate *c, cadre__arena *A, cadre__wire *w, const char *source)
{
    memset(c, 0, sizeof(*c));
    c->struct_size = sizeof(*c);
    c->version = CADRE_CANDIDATE_VERSION;
    get_fields(w, A, cadre__root_fields, (char *)c);
    c->source = source;
    if (w->p != w->end) w->bad = 1; /* the candidate is the rest of the frame */
    return w->bad ? -1 : 0;
}
