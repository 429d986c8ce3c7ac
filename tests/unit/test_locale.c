/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_locale.c - nothing the engine computes or prints depends on the host's
 * locale: every sample candidate gives byte-identical reports (JSON and text) when the program
 * has set LC_ALL to the C locale, to German (de_DE.UTF-8) and to French (fr_FR.UTF-8), both of
 * which write decimal commas; and a thread that set its own locale with uselocale() gets it back.
 */
#include <dirent.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <cadre/cadre.h>

#include "../tap.h"

#define SAMPLES CADRE_TEST_SOURCE "/docs/examples/candidates"

/* Every sample through every built-in, rendered as JSON and as text, in one buffer. */
static char *reports(void)
{
    cadre_engine_options o;
    cadre_engine *e = NULL;
    char *all = NULL;
    size_t all_len = 0;
    DIR *d = opendir(SAMPLES);
    struct dirent *de;
    char *names[64];
    int n = 0;

    cadre_engine_options_init(&o);
    o.worker_program = CADRE_TEST_WORKER;
    o.builtin_dir = CADRE_TEST_PLUGINS;
    o.user_dir = "";
    o.use_env_path = 0;
    if (d == NULL || cadre_engine_new(&e, &o, NULL) != 0 || cadre_engine_load(e, NULL) != 0)
        return NULL;
    while ((de = readdir(d)) != NULL && n < 64)
        if (strstr(de->d_name, ".json")) names[n++] = strdup(de->d_name);
    closedir(d);
    for (int i = 0; i < n; i++) {
        char path[600], *out;
        size_t len;
        cadre_candidate *c = NULL;
        cadre_report *r = NULL;

        snprintf(path, sizeof(path), "%s/%s", SAMPLES, names[i]);
        free(names[i]);
        if (cadre_candidate_load_file(&c, path, NULL, NULL, NULL) != 0 ||
            cadre_engine_assess(&r, e, c, NULL, NULL) != 0)
            continue;
        for (int f = 0; f < 2; f++) {
            if (cadre_report_render(&out, &len, (const cadre_report *const *)&r, 1,
                                    f ? CADRE_FORMAT_TEXT : CADRE_FORMAT_JSON,
                                    f ? CADRE_RENDER_UNICODE : 0, NULL) != 0)
                continue;
            all = realloc(all, all_len + len + 1);
            memcpy(all + all_len, out, len + 1);
            all_len += len;
            cadre_free(out);
        }
        cadre_report_free(r);
        cadre_candidate_free(c);
    }
    cadre_engine_free(e);
    return all;
}

int main(void)
{
    static const char *const comma_locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8"};
    char *reference, *again;

    setlocale(LC_ALL, "C");
    reference = reports();
    ok(reference != NULL && strstr(reference, "\"score\":"), "reports in the C locale");
    for (size_t i = 0; i < sizeof(comma_locales) / sizeof(comma_locales[0]); i++) {
        char *got;

        if (setlocale(LC_ALL, comma_locales[i]) == NULL) {
            /* scripts/install-deps generates both; say so rather than pass quietly. */
            ok(0, "%s is available (scripts/install-deps generates it)", comma_locales[i]);
            continue;
        }
        {
            char buf[16];

            snprintf(buf, sizeof(buf), "%.1f", 1.5);
            ok(strcmp(buf, "1,5") == 0,
               "%s writes decimal commas (%s), so the test means something", comma_locales[i], buf);
        }
        got = reports();
        ok(got && reference && strcmp(got, reference) == 0,
           "every sample's reports are byte-identical under %s", comma_locales[i]);
        {
            char buf[16];

            snprintf(buf, sizeof(buf), "%.1f", 1.5);
            is_str(buf, "1,5", "... and the program's own locale is as it set it afterwards");
        }
        free(got);
    }
    setlocale(LC_ALL, "C");
    again = reports();
    ok(again && reference && strcmp(again, reference) == 0, "and the same again in C");
    free(again);
    free(reference);
    return done_testing();
}
