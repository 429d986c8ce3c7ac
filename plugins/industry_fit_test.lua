-- SPDX-License-Identifier: MIT
-- industry_fit_test.lua - tests for industry_fit.lua: cadre test <this file>
local nurse_leader = {
  experience = {total_years = 15},
  industries = {healthcare = 14},
  skills = {regulatory_compliance = 5, patient_safety = 5, resource_allocation = 4,
            people_management = 4, stakeholder_management = 4},
  certifications = {"fache", "cphq"},
  tools = {"epic", "tableau"},
  targets = {industries = {"healthcare"}},
}

return {
  tests = {
    {name = "a healthcare leader ranks healthcare first, strongly",
     candidate = nurse_leader,
     expect = {band = "strong fit", ranking = {"healthcare"},
               strengths = {"Healthcare fits you best"},
               criteria = {years = 100, demands = 100, certifications = 100}}},

    {name = "the industry parameter assesses that industry alone",
     candidate = nurse_leader,
     params = {industry = "finance"},
     expect = {ranking = {"finance"}, summary = "Fit for Finance"},
     check = function(r) return #r.ranking == 1, "expected one industry in the ranking" end},

    {name = "years in a neighbouring industry count half",
     candidate = {experience = {total_years = 10}, industries = {logistics = 4}},
     params = {industry = "manufacturing"},
     expect = {criteria = {years = 20}}},

    {name = "... but never more than 3 years' worth, so the industry itself ranks first",
     candidate = {experience = {total_years = 22}, industries = {logistics = 22}},
     params = {industry = "manufacturing"},
     expect = {criteria = {years = 30}}},

    {name = "a target industry that fits poorly is a gap with advice",
     candidate = {experience = {total_years = 15}, industries = {retail = 12},
                  skills = {inventory_management = 4, customer_service = 4},
                  targets = {industries = {"technology"}}},
     expect = {ranking = {"retail"}, gaps = {"You want to work in Technology"}}},

    {name = "with nothing to go on, no ranking is claimed",
     candidate = {},
     expect = {band = "not enough information", summary = "Too little is known"}},
  },
}
