/* SPDX-License-Identifier: MIT */
/*
 * core/cli/record.c - decision records (record.h; docs/audit.md, "Decision records").
 */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "record.h"

#define RECORD_FORMAT_VERSION 1
#define MASKED                "(masked)"

cJSON *record_engine_json(const cadre_engine *e)
{
    cJSON *eng = cJSON_CreateObject(), *plugins;
    char fp[65];

    cadre_engine_fingerprint(fp, e);
    cJSON_AddStringToObject(eng, "name", "cadre");
    cJSON_AddStringToObject(eng, "version", cadre_version());
    cJSON_AddStringToObject(eng, "fingerprint", fp);
    plugins = cJSON_AddArrayToObject(eng, "plugins");
    for (size_t i = 0; i < cadre_engine_plugin_count(e); i++) {
        const cadre_plugin_meta *m = cadre_engine_plugin(e, i);
        cJSON *p = cJSON_CreateObject(), *params = cJSON_CreateObject();

        cJSON_AddStringToObject(p, "name", m->name);
        cJSON_AddStringToObject(p, "version", m->version ? m->version : "");
        cJSON_AddStringToObject(p, "kind", cadre_plugin_kind_name(m->kind));
        cJSON_AddStringToObject(p, "sha256", m->sha256 ? m->sha256 : "");
        /* Every parameter: the value set, or null for the plugin's default. */
        for (const cadre_param_spec *const *s = m->params; s && *s; s++) {
            const char *v = cadre_engine_param(e, m->name, (*s)->key);

            cJSON_AddItemToObject(params, (*s)->key,
                                  v ? cJSON_CreateString(v) : cJSON_CreateNull());
        }
        cJSON_AddItemToObject(p, "params", params);
        cJSON_AddItemToArray(plugins, p);
    }
    return eng;
}

/* Replaces field `path` ("name", "current_role.title") of o by "(masked)" when present. */
static int mask_field(cJSON *o, const char *path)
{
    char buf[128], *save = NULL, *k, *next;

    snprintf(buf, sizeof(buf), "%s", path);
    k = strtok_r(buf, ".", &save);
    while (k && o && (next = strtok_r(NULL, ".", &save)) != NULL) {
        o = cJSON_GetObjectItemCaseSensitive(o, k);
        k = next;
    }
    if (k == NULL || !cJSON_IsObject(o) || cJSON_GetObjectItemCaseSensitive(o, k) == NULL) return 0;
    cJSON_ReplaceItemInObjectCaseSensitive(o, k, cJSON_CreateString(MASKED));
    return 1;
}

static cJSON *build(const record_opts *o, const cadre_engine *e, const cadre_candidate *c,
                    const cadre_report *r, char *why, size_t size)
{
    char *cand = NULL, *rep = NULL;
    cadre_error err;
    cJSON *doc = NULL, *cj = NULL, *rj = NULL, *limits, *masked;

    if (cadre_candidate_to_json(&cand, c, &err) != 0 ||
        cadre_report_render(&rep, NULL, (const cadre_report *const *)&r, 1, CADRE_FORMAT_JSONL, 0,
                            &err) != 0) {
        snprintf(why, size, "%s", err.message);
        goto out;
    }
    cj = cJSON_Parse(cand);
    rj = cJSON_Parse(rep);
    if (cj == NULL || rj == NULL || (doc = cJSON_CreateObject()) == NULL) {
        snprintf(why, size, "out of memory");
        goto out;
    }
    cJSON_AddStringToObject(doc, "format", "cadre-record");
    cJSON_AddNumberToObject(doc, "format_version", RECORD_FORMAT_VERSION);
    cJSON_AddStringToObject(doc, "candidate_sha256", cadre_report_candidate_sha256(r));
    masked = cJSON_AddArrayToObject(doc, "masked");
    for (int i = 0; i < o->nmask; i++) {
        cJSON *rc = cJSON_GetObjectItemCaseSensitive(rj, "candidate");
        int hit = mask_field(cj, o->mask[i]);

        /* The report repeats the id and the name, and names the file read ("source", which
         * may say who it is): masked there too when asked. */
        if (strchr(o->mask[i], '.') == NULL) hit |= mask_field(rc, o->mask[i]);
        if (hit) cJSON_AddItemToArray(masked, cJSON_CreateString(o->mask[i]));
    }
    cJSON_AddItemToObject(doc, "candidate", cj);
    cj = NULL;
    cJSON_AddItemToObject(doc, "engine", record_engine_json(e));
    if (o->names) {
        cJSON *a = cJSON_AddArrayToObject(doc, "assessments");

        for (const char *const *n = o->names; *n; n++)
            cJSON_AddItemToArray(a, cJSON_CreateString(*n));
    } else {
        cJSON_AddNullToObject(doc, "assessments");
    }
    limits = cJSON_AddObjectToObject(doc, "limits");
    cJSON_AddNumberToObject(limits, "lua_time_limit_ms", o->lua_time_ms ? o->lua_time_ms : 1000);
    cJSON_AddNumberToObject(limits, "lua_memory_limit_mb",
                            o->lua_memory_mb ? o->lua_memory_mb : 64);
    cJSON_AddNumberToObject(limits, "native_time_limit_ms", o->native_ms ? o->native_ms : 10000);
    cJSON_AddStringToObject(limits, "isolate", o->isolation ? o->isolation : "untrusted");
    cJSON_AddItemToObject(doc, "report", rj);
    rj = NULL;
out:
    cadre_free(cand);
    cadre_free(rep);
    cJSON_Delete(cj);
    cJSON_Delete(rj);
    return doc;
}

/* Writes text to dir/name, never replacing a file: a temporary file, written and synced, is
 * linked to the name (link fails when the name exists), then the folder is synced, so that
 * a crash leaves either no record or a whole one. An existing record of the same name is the
 * same candidate assessed by the same engine: kept as it is. */
static int put(const char *dir, const char *name, const char *text, char *why, size_t size)
{
    char tmp[4096], path[4096];
    size_t len = strlen(text);
    int fd, rc = 0;

    if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path) ||
        snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, name) >= (int)sizeof(tmp)) {
        snprintf(why, size, "%s: the folder name is too long", dir);
        return -1;
    }
    if ((fd = mkstemp(tmp)) < 0) {
        snprintf(why, size, "cannot write in %s: %s", dir, strerror(errno));
        return -1;
    }
    fchmod(fd, 0444); /* a record is not edited */
    if (write(fd, text, len) != (ssize_t)len || write(fd, "\n", 1) != 1 || fsync(fd) != 0) rc = -1;
    if (close(fd) != 0) rc = -1;
    if (rc == 0 && link(tmp, path) != 0 && errno != EEXIST) rc = -1;
    if (rc != 0) snprintf(why, size, "cannot write %s: %s", path, strerror(errno));
    unlink(tmp);
    if (rc == 0 && (fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
        fsync(fd);
        close(fd);
    }
    return rc;
}

int record_write(const record_opts *o, const cadre_engine *e, const cadre_candidate *c,
                 const cadre_report *r, char *why, size_t size)
{
    cJSON *doc = build(o, e, c, r, why, size);
    char name[64], *text;
    int rc;

    if (doc == NULL) return -1;
    text = cJSON_Print(doc);
    cJSON_Delete(doc);
    if (text == NULL) {
        snprintf(why, size, "out of memory");
        return -1;
    }
    /* The name says which candidate, which engine and which assessments (FNV-1a of the -a
     * list): the same three make the same record, kept once. */
    uint32_t h = 2166136261u;

    for (const char *const *n = o->names; n && *n; n++) {
        for (const char *p = *n; *p; p++)
            h = (h ^ (unsigned char)*p) * 16777619u;
        h = (h ^ (unsigned char)',') * 16777619u;
    }
    snprintf(name, sizeof(name), "%.16s-%.12s-%08x.json", cadre_report_candidate_sha256(r),
             cadre_report_fingerprint(r), o->names ? h : 0u);
    rc = put(o->dir, name, text, why, size);
    free(text);
    return rc;
}
