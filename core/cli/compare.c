/* SPDX-License-Identifier: MIT */
/*
 * core/cli/compare.c - progress between two profiles of one person (compare.h): the fields
 * that changed, each verdict's move, and the gaps closed and opened. Works on the JSON the
 * person wrote and the JSON reports cadre gave, so that it says what the person can check.
 */
#include <stdio.h>
#include <string.h>

#include "compare.h"
#include "json.h"

/* ---- the profile ---- */

/* A skill as a level and evidence, whichever form the file used ({"level":..} or a number). */
static cJSON *skill_form(const cJSON *v)
{
    if (cJSON_IsNumber(v)) {
        cJSON *o = cJSON_CreateObject();

        cJSON_AddNumberToObject(o, "level", v->valuedouble);
        return o;
    }
    return cJSON_Duplicate(v, 1);
}

static void change(cJSON *out, const char *field, const cJSON *was, const cJSON *now)
{
    cJSON *c = cJSON_CreateObject();

    cJSON_AddStringToObject(c, "field", field);
    cJSON_AddItemToObject(c, "old", was ? cJSON_Duplicate(was, 1) : cJSON_CreateNull());
    cJSON_AddItemToObject(c, "new", now ? cJSON_Duplicate(now, 1) : cJSON_CreateNull());
    cJSON_AddItemToArray(out, c);
}

/* Lists (certifications, tools, achievements, ...): what was added and what removed, an item
 * being the same when it is equal as JSON. */
static void list_change(cJSON *out, const char *field, const cJSON *was, const cJSON *now)
{
    cJSON *added = cJSON_CreateArray(), *removed = cJSON_CreateArray(), *x, *c;

    cJSON_ArrayForEach(x, now)
    {
        int found = 0;
        const cJSON *y;

        cJSON_ArrayForEach(y, was) found |= cJSON_Compare(x, y, 1);
        if (!found) cJSON_AddItemToArray(added, cJSON_Duplicate(x, 1));
    }
    cJSON_ArrayForEach(x, was)
    {
        int found = 0;
        const cJSON *y;

        cJSON_ArrayForEach(y, now) found |= cJSON_Compare(x, y, 1);
        if (!found) cJSON_AddItemToArray(removed, cJSON_Duplicate(x, 1));
    }
    if (cJSON_GetArraySize(added) == 0 && cJSON_GetArraySize(removed) == 0) {
        cJSON_Delete(added);
        cJSON_Delete(removed);
        return;
    }
    c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "field", field);
    cJSON_AddItemToObject(c, "added", added);
    cJSON_AddItemToObject(c, "removed", removed);
    cJSON_AddItemToArray(out, c);
}

static void diff(cJSON *out, const char *path, const cJSON *was, const cJSON *now);

static void diff_objects(cJSON *out, const char *path, const cJSON *was, const cJSON *now)
{
    const cJSON *x;
    char field[512];

    /* The new profile's order, then what only the old one had. */
    cJSON_ArrayForEach(x, now)
    {
        snprintf(field, sizeof(field), "%s%s%s", path, *path ? "." : "", x->string);
        diff(out, field, cJSON_GetObjectItemCaseSensitive(was, x->string), x);
    }
    cJSON_ArrayForEach(x, was)
    {
        if (cJSON_GetObjectItemCaseSensitive(now, x->string)) continue;
        snprintf(field, sizeof(field), "%s%s%s", path, *path ? "." : "", x->string);
        diff(out, field, x, NULL);
    }
}

static void diff(cJSON *out, const char *path, const cJSON *was, const cJSON *now)
{
    if (strcmp(path, "$schema") == 0) return; /* where an editor finds the schema */
    if (strncmp(path, "skills.", 7) == 0 && strchr(path + 7, '.') == NULL) {
        cJSON *a = was ? skill_form(was) : NULL, *b = now ? skill_form(now) : NULL;

        if (a && b)
            diff_objects(out, path, a, b);
        else if (!cJSON_Compare(a, b, 1))
            change(out, path, a, b);
        cJSON_Delete(a);
        cJSON_Delete(b);
        return;
    }
    if (cJSON_IsObject(was) && cJSON_IsObject(now)) {
        diff_objects(out, path, was, now);
    } else if (cJSON_IsArray(was) && cJSON_IsArray(now)) {
        list_change(out, path, was, now);
    } else if (was == NULL || now == NULL || !cJSON_Compare(was, now, 1)) {
        change(out, path, was, now);
    }
}

/* ---- the reports ---- */

static const cJSON *first_report(const cJSON *doc)
{
    return cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "reports"), 0);
}

static const cJSON *assessment(const cJSON *report, const char *name)
{
    const cJSON *a;

    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(report, "assessments"))
    {
        const cJSON *n = cJSON_GetObjectItemCaseSensitive(a, "name");

        if (cJSON_IsString(n) && strcmp(n->valuestring, name) == 0) return a;
    }
    return NULL;
}

/* The same gap in both reports: the same advice, or the same words up to the first number
 * ("Financial planning and budgeting: you rate yourself 3, ..."), since the advice may change
 * with another fact and the numbers with the person. */
static size_t stem(const char *s)
{
    size_t n = strcspn(s, "0123456789");

    return n >= 12 ? n : strlen(s);
}

static int same_gap(const cJSON *f, const cJSON *g)
{
    const char *ra = cli_str(f, "recommendation"), *rb = cli_str(g, "recommendation");
    const char *ta = cli_str(f, "text"), *tb = cli_str(g, "text");
    size_t n;

    if (ra && rb && strcmp(ra, rb) == 0) return 1;
    if (ta == NULL || tb == NULL) return 0;
    n = stem(ta);
    return n == stem(tb) && strncmp(ta, tb, n) == 0;
}

static int has_gap(const cJSON *a, const cJSON *gap)
{
    const cJSON *f;

    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(a, "findings"))
    {
        const char *k = cli_str(f, "kind");

        if (k && strcmp(k, "gap") == 0 && same_gap(f, gap)) return 1;
    }
    return 0;
}

/* Gaps of `from` that `to` does not have, into out as {assessment, title, text}. */
static void gaps_missing(cJSON *out, const char *name, const char *title, const cJSON *from,
                         const cJSON *to)
{
    const cJSON *f;

    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(from, "findings"))
    {
        const char *k = cli_str(f, "kind");
        cJSON *g;

        if (!k || strcmp(k, "gap") != 0 || has_gap(to, f)) continue;
        g = cJSON_CreateObject();
        cJSON_AddStringToObject(g, "assessment", name);
        cJSON_AddStringToObject(g, "title", title);
        cJSON_AddStringToObject(g, "text", cli_str(f, "text") ? cli_str(f, "text") : "");
        cJSON_AddItemToArray(out, g);
    }
}

static cJSON *verdict(const cJSON *a)
{
    cJSON *v = cJSON_CreateObject();
    const cJSON *score = cJSON_GetObjectItemCaseSensitive(a, "score");

    cJSON_AddStringToObject(v, "status", cli_str(a, "status") ? cli_str(a, "status") : "error");
    cJSON_AddItemToObject(v, "score", cJSON_Duplicate(score, 1));
    cJSON_AddItemToObject(v, "band",
                          cli_str(a, "band") ? cJSON_CreateString(cli_str(a, "band"))
                                             : cJSON_CreateNull());
    return v;
}

static cJSON *who(const cJSON *report, const char *source)
{
    cJSON *w = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(report, "candidate"), 1);

    if (w == NULL) w = cJSON_CreateObject();
    if (!cJSON_GetObjectItemCaseSensitive(w, "source"))
        cJSON_AddStringToObject(w, "source", source);
    return w;
}

cJSON *compare_profiles(const cJSON *old_profile, const cJSON *new_profile, const cJSON *old_report,
                        const cJSON *new_report, const char *old_source, const char *new_source)
{
    const cJSON *ro = first_report(old_report), *rn = first_report(new_report), *a;
    cJSON *doc = cJSON_CreateObject(), *changes, *moves, *closed, *opened;
    const char *oid = cli_str(old_profile, "id"), *nid = cli_str(new_profile, "id");
    const char *oname = cli_str(old_profile, "name"), *nname = cli_str(new_profile, "name");

    if (doc == NULL) return NULL;
    cJSON_AddStringToObject(doc, "format", "cadre-compare");
    cJSON_AddNumberToObject(doc, "format_version", 1);
    cJSON_AddItemToObject(doc, "old", who(ro, old_source));
    cJSON_AddItemToObject(doc, "new", who(rn, new_source));
    /* Two profiles of one person, as far as the files say: a different id or name is named. */
    cJSON_AddBoolToObject(
        doc, "same_person",
        !((oid && nid && strcmp(oid, nid) != 0) || (oname && nname && strcmp(oname, nname) != 0)));
    changes = cJSON_AddArrayToObject(doc, "profile_changes");
    diff(changes, "", old_profile, new_profile);
    moves = cJSON_AddArrayToObject(doc, "assessments");
    closed = cJSON_AddArrayToObject(doc, "gaps_closed");
    opened = cJSON_AddArrayToObject(doc, "gaps_new");
    /* The new report's assessments in its order, then any only the old one ran. */
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(rn, "assessments"))
    {
        const char *name = cli_str(a, "name");
        const cJSON *was = name ? assessment(ro, name) : NULL;
        const cJSON *so = cJSON_GetObjectItemCaseSensitive(was, "score"),
                    *sn = cJSON_GetObjectItemCaseSensitive(a, "score");
        cJSON *m = cJSON_CreateObject();

        if (name == NULL) continue;
        cJSON_AddStringToObject(m, "name", name);
        cJSON_AddStringToObject(m, "title", cli_str(a, "title") ? cli_str(a, "title") : name);
        cJSON_AddItemToObject(m, "old", was ? verdict(was) : cJSON_CreateNull());
        cJSON_AddItemToObject(m, "new", verdict(a));
        if (cJSON_IsNumber(so) && cJSON_IsNumber(sn))
            cJSON_AddNumberToObject(m, "score_change", sn->valuedouble - so->valuedouble);
        else
            cJSON_AddNullToObject(m, "score_change");
        cJSON_AddBoolToObject(m, "band_changed",
                              was && !(cli_str(was, "band") && cli_str(a, "band") &&
                                       strcmp(cli_str(was, "band"), cli_str(a, "band")) == 0));
        cJSON_AddItemToArray(moves, m);
        if (was) {
            const char *title = cli_str(a, "title") ? cli_str(a, "title") : name;

            gaps_missing(closed, name, title, was, a);
            gaps_missing(opened, name, title, a, was);
        }
    }
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(ro, "assessments"))
    {
        const char *name = cli_str(a, "name");
        cJSON *m;

        if (name == NULL || assessment(rn, name)) continue;
        m = cJSON_CreateObject();
        cJSON_AddStringToObject(m, "name", name);
        cJSON_AddStringToObject(m, "title", cli_str(a, "title") ? cli_str(a, "title") : name);
        cJSON_AddItemToObject(m, "old", verdict(a));
        cJSON_AddNullToObject(m, "new");
        cJSON_AddNullToObject(m, "score_change");
        cJSON_AddBoolToObject(m, "band_changed", 1);
        cJSON_AddItemToArray(moves, m);
    }
    return doc;
}
