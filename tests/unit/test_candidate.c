/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_candidate.c - the candidate loader: good input, every kind of bad input,
 * and random corruption of a good document.
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cadre/cadre.h>

#include "../tap.h"

static int ndiag, nwarn;
static char last_field[256], all_msgs[8192];

static void on_diag(void *ud, const cadre_diag *d)
{
    (void)ud;
    ndiag++;
    nwarn += d->severity == CADRE_SEVERITY_WARNING;
    snprintf(last_field, sizeof(last_field), "%s", d->field);
    strncat(all_msgs, d->message, sizeof(all_msgs) - strlen(all_msgs) - 2);
    strcat(all_msgs, "\n");
}

static int parse(const char *json, cadre_candidate **c, cadre_error *err)
{
    ndiag = nwarn = 0;
    last_field[0] = all_msgs[0] = '\0';
    memset(err, 0, sizeof(*err));
    return cadre_candidate_parse(c, json, strlen(json), "t.json", on_diag, NULL, err);
}

/* The input is refused with `code`, and the message names `what` (a field path or a phrase). */
static void refused(const char *json, int code, const char *what, const char *why, const char *name)
{
    cadre_candidate *c = (cadre_candidate *)1;
    cadre_error err;
    int rc = parse(json, &c, &err);

    is_int(rc, code, "%s: refused with the right code", name);
    ok(c == NULL, "%s: no candidate returned", name);
    like(err.message, what, "%s: message names %s", name, what);
    like(err.message, why, "%s: message says %s", name, why);
    like(err.message, "t.json", "%s: message names the file", name);
}

static const char *full =
    "{\"name\": \"Dana\", \"id\": \"c-1\",\n"
    " \"experience\": {\"total_years\": 20, \"management_years\": 12, \"executive_years\": 4,"
    "  \"operations_years\": 15},\n"
    " \"current_role\": {\"title\": \"VP Operations\", \"level\": \"vice_president\","
    "  \"function\": \"operations\", \"reports_to_ceo\": true},\n"
    " \"education\": {\"highest_degree\": \"master\", \"field\": \"business_administration\","
    "  \"mba\": true},\n"
    " \"certifications\": [\"apics_cscp\", \"pmp\"],\n"
    " \"industries\": {\"manufacturing\": 12, \"logistics\": 5},\n"
    " \"skills\": {\"leadership\": 4, \"strategic_planning\": {\"level\": 3, \"evidence\": "
    "\"3-year plan\"}},\n"
    " \"tools\": [\"sap\", \"power_bi\"],\n"
    " \"scope\": {\"people_led\": 450, \"direct_reports\": 7, \"budget_usd\": 38000000,"
    "  \"departments\": 4, \"pnl_owner\": false, \"hiring_authority\": true},\n"
    " \"achievements\": [{\"kind\": \"cost_reduction\", \"description\": \"Cut freight cost\","
    "  \"impact_pct\": 12, \"value_usd\": 2100000, \"reach\": \"company\"}],\n"
    " \"preferences\": {\"max_weekly_hours\": 55, \"travel\": \"frequent\", \"pressure\": "
    "\"high\"},\n"
    " \"targets\": {\"role\": \"coo\", \"industries\": [\"manufacturing\"]},\n"
    " \"extra\": {\"languages\": [\"en\", \"de\"], \"nested\": {\"a\": 1}}}";

static void test_full(void)
{
    cadre_candidate *c;
    cadre_error err;
    int rc = parse(full, &c, &err);

    is_int(rc, 0, "full candidate parses");
    if (rc != 0) {
        diag("%s", err.message);
        return;
    }
    is_int(ndiag, 0, "full candidate: no diagnostics");
    is_str(c->name, "Dana", "name");
    is_str(c->source, "t.json", "source");
    ok(c->experience.management_years.set && c->experience.management_years.value == 12,
       "experience.management_years = 12");
    is_int(c->current_role.level, CADRE_LEVEL_VICE_PRESIDENT, "current_role.level enum");
    is_int(c->current_role.reports_to_ceo, CADRE_FLAG_YES, "reports_to_ceo = yes");
    is_int(c->education.highest_degree, CADRE_DEGREE_MASTER, "highest_degree = master");
    is_int(c->certifications.count, 2, "two certifications");
    is_int(c->industries.count, 2, "two industries");
    is_str(CADRE_ITEM(cadre_industry, c->industries, 1)->id, "logistics", "industry order kept");
    is_int(c->skills.count, 2, "two skills");
    is_int(CADRE_ITEM(cadre_skill, c->skills, 1)->level, 3, "skill in object form: level");
    is_str(CADRE_ITEM(cadre_skill, c->skills, 1)->evidence, "3-year plan",
           "skill in object form: evidence");
    is_int(c->scope.pnl_owner, CADRE_FLAG_NO, "pnl_owner false is NO, not unset");
    ok(c->scope.budget_usd.value == 38000000, "budget");
    is_int(c->achievements.count, 1, "one achievement");
    is_int(CADRE_ITEM(cadre_achievement, c->achievements, 0)->kind,
           CADRE_ACHIEVEMENT_COST_REDUCTION, "achievement kind");
    is_int(CADRE_ITEM(cadre_achievement, c->achievements, 0)->reach, CADRE_REACH_COMPANY,
           "achievement reach");
    is_int(c->preferences.travel, CADRE_TRAVEL_FREQUENT, "travel");
    is_str(c->targets.role, "coo", "targets.role");
    ok(c->extra && c->extra->kind == CADRE_VALUE_OBJECT && c->extra->as.object.count == 2,
       "extra kept as an object");
    ok(c->struct_size == sizeof(cadre_candidate) && c->version == CADRE_CANDIDATE_VERSION,
       "struct_size and version set");
    cadre_candidate_free(c);
}

static void test_absent_is_not_zero(void)
{
    cadre_candidate *c;
    cadre_error err;

    is_int(parse("{\"experience\": {\"total_years\": 0}}", &c, &err), 0, "minimal candidate");
    ok(c->experience.total_years.set && c->experience.total_years.value == 0, "0 years is set");
    ok(!c->experience.management_years.set, "absent management_years is unset");
    ok(!c->skills.set && c->skills.count == 0, "absent skills: set = 0");
    is_int(c->education.mba, CADRE_FLAG_UNSET, "absent mba is UNSET");
    cadre_candidate_free(c);
    is_int(parse("{\"skills\": {}, \"certifications\": [], \"name\": null}", &c, &err), 0,
           "empty lists and null");
    ok(c->skills.set && c->skills.count == 0, "empty skills: set = 1, count 0");
    ok(c->certifications.set, "empty certifications: set");
    ok(c->name == NULL, "null name is absent");
    cadre_candidate_free(c);
}

static void test_malformed(void)
{
    cadre_candidate *c;
    cadre_error err;

    refused("", CADRE_ESCHEMA, "empty", "JSON object", "empty input");
    refused("  \n\t ", CADRE_ESCHEMA, "empty", "JSON object", "blank input");
    refused("{\"name\": \"x\",\n \"skills\": {\"leadership\": 4", CADRE_EPARSE, "malformed JSON",
            "truncated", "truncated JSON");
    parse("{\"name\": \"x\",\n  \"skills\": {\"leadership\" 4}}", &c, &err);
    is_int(err.line, 2, "malformed JSON: line reported");
    ok(err.column > 10, "malformed JSON: column reported (%d)", err.column);
    like(err.message, "t.json:2:", "malformed JSON: file:line in the message");
    refused("[1, 2]", CADRE_ESCHEMA, "JSON object", "an array", "array instead of object");
    refused("{} {}", CADRE_EPARSE, "unexpected text", "batch", "two documents");
    refused("{\"name\": \"a\xff\"}", CADRE_EPARSE, "invalid UTF-8", "0xff", "invalid UTF-8");
    refused("{\"name\": \"\xc0\xaf\"}", CADRE_EPARSE, "invalid UTF-8", "0xc0", "overlong UTF-8");
    refused("{\"name\": \"\xed\xa0\x80\"}", CADRE_EPARSE, "invalid UTF-8", "UTF-8", "surrogate");
    {
        const char nul[] = "{\"name\": \"a\0b\"}";

        memset(&err, 0, sizeof(err));
        c = NULL;
        is_int(cadre_candidate_parse(&c, nul, sizeof(nul) - 1, "t.json", NULL, NULL, &err),
               CADRE_EPARSE, "NUL byte refused");
        like(err.message, "NUL byte", "NUL byte: says so");
    }
    refused("{\"name\": \"a\\u0000b\"}", CADRE_EPARSE, "\\u0000", "not allowed", "\\u0000 escape");
    is_int(parse("{\"name\": \"a\\\\u0000b\"}", &c, &err), 0,
           "escaped backslash before u0000 is fine");
    cadre_candidate_free(c);
    is_int(parse("\xef\xbb\xbf{\"name\": \"bom\"}", &c, &err), 0, "UTF-8 BOM accepted");
    cadre_candidate_free(c);
}

static void test_deep_and_huge(void)
{
    char *deep = malloc(4096), *big;
    size_t n = 0;

    n += (size_t)sprintf(deep, "{\"extra\": ");
    for (int i = 0; i < 100; i++)
        deep[n++] = '[';
    for (int i = 0; i < 100; i++)
        deep[n++] = ']';
    strcpy(deep + n, "}");
    refused(deep, CADRE_EPARSE, "nesting", "64 levels", "deep nesting");
    free(deep);

    big = malloc(10000);
    strcpy(big, "{\"name\": \"");
    memset(big + 10, 'x', 5000);
    strcpy(big + 5010, "\"}");
    refused(big, CADRE_ESCHEMA, "name", "over the limit of 200", "huge string");
    /* Limits count characters, as the JSON Schema's maxLength does: 200 Greek letters (400
     * bytes) are a valid name, 201 are not. */
    strcpy(big, "{\"name\": \"");
    for (int i = 0; i < 200; i++)
        memcpy(big + 10 + 2 * i, "\xce\xb1", 2);
    strcpy(big + 410, "\"}");
    {
        cadre_candidate *c = NULL;
        cadre_error err;

        is_int(parse(big, &c, &err), 0, "a name of 200 two-byte characters is within the limit");
        cadre_candidate_free(c);
    }
    strcpy(big + 410, "\xce\xb1\"}");
    refused(big, CADRE_ESCHEMA, "name", "201 characters is over the limit of 200",
            "201 characters are not");
    free(big);

    /* A document past the size limit is refused before parsing. */
    {
        size_t len = CADRE_CANDIDATE_MAX_BYTES + 2;
        char *huge = malloc(len);
        cadre_candidate *c = NULL;
        cadre_error err;

        memset(huge, ' ', len);
        huge[0] = '{';
        huge[len - 1] = '}';
        is_int(cadre_candidate_parse(&c, huge, len, "t.json", NULL, NULL, &err), CADRE_ESCHEMA,
               "over-size document refused");
        like(err.message, "limit", "over-size: says limit");
        free(huge);
    }
}

static void test_schema_errors(void)
{
    refused("{\"skills\": {\"leadership\": \"high\"}}", CADRE_ESCHEMA, "skills.leadership",
            "expected an integer 0..5, got \"high\"", "skill as a word");
    refused("{\"skills\": {\"leadership\": 4.5}}", CADRE_ESCHEMA, "skills.leadership", "got 4.5",
            "fractional skill");
    refused("{\"skills\": {\"leadership\": 6}}", CADRE_ESCHEMA, "skills.leadership", "0..5",
            "skill out of range");
    refused("{\"skills\": {\"leadership\": {\"evidence\": \"x\"}}}", CADRE_ESCHEMA,
            "skills.leadership", "missing \"level\"", "skill object without level");
    refused("{\"experience\": {\"total_years\": -3}}", CADRE_ESCHEMA, "experience.total_years",
            "got -3", "negative years");
    refused("{\"experience\": {\"total_years\": 500}}", CADRE_ESCHEMA, "experience.total_years",
            "0..70", "absurd years");
    refused("{\"experience\": {\"total_years\": 1e400}}", CADRE_ESCHEMA, "experience.total_years",
            "got inf", "infinite number");
    refused("{\"experience\": {\"total_years\": \"10\"}}", CADRE_ESCHEMA, "experience.total_years",
            "got \"10\"", "number as string");
    refused("{\"experience\": []}", CADRE_ESCHEMA, "experience", "expected an object",
            "group as array");
    refused("{\"education\": {\"highest_degree\": \"masters\"}}", CADRE_ESCHEMA,
            "education.highest_degree", "did you mean \"master\"", "enum typo");
    refused("{\"scope\": {\"pnl_owner\": \"yes\"}}", CADRE_ESCHEMA, "scope.pnl_owner",
            "true or false", "boolean as string");
    refused("{\"scope\": {\"people_led\": 12.5}}", CADRE_ESCHEMA, "scope.people_led", "integer",
            "fractional people");
    refused("{\"certifications\": \"pmp\"}", CADRE_ESCHEMA, "certifications", "expected an array",
            "list as string");
    refused("{\"certifications\": [\"PMP\"]}", CADRE_ESCHEMA, "certifications[0]", "lowercase",
            "id with capitals");
    refused("{\"achievements\": [{\"kind\": \"efficiency\"}]}", CADRE_ESCHEMA, "achievements[0]",
            "missing \"description\"", "achievement without description");
    refused("{\"skills\": {\"leadership\": 3, \"leadership\": 4}}", CADRE_ESCHEMA,
            "skills.leadership", "more than once", "duplicate key");
    refused("{\"schema_version\": 2}", CADRE_ESCHEMA, "schema_version", "reads version 1",
            "newer schema");
    refused("{\"experience\": {\"total_years\": 5, \"management_years\": 8}}", CADRE_ESCHEMA,
            "experience.management_years", "more than experience.total_years",
            "management over total");
    refused("{\"experience\": {\"total_years\": 5}, \"industries\": {\"retail\": 9}}",
            CADRE_ESCHEMA, "industries.retail", "more than experience.total_years",
            "industry over total");
    refused("{\"scope\": {\"people_led\": 3, \"direct_reports\": 9}}", CADRE_ESCHEMA,
            "scope.direct_reports", "more than scope.people_led", "reports over people");
}

static void test_all_errors_reported(void)
{
    cadre_candidate *c;
    cadre_error err;

    parse("{\"skills\": {\"leadership\": \"x\"}, \"experience\": {\"total_years\": -1},"
          " \"scope\": {\"departments\": true}}",
          &c, &err);
    is_int(ndiag, 3, "three problems, three diagnostics");
    like(err.message, "and 2 more problems", "the error says how many more there are");
    is_str(last_field, "scope.departments", "diagnostics in document order");
}

static void test_warnings(void)
{
    cadre_candidate *c;
    cadre_error err;

    is_int(parse("{\"skills\": {\"leadrship\": 3}, \"experiance\": {},"
                 " \"industries\": {\"helthcare\": 2}, \"tools\": [\"sap\", \"sap\"],"
                 " \"certifications\": [\"made_up_cert\"]}",
                 &c, &err),
           0, "unknown ids and fields are warnings, not errors");
    is_int(nwarn, 5, "five warnings");
    like(all_msgs, "did you mean \"leadership\"", "skill typo suggestion");
    like(all_msgs, "did you mean \"experience\"", "field typo suggestion");
    like(all_msgs, "did you mean \"healthcare\"", "industry typo suggestion");
    like(all_msgs, "listed twice", "duplicate list entry warned");
    like(all_msgs, "cadre vocab certification", "no suggestion: points at the vocabulary");
    is_int(cadre_candidate_warning_count(c), 5, "warnings kept on the candidate");
    ok(c->skills.count == 1 && !CADRE_ITEM(cadre_skill, c->skills, 0)->known,
       "unknown skill kept, marked unknown");
    is_int(c->tools.count, 1, "duplicate tool counted once");
    ok(cadre_candidate_warning(c, 5) == NULL, "warning past the end is NULL");
    cadre_candidate_free(c);
}

static void test_files(void)
{
    cadre_candidate *c;
    cadre_error err;
    char dir[] = "/tmp/cadre-test-XXXXXX", path[300];
    FILE *f;

    is_int(cadre_candidate_load_file(&c, "/nonexistent/x.json", NULL, NULL, &err), CADRE_EIO,
           "missing file");
    like(err.message, "/nonexistent/x.json", "missing file: named");
    like(err.message, "No such file", "missing file: why");
    ok(mkdtemp(dir) != NULL, "temp dir");
    is_int(cadre_candidate_load_file(&c, dir, NULL, NULL, &err), CADRE_EIO, "directory");
    like(err.message, "directory", "directory: says so");
    snprintf(path, sizeof(path), "%s/ok.json", dir);
    f = fopen(path, "w");
    fputs("{\"name\": \"File\"}", f);
    fclose(f);
    is_int(cadre_candidate_load_file(&c, path, NULL, NULL, &err), 0, "file loads");
    is_str(c ? c->source : NULL, path, "source is the path");
    cadre_candidate_free(c);
    unlink(path);
    rmdir(dir);
    cadre_candidate_free(NULL);
    ok(1, "cadre_candidate_free(NULL) is a no-op");
}

/* Flip, drop and insert bytes in a good document: the loader must always either accept it or
 * refuse it with a message, never crash (ASan/UBSan and valgrind runs check the rest). */
static void test_corruption(void)
{
    size_t len = strlen(full);
    char *buf = malloc(len + 2);
    uint32_t seed = 12345;
    int accepted = 0, refused_ok = 0, bad = 0;

    for (int round = 0; round < 3000; round++) {
        cadre_candidate *c = NULL;
        cadre_error err;
        size_t n = len;
        int rc;

        memcpy(buf, full, len);
        for (int k = 0; k < 1 + round % 4; k++) {
            size_t pos;

            seed = seed * 1103515245u + 12345u;
            pos = (seed >> 8) % n;
            seed = seed * 1103515245u + 12345u;
            switch (seed % 3) {
            case 0:
                buf[pos] = (char)(seed >> 16);
                break;
            case 1:
                memmove(buf + pos, buf + pos + 1, n - pos - 1), n--;
                break;
            default:
                memmove(buf + pos + 1, buf + pos, n - pos), buf[pos] = (char)(seed >> 20), n++;
            }
            if (n > len) n = len; /* keep within the buffer */
        }
        memset(&err, 0, sizeof(err));
        rc = cadre_candidate_parse(&c, buf, n, "fuzz.json", NULL, NULL, &err);
        if (rc == 0 && c != NULL)
            accepted++;
        else if (rc < 0 && c == NULL && err.message[0] != '\0')
            refused_ok++;
        else
            bad++;
        cadre_candidate_free(c);
    }
    free(buf);
    is_int(bad, 0, "3000 corrupted documents: each accepted or refused with a message");
    diag("accepted %d, refused %d", accepted, refused_ok);
    ok(refused_ok > 1000, "most corruptions are refused");
}

int main(void)
{
    test_full();
    test_absent_is_not_zero();
    test_malformed();
    test_deep_and_huge();
    test_schema_errors();
    test_all_errors_reported();
    test_warnings();
    test_files();
    test_corruption();
    return done_testing();
}
