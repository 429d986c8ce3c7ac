/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/schema.c - the candidate schema tables (see schema.h). Ranges are sanity limits
 * that catch typos and absurd input; the reasons for each are in docs/candidate.md.
 */
#include <string.h>

#include "cadre/candidate.h"
#include "internal.h"
#include "candidate/schema.h"

#define OFF(m) offsetof(cadre_candidate, m)
#define F(name, kind, m, lo, hi, aux, sub, doc)                                                    \
    {                                                                                              \
        name, kind, OFF(m), lo, hi, aux, sub, doc                                                  \
    }
#define END                                                                                        \
    {                                                                                              \
        NULL, CADRE__F_SKIP, 0, 0, 0, NULL, NULL, NULL                                             \
    }

static const cadre__field experience[] = {
    F("total_years", CADRE__F_NUM, experience.total_years, 0, CADRE__MAX_YEARS, NULL, NULL,
      "years in work, all roles"),
    F("management_years", CADRE__F_NUM, experience.management_years, 0, CADRE__MAX_YEARS, NULL,
      NULL, "years managing people or a function"),
    F("executive_years", CADRE__F_NUM, experience.executive_years, 0, CADRE__MAX_YEARS, NULL, NULL,
      "years at vice-president level or above, or reporting to the CEO"),
    F("operations_years", CADRE__F_NUM, experience.operations_years, 0, CADRE__MAX_YEARS, NULL,
      NULL, "years in operations roles at any level"),
    F("board_exposure", CADRE__F_FLAG, background.board_exposure, 0, 0, NULL, NULL,
      "has presented to or worked with a board of directors"),
    F("mergers", CADRE__F_FLAG, background.mergers, 0, 0, NULL, NULL,
      "has led a merger, an acquisition or the integration of one"),
    F("multi_site", CADRE__F_FLAG, background.multi_site, 0, 0, NULL, NULL,
      "has run operations across several sites at once"),
    F("international", CADRE__F_FLAG, background.international, 0, 0, NULL, NULL,
      "has run operations across countries"),
    F("crisis_leadership", CADRE__F_FLAG, background.crisis_leadership, 0, 0, NULL, NULL,
      "has led an organisation through a crisis (a recall, an outage, a disaster, a "
      "restructuring)"),
    F("functions_led", CADRE__F_IDLIST, background.functions_led, 0, 0, "function", NULL,
      "functions led at some point, from the function vocabulary"),
    END,
};

static const cadre__field current_role[] = {
    F("title", CADRE__F_STR, current_role.title, 0, 200, NULL, NULL, "job title, free text"),
    F("level", CADRE__F_ENUM, current_role.level, 0, 0, "level", NULL, "seniority"),
    F("function", CADRE__F_VOCAB, current_role.function, 0, 0, "function", NULL,
      "the function the role sits in"),
    F("reports_to_ceo", CADRE__F_FLAG, current_role.reports_to_ceo, 0, 0, NULL, NULL,
      "reports directly to the chief executive"),
    F("company_size", CADRE__F_ENUM, background.company_size, 0, 0, "company_size", NULL,
      "size or stage of the current company"),
    END,
};

static const cadre__field education[] = {
    F("highest_degree", CADRE__F_ENUM, education.highest_degree, 0, 0, "degree", NULL,
      "highest completed degree"),
    F("field", CADRE__F_VOCAB, education.field, 0, 0, "field", NULL, "main field of study"),
    F("mba", CADRE__F_FLAG, education.mba, 0, 0, NULL, NULL, "holds an MBA"),
    END,
};

static const cadre__field scope[] = {
    F("people_led", CADRE__F_INT, scope.people_led, 0, 10000000, NULL, NULL,
      "everyone in the reporting line"),
    F("direct_reports", CADRE__F_INT, scope.direct_reports, 0, 100000, NULL, NULL,
      "people reporting directly"),
    F("budget_usd", CADRE__F_NUM, scope.budget_usd, 0, 1e13, NULL, NULL,
      "largest annual budget owned, US dollars"),
    F("departments", CADRE__F_INT, scope.departments, 0, 1000, NULL, NULL,
      "departments or functions overseen at once"),
    F("pnl_owner", CADRE__F_FLAG, scope.pnl_owner, 0, 0, NULL, NULL,
      "accountable for a profit-and-loss statement"),
    F("hiring_authority", CADRE__F_FLAG, scope.hiring_authority, 0, 0, NULL, NULL,
      "decides hiring and firing"),
    END,
};

static const cadre__field preferences[] = {
    F("max_weekly_hours", CADRE__F_NUM, preferences.max_weekly_hours, 0, 168, NULL, NULL,
      "most hours a week the person is willing to work"),
    F("travel", CADRE__F_ENUM, preferences.travel, 0, 0, "travel", NULL,
      "how much travel the person accepts"),
    F("pressure", CADRE__F_ENUM, preferences.pressure, 0, 0, "pressure", NULL,
      "how much sustained pressure the person wants"),
    END,
};

static const cadre__field targets[] = {
    F("role", CADRE__F_IDENT, targets.role, 0, 0, NULL, NULL,
      "role aimed at: \"coo\" or \"operations_manager\" for the built-ins"),
    F("industries", CADRE__F_IDLIST, targets.industries, 0, 0, "industry", NULL,
      "industries the person wants to work in"),
    F("company_size", CADRE__F_ENUM, background.target_company_size, 0, 0, "company_size", NULL,
      "size or stage of company the person wants to work in"),
    END,
};

#define AOFF(m) offsetof(cadre_achievement, m)
const cadre__field cadre__achievement_fields[] = {
    {"kind", CADRE__F_ENUM, AOFF(kind), 0, 0, "achievement", NULL, "what it improved"},
    {"description", CADRE__F_STR, AOFF(description), 0, CADRE__MAX_LONG_STRING, NULL, NULL,
     "what changed, in a sentence (required)"},
    {"impact_pct", CADRE__F_NUM, AOFF(impact_pct), -100, 10000, NULL, NULL,
     "measured effect in percent"},
    {"value_usd", CADRE__F_NUM, AOFF(value_usd), 0, 1e13, NULL, NULL,
     "money saved or earned, US dollars"},
    {"reach", CADRE__F_ENUM, AOFF(reach), 0, 0, "reach", NULL, "how far the change reached"},
    END,
};

const cadre__field cadre__root_fields[] = {
    {"$schema", CADRE__F_SKIP, 0, 0, 0, NULL, NULL, "ignored; lets editors find the schema"},
    {"schema_version", CADRE__F_VERSION, 0, 1, 1, NULL, NULL, "1; optional"},
    F("id", CADRE__F_STR, id, 0, 200, NULL, NULL, "your identifier for the person"),
    F("name", CADRE__F_STR, name, 0, 200, NULL, NULL, "display name"),
    F("experience", CADRE__F_GROUP, experience, 0, 0, NULL, experience, "years of experience"),
    F("current_role", CADRE__F_GROUP, current_role, 0, 0, NULL, current_role, "the role now"),
    F("education", CADRE__F_GROUP, education, 0, 0, NULL, education, "education"),
    F("certifications", CADRE__F_IDLIST, certifications, 0, 0, "certification", NULL,
      "certification ids"),
    F("industries", CADRE__F_INDUSTRIES, industries, 0, CADRE__MAX_YEARS, "industry", NULL,
      "years in each industry"),
    F("skills", CADRE__F_SKILLS, skills, 0, 5, "skill", NULL, "self-rated level 0..5 per skill id"),
    F("tools", CADRE__F_IDLIST, tools, 0, 0, "tool", NULL, "tool ids used regularly"),
    F("scope", CADRE__F_GROUP, scope, 0, 0, NULL, scope, "scope of responsibility"),
    F("achievements", CADRE__F_ACHIEVEMENTS, achievements, 0, 0, NULL, cadre__achievement_fields,
      "changes the person led"),
    F("preferences", CADRE__F_GROUP, preferences, 0, 0, NULL, preferences, "working preferences"),
    F("targets", CADRE__F_GROUP, targets, 0, 0, NULL, targets, "what the person aims for"),
    F("extra", CADRE__F_EXTRA, extra, 0, 0, NULL, NULL, "free-form data for custom rubrics"),
    END,
};

size_t cadre__fields_count(const cadre__field *f)
{
    size_t n = 0;

    while (f[n].name != NULL)
        n++;
    return n;
}

const cadre__field *cadre__fields_find(const cadre__field *f, const char *name)
{
    for (; f->name != NULL; f++)
        if (strcmp(f->name, name) == 0) return f;
    return NULL;
}

const char *cadre__fields_suggest(const cadre__field *f, const char *name)
{
    return cadre__suggest(name, f, cadre__fields_count(f), sizeof(*f));
}

/* Characteristics the law protects from use in employment decisions (EU AI Act Annex III 4;
 * NYC Local Law 144's categories; US Title VII, ADEA, ADA). No assessment may read them, so the
 * candidate refuses them, at the top and in "extra", and says where they belong: in the
 * separate groups file of a bias audit (docs/audit.md). */
const char *const cadre__protected_fields[] = {"sex",
                                               "gender",
                                               "race",
                                               "ethnicity",
                                               "ethnic_origin",
                                               "age",
                                               "date_of_birth",
                                               "birth_date",
                                               "birthdate",
                                               "dob",
                                               "year_of_birth",
                                               "disability",
                                               "disabilities",
                                               "religion",
                                               "belief",
                                               "marital_status",
                                               "pregnancy",
                                               "sexual_orientation",
                                               "national_origin",
                                               "nationality",
                                               "citizenship",
                                               "veteran_status",
                                               "genetic_information",
                                               "photo",
                                               "picture",
                                               NULL};
