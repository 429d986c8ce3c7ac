/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_interview.c - `cadre interview [FILE]`: the questionnaire (interview.c) over a
 * profile file, saved after every answer, then the assessment if the person wants it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "interview.h"

#define DEFAULT_FILE "profile.json"

typedef struct interview_cmd {
    cli_opts o;
    int all_skills, no_assess;
    const char *path;
    cadre_engine *e;
    int saved;
} interview_cmd;

static int on_option(void *ud, int id, const char *arg)
{
    interview_cmd *c = ud;

    switch (id) {
    case OPT_ALL_SKILLS:
        c->all_skills = 1;
        return 0;
    case OPT_NO_ASSESS:
        c->no_assess = 1;
        return 0;
    }
    return cli_common_option(&c->o, id, arg) < 0 ? -1 : 0;
}

static int save(void *ud, const cJSON *profile)
{
    interview_cmd *c = ud;
    char *text = cJSON_Print(profile);
    int rc = text ? cli_write_file(c->path, text, 1) : EXIT_INTERNAL;

    free(text);
    if (rc == EXIT_OK) c->saved = 1;
    return rc == EXIT_OK ? 0 : -1;
}

/* The skills of role `role`'s profile, read from the data folder beside the built-in
 * skills_gap plugin (plugins/data/roles/ROLE.json): the skills the assessments compare. */
static int role_skills(void *ud, const char *role, const char **ids, int max)
{
    interview_cmd *c = ud;
    const cadre_plugin_meta *m = NULL;
    char path[4096], *text, *slash;
    size_t len;
    cJSON *doc, *s;
    int n = 0;
    static cJSON *kept; /* the ids point into it until the program ends */

    for (size_t i = 0; c->e && i < cadre_engine_plugin_count(c->e); i++)
        if (strcmp(cadre_engine_plugin(c->e, i)->name, "skills_gap") == 0)
            m = cadre_engine_plugin(c->e, i);
    if (m == NULL || m->path == NULL || strspn(role, "abcdefghijklmnopqrstuvwxyz_") != strlen(role))
        return -1;
    snprintf(path, sizeof(path), "%s", m->path);
    if ((slash = strrchr(path, '/')) == NULL) return -1;
    snprintf(slash + 1, sizeof(path) - (size_t)(slash + 1 - path), "data/roles/%s.json", role);
    if (access(path, R_OK) != 0 ||
        (text = cli_read_file(path, 1 << 20, "a role profile is far smaller", &len)) == NULL)
        return -1;
    doc = cJSON_ParseWithLength(text, len);
    free(text);
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(doc, "skills"))
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(s, "skill");

        if (cJSON_IsString(id) && n < max) ids[n++] = id->valuestring;
    }
    cJSON_Delete(kept);
    kept = doc;
    return n > 0 ? n : -1;
}

/* The profile to edit: the file's, or a new one when the file does not exist. */
static int load(cJSON **out, const char *path)
{
    size_t len = 0;
    char *text;

    if (access(path, F_OK) != 0) {
        if (errno != ENOENT) {
            cli_error("cannot read %s: %s", path, strerror(errno));
            return EXIT_INPUT;
        }
        *out = cJSON_CreateObject();
        return *out ? EXIT_OK : EXIT_INTERNAL;
    }
    if ((text = cli_read_file(path, CADRE_CANDIDATE_MAX_BYTES, "a profile is far smaller", &len)) ==
        NULL)
        return EXIT_INPUT;
    *out = cJSON_ParseWithLength(text, len);
    free(text);
    if (!cJSON_IsObject(*out)) {
        cJSON_Delete(*out);
        *out = NULL;
        cli_error("%s is not a JSON object; fix it (cadre validate %s says where) or name another "
                  "file",
                  path, path);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

static int assess(interview_cmd *c)
{
    cadre_candidate *cand = NULL;
    cadre_report *r = NULL;
    cadre_error err;
    char *out = NULL;
    size_t len = 0;
    int rc;

    if (cadre_candidate_load_file(&cand, c->path, NULL, NULL, &err) != 0) {
        cli_error("%s", err.message);
        return EXIT_INPUT;
    }
    rc = cadre_engine_assess(&r, c->e, cand, NULL, &err);
    if (rc == 0) rc = cadre_report_explore(r, c->e, cand, &err);
    if (rc == 0)
        rc = cadre_report_render(&out, &len, (const cadre_report *const *)&r, 1, CADRE_FORMAT_TEXT,
                                 cli_render_flags(&c->o) | CADRE_RENDER_BRIEF, &err);
    cadre_candidate_free(cand);
    cadre_report_free(r);
    if (rc != 0) {
        cli_error("%s", err.message);
        return EXIT_INTERNAL;
    }
    fputs("\n", cli_out);
    rc = cli_write(out, len);
    cadre_free(out);
    fprintf(cli_out,
            "\nThe full report, with the evidence behind each number: cadre assess %s\n"
            "As a page with charts: cadre assess --format html %s > report.html\n",
            c->path, c->path);
    return rc;
}

int cmd_interview(int argc, char **argv)
{
    interview_cmd c;
    cJSON *profile = NULL;
    interview_opts io;
    int first, rc;

    memset(&c, 0, sizeof(c));
    cli_opts_init(&c.o, cli_command_find("interview"));
    rc = cli_parse(c.o.cmd, argc, argv, &first, on_option, &c);
    if (rc >= 0) return rc;
    if (argc - first > 1)
        return cli_usage_error(c.o.cmd, "interview edits one profile; got %d files", argc - first);
    c.path = argc - first == 1 ? argv[first] : DEFAULT_FILE;
    if (strcmp(c.path, "-") == 0)
        return cli_usage_error(c.o.cmd, "the answers come from standard input; name a FILE to "
                                        "save the profile in");
    if (cli_stdin_closed) {
        cli_error("standard input is closed: interview reads the answers from it");
        return EXIT_INPUT;
    }
    if ((rc = load(&profile, c.path)) != EXIT_OK) return rc;
    /* The engine: to find the target role's skills, and to assess at the end. Problems with
     * plugins are not the interview's: they are reported when it assesses. */
    if (cli_engine(&c.e, &c.o, 1) != EXIT_OK) c.e = NULL;
    fprintf(cli_out,
            "cadre interview: questions about your career, to write %s%s.\n"
            "Every answer is checked at once and saved at once, so you can stop at any time and "
            "continue later with the same command.\n",
            cli_safe(c.path), cJSON_GetArraySize(profile) ? " (its answers are the defaults)" : "");
    io = (interview_opts){stdin, cli_out, !isatty(fileno(stdin)), c.all_skills, role_skills,
                          save,  &c};
    rc = interview_run(profile, &io);
    cJSON_Delete(profile);
    if (rc == INTERVIEW_SAVE_FAILED) {
        cadre_engine_free(c.e);
        return EXIT_FAILED;
    }
    if (rc == INTERVIEW_STOPPED) {
        fprintf(cli_out, "\nStopped. %s; run cadre interview %s to continue where you left off.\n",
                c.saved ? "Your answers so far are saved" : "Nothing was changed", c.path);
        cadre_engine_free(c.e);
        return EXIT_OK;
    }
    fprintf(cli_out, "\nDone: %s is %s.\n", c.path, c.saved ? "saved" : "unchanged");
    rc = EXIT_OK;
    if (!c.no_assess && c.e && access(c.path, F_OK) == 0 &&
        interview_yes(&io, "Assess your profile now?", 1))
        rc = assess(&c);
    cadre_engine_free(c.e);
    return rc;
}
