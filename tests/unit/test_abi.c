/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_abi.c - what an earlier release promised still holds.
 *
 *  - A plugin binary built against the headers of cadre 0.2.0 (tests/abi/include-0.2, frozen)
 *    loads and reads the candidate correctly, in this process and in a worker.
 *  - Lists whose records are larger than this build's (as a later library would build them)
 *    are read correctly through CADRE_ITEM, by that plugin and by Lua rubrics: records can grow.
 *  - An embedder's options struct from an earlier release (smaller struct_size) is accepted,
 *    and CADRE_ENGINE_OPTIONS_INIT gives the same defaults as cadre_engine_options_init.
 */
#include <stdlib.h>
#include <string.h>

#include <cadre/cadre.h>

#include "../tap.h"
#include "helpers.h"

#define PLUGIN CADRE_TEST_ABI "/plugin_0_2.so"

static const char *evidence(const cadre_report *r)
{
    const cadre_result *res = cadre_report_result(r, 0);

    if (res == NULL || res->status != CADRE_STATUS_OK) {
        if (res) diag("error: %s", res->error.message);
        return "";
    }
    return CADRE_ITEM(cadre_criterion, res->criteria, 0)->evidence;
}

static void test_old_plugin(cadre_isolation mode, const char *where)
{
    const char *json = "{\"name\": \"Abi Tester\", \"experience\": {\"management_years\": 7},"
                       " \"skills\": {\"leadership\": 4, \"negotiation\": 2},"
                       " \"industries\": {\"logistics\": 6, \"retail\": 3},"
                       " \"achievements\": [{\"kind\": \"efficiency\", \"description\": \"a\","
                       " \"impact_pct\": 12}, {\"kind\": \"quality\", \"description\": \"b\","
                       " \"impact_pct\": 30}]}";
    cadre_engine *e = bare_engine(NULL, mode, 0, 0, 0);
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;
    const char *names[] = {"abi_0_2", NULL};

    is_int(cadre_engine_load_file(e, PLUGIN, &err), 0,
           "%s: a plugin built against 0.2.0's headers loads", where);
    cadre_candidate_parse(&c, json, strlen(json), "abi.json", NULL, NULL, NULL);
    if (cadre_engine_assess(&r, e, c, names, &err) == 0) {
        is_str(evidence(r),
               "name=Abi Tester management=7 skills=2 top=leadership:4 industry_years=9 "
               "achievements=2 best_impact=30 host=1",
               "%s: ... and reads the candidate as it is", where);
        is_str(CADRE_ITEM(cadre_detail, cadre_report_result(r, 0)->details, 0)->value, "Leadership",
               "%s: ... and calls the host", where);
    } else {
        ok(0, "%s: assess: %s", where, err.message);
    }
    cadre_report_free(r);
    cadre_candidate_free(c);
    cadre_engine_free(e);
}

/* A record as a later library might lay it out: this build's fields, then more. */
typedef struct grown_skill {
    cadre_skill skill;
    double added_later[3];
} grown_skill;

static void test_grown_records(void)
{
    static grown_skill skills[2];
    cadre_candidate c;
    cadre_engine *e = bare_engine(NULL, CADRE_ISOLATE_NONE, 0, 0, 0);
    cadre_report *r = NULL;
    cadre_error err;
    const char *names[] = {"abi_0_2", NULL};

    memset(&c, 0, sizeof(c));
    c.struct_size = sizeof(c);
    c.version = CADRE_CANDIDATE_VERSION;
    c.name = "Grown";
    skills[0].skill = (cadre_skill){"leadership", 2, NULL, 1};
    skills[1].skill = (cadre_skill){"negotiation", 5, NULL, 1};
    for (int i = 0; i < 2; i++)
        skills[i].added_later[0] = skills[i].added_later[2] = 1e300; /* garbage if misread */
    c.skills = (cadre_list){skills, 2, sizeof(grown_skill), 1};
    ok(CADRE_ITEM_HAS(cadre_skill, c.skills, evidence), "CADRE_ITEM_HAS sees the fields we know");
    cadre_engine_load_file(e, PLUGIN, NULL);
    if (cadre_engine_assess(&r, e, &c, names, &err) == 0)
        like(evidence(r), "skills=2 top=negotiation:5",
             "records larger than ours are read through CADRE_ITEM by an old plugin");
    else
        ok(0, "assess: %s", err.message);
    cadre_report_free(r);
    cadre_engine_free(e);
}

static void test_options(void)
{
    cadre_engine_options a = CADRE_ENGINE_OPTIONS_INIT, b;
    cadre_engine *e = NULL;
    cadre_error err;

    cadre_engine_options_init(&b);
    ok(a.struct_size == b.struct_size && a.use_env_path == b.use_env_path &&
           a.builtin_dir == b.builtin_dir && a.user_dir == b.user_dir &&
           a.lua_time_limit_ms == b.lua_time_limit_ms && a.isolation == b.isolation &&
           a.trusted_dirs == b.trusted_dirs && a.allow_override == b.allow_override &&
           a.worker_memory_limit == b.worker_memory_limit,
       "CADRE_ENGINE_OPTIONS_INIT gives what cadre_engine_options_init does");
    is_int(a.isolation, CADRE_ISOLATE_UNTRUSTED, "the default isolation is zero: untrusted");
    /* 0.1.0's options ended at native_time_limit_ms. */
    b.struct_size = (uint32_t)(offsetof(cadre_engine_options, native_time_limit_ms) +
                               sizeof(b.native_time_limit_ms));
    b.trusted_dirs = (const char *const *)(uintptr_t)1; /* beyond its size: must not be read */
    b.builtin_dir = "";
    is_int(cadre_engine_new(&e, &b, &err), 0, "an options struct from 0.1.0 is accepted");
    cadre_engine_free(e);
    ok(CADRE_VERSION_NUMBER == cadre_version_number() && CADRE_VERSION_NUMBER >= 200,
       "CADRE_VERSION_NUMBER %d", CADRE_VERSION_NUMBER);
}

int main(void)
{
    test_old_plugin(CADRE_ISOLATE_NONE, "in this process");
    test_old_plugin(CADRE_ISOLATE_ALL, "in a worker");
    test_grown_records();
    test_options();
    return done_testing();
}
