-- SPDX-License-Identifier: MIT
-- role_fit_test.lua - tests for role_fit.lua: cadre test <this file>
return {
  tests = {
    {name = "a seasoned COO-scope leader fits a COO role now",
     candidate = {
       experience = {total_years = 20, management_years = 14, operations_years = 14},
       current_role = {reports_to_ceo = true},
       skills = {strategic_planning = 5, decision_making = 5, financial_management = 4,
                 stakeholder_management = 5, change_management = 4, execution = 4,
                 process_management = 4, organization = 4, performance_metrics = 4,
                 quality_management = 4},
       scope = {departments = 5, pnl_owner = true, hiring_authority = true, people_led = 500},
       achievements = {{kind = "efficiency", description = "x", reach = "company"}},
     },
     expect = {band = "fits a COO role now", ranking = {"coo"}}},

    {name = "a tactical first-line manager fits operations manager, and is shown the path",
     candidate = {
       experience = {total_years = 6, management_years = 3, operations_years = 6},
       current_role = {reports_to_ceo = false},
       skills = {strategic_planning = 1, decision_making = 2, financial_management = 1,
                 stakeholder_management = 2, change_management = 1, execution = 4,
                 process_management = 4, organization = 4, performance_metrics = 3,
                 quality_management = 3},
       scope = {departments = 1, people_led = 20, pnl_owner = false, hiring_authority = false},
       achievements = {{kind = "efficiency", description = "x", reach = "department"}},
     },
     expect = {band = "fits an operations manager role", ranking = {"operations_manager"},
               details = {orientation = "tactical"},
               gaps = {"holds your COO fit back"}}},

    {name = "someone with no operations background is pointed to operations first",
     candidate = {
       experience = {total_years = 12, management_years = 6, operations_years = 0},
       skills = {strategic_planning = 4, decision_making = 4, financial_management = 5,
                 stakeholder_management = 4, change_management = 3, execution = 2,
                 process_management = 2, organization = 3, performance_metrics = 3,
                 quality_management = 1},
       scope = {departments = 1, people_led = 10},
     },
     expect = {band = "not yet ready for either role", details = {orientation = "strategic"},
               findings = {"operations management role first"}}},

    {name = "with nothing to go on, it says so",
     candidate = {},
     expect = {band = "not enough information", gaps = {"Too little is known"}}},
  },
}
