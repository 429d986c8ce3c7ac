/* SPDX-License-Identifier: MIT */
/*
 * core/candidate/vocab.c - the controlled vocabularies of the candidate model.
 *
 * These tables are the single source of truth: the loader validates against them, the Lua
 * bridge exposes them as cadre.vocab, `cadre vocab` prints them, and docs/candidate.md is
 * generated from that output (tests/docs check it has not drifted).
 *
 * Skill ids carry the O*NET element they correspond to, where one fits, so role profiles can
 * take required levels from the O*NET ratings in plugins/data/onet. Skills with no O*NET
 * counterpart (change management, supply chain, ...) come from the COO descriptions in
 * ../shared/domain.md and have onet = NULL.
 */
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "candidate/vocab.h"

#define E(id, label, meaning, extra)                                                               \
    {                                                                                              \
        id, label, meaning, extra                                                                  \
    }

/* extra = O*NET element id (skills.tsv, knowledge.tsv, abilities.tsv or work_activities.tsv). */
static const cadre__vocab_entry skills[] = {
    E("leadership", "Leadership", "Sets direction and gets people to follow it willingly",
      "4.A.4.b.4"),
    E("strategic_planning", "Strategic planning",
      "Turns long-range goals into objectives, plans and priorities", "4.A.2.b.4"),
    E("decision_making", "Decision-making",
      "Weighs costs and benefits of options and commits to one", "2.B.4.e"),
    E("communication", "Communication", "Gets information across clearly, spoken and written",
      "2.A.1.d"),
    E("organization", "Organisational ability", "Organises, plans and prioritises work",
      "4.A.2.b.6"),
    E("financial_management", "Financial planning and budgeting",
      "Builds budgets and decides how money is spent", "2.B.5.b"),
    E("execution", "Hands-on execution",
      "Gets plans carried out on time, stepping in personally when needed", NULL),
    E("cross_functional_management", "Managing cross-functional teams",
      "Coordinates several departments towards one outcome", "2.B.1.b"),
    E("process_management", "Managing complex processes",
      "Runs multi-step operations and foresees how changes ripple through them", "2.B.4.g"),
    E("stakeholder_management", "Stakeholder relationships",
      "Builds lasting working relationships with boards, partners and customers", "4.A.4.a.4"),
    E("mentoring", "Mentoring future leaders", "Coaches people and develops their careers",
      "4.A.4.b.5"),
    E("process_improvement", "Process improvement",
      "Measures how a process performs and removes waste and bottlenecks", "2.B.4.h"),
    E("change_management", "Driving change",
      "Leads people and organisations through significant change", NULL),
    E("cost_management", "Cost management",
      "Monitors spending and resources against plan and brings them back in line", "4.A.4.c.3"),
    E("quality_management", "Quality control",
      "Sets quality standards and checks work against them", "2.B.3.m"),
    E("performance_metrics", "Performance metrics",
      "Defines indicators and monitors performance against them", "2.A.2.d"),
    E("data_analysis", "Data analysis", "Draws sound conclusions from operational data",
      "4.A.2.a.4"),
    E("negotiation", "Negotiation", "Reaches agreements with vendors, partners and staff",
      "2.B.1.d"),
    E("influencing", "Influencing", "Persuades others to change their minds or behaviour",
      "2.B.1.c"),
    E("risk_management", "Operational risk",
      "Notices what is going wrong or likely to, and plans for it", "1.A.1.b.3"),
    E("regulatory_compliance", "Regulatory compliance",
      "Keeps operations within the laws and standards of the industry", "4.A.2.a.3"),
    E("supply_chain", "Supply chain", "Manages suppliers, procurement and the flow of materials",
      NULL),
    E("vendor_management", "Vendor management",
      "Selects suppliers and manages their contracts and performance", NULL),
    E("logistics", "Logistics", "Plans transportation and distribution networks", NULL),
    E("inventory_management", "Inventory management",
      "Keeps stock levels right across sites and channels", NULL),
    E("people_management", "People management",
      "Staffs, assigns and develops the people in an organisation", "2.B.5.d"),
    E("hiring", "Hiring and firing", "Recruits and selects people and decides when to let them go",
      "4.A.4.c.2"),
    E("team_building", "Team building", "Builds teams whose members trust and rely on each other",
      "4.A.4.b.2"),
    E("conflict_resolution", "Conflict resolution", "Resolves disputes and grievances fairly",
      "4.A.4.a.7"),
    E("critical_thinking", "Critical thinking",
      "Tests conclusions and approaches for their strengths and weaknesses", "2.A.2.a"),
    E("problem_solving", "Complex problem solving",
      "Solves new, ill-defined problems from incomplete information", "2.B.2.i"),
    E("time_management", "Time management", "Manages own time and that of others", "2.B.5.a"),
    E("resource_allocation", "Resource allocation",
      "Allocates equipment, facilities and materials where they do most good", "2.B.5.c"),
    E("project_management", "Project management", "Delivers projects to scope, schedule and budget",
      NULL),
    E("technology_management", "Technology and IT",
      "Oversees IT systems, infrastructure and their security", "2.C.3.a"),
    E("digital_transformation", "Digital transformation",
      "Leads the move to digital tools and data-driven ways of working", NULL),
    E("product_development", "Product development", "Takes products from idea to launch", NULL),
    E("customer_service", "Customer service",
      "Runs service operations around the customer's experience", "2.C.1.e"),
    E("sales_marketing", "Sales and marketing",
      "Understands how the company promotes and sells what it makes", "2.C.1.d"),
    E("financial_reporting", "Financial reporting",
      "Reads and prepares financial statements and analyses", "2.C.1.c"),
    E("patient_safety", "Patient safety",
      "Runs clinical operations with systems that prevent harm to patients", NULL),
    E("sustainability", "Sustainability",
      "Manages energy, materials and environmental impact over the long term", NULL),
    E("innovation", "Innovation", "Generates new ideas and gets them adopted", "4.A.2.b.2"),
    E("global_operations", "Global operations",
      "Runs operations across countries, cultures and time zones", NULL),
};

/* extra = what a COO in this industry concentrates on (domain.md, from seed 003). */
static const cadre__vocab_entry industries[] = {
    E("healthcare", "Healthcare", "Hospitals, clinics, care providers",
      "hospital operations and patient care; healthcare regulations; patient safety"),
    E("technology", "Technology", "Software, hardware, internet and IT services",
      "product development and launches; IT infrastructure and security; scalability"),
    E("manufacturing", "Manufacturing", "Making physical products",
      "production processes; supply chain and logistics; quality control; cost saving"),
    E("retail", "Retail", "Selling goods to consumers in stores and online",
      "inventory management; customer service; store operations; marketing and sales"),
    E("finance", "Finance", "Banking, insurance, investment and financial services",
      "financial operations; regulatory compliance; risk; financial reporting"),
    E("education", "Education", "Schools, universities and training providers",
      "institutional operations and strategic initiatives"),
    E("nonprofit", "Nonprofit", "Charities, foundations and mission-driven organisations",
      "mission-driven efficiency and resource allocation"),
    E("hospitality", "Hospitality", "Hotels, restaurants, travel and events",
      "guest services and operational logistics"),
    E("logistics", "Logistics", "Transportation, warehousing and distribution",
      "transportation and distribution networks"),
    E("energy", "Energy", "Power, oil and gas, utilities and renewables",
      "resource management and sustainability"),
};

/* extra = the industries or areas the credential speaks to (a design choice; see
 * docs/assessments.md). APICS and ISM are the ones seed 002 names for operations managers. */
static const cadre__vocab_entry certifications[] = {
    E("apics_cpim", "ASCM/APICS CPIM", "Certified in Planning and Inventory Management",
      "manufacturing,retail,logistics"),
    E("apics_cscp", "ASCM/APICS CSCP", "Certified Supply Chain Professional",
      "manufacturing,retail,logistics"),
    E("apics_cltd", "ASCM/APICS CLTD", "Certified in Logistics, Transportation and Distribution",
      "logistics,manufacturing,retail"),
    E("ism_cpsm", "ISM CPSM",
      "Institute for Supply Management: Certified Professional in "
      "Supply Management",
      "manufacturing,logistics,energy"),
    E("pmp", "PMP", "Project Management Institute: Project Management Professional",
      "technology,energy,manufacturing"),
    E("lean_six_sigma_green_belt", "Lean Six Sigma Green Belt",
      "Process improvement methods, practitioner level", "manufacturing,healthcare,logistics"),
    E("lean_six_sigma_black_belt", "Lean Six Sigma Black Belt",
      "Process improvement methods, leads improvement programmes",
      "manufacturing,healthcare,logistics"),
    E("asq_cmq_oe", "ASQ CMQ/OE",
      "American Society for Quality: Certified Manager of "
      "Quality/Organizational Excellence",
      "manufacturing,healthcare,energy"),
    E("iso_9001_lead_auditor", "ISO 9001 Lead Auditor", "Audits quality management systems",
      "manufacturing,logistics"),
    E("cpa", "CPA", "Certified Public Accountant", "finance,nonprofit"),
    E("cfa", "CFA", "Chartered Financial Analyst", "finance"),
    E("frm", "FRM", "GARP Financial Risk Manager", "finance,energy"),
    E("fache", "FACHE", "Fellow of the American College of Healthcare Executives", "healthcare"),
    E("cphq", "CPHQ", "Certified Professional in Healthcare Quality", "healthcare"),
    E("itil", "ITIL", "IT service management framework certification", "technology,finance"),
    E("cissp", "CISSP", "Certified Information Systems Security Professional",
      "technology,finance"),
    E("shrm_scp", "SHRM-SCP", "SHRM Senior Certified Professional in human resources",
      "education,nonprofit,hospitality"),
    E("cha", "CHA", "AHLA Certified Hotel Administrator", "hospitality"),
    E("cem", "CEM", "AEE Certified Energy Manager", "energy"),
    E("cfre", "CFRE", "Certified Fund Raising Executive", "nonprofit,education"),
};

/* extra = tool category, as seed 003 groups a COO's tools. */
static const cadre__vocab_entry tools[] = {
    E("asana", "Asana", "Project management", "project_management"),
    E("trello", "Trello", "Project management", "project_management"),
    E("jira", "Jira", "Project and issue tracking", "project_management"),
    E("ms_project", "Microsoft Project", "Project management", "project_management"),
    E("smartsheet", "Smartsheet", "Project management", "project_management"),
    E("tableau", "Tableau", "Data analytics", "data_analytics"),
    E("excel", "Microsoft Excel", "Spreadsheets and analysis", "data_analytics"),
    E("sap", "SAP", "Enterprise resource planning", "erp"),
    E("oracle", "Oracle ERP", "Enterprise resource planning", "erp"),
    E("netsuite", "NetSuite", "Enterprise resource planning", "erp"),
    E("slack", "Slack", "Team communication", "communication"),
    E("quickbooks", "QuickBooks", "Financial management", "financial"),
    E("salesforce", "Salesforce", "Customer relationship management", "crm"),
    E("hubspot", "HubSpot", "Customer relationship management", "crm"),
    E("google_drive", "Google Drive", "Cloud storage", "cloud_storage"),
    E("dropbox", "Dropbox", "Cloud storage", "cloud_storage"),
    E("zoom", "Zoom", "Video conferencing", "video_conferencing"),
    E("ms_teams", "Microsoft Teams", "Video conferencing and chat", "video_conferencing"),
    E("power_bi", "Power BI", "Business intelligence", "business_intelligence"),
    E("looker", "Looker", "Business intelligence", "business_intelligence"),
    E("bamboohr", "BambooHR", "Performance management", "performance_management"),
    E("workday", "Workday", "HR and performance management", "performance_management"),
    E("epic", "Epic", "Electronic health records", "healthcare_systems"),
    E("wms", "Warehouse management system", "Warehouse management", "supply_chain_systems"),
    E("tms", "Transportation management system", "Transport planning", "supply_chain_systems"),
    E("mes", "Manufacturing execution system", "Shop-floor control", "supply_chain_systems"),
    E("pos", "Point of sale", "Retail point-of-sale systems", "retail_systems"),
    E("pms", "Property management system", "Hotel property management", "hospitality_systems"),
};

/* extra = "business" when the field counts as "business administration or a related field"
 * (seed 003's education requirement); which fields are related is a design choice. */
static const cadre__vocab_entry fields[] = {
    E("business_administration", "Business administration", "Business, BBA/MBA programmes",
      "business"),
    E("management", "Management", "General management", "business"),
    E("operations_management", "Operations management", "Operations and production", "business"),
    E("supply_chain_management", "Supply chain management", "Supply chain and logistics",
      "business"),
    E("finance", "Finance", "Corporate finance, banking", "business"),
    E("accounting", "Accounting", "Accounting and audit", "business"),
    E("economics", "Economics", "Economics", "business"),
    E("marketing", "Marketing", "Marketing", "business"),
    E("industrial_engineering", "Industrial engineering", "Systems and process engineering",
      "business"),
    E("healthcare_administration", "Healthcare administration", "Running health services",
      "business"),
    E("public_administration", "Public administration", "Running public bodies", "business"),
    E("hospitality_management", "Hospitality management", "Running hotels and venues", "business"),
    E("engineering", "Engineering", "Any other engineering discipline", NULL),
    E("computer_science", "Computer science", "Computing and software", NULL),
    E("information_systems", "Information systems", "Business IT", NULL),
    E("nursing", "Nursing", "Nursing", NULL),
    E("medicine", "Medicine", "Medicine", NULL),
    E("public_health", "Public health", "Public health", NULL),
    E("education", "Education", "Teaching and education", NULL),
    E("law", "Law", "Law", NULL),
    E("psychology", "Psychology", "Psychology", NULL),
    E("science", "Natural science", "Physics, chemistry, biology and similar", NULL),
    E("mathematics", "Mathematics", "Mathematics and statistics", NULL),
    E("humanities", "Humanities", "Languages, history, philosophy, arts", NULL),
    E("other", "Other", "Anything not listed", NULL),
};

/* extra = "operations" for functions that count as operations experience. */
static const cadre__vocab_entry functions[] = {
    E("operations", "Operations", "Running how the organisation delivers", "operations"),
    E("general_management", "General management", "Running a whole unit or company", "operations"),
    E("supply_chain", "Supply chain", "Procurement, planning, logistics", "operations"),
    E("customer_service", "Customer service", "Service delivery and support", "operations"),
    E("finance", "Finance", "Finance, accounting, treasury", NULL),
    E("sales_marketing", "Sales and marketing", "Selling and promoting", NULL),
    E("human_resources", "Human resources", "People and organisation", NULL),
    E("technology", "Technology", "IT and software", NULL),
    E("engineering", "Engineering", "Product and process engineering", NULL),
    E("clinical", "Clinical", "Delivering care", NULL),
    E("other", "Other", "Anything not listed", NULL),
};

#define V(name, table)                                                                             \
    {                                                                                              \
        name, table, CADRE__ARRAY_LEN(table)                                                       \
    }
static const cadre__vocab vocabs[] = {
    V("skill", skills), V("industry", industries), V("certification", certifications),
    V("tool", tools),   V("field", fields),        V("function", functions),
};

const char *cadre_vocab_name(size_t i)
{
    return i < CADRE__ARRAY_LEN(vocabs) ? vocabs[i].name : NULL;
}

size_t cadre_vocab_count(const char *vocabulary)
{
    const cadre__vocab *v = vocabulary ? cadre__vocab_get(vocabulary) : NULL;

    return v ? v->count : 0;
}

const cadre_vocab_entry *cadre_vocab_entry_at(const char *vocabulary, size_t i)
{
    const cadre__vocab *v = vocabulary ? cadre__vocab_get(vocabulary) : NULL;

    return v && i < v->count ? &v->entries[i] : NULL;
}

const char *cadre_vocab_suggest(const char *vocabulary, const char *text)
{
    const cadre__vocab *v = vocabulary && text ? cadre__vocab_get(vocabulary) : NULL;

    return v ? cadre__vocab_suggest(v, text) : NULL;
}

const cadre__vocab *cadre__vocab_get(const char *name)
{
    for (size_t i = 0; i < CADRE__ARRAY_LEN(vocabs); i++)
        if (strcmp(vocabs[i].name, name) == 0) return &vocabs[i];
    return NULL;
}

const cadre__vocab *cadre__vocab_at(size_t i)
{
    return i < CADRE__ARRAY_LEN(vocabs) ? &vocabs[i] : NULL;
}

/* Every vocabulary's entries sorted by id, built once: ids are looked up for every skill,
 * industry and certification of every candidate, and by rubrics reading c.skills. */
#define SORTED_MAX 256
static const cadre__vocab_entry *sorted[CADRE__ARRAY_LEN(vocabs)][SORTED_MAX];
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp((*(const cadre__vocab_entry *const *)a)->id,
                  (*(const cadre__vocab_entry *const *)b)->id);
}

static void sort_vocabs(void)
{
    for (size_t i = 0; i < CADRE__ARRAY_LEN(vocabs); i++) {
        if (vocabs[i].count > SORTED_MAX) continue; /* looked up linearly instead */
        for (size_t j = 0; j < vocabs[i].count; j++)
            sorted[i][j] = &vocabs[i].entries[j];
        qsort(sorted[i], vocabs[i].count, sizeof(sorted[i][0]), cmp_entry);
    }
}

const cadre__vocab_entry *cadre__vocab_find(const cadre__vocab *v, const char *id)
{
    size_t k, lo = 0, hi;

    if (v == NULL || id == NULL) return NULL;
    k = (size_t)(v - vocabs);
    if (k >= CADRE__ARRAY_LEN(vocabs) || v->count > SORTED_MAX) {
        for (size_t i = 0; i < v->count; i++)
            if (strcmp(v->entries[i].id, id) == 0) return &v->entries[i];
        return NULL;
    }
    pthread_once(&sorted_once, sort_vocabs);
    hi = v->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(sorted[k][mid]->id, id);

        if (c == 0) return sorted[k][mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *cadre__vocab_suggest(const cadre__vocab *v, const char *id)
{
    return cadre__suggest(id, v->entries, v->count, sizeof(v->entries[0]));
}

const char *cadre__vocab_label(const char *vocabulary, const char *id)
{
    const cadre__vocab_entry *e = cadre__vocab_find(cadre__vocab_get(vocabulary), id);

    return e ? e->label : NULL;
}

const char *cadre__vocab_extra(const char *vocabulary, const char *id)
{
    const cadre__vocab_entry *e = cadre__vocab_find(cadre__vocab_get(vocabulary), id);

    return e ? e->extra : NULL;
}

/* ---- enumerations: index = C enum value, NULL at 0 means "unknown" ---- */

static const char *const degree_names[] = {NULL,       "none",   "high_school", "associate",
                                           "bachelor", "master", "doctorate",   NULL};
static const char *const level_names[] = {
    NULL,       "individual_contributor", "supervisor", "manager", "senior_manager",
    "director", "vice_president",         "c_suite",    NULL};
static const char *const travel_names[] = {NULL,       "none",      "occasional",
                                           "frequent", "extensive", NULL};
static const char *const pressure_names[] = {NULL, "low", "moderate", "high", NULL};
/* Achievement kinds have no "unknown": 0 is "other". */
static const char *const achievement_names[] = {"other",
                                                "efficiency",
                                                "cost_reduction",
                                                "change_initiative",
                                                "process_improvement",
                                                "quality",
                                                "revenue_growth",
                                                NULL};
static const char *const reach_names[] = {NULL, "team", "department", "division", "company", NULL};
static const char *const company_size_names[] = {NULL,       "startup",    "scale_up",
                                                 "mid_size", "enterprise", NULL};

#define N(name, table)                                                                             \
    {                                                                                              \
        name, table, CADRE__ARRAY_LEN(table) - 1                                                   \
    }
static const cadre__enum enums[] = {
    N("degree", degree_names),
    N("level", level_names),
    N("travel", travel_names),
    N("pressure", pressure_names),
    N("achievement", achievement_names),
    N("reach", reach_names),
    N("company_size", company_size_names),
};

const cadre__enum *cadre__enum_get(const char *name)
{
    for (size_t i = 0; i < CADRE__ARRAY_LEN(enums); i++)
        if (strcmp(enums[i].name, name) == 0) return &enums[i];
    return NULL;
}

int cadre__enum_value(const cadre__enum *en, const char *s)
{
    for (size_t i = 0; i < en->count; i++)
        if (en->names[i] != NULL && strcmp(en->names[i], s) == 0) return (int)i;
    return -1;
}

const char *cadre__enum_name(const cadre__enum *en, int value)
{
    return value >= 0 && (size_t)value < en->count ? en->names[value] : NULL;
}

/* The list of valid names as "a, b or c", for messages; written into buf. */
const char *cadre__enum_choices(const cadre__enum *en, char *buf, size_t size)
{
    size_t used = 0, n = 0, total = 0;

    for (size_t i = 0; i < en->count; i++)
        if (en->names[i] != NULL) total++;
    buf[0] = '\0';
    for (size_t i = 0; i < en->count && used < size; i++) {
        const char *sep;
        int w;

        if (en->names[i] == NULL) continue;
        n++;
        sep = n == 1 ? "" : n == total ? " or " : ", ";
        w = snprintf(buf + used, size - used, "%s\"%s\"", sep, en->names[i]);
        if (w < 0) break;
        used += (size_t)w;
    }
    return buf;
}
