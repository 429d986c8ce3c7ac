-- SPDX-License-Identifier: MIT
-- tests/parity/skills_gap.lua - the skills_gap assessment as a Lua rubric: the twin of the built-in
-- native plugin plugins/skills_gap.c, held to its reports word for word by tests/cli/parity.t (a
-- change to the assessment is made in both). Also a worked example of the declarative rubric
-- API at full size (docs/rubric-authoring.md) and the third-party rubric of scripts/bench.
--
-- Which skills stand between a person and a role, and what to do.
--
-- The target role is a data file, data/roles/<role>.json (docs/assessments.md): a new role is
-- a new file. For each skill in the profile the required level and its importance come from
-- the O*NET ratings of the role's occupation (data/onet/*.tsv), through the O*NET element the
-- skill vocabulary maps the skill to, unless the profile gives them (with a source saying why).
-- O*NET levels (0-7) become cadre levels (0-5) as level x 5/7 (docs/candidate.md).

-- Globals this file calls on every assessment, kept in locals: everything a rubric holds is
-- frozen after loading, and each read of a frozen table (the globals included) takes one more
-- look-up (docs/rubric-authoring.md, "Speed").
local ipairs, sort, math_min, math_max, math_floor, tostring = ipairs, table.sort, math.min,
  math.max, math.floor, tostring
local level_score = cadre.level_score

local LEVEL_FACTOR = 5 / 7
-- A shortfall under half a level is not called a gap: self-ratings are whole numbers, and
-- O*NET's own notes put differences of 0.1-0.25 (on its 0-7 scale) within the noise.
local GAP_THRESHOLD = 0.5
local dev = cadre.data("development.json").skills

-- O*NET rows by element id, from all four files.
local onet = {}
for _, file in ipairs({"skills", "knowledge", "abilities", "work_activities"}) do
  for _, row in ipairs(cadre.data("onet/" .. file .. ".tsv")) do
    onet[row.element_id] = row
  end
end

local say = cadre.say

-- Reads data/roles/<id>.json and resolves every skill's importance and required level.
-- Returns the role, or nil and a message.
local roles = {}
local function load_role(id)
  if roles[id] then return roles[id] end
  if not id:match("^[a-z][a-z0-9_]*$") then
    return nil, say("'%s' is not a role id", id)
  end
  local ok, spec = pcall(cadre.data, "roles/" .. id .. ".json")
  if not ok then
    return nil, say("no role profile data/roles/%s.json; the built-in roles are coo and "
                    .. "operations_manager", id)
  end
  local role = {id = id, title = spec.title, onet = spec.onet, skills = {}}
  for i, entry in ipairs(spec.skills) do
    local where = say("data/roles/%s.json: skills[%d]", id, i)
    local v = cadre.vocab.skill[entry.skill]
    if v == nil then error(where .. ": unknown skill id '" .. tostring(entry.skill) .. "'", 0) end
    local s = {id = entry.skill, label = v.label}
    if entry.importance then
      s.importance, s.need = entry.importance, entry.level
      s.source = entry.source or "given in the role profile"
    else
      local element = entry.onet or v.onet
      local row = element and onet[element]
      if row == nil then error(where .. ": no O*NET rating for " .. tostring(element), 0) end
      local col = spec.onet.column
      s.importance, s.need = row[col .. "_im"], row[col .. "_lv"] * LEVEL_FACTOR
      s.source = say("O*NET %s, level %n/7, importance %n/5", row.element_name,
                     row[col .. "_lv"], row[col .. "_im"])
    end
    role.skills[i] = s
  end
  roles[id] = role
  return role
end


-- The development action for a skill, chosen for this person's scope (cadre.advice).
local function action(c, id)
  local d = dev[id]
  if d == nil then return "Find a stretch assignment that exercises this skill." end
  return cadre.advice(d, c) .. " To learn the method: " .. d.learn .. "."
end

local function plural_of(role)
  return role.id == "coo" and "COOs" or (role.title .. "s"):lower()
end

-- The criteria of a role: one line of data per skill of its profile (weight = importance)
-- and one scoring function for them all. Built once per role.
local function criteria_of(role)
  local list, role_name = {}, plural_of(role)
  for i, s in ipairs(role.skills) do
    -- The skill's facts as the function's own locals: reads of the (frozen) profile cost more.
    local id, need, importance, source = s.id, s.need, s.importance, s.source
    list[i] = {id = id, label = s.label, weight = importance, score = function(c)
      local have = c.skills[id]
      if have == nil then
        return nil, say("not rated; rate skills.%s (0-5). %s: about %n (%s).", id, role_name,
                        need, source)
      end
      local deficit = math_max(0, need - have)
      local evidence
      if deficit >= GAP_THRESHOLD then
        evidence = say("You: %d. %s: about %n (%s). Gap %n x importance %n = priority %n.", have,
                       role_name, need, source, deficit, importance, importance * deficit)
      elseif deficit > 0 then
        evidence = say("You: %d. %s: about %n (%s). Within half a level: not a gap.", have,
                       role_name, need, source)
      else
        evidence = say("You: %d. %s: about %n (%s).", have, role_name, need, source)
      end
      local said = c.skill_evidence[id]
      if said then evidence = evidence .. say(" Your evidence: \"%s\".", said) end
      return level_score(have, need), evidence
    end}
  end
  return list
end

-- Every built-in profile loads, with its criteria, when the rubric does, so a broken data file
-- is caught then (and the rubric's state, frozen after loading, holds them).
local CRITERIA = {}
for _, id in ipairs({"coo", "operations_manager"}) do
  CRITERIA[id] = criteria_of(assert(load_role(id)))
end

-- The role to compare with: the parameter (an unknown one is an error), else the person's
-- target if there is a profile for it, else coo (and fell_back names the target).
local function role_for(c, p)
  local wanted = p.role or c.targets.role or "coo"
  local role, err = load_role(wanted)
  if role == nil and p.role then error(err, 0) end
  if role == nil then return load_role("coo"), wanted end
  return role, nil
end

-- What the ratings say against the role: each rated skill's shortfall, the gaps (shortfalls of
-- half a level or more) by priority, and the skills not rated. Worked out once per assessment
-- and kept in the view, which band, advise and summary share.
local analyse
local function analysis(c, p, view)
  local a = view.analysis
  if a == nil then
    local role, fell_back = role_for(c, p)
    a = analyse(c, role)
    a.role, a.fell_back = role, fell_back
    view.analysis = a
  end
  return a
end

function analyse(c, role)
  local rows, gaps, unrated = {}, {}, {}
  for i, s in ipairs(role.skills) do
    local have = c.skills[s.id]
    if have == nil then
      unrated[#unrated + 1] = s.label
      rows[i] = {s = s, rated = false}
    else
      local deficit = math_max(0, s.need - have)
      local row = {s = s, rated = true, have = have, deficit = deficit,
                   gap = deficit >= GAP_THRESHOLD, priority = s.importance * deficit}
      rows[i] = row
      if row.gap then gaps[#gaps + 1] = row end
    end
  end
  sort(gaps, function(a, b)
    if a.priority ~= b.priority then return a.priority > b.priority end
    return a.s.id < b.s.id
  end)
  return {rows = rows, gaps = gaps, unrated = unrated}
end

local function report_gaps(c, r, gaps, role_name)
  for i, g in ipairs(gaps) do
    -- Ranking score: priority scaled so that 100 is a 5-level gap on a skill of importance 5.
    r:rank(g.s.id, g.s.label, math_min(100, g.priority * 4),
           say("have %d, need %n: gap %n x importance %n = priority %n", g.have, g.s.need,
               g.deficit, g.s.importance, g.priority))
    if i <= 5 then
      r:gap(say("%s: you rate yourself %d, %s work at about %n. %s", g.s.label, g.have, role_name,
                g.s.need, i == 1 and "This is your biggest gap for the role." or
                say("Gap number %d of %d by priority (%n).", i, #gaps, g.priority)),
            action(c, g.s.id))
    end
  end
end

local function report_strengths(r, rows, role_name)
  local strong = {}
  for _, row in ipairs(rows) do
    if row.rated and not row.gap and row.s.importance >= 4 and row.have >= 4 then
      strong[#strong + 1] = row
    end
  end
  sort(strong, function(a, b)
    if a.s.importance ~= b.s.importance then return a.s.importance > b.s.importance end
    return a.s.id < b.s.id
  end)
  for i = 1, math_min(3, #strong) do
    local row = strong[i]
    r:strength(say("%s at %d meets what %s need (about %n), and it matters: importance %n of 5.",
                   row.s.label, row.have, role_name, row.s.need, row.s.importance))
  end
end

local BANDS = {
  {min = 90, label = "no significant gaps"},
  {min = 75, label = "a few gaps to close"},
  {min = 55, label = "several gaps to close"},
  {min = 0, label = "substantial gaps"},
}
-- The band also follows the gaps themselves, so it never says "no significant gaps" above a
-- list of them: the worse of the score's band and this one (design choices: "a few" is up to
-- four gaps, none with a priority of 8, e.g. a 2-level gap on a skill of importance 4;
-- "several" up to eight).
local BIG_PRIORITY = 8
local function gaps_band(gaps)
  local n, top = #gaps, gaps[1] and gaps[1].priority or 0
  if n == 0 then return 1 end
  if n <= 4 and top < BIG_PRIORITY then return 2 end
  if n <= 8 then return 3 end
  return 4
end

return {
  name = "skills_gap",
  version = "1.1.0",
  title = "Skills gap",
  description = "Which skills fall short of a target role's profile (COO = O*NET 11-1011.00, "
             .. "operations manager = 11-1021.00), by how much, how much it matters, and what "
             .. "to do about each gap.",
  inputs = {"skills", "targets.role"},
  params = {
    role = {type = "string",
            description = "role profile to compare with (a file in data/roles); default: the "
                       .. "candidate's targets.role if there is a profile for it, else coo"},
  },

  -- One criterion per skill of the role's profile, weighted by its importance; the engine
  -- does the arithmetic, the "not enough information" rule and the bands.
  criteria = function(c, p)
    local role = role_for(c, p)
    return CRITERIA[role.id] or criteria_of(role)
  end,
  bands = BANDS,
  whole_scores = true, -- one rounding rule across the built-ins: whole numbers, banded as shown

  band = function(c, p, view)
    local by_score = 1
    while view.score < BANDS[by_score].min do by_score = by_score + 1 end
    return BANDS[math_max(by_score, gaps_band(analysis(c, p, view).gaps))].label
  end,

  advise = function(c, p, r, view)
    local a = analysis(c, p, view)
    local role, fell_back = a.role, a.fell_back
    local role_name = plural_of(role)
    if fell_back then
      r:risk(say("There is no skills profile for your target role '%s'; this compares you with "
                 .. "a COO instead.", fell_back))
    end
    r:detail("role", role.id)
    r:detail("role_profile", say("%s (O*NET %s, %s)", role.title, role.onet.code, role.onet.title))
    r:detail("skills_rated", say("%d of %d", #role.skills - #a.unrated, #role.skills))
    r:detail("gaps", tostring(#a.gaps))
    -- Each rated skill as "id have need gap;" (gap 1 or 0), for the HTML report's chart
    -- (docs/report.md, "Chart details").
    local chart = {}
    for _, row in ipairs(a.rows) do
      if row.rated then
        chart[#chart + 1] = say("%s %d %n %d;", row.s.id, row.have, row.s.need, row.gap and 1 or 0)
      end
    end
    r:detail("chart_skills", table.concat(chart))
    -- Self-ratings of 4 or 5 without evidence are taken with less confidence (design choice:
    -- up to 15% less when none has evidence); evidence restores it.
    local high, bare = 0, 0
    for _, row in ipairs(a.rows) do
      if row.rated and row.have >= 4 then
        high = high + 1
        if c.skill_evidence[row.s.id] == nil then bare = bare + 1 end
      end
    end
    if bare > 0 then
      r:discount(1 - 0.15 * bare / high,
                 say("no evidence for %d of the %d ratings of 4 or 5 (skills.ID.evidence restores "
                     .. "it)", bare, high))
    end
    report_gaps(c, r, a.gaps, role_name)
    report_strengths(r, a.rows, role_name)
    if #a.unrated > 0 then
      r:gap(say("You did not rate %d of the %d skills in the %s profile: %l.", #a.unrated,
                #role.skills, role.title, a.unrated),
            "Rate each of them 0-5 with the scale in docs/candidate.md; until then they count "
            .. "as 0 and the gaps above are incomplete.")
    end
  end,

  summary = function(c, p, view)
    local a = analysis(c, p, view)
    local role = a.role
    local rated = #role.skills - #a.unrated
    if rated == 0 then
      return say("You have not rated any of the %d skills in the %s profile yet; rate them "
                 .. "(0-5) to see your gaps.", #role.skills, role.title)
    elseif #a.gaps == 0 then
      return say("Against the %s profile, none of the %d skills you rated falls short.",
                 role.title, rated)
    end
    local top = {}
    for i = 1, math_min(3, #a.gaps) do top[i] = a.gaps[i].s.label end
    return say("Against the %s profile you fall short on %d of %d rated skills; the gaps that "
               .. "matter most: %l.", role.title, #a.gaps, rated, top)
  end,
}
