/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_engine.c - the search path, reports and their rendering, hand-built
 * candidates, vocabularies against the O*NET data, and the JSON Schema.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cadre/cadre.h>

#include "../tap.h"
#include "helpers.h"

static cadre_engine *engine_with(const char *builtin)
{
    return bare_engine(builtin, CADRE_ISOLATE_NONE, 0, 0, 0);
}

static const char *sample =
    "{\"name\": \"Sam Sample\", \"experience\": {\"total_years\": 16, \"management_years\": 11,"
    " \"executive_years\": 3}, \"education\": {\"highest_degree\": \"bachelor\","
    " \"field\": \"business_administration\", \"mba\": false},"
    " \"scope\": {\"people_led\": 80, \"budget_usd\": 5000000},"
    " \"skills\": {\"leadrship\": 4}}";

static cadre_report *assess(cadre_engine *e, const char *json)
{
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;

    if (cadre_candidate_parse(&c, json, strlen(json), "sample.json", NULL, NULL, &err) != 0 ||
        cadre_engine_assess(&r, e, c, NULL, &err) != 0)
        diag("assess: %s", err.message);
    cadre_candidate_free(c);
    return r;
}

static void test_builtin_run(void)
{
    cadre_engine *e = engine_with(CADRE_TEST_PLUGINS);
    cadre_report *r = assess(e, sample), *r2;
    char *json = NULL, *json2 = NULL, *text = NULL;
    size_t len;
    cadre_error err;

    is_int(cadre_engine_plugin_count(e), 4, "the four built-in assessments load (%zu)",
           cadre_engine_plugin_count(e));
    is_int(cadre_engine_refused_count(e), 0, "no built-in plugin is refused");
    ok(r != NULL && cadre_report_count(r) == cadre_engine_plugin_count(e), "one result per plugin");
    is_int(cadre_report_error_count(r), 0, "no built-in assessment fails on the sample");
    for (size_t i = 0; r && i < cadre_report_count(r); i++) {
        const cadre_result *res = cadre_report_result(r, i);

        ok(res->criteria.count > 0 && res->band && res->score >= 0 && res->score <= 100,
           "%s: score, band and criteria", res->plugin);
        for (size_t k = 0; k < res->criteria.count; k++)
            ok(CADRE_ITEM(cadre_criterion, res->criteria, k)->evidence &&
                   *CADRE_ITEM(cadre_criterion, res->criteria, k)->evidence,
               "%s/%s: evidence present", res->plugin,
               CADRE_ITEM(cadre_criterion, res->criteria, k)->id);
    }
    is_int(cadre_report_render(&json, &len, (const cadre_report *const *)&r, 1, CADRE_FORMAT_JSON,
                               0, &err),
           0, "render JSON");
    like(json, "\"format\":\t\"cadre-report\"", "JSON names its format");
    like(json, "\"version\":\t\"" CADRE_VERSION "\"", "JSON records the engine version");
    like(json, "\"source_sha256\"", "JSON records each plugin's hash");
    like(json, "did you mean \\\"leadership\\\"", "JSON carries the candidate's warnings");
    ok(strlen(json) == len, "length returned");
    r2 = assess(e, sample);
    cadre_report_render(&json2, NULL, (const cadre_report *const *)&r2, 1, CADRE_FORMAT_JSON, 0,
                        NULL);
    is_str(json2, json, "same input, byte-identical JSON");
    is_int(cadre_report_render(&text, NULL, (const cadre_report *const *)&r, 1, CADRE_FORMAT_TEXT,
                               0, &err),
           0, "render text");
    like(text, "Sam Sample", "text names the candidate");
    ok(strchr(text, '\033') == NULL, "no colour unless asked");
    like(text, "Assessed by cadre " CADRE_VERSION, "text records the engine version");
    cadre_free(text);
    cadre_report_render(&text, NULL, (const cadre_report *const *)&r, 1, CADRE_FORMAT_TEXT,
                        CADRE_RENDER_COLOR, NULL);
    ok(strchr(text, '\033') != NULL, "colour when asked");
    cadre_free(text);
    cadre_free(json);
    cadre_free(json2);
    ok(cadre_report_find(r, "coo_readiness") != NULL, "find by name");
    ok(cadre_report_find(r, "nope") == NULL, "find unknown: NULL");
    ok(cadre_report_result(r, 99) == NULL, "result past the end: NULL");
    cadre_report_free(r);
    cadre_report_free(r2);
    cadre_engine_free(e);
}

/* An embedder fills the struct by hand, without the loader. */
static void test_hand_built(void)
{
    cadre_engine *e = engine_with(CADRE_TEST_PLUGINS);
    cadre_candidate c;
    cadre_report *r = NULL;
    cadre_error err;
    const char *names[] = {"coo_readiness", NULL};

    memset(&c, 0, sizeof(c));
    c.struct_size = sizeof(c);
    c.version = CADRE_CANDIDATE_VERSION;
    c.experience.management_years = (cadre_num){12, 1};
    is_int(cadre_engine_assess(&r, e, &c, names, &err), 0, "hand-built candidate assessed");
    ok(cadre_report_result(r, 0)->status == CADRE_STATUS_OK, "... successfully");
    is_int(cadre_candidate_warning_count(&c), 0, "no warnings on a hand-built candidate");
    cadre_candidate_free(&c); /* not the loader's: must be ignored, not freed */
    ok(1, "cadre_candidate_free ignores a candidate it did not make");
    cadre_report_free(r);

    /* Built against an older, shorter header: new fields read as absent. */
    c.struct_size = (uint32_t)offsetof(cadre_candidate, education);
    is_int(cadre_engine_assess(&r, e, &c, names, &err), 0, "shorter (older) struct accepted");
    cadre_report_free(r);
    c.struct_size = 4;
    is_int(cadre_engine_assess(&r, e, &c, names, &err), CADRE_EINVAL, "absurd struct_size refused");
    cadre_engine_free(e);
}

static void test_search_path(void)
{
    char dir[] = "/tmp/cadre-path-XXXXXX", path[300];
    cadre_engine *e;
    cadre_error err;
    FILE *f;

    ok(mkdtemp(dir) != NULL, "temp dir");
    chmod(dir, 0755);
    snprintf(path, sizeof(path), "%s/skills_gap.lua", dir);
    f = fopen(path, "w");
    fputs("return {name = 'skills_gap', version = '9.9', bands = {{min = 0, label = 'x'}},\n"
          " criteria = {{id = 'a', weight = 1, score = function() return 1, 'override' end}}}\n",
          f);
    fclose(f);
    snprintf(path, sizeof(path), "%s/helper_test.lua", dir);
    f = fopen(path, "w");
    fputs("this is a rubric test file, not a rubric", f);
    fclose(f);
    e = engine_with(CADRE_TEST_PLUGINS);
    cadre_engine_add_dir(e, dir, NULL);
    cadre_engine_load(e, &err);
    for (size_t i = 0; i < cadre_engine_plugin_count(e); i++)
        if (strcmp(cadre_engine_plugin(e, i)->name, "skills_gap") == 0)
            is_str(cadre_engine_plugin(e, i)->version, "1.1.0",
                   "a plugin named like a built-in does not replace it");
    ok(cadre_engine_refused_count(e) == 1 &&
           strstr(cadre_engine_refused(e, 0)->message, "reserved by the built-in") &&
           strstr(cadre_engine_refused(e, 0)->message, "skills_gap.lua") &&
           strstr(cadre_engine_refused(e, 0)->source, dir),
       "the impostor is refused, naming both files");
    cadre_engine_free(e);
    {
        cadre_engine_options o;

        cadre_engine_options_init(&o);
        o.worker_program = CADRE_TEST_WORKER;
        o.builtin_dir = CADRE_TEST_PLUGINS;
        o.user_dir = "";
        o.use_env_path = 0;
        o.allow_override = 1;
        cadre_engine_new(&e, &o, NULL);
        cadre_engine_add_dir(e, dir, NULL);
        cadre_engine_load(e, NULL);
        for (size_t i = 0; i < cadre_engine_plugin_count(e); i++)
            if (strcmp(cadre_engine_plugin(e, i)->name, "skills_gap") == 0) {
                is_str(cadre_engine_plugin(e, i)->version, "9.9",
                       "with allow_override the user's plugin replaces the built-in");
                ok(cadre_engine_plugin(e, i)->isolated && !cadre_engine_plugin(e, i)->trusted,
                   "... and, not being built in, runs in a worker");
            }
        is_int(cadre_engine_refused_count(e), 0, "... and nothing is refused");
        cadre_engine_free(e);
    }

    setenv("CADRE_PLUGIN_PATH", dir, 1);
    {
        cadre_engine_options o;

        cadre_engine_options_init(&o);
        o.worker_program = CADRE_TEST_WORKER;
        o.builtin_dir = "";
        o.user_dir = "";
        cadre_engine_new(&e, &o, NULL);
        cadre_engine_load(e, NULL);
        is_int(cadre_engine_plugin_count(e), 1, "CADRE_PLUGIN_PATH is searched");
        cadre_engine_free(e);
    }
    setenv("CADRE_PLUGIN_PATH", "::", 1);
    e = engine_with("");
    cadre_engine_load(e, NULL);
    is_int(cadre_engine_plugin_count(e) + cadre_engine_refused_count(e), 0,
           "empty path entries never mean the current directory");
    cadre_engine_free(e);
    unsetenv("CADRE_PLUGIN_PATH");
    unlink(path);
    snprintf(path, sizeof(path), "%s/skills_gap.lua", dir);
    unlink(path);
    rmdir(dir);
}

/* Every O*NET element a skill maps to exists in the shipped O*NET data. */
static void test_vocab(void)
{
    static const char *const files[] = {"skills.tsv", "knowledge.tsv", "abilities.tsv",
                                        "work_activities.tsv"};
    char *onet = calloc(1, 200000), line[512];
    size_t n = cadre_vocab_count("skill"), mapped = 0;

    for (size_t i = 0; i < 4; i++) {
        char path[512];
        FILE *f;

        snprintf(path, sizeof(path), "%s/plugins/data/onet/%s", CADRE_TEST_SOURCE, files[i]);
        f = fopen(path, "r");
        ok(f != NULL, "O*NET file %s is shipped", files[i]);
        while (f && fgets(line, sizeof(line), f)) {
            line[strcspn(line, "\t")] = '\0';
            strcat(onet, "|");
            strcat(onet, line);
        }
        strcat(onet, "|");
        if (f) fclose(f);
    }
    ok(n >= 40, "at least 40 skills (%zu)", n);
    for (size_t i = 0; i < n; i++) {
        const cadre_vocab_entry *e = cadre_vocab_entry_at("skill", i);
        char key[64];

        if (e->extra == NULL) continue;
        mapped++;
        snprintf(key, sizeof(key), "|%s|", e->extra);
        ok(strstr(onet, key) != NULL, "skill %s maps to O*NET %s, which exists", e->id, e->extra);
    }
    ok(mapped >= 25, "most skills map to O*NET (%zu)", mapped);
    for (size_t v = 0; cadre_vocab_name(v); v++) {
        const char *name = cadre_vocab_name(v);
        int good = 1;

        n = cadre_vocab_count(name);
        for (size_t i = 0; i < n; i++) {
            const cadre_vocab_entry *ent = cadre_vocab_entry_at(name, i);

            good &= ent->id[0] >= 'a' && ent->id[0] <= 'z' && ent->label && ent->meaning;
            for (size_t k = 0; k < i; k++)
                good &= strcmp(ent->id, cadre_vocab_entry_at(name, k)->id) != 0;
        }
        good &= cadre_vocab_entry_at(name, n) == NULL;
        ok(good, "vocabulary %s: ids unique and documented", cadre_vocab_name(v));
    }
    is_int(cadre_vocab_count("industry"), 10, "the ten industries of domain.md");
    ok(cadre_vocab_entry_at("nope", 0) == NULL && cadre_vocab_count("nope") == 0,
       "unknown vocabulary: NULL, count 0");
    free(onet);
}

/* docs/candidate.schema.json is what the library generates (regenerate: cadre schema). */
static void test_schema_doc(void)
{
    char *schema = NULL, path[512], *doc;
    FILE *f;
    long size;

    is_int(cadre_candidate_schema(&schema, NULL), 0, "schema generated");
    snprintf(path, sizeof(path), "%s/docs/candidate.schema.json", CADRE_TEST_SOURCE);
    f = fopen(path, "r");
    if (!ok(f != NULL, "docs/candidate.schema.json exists")) {
        cadre_free(schema);
        return;
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    rewind(f);
    doc = calloc(1, (size_t)size + 1);
    if (fread(doc, 1, (size_t)size, f) != (size_t)size) diag("short read");
    fclose(f);
    doc[strcspn(doc, "\0")] = '\0';
    if (size > 0 && doc[size - 1] == '\n') doc[size - 1] = '\0';
    is_str(doc, schema, "docs/candidate.schema.json matches `cadre schema`");
    free(doc);
    cadre_free(schema);
}

static void test_api_edges(void)
{
    cadre_error err;
    cadre_engine *e = NULL;
    cadre_engine_options o;

    cadre_engine_free(NULL);
    cadre_report_free(NULL);
    ok(1, "*_free(NULL) is a no-op");
    is_int(cadre_engine_new(NULL, NULL, &err), CADRE_EINVAL, "NULL out-parameter");
    memset(&o, 0, sizeof(o));
    is_int(cadre_engine_new(&e, &o, &err), CADRE_EINVAL, "options without struct_size refused");
    like(err.message, "cadre_engine_options_init", "... and says how to fix it");
    is_str(cadre_strerror(CADRE_EABI), "plugin ABI mismatch", "cadre_strerror");
    is_str(cadre_version(), CADRE_VERSION, "cadre_version matches the header");
}

/* The next steps are part of the report (steps.c), for every renderer and every embedder. */
static void test_next_steps(void)
{
    cadre_engine *e = engine_with(CADRE_TEST_PLUGINS);
    cadre_report *r = assess(e, sample);
    size_t n = cadre_report_step_count(r);
    int good = n >= 1 && n <= 3, distinct = 1;

    for (size_t i = 0; i < n; i++) {
        const char *plugin = NULL;
        const cadre_finding *f = cadre_report_step(r, i, &plugin);

        good &= f != NULL && f->kind == CADRE_FINDING_GAP && f->recommendation != NULL &&
                plugin != NULL && cadre_report_find(r, plugin) != NULL;
        for (size_t k = 0; k < i; k++)
            distinct &=
                strcmp(cadre_report_step(r, k, NULL)->recommendation, f->recommendation) != 0;
    }
    ok(good, "%zu next steps, each a gap with a recommendation from an assessment of the report",
       n);
    ok(distinct, "... no advice twice");
    ok(cadre_report_step(r, n, NULL) == NULL && cadre_report_step(NULL, 0, NULL) == NULL &&
           cadre_report_step_count(NULL) == 0,
       "... and nothing past the end");
    cadre_report_free(r);
    cadre_engine_free(e);
}

/* What would change each verdict (whatif.c): through the public API, as an embedder sees it. */
static void test_explore(void)
{
    cadre_engine *e = engine_with(CADRE_TEST_PLUGINS);
    char path[4096];
    cadre_candidate *c = NULL;
    cadre_report *r = NULL;
    cadre_error err;
    char *html = NULL;
    size_t n, moved = 0, good = 1;

    /* A hospital administrator a year or two from a COO role: several verdicts can move. */
    snprintf(path, sizeof(path), "%s/docs/examples/candidates/hospital_administrator.json",
             CADRE_TEST_SOURCE);
    if (cadre_candidate_load_file(&c, path, NULL, NULL, &err) != 0 ||
        cadre_engine_assess(&r, e, c, NULL, &err) != 0) {
        ok(0, "explore: %s", err.message);
        return;
    }
    is_int(cadre_report_whatif_count(r), 0, "a report has no what-if entries until explored");
    is_int(cadre_report_explore(r, e, c, &err), 0, "cadre_report_explore");
    n = cadre_report_whatif_count(r);
    for (size_t i = 0; i < n; i++) {
        const cadre_whatif *w = cadre_report_whatif(r, i);
        const cadre_result *res = cadre_report_find(r, w->plugin);

        good &= w->struct_size == sizeof(*w) && res != NULL && w->from_score == res->score &&
                strcmp(w->from_band, res->band) == 0;
        if (w->to_band) {
            moved++;
            good &= w->change_count >= 1 && w->to_score > w->from_score &&
                    strcmp(w->to_band, w->from_band) != 0 && w->changes[0] && w->fields[0] &&
                    w->effort_months > 0 && w->tried > 0;
        } else {
            good &= w->change_count == 0;
        }
    }
    ok(n >= cadre_report_count(r) && moved >= 1 && good,
       "%zu entries, %zu with changes that move a verdict up, each naming its fields", n, moved);
    is_int(cadre_report_explore(r, e, c, &err), 0, "a second call is accepted...");
    is_int(cadre_report_whatif_count(r), n, "... and adds nothing");
    ok(cadre_report_whatif(r, n) == NULL && cadre_report_whatif(NULL, 0) == NULL &&
           cadre_report_whatif_count(NULL) == 0,
       "nothing past the end");
    is_int(cadre_report_explore(NULL, e, c, &err), CADRE_EINVAL, "NULL report: CADRE_EINVAL");
    is_int(cadre_report_render(&html, NULL, (const cadre_report *const *)&r, 1, CADRE_FORMAT_HTML,
                               0, &err),
           0, "CADRE_FORMAT_HTML renders");
    ok(html && strncmp(html, "<!DOCTYPE html>", 15) == 0 && strstr(html, "<svg") &&
           strstr(html, "What would change the verdicts"),
       "... a page with charts and the what-if section");
    cadre_free(html);
    cadre_report_free(r);
    cadre_candidate_free(c);
    cadre_engine_free(e);
}

/* What a decision record needs (docs/audit.md): the candidate's canonical form and hash, the
 * engine's fingerprint, the parameters in force. */
static void test_provenance(void)
{
    cadre_engine *e = engine_with(CADRE_TEST_PLUGINS);
    const char *a =
        "{\"id\": \"x\", \"experience\": {\"total_years\": 12, \"management_years\": 6.0}, "
        "\"skills\": {\"leadership\": 4}}";
    const char *b = "{\"skills\": {\"leadership\": {\"level\": 4}}, \"experience\": "
                    "{\"management_years\": 6, \"total_years\": 1.2e1}, \"id\": \"x\"}";
    cadre_candidate *ca = NULL, *cb = NULL, *back = NULL;
    cadre_report *ra = NULL, *rb = NULL;
    cadre_error err;
    char *ja = NULL, *jb = NULL, fp[65];

    if (cadre_candidate_parse(&ca, a, strlen(a), "a", NULL, NULL, &err) != 0 ||
        cadre_candidate_parse(&cb, b, strlen(b), "b", NULL, NULL, &err) != 0) {
        ok(0, "provenance: %s", err.message);
        return;
    }
    is_int(cadre_candidate_to_json(&ja, ca, &err), 0, "cadre_candidate_to_json");
    cadre_candidate_to_json(&jb, cb, &err);
    is_str(ja, jb, "two ways of writing one profile have one canonical form");
    ok(cadre_candidate_parse(&back, ja, strlen(ja), "canonical", NULL, NULL, &err) == 0,
       "... which parses back");
    cadre_engine_assess(&ra, e, ca, NULL, &err);
    cadre_engine_assess(&rb, e, cb, NULL, &err);
    ok(strlen(cadre_report_candidate_sha256(ra)) == 64 &&
           strcmp(cadre_report_candidate_sha256(ra), cadre_report_candidate_sha256(rb)) == 0,
       "reports carry the candidate's SHA-256, the same for both");
    cadre_engine_fingerprint(fp, e);
    is_str(cadre_report_fingerprint(ra), fp, "... and the engine's fingerprint");
    is_str(cadre_report_fingerprint(NULL), "", "NULL report: \"\"");
    ok(cadre_engine_param(e, "skills_gap", "role") == NULL, "a parameter not set: NULL");
    cadre_engine_set_param(e, "skills_gap", "role", "operations_manager", &err);
    is_str(cadre_engine_param(e, "skills_gap", "role"), "operations_manager", "... set: its value");
    ok(cadre_engine_param(e, "nosuch", "role") == NULL &&
           cadre_engine_param(NULL, "a", "b") == NULL,
       "an unknown plugin: NULL");
    is_int(cadre_candidate_to_json(NULL, ca, &err), CADRE_EINVAL, "NULL out: CADRE_EINVAL");
    cadre_free(ja);
    cadre_free(jb);
    cadre_report_free(ra);
    cadre_report_free(rb);
    cadre_candidate_free(ca);
    cadre_candidate_free(cb);
    cadre_candidate_free(back);
    cadre_engine_free(e);
}

int main(void)
{
    test_provenance();
    test_builtin_run();
    test_next_steps();
    test_explore();
    test_hand_built();
    test_search_path();
    test_vocab();
    test_schema_doc();
    test_api_edges();
    return done_testing();
}
