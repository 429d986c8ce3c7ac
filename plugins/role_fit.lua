-- SPDX-License-Identifier: MIT
-- plugins/role_fit.lua - COO or operations manager: which role fits this person now, whether
-- their profile is strategic or tactical, and what would move them from one to the other.
--
-- The contrast comes from domain.md (seeds 001, 002): a COO is strategic (long-term planning,
-- financial performance, organisational development), oversees the whole company, decides
-- hiring and firing, and brings 10+ years of management; an operations manager is tactical,
-- runs one department's day-to-day operations, executes the COO's strategy and usually has
-- several years of management. An operations manager becomes a COO by showing operational
-- impact on a broader scale, with leadership, strategic thinking and decision-making (001).
-- Every weight and threshold below is a design choice built on those facts
-- (docs/assessments.md has the table).

-- Globals this file calls on every assessment, kept in locals: everything a rubric holds is
-- frozen after loading, and each read of a frozen table (the globals included) takes one more
-- look-up (docs/rubric-authoring.md, "Speed").
local ipairs, sort, math_min, cadre_label = ipairs, table.sort, math.min, cadre.label

local dev = cadre.data("development.json").skills

-- Skills that stand for each orientation (domain.md, seeds 001 and 002).
local STRATEGIC = {"strategic_planning", "decision_making", "financial_management",
                   "stakeholder_management", "change_management"}
local TACTICAL = {"execution", "process_management", "organization", "performance_metrics",
                  "quality_management"}
local REACH = {company = 100, division = 70, department = 40, team = 15}

local say = cadre.say

-- A skill set against `need` (cadre.by_levels: unrated skills count 0), plus what this
-- rubric also needs: the missing fields, and the average level for the orientation.
local function skill_set(c, list, need, what)
  local score, ev = cadre.by_levels(c, list, need)
  local missing, total, rated = {}, 0, 0
  for _, s in ipairs(list) do
    local have = c.skills[s]
    if have == nil then
      missing[#missing + 1] = "skills." .. s
    else
      total, rated = total + have, rated + 1
    end
  end
  return {score = score or 0, evidence = say("%s: %s.", what, ev), missing = missing,
          average = rated > 0 and total / rated or nil}
end

local function ramp_years(value, full, field, what)
  local score, ev = cadre.by_years(value, full, "of " .. what)
  if score == nil then
    return {score = 0, missing = {field},
            evidence = say("Not given, counted as 0: add %s.", field)}
  end
  return {score = score, missing = {}, evidence = ev .. "."}
end

local function best_reach(c)
  local best, desc = 0, nil
  for _, a in ipairs(c.achievements) do
    local v = REACH[a.reach or ""] or 0
    if v > best then best, desc = v, a.reach end
  end
  return best, desc
end

-- How far the person's responsibility reaches: departments, achievements, a P&L.
local function breadth(c)
  local depts, pnl = c.scope.departments, c.scope.pnl_owner
  local reach, reach_name = best_reach(c)
  local missing, parts, sum = {}, {}, 0
  if depts == nil then
    missing[#missing + 1] = "scope.departments"
  else
    sum = sum + cadre.ramp(depts, 1, 5)
    parts[#parts + 1] = say("%d department%s (5 or more give full marks)", depts,
                            depts == 1 and "" or "s")
  end
  if #c.achievements == 0 then
    missing[#missing + 1] = "achievements"
  else
    sum = sum + reach
    parts[#parts + 1] = reach_name and say("achievements reaching the %s", reach_name)
                        or "no achievement with a stated reach"
  end
  if pnl == nil then
    missing[#missing + 1] = "scope.pnl_owner"
  else
    sum = sum + (pnl and 100 or 0)
    parts[#parts + 1] = pnl and "a P&L you own" or "no P&L of your own"
  end
  return {score = sum / 3, missing = missing,
          evidence = #parts > 0 and say("A COO's remit is the whole company; yours: %l.", parts)
                     or "A COO's remit is the whole company; yours: not described."}
end

-- A COO decides hiring and firing and reports to the CEO (seed 002).
local function authority(c)
  local hire, ceo = c.scope.hiring_authority, c.current_role.reports_to_ceo
  local missing, parts, sum = {}, {}, 0
  if hire == nil then missing[#missing + 1] = "scope.hiring_authority" else
    sum = sum + (hire and 100 or 0)
    parts[#parts + 1] = hire and "you decide hiring and firing" or "you do not decide hiring"
  end
  if ceo == nil then missing[#missing + 1] = "current_role.reports_to_ceo" else
    sum = sum + (ceo and 100 or 0)
    parts[#parts + 1] = ceo and "you report to the CEO" or "you do not report to the CEO"
  end
  return {score = sum / 2, missing = missing,
          evidence = #parts > 0
                     and say("%l; a COO decides hiring and firing and reports to the CEO.", parts)
                     or "Not described; a COO decides hiring and firing and reports to the CEO."}
end

local function department(c)
  local depts, people = c.scope.departments, c.scope.people_led
  if depts == nil and people == nil then
    return {score = 0, missing = {"scope.departments", "scope.people_led"},
            evidence = "Not given, counted as 0: add scope.departments and scope.people_led."}
  end
  local runs = (depts or 0) >= 1 or (people or 0) >= 10
  return {score = runs and 100 or 0, missing = {},
          evidence = runs and "You run at least a department or a team of ten or more, as an "
                              .. "operations manager does."
                          or "You do not yet run a department or a team of ten or more."}
end

-- Each role weighs the same evidence differently (design choices, docs/assessments.md).
local function coo_fit(c, f)
  return {
    {"strategic_orientation", "Strategic orientation", 25, f.strategic4},
    {"management_experience", "Management experience", 25,
     ramp_years(c.experience.management_years, 10, "experience.management_years", "management")},
    {"scope_breadth", "Breadth of scope", 20, f.breadth},
    {"decision_authority", "Decision authority", 10, f.authority},
    {"operations_execution", "Day-to-day execution", 10, f.tactical3},
    {"operations_background", "Operations background", 10,
     ramp_years(c.experience.operations_years, 5, "experience.operations_years", "operations")},
  }
end

local function ops_fit(c, f)
  return {
    {"operations_execution", "Day-to-day execution", 30, f.tactical3},
    {"operations_background", "Operations background", 25,
     ramp_years(c.experience.operations_years, 3, "experience.operations_years", "operations")},
    {"management_experience", "Management experience", 20,
     ramp_years(c.experience.management_years, 3, "experience.management_years", "management")},
    {"runs_a_department", "Runs a department", 15, department(c)},
    {"strategic_orientation", "Strategic orientation", 10, f.strategic3},
  }
end

local function total(parts)
  local sum, w = 0, 0
  for _, p in ipairs(parts) do sum, w = sum + p[3] * p[4].score, w + p[3] end
  return sum / w
end

local function emit(r, parts)
  for _, p in ipairs(parts) do
    r:criterion(p[1], p[2], p[3], p[4].score, p[4].evidence)
    for _, m in ipairs(p[4].missing) do r:missing(m, p[1]) end
  end
end

-- The path from operations manager to COO: the COO parts with most to gain, with an action.
local PATH = {
  strategic_orientation = function(c)
    local worst, wl = nil, 6
    for _, s in ipairs(STRATEGIC) do
      local l = c.skills[s] or 0
      if l < wl then worst, wl = s, l end
    end
    return say("Build strategic skills, starting with %s (you rate %d): %s",
               cadre_label("skill", worst), wl, dev[worst]["do"])
  end,
  management_experience = function(c)
    return say("You have %y of management; COO roles ask for 10 or more. Move up to managing "
               .. "managers: every year leading a function counts.",
               c.experience.management_years or 0)
  end,
  scope_breadth = function()
    return "Show operational impact beyond your own area, the step from operations manager to "
           .. "COO: lead an improvement that spans several departments, measure it company-wide, "
           .. "and ask for a P&L to own."
  end,
  decision_authority = function()
    return "Ask for hiring authority over your organisation and a regular place in the "
           .. "executive team's meetings."
  end,
  operations_execution = function()
    return "Strengthen day-to-day execution: " .. dev.execution["do"]
  end,
  operations_background = function()
    return "Take an operations management role first: COOs are often former operations "
           .. "managers, and it is where the day-to-day craft is learned."
  end,
  runs_a_department = function()
    return "Ask to run the operations of a team or a department, with its people, budget and "
           .. "targets: it is the operations manager's job."
  end,
}

local function path(r, c, parts, target, seen)
  local rows = {}
  for _, p in ipairs(parts) do
    if p[4].score < 70 and PATH[p[1]] and not seen[p[1]] then
      rows[#rows + 1] = {p = p, gain = p[3] * (100 - p[4].score)}
    end
  end
  sort(rows, function(a, b)
    if a.gain ~= b.gain then return a.gain > b.gain end
    return a.p[1] < b.p[1]
  end)
  for i = 1, math_min(3, #rows) do
    local p = rows[i].p
    seen[p[1]] = true
    r:gap(say("%s holds your %s fit back (%d/100).", p[2], target, p[4].score), PATH[p[1]](c))
  end
end

local function orientation(f)
  local s, t = f.strategic4.average, f.tactical3.average
  if s == nil or t == nil then return "unknown", "rate the strategic and execution skills to see it" end
  local what = s - t >= 0.75 and "strategic" or t - s >= 0.75 and "tactical" or "balanced"
  return what, say("strategic skills average %n, day-to-day execution skills %n", s, t)
end

return {
  name = "role_fit",
  version = "1.0.0",
  title = "COO or operations manager",
  description = "Which role fits the person now, whether their profile is strategic or "
             .. "tactical, and what would move them from operations manager to COO.",
  inputs = {"skills", "experience.management_years", "experience.operations_years",
            "scope.departments", "scope.people_led", "scope.pnl_owner",
            "scope.hiring_authority", "current_role.reports_to_ceo", "achievements"},

  assess = function(c, p, r)
    local f = {
      strategic4 = skill_set(c, STRATEGIC, 4, "Strategic skills"),
      strategic3 = skill_set(c, STRATEGIC, 3, "Strategic skills"),
      tactical3 = skill_set(c, TACTICAL, 3, "Day-to-day execution skills"),
      breadth = breadth(c),
      authority = authority(c),
    }
    local coo, ops = coo_fit(c, f), ops_fit(c, f)
    local coo_score, ops_score = total(coo), total(ops)
    local band, chosen, word
    local mgmt = c.experience.management_years or 0
    -- "COO now" also needs the 10+ years of management the sources name (seed 003).
    if coo_score >= 75 and mgmt >= 10 then
      band, chosen, word = "fits a COO role now", coo, "COO"
    elseif ops_score >= 70 and coo_score >= 60 or coo_score >= 75 then
      band, chosen, word = "fits an operations manager role; COO within reach", ops,
                           "operations manager"
    elseif ops_score >= 70 then
      band, chosen, word = "fits an operations manager role", ops, "operations manager"
    else
      band, chosen, word = "not yet ready for either role", ops, "operations manager"
    end
    emit(r, chosen)
    local lacking, weight = 0, 0
    for _, part in ipairs(chosen) do
      weight = weight + part[3]
      if #part[4].missing > 0 then lacking = lacking + part[3] end
    end
    if lacking / weight > 0.5 then band = "not enough information" end
    r:rank("coo", "Chief Operating Officer", coo_score,
           "strategic: whole company, long-term planning, hiring and firing")
    r:rank("operations_manager", "Operations Manager", ops_score,
           "tactical: one department, day-to-day operations, carries out the strategy")
    r:band(band)
    local orient, why = orientation(f)
    r:detail("orientation", say("%s (%s)", orient, why))

    if band == "not enough information" then
      r:gap("Too little is known to compare the two roles.",
            "Add your management and operations years, the departments and people you lead, "
            .. "and rate the strategic and execution skills; the missing inputs are listed "
            .. "below.")
    elseif chosen == coo then
      r:strength(say("You already work at COO scope: COO fit %d/100.", coo_score))
      if f.tactical3.score < 60 then
        r:risk("Your day-to-day execution skills are below an operations manager's.",
               "Keep a strong operations manager beside you, or build execution yourself: "
               .. dev.execution["do"])
      end
    else
      local seen = {}
      if ops_score < 70 then path(r, c, ops, "operations manager", seen) end
      path(r, c, coo, "COO", seen)
    end
    if orient == "tactical" and chosen ~= coo and band ~= "not enough information" then
      r:gap("Your profile is tactical: " .. why .. ". A COO's work is mostly strategic.",
            "Spend a share of each week on the longer view: the annual plan, the budget, the "
            .. "organisation you will need in two years.")
    end
    r:summary(say("COO fit %d/100, operations manager fit %d/100; %s. The criteria below are "
                  .. "weighted for the %s fit.", coo_score, ops_score,
                  orient == "unknown" and "your orientation is not yet known"
                  or "your profile is " .. orient, word))
  end,
}
