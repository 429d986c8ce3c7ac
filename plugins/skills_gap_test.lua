-- SPDX-License-Identifier: MIT
-- skills_gap_test.lua - tests for skills_gap.lua: cadre test <this file>
local function everything_at(level, except)
  local skills = {}
  for _, id in ipairs({"leadership", "strategic_planning", "decision_making", "communication",
                       "organization", "financial_management", "execution",
                       "cross_functional_management", "process_management",
                       "stakeholder_management", "mentoring", "process_improvement",
                       "change_management", "cost_management", "quality_management",
                       "performance_metrics", "data_analysis", "negotiation", "risk_management",
                       "regulatory_compliance", "people_management", "hiring", "team_building",
                       "problem_solving", "technology_management", "digital_transformation",
                       "supply_chain", "customer_service", "sales_marketing",
                       "financial_reporting", "innovation"}) do
    skills[id] = level
  end
  for id, l in pairs(except or {}) do skills[id] = l or nil end -- false removes a skill
  return {skills = skills}
end

return {
  tests = {
    {name = "everything at 5: no significant gaps against a COO",
     candidate = everything_at(5),
     expect = {band = "no significant gaps", score = {min = 99}, details = {gaps = "0"}}},

    {name = "one weak, important skill is the top gap, with an action",
     candidate = everything_at(5, {strategic_planning = 1}),
     expect = {ranking = {"strategic_planning"},
               gaps = {"Strategic planning: you rate yourself 1", "annual planning cycle"}}},

    {name = "the role parameter selects the operations manager profile",
     candidate = everything_at(3),
     params = {role = "operations_manager"},
     expect = {details = {role = "operations_manager", role_profile = "11-1021.00"}}},

    {name = "operations managers need less than COOs of the same person",
     candidate = everything_at(3),
     params = {role = "operations_manager"},
     expect = {score = {min = 90}}},

    {name = "the candidate's target role is used when no parameter is set",
     candidate = {targets = {role = "operations_manager"}, skills = {leadership = 3}},
     expect = {details = {role = "operations_manager"}}},

    {name = "an unknown role profile is an error that names the missing file",
     candidate = everything_at(3),
     params = {role = "cfo"},
     expect = {error = "no role profile data/roles/cfo.json"}},

    {name = "a sitting COO rated 4 on stakeholder relationships is not told it is a gap",
     candidate = everything_at(4),
     expect = {band = "no significant gaps", details = {gaps = "0"}}},

    {name = "the band follows the gaps: five gaps are never \"no significant gaps\"",
     candidate = everything_at(5, {strategic_planning = 3, leadership = 3, mentoring = 3,
                                   decision_making = 3, organization = 3}),
     expect = {band = "several gaps to close", details = {gaps = "5"}}},

    {name = "advice suits the person's scope: someone who decides hiring is not told to ask for it",
     candidate = (function()
       local c = everything_at(5, {hiring = 1})
       c.scope = {hiring_authority = true}
       return c
     end)(),
     expect = {gaps = {"You already decide hiring"}}},

    {name = "... and someone who owns a P&L is not told to take one on",
     candidate = (function()
       local c = everything_at(5, {financial_management = 1})
       c.scope = {pnl_owner = true, budget_usd = 20000000}
       return c
     end)(),
     expect = {gaps = {"You already own a P&L"}}},

    {name = "the person's own evidence for a skill is quoted",
     candidate = (function()
       local c = everything_at(4)
       c.skills.leadership = {level = 5, evidence = "Led 900 people through a merger"}
       return c
     end)(),
     expect = {criteria = {leadership = 100}}},

    {name = "unrated skills count as 0, are listed, and the person is asked to rate them",
     candidate = everything_at(4, {team_building = false}),
     expect = {missing = {"skills.team_building"}, gaps = {"did not rate 1 of the 30"}}},
  },
}
