-- SPDX-License-Identifier: MIT
-- coo_readiness_test.lua - tests for the native coo_readiness plugin: cadre test <this file>
local function executive(changes)
  local c = {
    experience = {total_years = 22, management_years = 15, executive_years = 6,
                  operations_years = 12},
    current_role = {title = "VP Operations", level = "vice_president", reports_to_ceo = true},
    education = {highest_degree = "master", field = "business_administration", mba = true},
    skills = {leadership = 5, strategic_planning = 5, decision_making = 5, communication = 5,
              organization = 5, financial_management = 5, execution = 5,
              cross_functional_management = 5, process_management = 5,
              stakeholder_management = 5, mentoring = 5, data_analysis = 4,
              process_improvement = 4, performance_metrics = 4},
    scope = {people_led = 600, budget_usd = 80000000, departments = 5, pnl_owner = true,
             hiring_authority = true},
    achievements = {{kind = "cost_reduction", description = "Cut costs", impact_pct = 12,
                     reach = "company"}},
    preferences = {max_weekly_hours = 60, travel = "frequent", pressure = "high"},
  }
  for path, value in pairs(changes or {}) do
    local group, key = path:match("^([%w_]+)%.([%w_]+)$")
    c[group][key] = value
  end
  return c
end

return {
  rubric = "coo_readiness.so",
  tests = {
    {name = "a seasoned executive is ready now, at senior level",
     candidate = executive(),
     expect = {band = "ready now", score = {min = 90},
               details = {career_level = "a senior COO"},
               strengths = {"own a P&L", "10 or more"}}},

    {name = "six years of management cap the band at 3-5 years, and it says so",
     candidate = executive({["experience.management_years"] = 6}),
     expect = {band = "ready in 3-5 years", gaps = {"the earliest is"},
               criteria = {management = 60}}},

    {name = "no operations years: a finance executive is 1-2 years away, on the finance route",
     candidate = executive({["experience.operations_years"] = 0,
                            ["current_role.function"] = "finance",
                            ["current_role.title"] = "Chief Financial Officer",
                            ["current_role.level"] = "c_suite"}),
     expect = {band = "ready in 1-2 years", strengths = {"from finance"},
               gaps = {"On the finance route"}}},

    {name = "board exposure and a crisis led are strengths; the move to a larger company is named",
     candidate = (function()
       local c = executive()
       c.experience.board_exposure, c.experience.crisis_leadership = true, true
       c.current_role.company_size, c.targets = "scale_up", {company_size = "enterprise"}
       return c
     end)(),
     expect = {strengths = {"worked with a board", "led through a crisis"},
               gaps = {"You work in a scale-up and want an enterprise"}}},

    {name = "several sites and an integration add breadth to the scope criterion",
     candidate = (function()
       local c = executive({["scope.people_led"] = 100, ["scope.budget_usd"] = 10000000})
       c.experience.multi_site, c.experience.mergers = true, true
       return c
     end)(),
     expect = {criteria = {scope = {min = 80}}}},

    {name = "self-ratings of 4 and 5 without evidence lower the confidence",
     candidate = executive(),
     expect = {confidence = {max = 0.86}}},

    {name = "... and evidence restores it",
     candidate = (function()
       local c = executive()
       for id, level in pairs(c.skills) do
         c.skills[id] = {level = level, evidence = "what shows it"}
       end
       return c
     end)(),
     expect = {confidence = {min = 1}}},

    {name = "implausible figures hold the verdict back, and it says so",
     candidate = executive({["scope.direct_reports"] = 600, ["preferences.max_weekly_hours"] = 120}),
     expect = {band = "ready in 1-2 years", risks = {"hard to believe together"}}},

    {name = "two years of management: build experience first, no COO level claimed",
     candidate = executive({["experience.management_years"] = 2,
                            ["experience.executive_years"] = 2}),
     expect = {band = "build operations-management experience first",
               details = {career_level = "below entry-level"}}},

    {name = "departments led without a budget is named as a gap",
     candidate = executive({["scope.budget_usd"] = 0, ["scope.departments"] = 4}),
     expect = {gaps = {"led 4 departments but never owned a budget",
                       "run the next budget cycle"}}},

    {name = "wanting 40 hours a week is a risk, and lowers personal fit",
     candidate = executive({["preferences.max_weekly_hours"] = 40}),
     expect = {risks = {"at most 40 hours"}, criteria = {personal_fit = {max = 70}}}},

    {name = "no MBA: education 80 for a business bachelor's, not zero",
     candidate = executive({["education.mba"] = false, ["education.highest_degree"] = "bachelor"}),
     expect = {criteria = {education = 80}}},

    {name = "an empty profile gets no verdict, and a list of what to add",
     candidate = {},
     expect = {band = "not enough information", confidence = {max = 0.5},
               missing = {"experience.management_years", "scope.budget_usd",
                          "skills.leadership"}}},
  },
}
