/* SPDX-License-Identifier: MIT */
/*
 * plugins/advice.c - development advice chosen by the facts of a profile (advice.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "datafiles.h"

/* Fields of the candidate's `background` (added in candidate version 3) read as unset when
 * the engine that built the candidate is older. */
#define BACKGROUND(c, field) (CADRE_CANDIDATE_HAS(c, background) ? (c)->background.field : 0)

static void copy_string(char *dst, size_t size, const cJSON *v)
{
    snprintf(dst, size, "%s", cJSON_IsString(v) ? v->valuestring : "");
}

int advice_book_load(advice_book *book, const char *dir, char *err, size_t errlen)
{
    cJSON *dev = datafiles_json(dir, "development.json", err, errlen);
    const cJSON *skills = cJSON_GetObjectItem(dev, "skills"), *d;
    int n = 0;

    memset(book, 0, sizeof(*book));
    if (dev == NULL) return -1;
    if (!cJSON_IsObject(skills)) {
        snprintf(err, errlen, "%s/development.json: expected an object \"skills\"", dir);
        cJSON_Delete(dev);
        return -1;
    }
    book->entries = calloc((size_t)cJSON_GetArraySize(skills) + 1, sizeof(*book->entries));
    if (book->entries == NULL) {
        snprintf(err, errlen, "out of memory");
        cJSON_Delete(dev);
        return -1;
    }
    cJSON_ArrayForEach(d, skills)
    {
        advice_entry *e = &book->entries[n++];
        const cJSON *alt;

        snprintf(e->skill, sizeof(e->skill), "%s", d->string);
        copy_string(e->action, sizeof(e->action), cJSON_GetObjectItem(d, "do"));
        copy_string(e->learn, sizeof(e->learn), cJSON_GetObjectItem(d, "learn"));
        cJSON_ArrayForEach(alt, cJSON_GetObjectItem(d, "instead"))
        {
            const cJSON *f = cJSON_GetObjectItem(alt, "if"), *t = cJSON_GetObjectItem(alt, "do");

            if (e->ninstead == 3 || !cJSON_IsString(f) || !cJSON_IsString(t)) continue;
            copy_string(e->instead[e->ninstead].fact, sizeof(e->instead[0].fact), f);
            copy_string(e->instead[e->ninstead].action, sizeof(e->instead[0].action), t);
            e->ninstead++;
        }
    }
    book->count = n;
    cJSON_Delete(dev);
    return 0;
}

void advice_book_free(advice_book *book)
{
    free(book->entries);
    book->entries = NULL;
    book->count = 0;
}

const advice_entry *advice_find(const advice_book *book, const char *skill)
{
    for (int i = 0; i < book->count; i++)
        if (strcmp(book->entries[i].skill, skill) == 0) return &book->entries[i];
    return NULL;
}

int advice_fact(const cadre_candidate *c, const char *name)
{
    if (strcmp(name, "senior_scope") == 0)
        return c->current_role.level >= CADRE_LEVEL_DIRECTOR ||
               (c->scope.budget_usd.set && c->scope.budget_usd.value >= 5e6) ||
               (c->scope.people_led.set && c->scope.people_led.value >= 100);
    if (strcmp(name, "owns_budget") == 0)
        return c->scope.budget_usd.set && c->scope.budget_usd.value >= 1e6;
    if (strcmp(name, "hiring_authority") == 0) return c->scope.hiring_authority == CADRE_FLAG_YES;
    if (strcmp(name, "pnl_owner") == 0) return c->scope.pnl_owner == CADRE_FLAG_YES;
    if (strcmp(name, "board_exposure") == 0) return BACKGROUND(c, board_exposure) == CADRE_FLAG_YES;
    return 0;
}

const char *advice_action(const advice_entry *e, const cadre_candidate *c)
{
    if (e == NULL) return NULL;
    for (int i = 0; i < e->ninstead; i++)
        if (advice_fact(c, e->instead[i].fact)) return e->instead[i].action;
    return e->action[0] ? e->action : NULL;
}
