-- SPDX-License-Identifier: MIT
-- role_fit_test.lua - tests for the native role_fit plugin: cadre test <this file>
return {
  rubric = "role_fit.so",
  tests = {
    {name = "a seasoned COO-scope leader fits a COO role now, and the COO fit leads the ranking",
     candidate = {
       experience = {total_years = 20, management_years = 14, executive_years = 6,
                     operations_years = 14},
       current_role = {level = "vice_president", reports_to_ceo = true},
       education = {highest_degree = "master", field = "business_administration", mba = true},
       skills = {leadership = 5, strategic_planning = 5, decision_making = 5, communication = 4,
                 organization = 4, financial_management = 4, execution = 4,
                 cross_functional_management = 4, process_management = 4,
                 stakeholder_management = 5, mentoring = 4, change_management = 4,
                 performance_metrics = 4, quality_management = 4},
       scope = {departments = 5, pnl_owner = true, hiring_authority = true, people_led = 500,
                budget_usd = 60000000},
       achievements = {{kind = "efficiency", description = "x", impact_pct = 10,
                        reach = "company"}},
       preferences = {max_weekly_hours = 55, travel = "occasional", pressure = "high"},
     },
     expect = {band = "fits a COO role now", score = {min = 85}}},

    {name = "a tactical first-line manager fits operations manager, and is shown the step to COO",
     candidate = {
       experience = {total_years = 6, management_years = 3, executive_years = 0,
                     operations_years = 6},
       current_role = {level = "manager", reports_to_ceo = false},
       education = {highest_degree = "bachelor", field = "business_administration", mba = false},
       preferences = {max_weekly_hours = 45, travel = "occasional", pressure = "moderate"},
       skills = {strategic_planning = 1, decision_making = 2, financial_management = 1,
                 stakeholder_management = 2, change_management = 1, execution = 4,
                 process_management = 4, organization = 4, performance_metrics = 3,
                 quality_management = 3},
       scope = {departments = 1, people_led = 20, pnl_owner = false, hiring_authority = false},
       achievements = {{kind = "efficiency", description = "x", reach = "department"}},
     },
     expect = {band = "fits an operations manager role", ranking = {"operations_manager"},
               details = {orientation = "tactical"},
               gaps = {"COO readiness: build operations-management experience first"}}},

    {name = "someone with no operations background is pointed to operations first",
     candidate = {
       experience = {total_years = 12, management_years = 6, operations_years = 0},
       skills = {strategic_planning = 4, decision_making = 4, financial_management = 5,
                 stakeholder_management = 4, change_management = 3, execution = 2,
                 process_management = 2, organization = 3, performance_metrics = 3,
                 quality_management = 1},
       scope = {departments = 1, people_led = 10},
     },
     expect = {band = "not enough information"}},

    {name = "with nothing to go on, it says so",
     candidate = {},
     expect = {band = "not enough information", gaps = {"Too little is known"}}},
  },
}
