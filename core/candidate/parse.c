/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/parse.c - the candidate loader: JSON text in, validated cadre_candidate out.
 *
 * The only place that parses candidate JSON. It works in three passes:
 *  1. a lexical pre-pass over the raw bytes (NUL bytes, invalid UTF-8, "\u0000" escapes, raw
 *     control characters inside strings and nesting depth), because cJSON accepts or silently
 *     truncates all of these;
 *  2. cJSON parses the text; a failure is reported with line and column;
 *  3. a table-driven walk checks every field against the schema and copies it into the
 *     candidate's arena, collecting every problem (not just the first) as diagnostics.
 * Unknown fields and vocabulary ids are warnings (with a "did you mean"), never silent drops.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "internal.h"
#include "candidate/candidate.h"
#include "candidate/plausible.h"
#include "candidate/schema.h"
#include "candidate/vocab.h"

#define MAX_DEPTH     64 /* nesting levels in a candidate document */
#define MAX_KEY_SHOWN 48 /* bytes of a key quoted in a field path */
#define PATH_SIZE     256

struct cadre_candidate_private {
    cadre_candidate pub; /* first, so a cadre_candidate * from the loader is one of these */
    cadre__arena arena;
    cadre__vec warnings; /* cadre_diag, strings in the arena */
};
typedef struct cadre_candidate_private cand_impl;

/* The loader's own candidates point at themselves; hand-built ones have priv == NULL. */
static const cand_impl *impl_of(const cadre_candidate *c)
{
    return c != NULL && c->priv == (const cand_impl *)c ? c->priv : NULL;
}

typedef struct loader {
    cand_impl *ci;
    const char *source;
    cadre_diag_fn on_diag;
    void *userdata;
    cadre_error *err;
    int errors;
    int oom;
} loader;

/* ---- diagnostics ---- */

static void vreport(loader *L, cadre_severity sev, const char *path, int line, int column,
                    const char *fmt, va_list ap)
{
    char msg[768];
    cadre_diag d;

    vsnprintf(msg, sizeof(msg), fmt, ap);
    d.severity = sev;
    d.source = L->source;
    d.field = path ? path : "";
    d.line = line;
    d.column = column;
    d.message = msg;
    if (sev == CADRE_SEVERITY_ERROR) {
        if (L->errors++ == 0) {
            int code = line ? CADRE_EPARSE : CADRE_ESCHEMA;

            if (*d.field)
                cadre__fail(L->err, code, L->source, line, column, "%s: %s: %s", L->source, d.field,
                            msg);
            else if (line)
                cadre__fail(L->err, code, L->source, line, column, "%s:%d:%d: %s", L->source, line,
                            column, msg);
            else
                cadre__fail(L->err, code, L->source, 0, 0, "%s: %s", L->source, msg);
        }
    } else if (L->ci != NULL) {
        cadre_diag *w = cadre__vec_push(&L->ci->warnings);

        if (w == NULL) {
            L->oom = 1;
        } else {
            *w = d;
            w->source = L->ci->pub.source;
            w->field = cadre__arena_strdup(&L->ci->arena, d.field);
            w->message = cadre__arena_strdup(&L->ci->arena, msg);
            if (w->field == NULL || w->message == NULL) L->oom = 1;
        }
    }
    if (L->on_diag) L->on_diag(L->userdata, &d);
}

static void error_at(loader *L, const char *path, const char *fmt, ...) CADRE__FMT(3, 4);
static void error_at(loader *L, const char *path, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(L, CADRE_SEVERITY_ERROR, path, 0, 0, fmt, ap);
    va_end(ap);
}

static void warn_at(loader *L, const char *path, const char *fmt, ...) CADRE__FMT(3, 4);
static void warn_at(loader *L, const char *path, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(L, CADRE_SEVERITY_WARNING, path, 0, 0, fmt, ap);
    va_end(ap);
}

static void error_pos(loader *L, const char *text, size_t off, const char *fmt, ...)
    CADRE__FMT(4, 5);
static void error_pos(loader *L, const char *text, size_t off, const char *fmt, ...)
{
    va_list ap;
    int line, column;

    cadre__text_position(text, off, &line, &column);
    va_start(ap, fmt);
    vreport(L, CADRE_SEVERITY_ERROR, NULL, line, column, fmt, ap);
    va_end(ap);
}

/* Describes a JSON value for "got ..." in messages. */
static const char *describe(const cJSON *v, char *buf, size_t size)
{
    if (cJSON_IsString(v)) {
        size_t n = strlen(v->valuestring), i, o = 0;

        buf[o++] = '"';
        for (i = 0; i < n && o + 8 < size && i < 40; i++) {
            unsigned char ch = (unsigned char)v->valuestring[i];

            if (ch < 0x20 || ch == '"' || ch == '\\')
                o += (size_t)snprintf(buf + o, size - o, "\\x%02x", ch);
            else
                buf[o++] = (char)ch;
        }
        /* Do not cut a multi-byte character in half. */
        while (i < n && o > 1 && ((unsigned char)v->valuestring[i] & 0xC0) == 0x80)
            i--, o--;
        snprintf(buf + o, size - o, "%s\"", i < n ? "..." : "");
        return buf;
    }
    if (cJSON_IsNumber(v)) {
        snprintf(buf, size, "%.17g", v->valuedouble);
        return buf;
    }
    if (cJSON_IsBool(v)) return cJSON_IsTrue(v) ? "true" : "false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsObject(v)) return "an object";
    return "an unknown value";
}

/* Appends ".key" (or "[i]" when key is NULL) to path, shortening absurd keys. */
static void append(char *out, size_t *n, const char *s, size_t len)
{
    if (len > PATH_SIZE - 1 - *n) len = PATH_SIZE - 1 - *n;
    memcpy(out + *n, s, len);
    *n += len;
}

/* (Built for every field of every candidate, so without printf.) */
static void join(char *out, const char *path, const char *key, int index)
{
    size_t n = 0;

    append(out, &n, path, strlen(path));
    if (key == NULL) {
        char num[24], *p = num + sizeof(num);
        unsigned u = (unsigned)(index < 0 ? 0 : index);

        *--p = ']';
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        *--p = '[';
        append(out, &n, p, (size_t)(num + sizeof(num) - p));
    } else {
        size_t kl = strlen(key);

        if (*path) append(out, &n, ".", 1);
        append(out, &n, key, kl > MAX_KEY_SHOWN ? MAX_KEY_SHOWN : kl);
        if (kl > MAX_KEY_SHOWN) append(out, &n, "...", 3);
    }
    out[n] = '\0';
}

/* ---- pass 1: lexical checks cJSON does not make ---- */

/* Returns -1 on a lexical error, else the nesting depth left open at the end (> 0 means the
 * text was cut short), counting an unterminated string as one more level. */
static int prescan(loader *L, const char *text, size_t len)
{
    size_t bad = cadre__utf8_check(text, len);
    int depth = 0, in_string = 0;

    if (bad < len) {
        error_pos(L, text, bad, "invalid UTF-8 byte 0x%02x; save the file as UTF-8",
                  (unsigned char)text[bad]);
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];

        if (ch == '\0') {
            error_pos(L, text, i, "NUL byte in the file; is it really a JSON text file?");
            return -1;
        }
        if (in_string) {
            if (ch == '\\' && i + 1 < len) {
                if (text[i + 1] == 'u' && i + 5 < len && strncmp(text + i + 2, "0000", 4) == 0) {
                    error_pos(L, text, i, "\\u0000 (a NUL character) is not allowed in strings");
                    return -1;
                }
                i++; /* skip the escaped character */
            } else if (ch == '"') {
                in_string = 0;
            } else if ((unsigned char)ch < 0x20) {
                /* cJSON would take it; JSON (RFC 8259) does not, and a raw ESC or newline in
                 * a name would reach terminals as it is. */
                error_pos(L, text, i,
                          "raw control character U+%04X inside a string; JSON allows it only "
                          "escaped (\\u%04x)",
                          (unsigned)(unsigned char)ch, (unsigned)(unsigned char)ch);
                return -1;
            }
        } else if (ch == '"') {
            in_string = 1;
        } else if (ch == '[' || ch == '{') {
            if (++depth > MAX_DEPTH) {
                error_pos(L, text, i, "nesting deeper than %d levels", MAX_DEPTH);
                return -1;
            }
        } else if (ch == ']' || ch == '}') {
            depth--;
        }
    }
    return depth + in_string > 0 ? depth + in_string : 0;
}

/* ---- pass 3 helpers: scalars ---- */

static int check_number(loader *L, const cJSON *v, const char *path, double min, double max,
                        int integer, double *out)
{
    char got[96];

    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < min ||
        v->valuedouble > max || (integer && v->valuedouble != floor(v->valuedouble))) {
        if (integer)
            error_at(L, path, "expected an integer %.0f..%.0f, got %s", min, max,
                     describe(v, got, sizeof(got)));
        else
            error_at(L, path, "expected a number %g..%g, got %s", min, max,
                     describe(v, got, sizeof(got)));
        return -1;
    }
    *out = v->valuedouble;
    return 0;
}

static int check_string(loader *L, const cJSON *v, const char *path, size_t max, const char **out)
{
    char got[96];
    size_t n;

    if (!cJSON_IsString(v)) {
        error_at(L, path, "expected a string, got %s", describe(v, got, sizeof(got)));
        return -1;
    }
    n = strlen(v->valuestring);
    /* Limits count characters (code points), as JSON Schema's maxLength does, so that the
     * published schema and this loader agree on every name, in any script. The text is valid
     * UTF-8 (the pre-pass checked), so characters are the bytes that do not continue one. */
    if (n > max) {
        size_t chars = 0;

        for (size_t i = 0; i < n; i++)
            chars += ((unsigned char)v->valuestring[i] & 0xC0) != 0x80;
        if (chars > max) {
            error_at(L, path, "%zu characters is over the limit of %zu", chars, max);
            return -1;
        }
    }
    *out = cadre__arena_strndup(&L->ci->arena, v->valuestring, n);
    if (*out == NULL) L->oom = 1;
    return *out ? 0 : -1;
}

/* A vocabulary id: must look like an id; unknown ids are kept with a warning. */
static int check_id(loader *L, const cJSON *v, const char *path, const char *vocab_name,
                    const char **out, int *known)
{
    const cadre__vocab *voc = vocab_name ? cadre__vocab_get(vocab_name) : NULL;
    char got[96];

    if (!cJSON_IsString(v) || !cadre__is_identifier(v->valuestring, 64)) {
        error_at(L, path,
                 "expected a %s id (lowercase letters, digits and '_', starting with a letter), "
                 "got %s",
                 vocab_name ? vocab_name : "snake_case", describe(v, got, sizeof(got)));
        return -1;
    }
    if (check_string(L, v, path, 64, out) != 0) return -1;
    if (known) *known = 1;
    if (voc != NULL && cadre__vocab_find(voc, v->valuestring) == NULL) {
        const char *s = cadre__vocab_suggest(voc, v->valuestring);

        if (known) *known = 0;
        if (s)
            warn_at(L, path,
                    "unknown %s id \"%s\" (did you mean \"%s\"?); kept, but no built-in "
                    "assessment will recognise it",
                    vocab_name, v->valuestring, s);
        else
            warn_at(L, path,
                    "unknown %s id \"%s\"; kept, but no built-in assessment will recognise it "
                    "(`cadre vocab %s` lists the known ids)",
                    vocab_name, v->valuestring, vocab_name);
    }
    return 0;
}

static int check_enum(loader *L, const cJSON *v, const char *path, const char *enum_name, int *out)
{
    const cadre__enum *en = cadre__enum_get(enum_name);
    char choices[256], got[96];
    int val = cJSON_IsString(v) ? cadre__enum_value(en, v->valuestring) : -1;

    if (val < 0) {
        const char *s =
            cJSON_IsString(v) ? cadre__suggest_list(v->valuestring, en->names + 1) : NULL;

        error_at(L, path, "expected %s, got %s%s%s%s",
                 cadre__enum_choices(en, choices, sizeof(choices)), describe(v, got, sizeof(got)),
                 s ? " (did you mean \"" : "", s ? s : "", s ? "\"?)" : "");
        return -1;
    }
    *out = val;
    return 0;
}

/* Objects must not repeat a key: which of two values did the person mean? */
static int key_cmp(const void *a, const void *b)
{
    return strcmp((*(const cJSON *const *)a)->string, (*(const cJSON *const *)b)->string);
}

static int check_duplicates(loader *L, const cJSON *obj, const char *path)
{
    size_t n = (size_t)cJSON_GetArraySize(obj), i = 0;
    const cJSON **keys;
    const cJSON *c;
    int rc = 0;

    if (n < 2) return 0;
    keys = malloc(n * sizeof(*keys));
    if (keys == NULL) {
        L->oom = 1;
        return -1;
    }
    for (c = obj->child; c != NULL; c = c->next)
        keys[i++] = c;
    qsort(keys, n, sizeof(*keys), key_cmp); /* sorting keeps huge objects O(n log n) */
    for (i = 1; i < n; i++) {
        if (strcmp(keys[i - 1]->string, keys[i]->string) == 0) {
            char sub[PATH_SIZE];

            join(sub, path, keys[i]->string, 0);
            error_at(L, sub, "key appears more than once; keep one");
            rc = -1;
            while (i + 1 < n && strcmp(keys[i]->string, keys[i + 1]->string) == 0)
                i++;
        }
    }
    free(keys);
    return rc;
}

static int expect_object(loader *L, const cJSON *v, const char *path)
{
    char got[96];

    if (!cJSON_IsObject(v)) {
        error_at(L, path, "expected an object, got %s", describe(v, got, sizeof(got)));
        return -1;
    }
    if (cJSON_GetArraySize(v) > CADRE__MAX_LIST) {
        error_at(L, path, "%d entries is over the limit of %d", cJSON_GetArraySize(v),
                 CADRE__MAX_LIST);
        return -1;
    }
    return check_duplicates(L, v, path);
}

static int expect_array(loader *L, const cJSON *v, const char *path)
{
    char got[96];

    if (!cJSON_IsArray(v)) {
        error_at(L, path, "expected an array, got %s", describe(v, got, sizeof(got)));
        return -1;
    }
    if (cJSON_GetArraySize(v) > CADRE__MAX_LIST) {
        error_at(L, path, "%d entries is over the limit of %d", cJSON_GetArraySize(v),
                 CADRE__MAX_LIST);
        return -1;
    }
    return 0;
}

/* ---- pass 3: walking the schema tables (schema.c) ---- */

static int walk_object(loader *L, const cJSON *obj, const char *path, const cadre__field *fields,
                       void *base);
static int id_list(loader *L, const cJSON *v, const char *path, const char *vocab,
                   cadre_strings *out);
static int industries_fn(loader *L, const cJSON *v, const char *path, cadre_candidate *cand);
static int skills_fn(loader *L, const cJSON *v, const char *path, cadre_candidate *cand);
static int achievements_fn(loader *L, const cJSON *v, const char *path, cadre_candidate *cand);
static int extra_fn(loader *L, const cJSON *v, const char *path, cadre_candidate *cand);
static int schema_version_fn(loader *L, const cJSON *v, const char *path);

_Static_assert(sizeof(cadre_degree) == sizeof(int) && sizeof(cadre_travel) == sizeof(int),
               "enum fields are written as int");

static int walk_field(loader *L, const cadre__field *f, const cJSON *v, const char *path,
                      void *base)
{
    void *dst = (char *)base + f->offset;

    if (cJSON_IsNull(v)) return 0; /* null = not given */
    switch (f->kind) {
    case CADRE__F_NUM:
    case CADRE__F_INT: {
        cadre_num *n = dst;

        if (check_number(L, v, path, f->min, f->max, f->kind == CADRE__F_INT, &n->value) != 0)
            return -1;
        n->set = 1;
        return 0;
    }
    case CADRE__F_STR:
        return check_string(L, v, path, (size_t)f->max, dst);
    case CADRE__F_FLAG: {
        char got[96];

        if (!cJSON_IsBool(v)) {
            error_at(L, path, "expected true or false, got %s", describe(v, got, sizeof(got)));
            return -1;
        }
        *(cadre_flag *)dst = cJSON_IsTrue(v) ? CADRE_FLAG_YES : CADRE_FLAG_NO;
        return 0;
    }
    case CADRE__F_ENUM:
        return check_enum(L, v, path, f->aux, dst);
    case CADRE__F_VOCAB:
        return check_id(L, v, path, f->aux, dst, NULL);
    case CADRE__F_IDENT:
        return check_id(L, v, path, NULL, dst, NULL);
    case CADRE__F_GROUP:
        return walk_object(L, v, path, f->sub, base);
    case CADRE__F_IDLIST:
        return id_list(L, v, path, f->aux, dst);
    case CADRE__F_INDUSTRIES:
        return industries_fn(L, v, path, base);
    case CADRE__F_SKILLS:
        return skills_fn(L, v, path, base);
    case CADRE__F_ACHIEVEMENTS:
        return achievements_fn(L, v, path, base);
    case CADRE__F_EXTRA:
        return extra_fn(L, v, path, base);
    case CADRE__F_VERSION:
        return schema_version_fn(L, v, path);
    case CADRE__F_SKIP:
        return 0;
    }
    return -1;
}

/* A protected characteristic (schema.c) is refused, and says where it belongs. */
static int refuse_protected(loader *L, const char *key, const char *path)
{
    for (const char *const *p = cadre__protected_fields; *p; p++)
        if (strcmp(*p, key) == 0) {
            error_at(L, path,
                     "'%s' is a protected characteristic: no assessment may read it, so a "
                     "profile cannot hold it; group labels for a bias audit go in a separate "
                     "file (cadre audit --groups, docs/audit.md)",
                     key);
            return 1;
        }
    return 0;
}

static int walk_object(loader *L, const cJSON *obj, const char *path, const cadre__field *fields,
                       void *base)
{
    int rc = 0;

    if (expect_object(L, obj, path) != 0) return -1;
    for (const cJSON *c = obj->child; c != NULL; c = c->next) {
        const cadre__field *f = cadre__fields_find(fields, c->string);
        char sub[PATH_SIZE];

        join(sub, path, c->string, 0);
        if (f == NULL && refuse_protected(L, c->string, sub)) {
            rc = -1;
            continue;
        }
        if (f == NULL) {
            const char *s = cadre__fields_suggest(fields, c->string);

            if (s)
                warn_at(L, sub, "unknown field (did you mean \"%s\"?); ignored", s);
            else
                warn_at(L, sub,
                        "unknown field; ignored (custom data belongs under \"extra\", see "
                        "docs/candidate.md)");
            continue;
        }
        if (walk_field(L, f, c, sub, base) != 0) rc = -1;
    }
    return rc;
}

/* ---- pass 3: lists, maps and the free-form extra ---- */

static int id_list(loader *L, const cJSON *v, const char *path, const char *vocab,
                   cadre_strings *out)
{
    size_t n, k = 0;
    const char **items;
    int rc = 0, i = 0;

    if (expect_array(L, v, path) != 0) return -1;
    n = (size_t)cJSON_GetArraySize(v);
    items = cadre__arena_alloc(&L->ci->arena, (n ? n : 1) * sizeof(*items));
    if (items == NULL) return L->oom = 1, -1;
    for (const cJSON *c = v->child; c != NULL; c = c->next, i++) {
        char sub[PATH_SIZE];
        const char *id;
        size_t j;

        join(sub, path, NULL, i);
        if (check_id(L, c, sub, vocab, &id, NULL) != 0) {
            rc = -1;
            continue;
        }
        for (j = 0; j < k && strcmp(items[j], id) != 0; j++) {
        }
        if (j < k) {
            warn_at(L, sub, "\"%s\" is listed twice; counted once", id);
            continue;
        }
        items[k++] = id;
    }
    out->items = items;
    out->count = k;
    out->set = 1;
    return rc;
}

static int industries_fn(loader *L, const cJSON *v, const char *path, cadre_candidate *cand)
{
    cadre_industry *items;
    size_t k = 0;
    int rc = 0;

    if (expect_object(L, v, path) != 0) return -1;
    items = cadre__arena_alloc(&L->ci->arena, ((size_t)cJSON_GetArraySize(v) + 1) * sizeof(*items));
    if (items == NULL) return L->oom = 1, -1;
    for (const cJSON *c = v->child; c != NULL; c = c->next) {
        char sub[PATH_SIZE];
        cadre_industry *ind = &items[k];
        cJSON key = {0};

        join(sub, path, c->string, 0);
        key.type = cJSON_String;
        key.valuestring = c->string;
        if (check_id(L, &key, sub, "industry", &ind->id, &ind->known) != 0 ||
            check_number(L, c, sub, 0, CADRE__MAX_YEARS, 0, &ind->years) != 0) {
            rc = -1;
            continue;
        }
        k++;
    }
    cand->industries.items = items;
    cand->industries.item_size = sizeof(*items);
    cand->industries.count = k;
    cand->industries.set = 1;
    return rc;
}

/* A skill is a level, or {"level": n, "evidence": "..."}. */
static int skill_entry(loader *L, const cJSON *c, const char *sub, cadre_skill *sk)
{
    const cJSON *level = c;

    if (cJSON_IsObject(c)) {
        const cJSON *ev = NULL;

        if (check_duplicates(L, c, sub) != 0) return -1;
        level = NULL;
        for (const cJSON *m = c->child; m != NULL; m = m->next) {
            char msub[PATH_SIZE];

            join(msub, sub, m->string, 0);
            if (strcmp(m->string, "level") == 0)
                level = m;
            else if (strcmp(m->string, "evidence") == 0)
                ev = m;
            else
                warn_at(L, msub,
                        "unknown field (a skill has \"level\" and \"evidence\"); "
                        "ignored");
        }
        if (level == NULL) {
            error_at(L, sub, "missing \"level\" (an integer 0..5)");
            return -1;
        }
        if (ev != NULL && !cJSON_IsNull(ev)) {
            char esub[PATH_SIZE];

            join(esub, sub, "evidence", 0);
            if (check_string(L, ev, esub, CADRE__MAX_LONG_STRING, &sk->evidence) != 0) return -1;
        }
    }
    if (!cJSON_IsNumber(level) || level->valuedouble != floor(level->valuedouble) ||
        level->valuedouble < 0 || level->valuedouble > 5) {
        char got[96];

        error_at(L, sub,
                 "expected an integer 0..5, got %s (the levels are described in "
                 "docs/candidate.md)",
                 describe(level, got, sizeof(got)));
        return -1;
    }
    sk->level = (int)level->valuedouble;
    return 0;
}

static int skills_fn(loader *L, const cJSON *v, const char *path, cadre_candidate *cand)
{
    cadre_skill *items;
    size_t k = 0;
    int rc = 0;

    if (expect_object(L, v, path) != 0) return -1;
    items = cadre__arena_alloc(&L->ci->arena, ((size_t)cJSON_GetArraySize(v) + 1) * sizeof(*items));
    if (items == NULL) return L->oom = 1, -1;
    for (const cJSON *c = v->child; c != NULL; c = c->next) {
        char sub[PATH_SIZE];
        cadre_skill *sk = &items[k];
        cJSON key = {0};

        join(sub, path, c->string, 0);
        key.type = cJSON_String;
        key.valuestring = c->string;
        if (check_id(L, &key, sub, "skill", &sk->id, &sk->known) != 0 ||
            skill_entry(L, c, sub, sk) != 0) {
            rc = -1;
            continue;
        }
        k++;
    }
    cand->skills.items = items;
    cand->skills.item_size = sizeof(*items);
    cand->skills.count = k;
    cand->skills.set = 1;
    return rc;
}

static int achievements_fn(loader *L, const cJSON *v, const char *path, cadre_candidate *cand)
{
    cadre_achievement *items;
    size_t k = 0;
    int rc = 0, i = 0;

    if (expect_array(L, v, path) != 0) return -1;
    items = cadre__arena_alloc(&L->ci->arena, ((size_t)cJSON_GetArraySize(v) + 1) * sizeof(*items));
    if (items == NULL) return L->oom = 1, -1;
    for (const cJSON *c = v->child; c != NULL; c = c->next, i++) {
        char sub[PATH_SIZE];
        cadre_achievement *a = &items[k];

        join(sub, path, NULL, i);
        if (walk_object(L, c, sub, cadre__achievement_fields, a) != 0) {
            rc = -1;
            continue;
        }
        if (a->description == NULL) {
            error_at(L, sub, "missing \"description\": say what you changed, in a sentence");
            rc = -1;
            continue;
        }
        if (cJSON_GetObjectItemCaseSensitive(c, "kind") == NULL)
            warn_at(L, sub,
                    "no \"kind\"; counted as \"other\", so no assessment can credit it "
                    "as efficiency, cost or change work");
        k++;
    }
    cand->achievements.items = items;
    cand->achievements.item_size = sizeof(*items);
    cand->achievements.count = k;
    cand->achievements.set = 1;
    return rc;
}

static int convert_value(loader *L, const cJSON *v, const char *path, cadre_value *out)
{
    cadre__arena *A = &L->ci->arena;

    if (cJSON_IsNull(v)) {
        out->kind = CADRE_VALUE_NULL;
    } else if (cJSON_IsBool(v)) {
        out->kind = CADRE_VALUE_BOOL;
        out->as.boolean = cJSON_IsTrue(v);
    } else if (cJSON_IsNumber(v)) {
        if (!isfinite(v->valuedouble)) {
            error_at(L, path, "number is too large");
            return -1;
        }
        out->kind = CADRE_VALUE_NUMBER;
        out->as.number = v->valuedouble;
    } else if (cJSON_IsString(v)) {
        out->kind = CADRE_VALUE_STRING;
        return check_string(L, v, path, CADRE__MAX_EXTRA_STRING, &out->as.string);
    } else {
        int is_obj = cJSON_IsObject(v), i = 0, rc = 0;
        size_t n = (size_t)cJSON_GetArraySize(v);
        cadre_value *vals;
        const char **keys = NULL;

        if (is_obj ? expect_object(L, v, path) : expect_array(L, v, path)) return -1;
        vals = cadre__arena_alloc(A, (n ? n : 1) * sizeof(*vals));
        if (is_obj) keys = cadre__arena_alloc(A, (n ? n : 1) * sizeof(*keys));
        if (vals == NULL || (is_obj && keys == NULL)) return L->oom = 1, -1;
        for (const cJSON *c = v->child; c != NULL; c = c->next, i++) {
            char sub[PATH_SIZE];

            join(sub, path, is_obj ? c->string : NULL, i);
            if (is_obj && (keys[i] = cadre__arena_strdup(A, c->string)) == NULL)
                return L->oom = 1, -1;
            if (convert_value(L, c, sub, &vals[i]) != 0) rc = -1;
        }
        out->kind = is_obj ? CADRE_VALUE_OBJECT : CADRE_VALUE_ARRAY;
        if (is_obj) {
            out->as.object.keys = keys;
            out->as.object.values = vals;
            out->as.object.count = n;
        } else {
            out->as.array.items = vals;
            out->as.array.count = n;
        }
        return rc;
    }
    return 0;
}

static int extra_fn(loader *L, const cJSON *v, const char *path, cadre_candidate *cand)
{
    cadre_value *val;

    if (expect_object(L, v, path) != 0) return -1;
    for (const cJSON *c = v->child; c != NULL; c = c->next) {
        char sub[PATH_SIZE];

        join(sub, path, c->string, 0);
        if (refuse_protected(L, c->string, sub)) return -1;
    }
    val = cadre__arena_alloc(&L->ci->arena, sizeof(*val));
    if (val == NULL) return L->oom = 1, -1;
    cand->extra = val;
    return convert_value(L, v, path, val);
}

static int schema_version_fn(loader *L, const cJSON *v, const char *path)
{
    double ver;

    if (check_number(L, v, path, 1, 1000, 1, &ver) != 0) return -1;
    if (ver > CADRE_CANDIDATE_SCHEMA_VERSION) {
        error_at(L, path,
                 "this candidate uses schema version %.0f; this cadre (%s) reads version %d", ver,
                 CADRE_VERSION, CADRE_CANDIDATE_SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

/* ---- cross-field consistency ---- */

static void check_years_within(loader *L, const cadre_num *part, const char *path,
                               const cadre_num *total)
{
    if (part->set && total->set && part->value > total->value)
        error_at(L, path, "%g years is more than experience.total_years (%g)", part->value,
                 total->value);
}

static void cross_checks(loader *L)
{
    const cadre_candidate *c = &L->ci->pub;
    const cadre_num *total = &c->experience.total_years;

    check_years_within(L, &c->experience.management_years, "experience.management_years", total);
    check_years_within(L, &c->experience.executive_years, "experience.executive_years", total);
    check_years_within(L, &c->experience.operations_years, "experience.operations_years", total);
    for (size_t i = 0; i < c->industries.count; i++) {
        char path[PATH_SIZE];

        join(path, "industries", CADRE_ITEM(cadre_industry, c->industries, i)->id, 0);
        if (total->set && CADRE_ITEM(cadre_industry, c->industries, i)->years > total->value)
            error_at(L, path, "%g years is more than experience.total_years (%g)",
                     CADRE_ITEM(cadre_industry, c->industries, i)->years, total->value);
    }
    if (c->experience.executive_years.set && c->experience.management_years.set &&
        c->experience.executive_years.value > c->experience.management_years.value)
        warn_at(L, "experience.executive_years",
                "more executive years (%g) than management years (%g); executive years count "
                "as management too, so management_years may be understated",
                c->experience.executive_years.value, c->experience.management_years.value);
    if (c->scope.direct_reports.set && c->scope.people_led.set &&
        c->scope.direct_reports.value > c->scope.people_led.value)
        error_at(L, "scope.direct_reports",
                 "%g direct reports is more than scope.people_led (%g), which includes them",
                 c->scope.direct_reports.value, c->scope.people_led.value);
    if (c->education.mba == CADRE_FLAG_YES && c->education.highest_degree != CADRE_DEGREE_UNKNOWN &&
        c->education.highest_degree < CADRE_DEGREE_MASTER)
        warn_at(L, "education.highest_degree",
                "an MBA is a master's degree, but highest_degree is lower; one of them is wrong");
    for (size_t i = 0;; i++) {
        const char *field = NULL;
        char msg[400];

        if (!cadre__implausible(c, i, &field, msg, sizeof(msg))) break;
        warn_at(L, field, "implausible: %s", msg);
    }
}

/* ---- entry points ---- */

static void parse_error(loader *L, const char *text, size_t len, const char *at)
{
    size_t off = at && at >= text && at <= text + len ? (size_t)(at - text) : len;

    while (off < len &&
           (text[off] == ' ' || text[off] == '\n' || text[off] == '\r' || text[off] == '\t'))
        off++;
    if (off >= len) {
        error_pos(L, text, len, "malformed JSON: the text ends too early (truncated file?)");
    } else {
        /* Quote at most 12 bytes, never past the end (the text need not be NUL-terminated),
         * stopping at a line break and never inside a UTF-8 character. */
        size_t n = len - off < 12 ? len - off : 12, k = 0;

        while (k < n && text[off + k] != '\n' && text[off + k] != '\r')
            k++;
        while (k > 0 && k < len - off && ((unsigned char)text[off + k] & 0xC0) == 0x80)
            k--;
        error_pos(L, text, off, "malformed JSON near '%.*s'", (int)k, text + off);
    }
}

static int all_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!(s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) return 0;
    return 1;
}

static int finish(loader *L, cJSON *root, cadre_candidate **out)
{
    int n = L->errors;

    cJSON_Delete(root);
    if (L->oom) {
        cadre_candidate_free(&L->ci->pub);
        return cadre__fail(L->err, CADRE_ENOMEM, L->source, 0, 0, "out of memory");
    }
    if (n > 0) {
        if (n > 1 && L->err) {
            size_t len = strlen(L->err->message);

            snprintf(L->err->message + len, sizeof(L->err->message) - len,
                     " (and %d more problem%s)", n - 1, n > 2 ? "s" : "");
        }
        cadre_candidate_free(&L->ci->pub);
        return L->err ? L->err->code : CADRE_ESCHEMA;
    }
    *out = &L->ci->pub;
    return 0;
}

static int candidate_parse(cadre_candidate **out, const char *json, size_t len, const char *source,
                           cadre_diag_fn on_diag, void *userdata, cadre_error *err)
{
    loader L = {0};
    const char *end = NULL;
    cJSON *root;
    int open;

    if (out == NULL || (json == NULL && len > 0))
        return cadre__fail(err, CADRE_EINVAL, source, 0, 0, "cadre_candidate_parse: NULL argument");
    *out = NULL;
    L.source = source ? source : "<candidate>";
    L.on_diag = on_diag;
    L.userdata = userdata;
    L.err = err;
    L.ci = calloc(1, sizeof(*L.ci));
    if (L.ci == NULL) return cadre__fail(err, CADRE_ENOMEM, L.source, 0, 0, "out of memory");
    cadre__arena_init(&L.ci->arena, 8192);
    L.ci->warnings = (cadre__vec)CADRE__VEC_INIT(cadre_diag);
    L.ci->pub.struct_size = sizeof(cadre_candidate);
    L.ci->pub.version = CADRE_CANDIDATE_VERSION;
    L.ci->pub.priv = L.ci;
    {
        /* A file name from the command line, shown in reports: keep it valid UTF-8. */
        char clean[1024];

        cadre__utf8_sanitize(clean, sizeof(clean), L.source, strlen(L.source));
        L.ci->pub.source = cadre__arena_strdup(&L.ci->arena, clean);
    }
    if (L.ci->pub.source == NULL) L.oom = 1;
    L.source = L.ci->pub.source ? L.ci->pub.source : L.source;

    if (len > CADRE_CANDIDATE_MAX_BYTES) {
        error_at(&L, NULL, "%zu bytes is over the %u-byte limit for a candidate", len,
                 CADRE_CANDIDATE_MAX_BYTES);
        return finish(&L, NULL, out);
    }
    /* A UTF-8 byte order mark is legal in a file but not in JSON; drop it. */
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) json += 3, len -= 3;
    if (len == 0 || all_blank(json, len)) {
        error_at(&L, NULL, "empty input; a candidate is a JSON object (see docs/candidate.md)");
        return finish(&L, NULL, out);
    }
    if ((open = prescan(&L, json, len)) < 0) return finish(&L, NULL, out);
    root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (root == NULL) {
        if (open > 0)
            error_pos(&L, json, len,
                      "malformed JSON: the text ends with %d bracket%s or string%s still open "
                      "(truncated file?)",
                      open, open > 1 ? "s" : "", open > 1 ? "s" : "");
        else
            parse_error(&L, json, len, end);
        return finish(&L, NULL, out);
    }
    if (end != NULL && !all_blank(end, len - (size_t)(end - json))) {
        error_pos(&L, json, (size_t)(end - json),
                  "unexpected text after the candidate object (one candidate per file; use "
                  "`cadre batch` for JSON Lines)");
        return finish(&L, root, out);
    }
    if (!cJSON_IsObject(root)) {
        char got[96];

        error_at(&L, NULL, "a candidate is a JSON object, got %s",
                 describe(root, got, sizeof(got)));
        return finish(&L, root, out);
    }
    if (walk_object(&L, root, "", cadre__root_fields, &L.ci->pub) == 0 && L.errors == 0)
        cross_checks(&L);
    return finish(&L, root, out);
}

int cadre_candidate_load_file(cadre_candidate **out, const char *path, cadre_diag_fn on_diag,
                              void *userdata, cadre_error *err)
{
    char *buf;
    size_t len;
    int rc;

    if (out == NULL || path == NULL)
        return cadre__fail(err, CADRE_EINVAL, "", 0, 0, "cadre_candidate_load_file: NULL argument");
    *out = NULL;
    rc = cadre__read_file(&buf, &len, path, CADRE_CANDIDATE_MAX_BYTES, err);
    if (rc != 0) return rc;
    rc = cadre_candidate_parse(out, buf, len, strcmp(path, "-") == 0 ? "<stdin>" : path, on_diag,
                               userdata, err);
    free(buf);
    return rc;
}

size_t cadre_candidate_warning_count(const cadre_candidate *c)
{
    const cand_impl *ci = impl_of(c);

    return ci ? ci->warnings.count : 0;
}

const cadre_diag *cadre_candidate_warning(const cadre_candidate *c, size_t i)
{
    const cand_impl *ci = impl_of(c);

    return ci ? cadre__vec_at(&ci->warnings, i) : NULL;
}

void cadre_candidate_free(cadre_candidate *c)
{
    cand_impl *ci = (cand_impl *)impl_of(c);

    if (ci == NULL) return; /* NULL, or not ours to free */
    cadre__vec_free(&ci->warnings);
    cadre__arena_free(&ci->arena);
    free(ci);
}

int cadre_candidate_parse(cadre_candidate **out, const char *json, size_t len, const char *source,
                          cadre_diag_fn on_diag, void *userdata, cadre_error *err)
{
    locale_t previous = cadre__locale_enter();
    int rc = candidate_parse(out, json, len, source, on_diag, userdata, err);

    cadre__locale_leave(previous);
    return rc;
}
