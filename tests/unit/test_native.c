/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_native.c - loading native plugins: the handshake, every refusal, results
 * built through the host table, and values the engine must not accept from a plugin.
 */
#include <cadre/cadre.h>

#include "../tap.h"
#include "helpers.h"

static cadre_engine *engine(void)
{
    return bare_engine(NULL, CADRE_ISOLATE_NONE, 0, 0, 0);
}

static void refused(const char *file, int code, const char *what, const char *name)
{
    cadre_engine *e = engine();
    cadre_error err;
    char path[512];
    int rc;

    snprintf(path, sizeof(path), "%s/%s", CADRE_TEST_NATIVE, file);
    rc = cadre_engine_load_file(e, path, &err);
    is_int(rc, code, "%s: refused with the right code", name);
    like(err.message, file, "%s: message names the file", name);
    like(err.message, what, "%s: message says '%s'", name, what);
    is_int(cadre_engine_plugin_count(e), 0, "%s: nothing loaded", name);
    is_int(cadre_engine_refused_count(e), 1, "%s: refusal recorded", name);
    cadre_engine_free(e);
}

static void test_refusals(void)
{
    refused("wrong_abi.so", CADRE_EABI, "ABI version 99", "wrong ABI");
    refused("wrong_abi.so", CADRE_EABI, "provides ABI version 2", "wrong ABI names ours");
    refused("no_entry.so", CADRE_EPLUGIN, "no symbol cadre_plugin_entry", "no entry symbol");
    refused("returns_null.so", CADRE_EPLUGIN, "returned NULL", "entry returns NULL");
    refused("init_fails.so", CADRE_EPLUGIN, "init failed: cannot open the model file",
            "init fails");
    refused("null_name.so", CADRE_EPLUGIN, "plugin name (missing)", "NULL name");
    refused("no_assess.so", CADRE_EPLUGIN, "no assess function", "NULL assess");
    refused("small_struct.so", CADRE_EABI, "struct_size is 8 bytes", "descriptor too small");
    refused("bad_param.so", CADRE_EPLUGIN, "default of parameter limit: expected an integer",
            "bad parameter default");
    refused("not_a_library.so", CADRE_EPLUGIN, "not a loadable shared object", "not an ELF file");
}

static void test_duplicates_and_dirs(void)
{
    cadre_engine *e = engine();
    cadre_error err;
    size_t refusals = 0;
    int saw_dup = 0;

    cadre_engine_add_dir(e, CADRE_TEST_NATIVE, NULL);
    is_int(cadre_engine_load(e, &err), 0, "loading a folder with broken plugins succeeds");
    is_int(cadre_engine_plugin_count(e), 3, "three good plugins (bad_results, dup_a, good)");
    is_str(cadre_engine_plugin(e, 0)->name, "fixture_bad_results", "sorted by name");
    refusals = cadre_engine_refused_count(e);
    is_int(refusals, 10, "ten refusals: eight broken, one duplicate, one non-ELF");
    for (size_t i = 0; i < refusals; i++)
        saw_dup |= strstr(cadre_engine_refused(e, i)->message, "already taken") != NULL;
    ok(saw_dup, "the duplicate name is refused as such");
    is_int(cadre_engine_add_dir(e, "/tmp", &err), CADRE_EINVAL, "no folders after loading");
    cadre_engine_free(e);

    e = engine();
    cadre_engine_add_dir(e, "/nonexistent/plugins", NULL);
    cadre_engine_load(e, &err);
    is_int(cadre_engine_refused_count(e), 1, "a missing -P folder is reported");
    like(cadre_engine_refused(e, 0)->message, "No such file", "... with the reason");
    cadre_engine_free(e);
    e = engine();
    is_int(cadre_engine_load_file(e, "good.so", &err), CADRE_EINVAL,
           "a bare file name is refused (no library-path search)");
    cadre_engine_free(e);
}

static const cadre_result *run(cadre_engine *e, cadre_report **r, const char *name,
                               const char *json)
{
    const char *names[] = {name, NULL};
    cadre_candidate *c = NULL;
    cadre_error err;

    *r = NULL;
    if (cadre_candidate_parse(&c, json, strlen(json), "c.json", NULL, NULL, &err) != 0 ||
        cadre_engine_assess(r, e, c, names, &err) != 0) {
        diag("run: %s", err.message);
        cadre_candidate_free(c);
        return NULL;
    }
    cadre_candidate_free(c);
    return cadre_report_result(*r, 0);
}

static void test_good(void)
{
    cadre_engine *e = engine();
    cadre_report *r;
    const cadre_result *res;
    cadre_error err;
    char path[512];

    snprintf(path, sizeof(path), "%s/good.so", CADRE_TEST_NATIVE);
    is_int(cadre_engine_load_file(e, path, &err), 0, "good plugin loads");
    is_int(cadre_engine_plugin(e, 0)->kind, CADRE_PLUGIN_NATIVE, "kind native");
    is_int(strlen(cadre_engine_plugin(e, 0)->sha256), 64, "sha256 recorded");
    res = run(e, &r, "fixture_good", "{\"experience\": {\"management_years\": 5}}");
    ok(res != NULL, "assessed");
    if (res == NULL) return;
    is_int(res->status, CADRE_STATUS_OK, "status ok");
    is_num(res->score, 50, 0.01, "score from the criterion");
    is_str(res->band, "low", "band");
    is_str(CADRE_ITEM(cadre_criterion, res->criteria, 0)->evidence, "5 of 10 years",
           "printf-style evidence");
    is_num(res->confidence, 1, 0.001, "no missing input: full confidence");
    is_str(CADRE_ITEM(cadre_rank, res->ranking, 0)->id, "a", "ranking sorted best first");
    is_str(CADRE_ITEM(cadre_detail, res->details, 0)->value, "fast", "choice parameter default");
    is_str(CADRE_ITEM(cadre_finding, res->findings, 0)->recommendation, "do this",
           "recommendation attached");
    is_str(res->version, "2.0.0", "plugin version in the result");
    cadre_report_free(r);

    is_int(cadre_engine_set_param(e, "fixture_good", "full_at", "5", &err), 0, "set a number");
    is_int(cadre_engine_set_param(e, "fixture_good", "mode", "slow", &err), 0, "set a choice");
    res = run(e, &r, "fixture_good", "{}");
    is_num(res->score, 0, 0.01, "absent years count as 0");
    is_num(res->confidence, 0, 0.001, "the missing input lowers confidence");
    is_str(res->missing[0], "experience.management_years", "missing input listed");
    is_str(CADRE_ITEM(cadre_detail, res->details, 0)->value, "slow",
           "parameter reaches the plugin");
    cadre_report_free(r);

    is_int(cadre_engine_set_param(e, "fixture_god", "mode", "x", &err), CADRE_ENOTFOUND,
           "unknown plugin");
    like(err.message, "did you mean 'fixture_good'", "unknown plugin: suggestion");
    is_int(cadre_engine_set_param(e, "fixture_good", "moed", "x", &err), CADRE_ENOTFOUND,
           "unknown parameter");
    like(err.message, "did you mean 'mode'", "unknown parameter: suggestion");
    like(err.message, "it accepts full_at, mode", "unknown parameter: lists the real ones");
    is_int(cadre_engine_set_param(e, "fixture_good", "mode", "medium", &err), CADRE_EINVAL,
           "bad choice");
    like(err.message, "fast|slow", "bad choice: lists the choices");
    is_int(cadre_engine_set_param(e, "fixture_good", "full_at", "ten", &err), CADRE_EINVAL,
           "bad number");
    {
        const char *names[] = {"fixture_goood", NULL};
        cadre_candidate *c;

        cadre_candidate_parse(&c, "{}", 2, "c", NULL, NULL, &err);
        is_int(cadre_engine_assess(&r, e, c, names, &err), CADRE_ENOTFOUND,
               "assessing an unknown plugin fails before running");
        like(err.message, "did you mean 'fixture_good'", "... with a suggestion");
        cadre_candidate_free(c);
    }
    cadre_engine_free(e);
}

static void test_bad_results(void)
{
    static const struct {
        const char *how, *says;
    } cases[] = {
        {"nan", "score NaN is not a number from 0 to 100"},
        {"inf", "score infinity is not"},
        {"negative_weight", "weight -1 is not a positive number"},
        {"null_evidence", "criterion evidence is missing"},
        {"huge_text", "over the 4000-byte limit"},
        {"bad_utf8", "not valid UTF-8"},
        {"no_criteria", "added no criteria"},
        {"no_band", "set no band"},
        {"fails", "database is unavailable"},
        {"silent_failure", "without saying why"},
        {"bad_finding_kind", "finding kind 7"},
        {"recommend_first", "before any finding"},
    };
    cadre_engine *e = engine();
    cadre_error err;
    char path[512];

    snprintf(path, sizeof(path), "%s/bad_results.so", CADRE_TEST_NATIVE);
    cadre_engine_load_file(e, path, &err);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        cadre_report *r;
        const cadre_result *res;

        cadre_engine_set_param(e, "fixture_bad_results", "how", cases[i].how, &err);
        res = run(e, &r, "fixture_bad_results", "{}");
        ok(res && res->status == CADRE_STATUS_ERROR, "%s: error result", cases[i].how);
        like(res ? res->error.message : NULL, cases[i].says, "%s: says why", cases[i].how);
        ok(res && res->error.file && strstr(res->error.file, "bad_results.so"),
           "%s: names the plugin file", cases[i].how);
        cadre_report_free(r);
    }
    cadre_engine_free(e);
}

int main(void)
{
    test_refusals();
    test_duplicates_and_dirs();
    test_good();
    test_bad_results();
    return done_testing();
}
