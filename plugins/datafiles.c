/* SPDX-License-Identifier: MIT */
/*
 * plugins/datafiles.c - reading the built-in plugins' data folder (datafiles.h).
 */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafiles.h"

#define LEVEL_FACTOR (5.0 / 7.0) /* O*NET level 0-7 to cadre's 0-5, as level x 5/7 */

int datafiles_dir(char *dir, size_t size, const void *self, char *err, size_t errlen)
{
    Dl_info info;
    char *slash;

    /* dladdr wants a data pointer; a function's address is one on every platform cadre runs. */
    if (!dladdr(self, &info) || info.dli_fname == NULL) {
        snprintf(err, errlen, "cannot find the plugin's own file to locate data/");
        return -1;
    }
    if (snprintf(dir, size, "%s", info.dli_fname) >= (int)size - 6) {
        snprintf(err, errlen, "the plugin's path is too long");
        return -1;
    }
    slash = strrchr(dir, '/');
    if (slash)
        strcpy(slash, "/data");
    else
        strcpy(dir, "data");
    return 0;
}

static char *slurp(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (f == NULL) {
        snprintf(err, errlen, "cannot open %s", path);
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n < (8L << 20) &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
        if (fread(buf, 1, (size_t)n, f) == (size_t)n) {
            buf[n] = '\0';
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    if (buf == NULL) snprintf(err, errlen, "cannot read %s", path);
    return buf;
}

cJSON *datafiles_json(const char *dir, const char *name, char *err, size_t errlen)
{
    char path[1200];
    char *text;
    cJSON *j;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    if ((text = slurp(path, err, errlen)) == NULL) return NULL;
    j = cJSON_Parse(text);
    free(text);
    if (j == NULL) snprintf(err, errlen, "%s is not valid JSON", path);
    return j;
}

static const char *const onet_names[] = {"skills", "knowledge", "abilities", "work_activities"};

void datafiles_onet_read(datafiles_onet *o, const char *dir)
{
    for (size_t f = 0; f < 4; f++) {
        char path[1200], err[64];

        snprintf(path, sizeof(path), "%s/onet/%s.tsv", dir, onet_names[f]);
        o->text[f] = slurp(path, err, sizeof(err)); /* NULL: that file is skipped */
    }
}

void datafiles_onet_free(datafiles_onet *o)
{
    for (size_t f = 0; f < 4; f++) {
        free(o->text[f]);
        o->text[f] = NULL;
    }
}

/* Field k (0-based) of the tab-separated line at p, as a pointer and length; 0 if absent. */
static int field_at(const char *p, const char *end, int k, const char **f, size_t *len)
{
    for (int i = 0; i < k; i++) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));

        if (tab == NULL) return 0;
        p = tab + 1;
    }
    {
        const char *tab = memchr(p, '\t', (size_t)(end - p));

        *f = p;
        *len = (size_t)((tab ? tab : end) - p);
    }
    return 1;
}

/* Reads the text in place: a role looks up a few dozen elements, once. */
int datafiles_onet_lookup(const datafiles_onet *o, const char *element, const char *col, double *im,
                          double *lv, char *name, size_t namelen)
{
    char want[64];
    size_t elen = strlen(element);

    snprintf(want, sizeof(want), "%s_im", col);
    for (size_t f = 0; f < 4; f++) {
        const char *text = o->text[f], *end, *line, *nl, *v;
        size_t vlen;
        int ci = -1;

        if (text == NULL) continue;
        end = text + strlen(text);
        nl = memchr(text, '\n', (size_t)(end - text));
        if (nl == NULL) continue;
        for (int k = 0; field_at(text, nl, k, &v, &vlen); k++)
            if (vlen == strlen(want) && memcmp(v, want, vlen) == 0) ci = k;
        for (line = nl + 1; ci > 0 && line < end; line = nl + 1) {
            char num[32];

            nl = memchr(line, '\n', (size_t)(end - line));
            if (nl == NULL) nl = end;
            if ((size_t)(nl - line) <= elen || memcmp(line, element, elen) != 0 ||
                line[elen] != '\t')
                continue;
            if (!field_at(line, nl, ci, &v, &vlen) || vlen >= sizeof(num)) return -1;
            memcpy(num, v, vlen), num[vlen] = '\0', *im = atof(num);
            if (!field_at(line, nl, ci + 1, &v, &vlen) || vlen >= sizeof(num)) return -1;
            memcpy(num, v, vlen), num[vlen] = '\0', *lv = atof(num);
            if (!field_at(line, nl, 1, &v, &vlen)) return -1;
            snprintf(name, namelen, "%.*s", (int)vlen, v);
            return 0;
        }
    }
    return -1;
}

/* A number as the report writes it: one decimal, ".0" dropped. */
static void num(char *out, size_t size, double x)
{
    size_t n = (size_t)snprintf(out, size, "%.1f", x);

    if (n >= 2 && n < size && memcmp(out + n - 2, ".0", 2) == 0) out[n - 2] = '\0';
}

static const char *string_at(const cJSON *j, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(j, key);

    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int resolve(datafiles_role_skill *s, const cJSON *e, const char *column,
                   const datafiles_onet *onet, const cadre_host *h, const char *where, char *err,
                   size_t errlen)
{
    const cJSON *im = cJSON_GetObjectItem(e, "importance"), *lv = cJSON_GetObjectItem(e, "level");
    const char *element;
    char name[120], a[32], b[32];
    double oi, ol;

    if (cJSON_IsNumber(im)) {
        const char *src = string_at(e, "source");

        if (!cJSON_IsNumber(lv)) {
            snprintf(err, errlen, "%s: importance is given without a level", where);
            return -1;
        }
        s->importance = im->valuedouble;
        s->need = lv->valuedouble;
        s->given = 1;
        snprintf(s->source, sizeof(s->source), "%s", src ? src : "given in the role profile");
        return 0;
    }
    element = string_at(e, "onet");
    if (element == NULL) element = h->vocab_extra("skill", s->id);
    if (element == NULL ||
        datafiles_onet_lookup(onet, element, column, &oi, &ol, name, sizeof(name)) != 0) {
        snprintf(err, errlen, "%s: no O*NET rating for %s", where, element ? element : "nil");
        return -1;
    }
    s->importance = oi;
    s->need = ol * LEVEL_FACTOR;
    s->onet_level = ol;
    snprintf(s->element_name, sizeof(s->element_name), "%s", name);
    num(a, sizeof(a), ol);
    num(b, sizeof(b), oi);
    snprintf(s->source, sizeof(s->source), "O*NET %s, level %s/7, importance %s/5", name, a, b);
    return 0;
}

static int is_role_id(const char *id)
{
    if (!(id[0] >= 'a' && id[0] <= 'z') || strlen(id) >= 64) return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) return 0;
    return 1;
}

int datafiles_role_load(datafiles_role *r, const char *dir, const char *id,
                        const datafiles_onet *onet, const cadre_host *h, char *err, size_t errlen)
{
    char name[128], path[1200];
    const cJSON *skills, *e, *o;
    const char *column;
    cJSON *spec;
    FILE *f;
    int i = 0, rc = 0;

    memset(r, 0, sizeof(*r));
    if (!is_role_id(id)) {
        snprintf(err, errlen, "'%s' is not a role id", id);
        return 1;
    }
    snprintf(name, sizeof(name), "roles/%s.json", id);
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    if ((f = fopen(path, "rb")) == NULL) {
        snprintf(err, errlen,
                 "no role profile data/roles/%s.json; the built-in roles are coo and "
                 "operations_manager",
                 id);
        return 1;
    }
    fclose(f);
    if ((spec = datafiles_json(dir, name, err, errlen)) == NULL) return -1;
    o = cJSON_GetObjectItem(spec, "onet");
    skills = cJSON_GetObjectItem(spec, "skills");
    column = string_at(o, "column");
    if (!string_at(spec, "title") || !string_at(o, "code") || !string_at(o, "title") || !column ||
        !cJSON_IsArray(skills)) {
        snprintf(err, errlen,
                 "data/%s: needs title, onet.code, onet.title, onet.column and a skills list",
                 name);
        cJSON_Delete(spec);
        return -1;
    }
    snprintf(r->id, sizeof(r->id), "%s", id);
    snprintf(r->title, sizeof(r->title), "%s", string_at(spec, "title"));
    snprintf(r->onet_code, sizeof(r->onet_code), "%s", string_at(o, "code"));
    snprintf(r->onet_title, sizeof(r->onet_title), "%s", string_at(o, "title"));
    cJSON_ArrayForEach(e, skills)
    {
        datafiles_role_skill *s = &r->skills[i];
        const char *skill = string_at(e, "skill");
        char where[200];

        snprintf(where, sizeof(where), "data/%s: skills[%d]", name, i + 1);
        if (i == DATAFILES_MAX_ROLE_SKILLS) {
            snprintf(err, errlen, "%s: at most %d skills", where, DATAFILES_MAX_ROLE_SKILLS);
            rc = -1;
            break;
        }
        if (skill == NULL || h->vocab_label("skill", skill) == NULL) {
            snprintf(err, errlen, "%s: unknown skill id '%s'", where, skill ? skill : "nil");
            rc = -1;
            break;
        }
        snprintf(s->id, sizeof(s->id), "%s", skill);
        s->label = h->vocab_label("skill", skill);
        if ((rc = resolve(s, e, column, onet, h, where, err, errlen)) != 0) break;
        i++;
    }
    r->nskills = i;
    cJSON_Delete(spec);
    return rc;
}
