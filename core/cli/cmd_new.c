/* SPDX-License-Identifier: MIT */
/*
 * core/cli/cmd_new.c - `cadre new NAME`: a rubric and its test that pass out of the box.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* %1$s is the rubric's name throughout. */
static const char rubric_template[] =
    "-- %1$s.lua - a cadre rubric (docs/rubric-authoring.md).\n"
    "--\n"
    "-- Replace the criteria with what this assessment is about. Every criterion returns a\n"
    "-- score from 0 to 100 and the evidence for it, or nil and why when an input is missing;\n"
    "-- say where each weight and threshold comes from.\n"
    "return {\n"
    "  name = \"%1$s\",\n"
    "  version = \"0.1.0\",\n"
    "  title = \"%1$s\",\n"
    "  description = \"What this assessment measures, in a sentence.\",\n"
    "\n"
    "  bands = {\n"
    "    {min = 70, label = \"strong\"},\n"
    "    {min = 40, label = \"developing\"},\n"
    "    {min = 0, label = \"early\"},\n"
    "  },\n"
    "\n"
    "  criteria = {\n"
    "    {id = \"management\", label = \"Management experience\", weight = 2,\n"
    "     score = function(c)\n"
    "       -- Full marks at 10 years: the COO benchmark in docs/assessments.md.\n"
    "       return cadre.by_years(c.experience.management_years, 10, \"managing people\")\n"
    "     end},\n"
    "    {id = \"leadership\", label = \"Leadership\", weight = 1,\n"
    "     score = function(c)\n"
    "       return cadre.by_level(c, \"leadership\", 4)\n"
    "     end},\n"
    "  },\n"
    "\n"
    "  advise = function(c, p, r, view)\n"
    "    if view.criteria.management.score < 100 then\n"
    "      -- cadre.say writes the sentence from a template and the person's facts.\n"
    "      r:gap(cadre.say(\"%%y of management; COO roles ask for 10 or more.\",\n"
    "                      c.experience.management_years or 0),\n"
    "            \"Take on a role that manages managers.\")\n"
    "    end\n"
    "  end,\n"
    "}\n";

static const char test_template[] =
    "-- %1$s_test.lua - tests for %1$s.lua; run them with: cadre test %1$s_test.lua\n"
    "return {\n"
    "  rubric = \"%1$s.lua\",\n"
    "  tests = {\n"
    "    {name = \"a seasoned manager scores strong\",\n"
    "     candidate = {experience = {total_years = 20, management_years = 12},\n"
    "                  skills = {leadership = 4}},\n"
    "     expect = {band = \"strong\", score = {min = 90},\n"
    "               criteria = {management = 100, leadership = 100}}},\n"
    "\n"
    "    {name = \"a new manager is early, and told why\",\n"
    "     candidate = {experience = {total_years = 4, management_years = 1},\n"
    "                  skills = {leadership = 2}},\n"
    "     expect = {band = \"early\", score = {max = 40},\n"
    "               gaps = {\"1 year of management; COO roles ask for 10\"}}},\n"
    "\n"
    "    {name = \"an empty profile says what is missing\",\n"
    "     candidate = {},\n"
    "     expect = {band = \"not enough information\",\n"
    "               missing = {\"experience.management_years\", \"skills.leadership\"}}},\n"
    "  },\n"
    "}\n";

static int write_new(const char *path, const char *template, const char *name)
{
    FILE *f;
    struct stat st;

    if (stat(path, &st) == 0) {
        cli_error("%s already exists; not overwriting it", path);
        return -1;
    }
    f = fopen(path, "w");
    if (f == NULL) {
        cli_error("cannot create %s: %s", path, strerror(errno));
        return -1;
    }
    fprintf(f, template, name);
    if (fclose(f) != 0) {
        cli_error("cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    fprintf(cli_out, "wrote %s\n", cli_safe(path));
    return 0;
}

static int on_option(void *ud, int id, const char *arg)
{
    if (id == 'd') *(const char **)ud = arg;
    return 0;
}

int cmd_new(int argc, char **argv)
{
    const cli_command *cmd = cli_command_find("new");
    const char *dir = ".", *name;
    char rubric[1100], test[1100];
    int first, rc;

    if ((rc = cli_parse(cmd, argc, argv, &first, on_option, &dir)) >= 0) return rc;
    if (argc - first != 1)
        return cli_usage_error(cmd, argc == first ? "no rubric name given"
                                                  : "one rubric name at a time");
    name = argv[first];
    if (strlen(name) > 64 || name[0] < 'a' || name[0] > 'z' ||
        strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(name))
        return cli_usage_error(cmd,
                               "'%s' is not a rubric name: use lowercase letters, digits and '_', "
                               "starting with a letter (at most 64)",
                               name);
    snprintf(rubric, sizeof(rubric), "%s/%s.lua", dir, name);
    snprintf(test, sizeof(test), "%s/%s_test.lua", dir, name);
    if (write_new(rubric, rubric_template, name) != 0) return EXIT_FAILED;
    if (write_new(test, test_template, name) != 0) return EXIT_FAILED;
    fprintf(cli_out, "\nnext:\n  cadre test %s\n  cadre assess -P %s -a %s candidate.json\n",
            cli_safe(test), cli_safe(dir), name);
    return EXIT_OK;
}
