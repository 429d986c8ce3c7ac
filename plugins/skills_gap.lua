-- SPDX-License-Identifier: MIT
-- plugins/skills_gap.lua - which skills stand between a person and a role, and what to do.
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

-- Every built-in profile must load when the rubric does, so a broken data file is caught then.
assert(load_role("coo"))
assert(load_role("operations_manager"))

-- The development action for a skill, chosen for this person's scope (cadre.advice).
local function action(c, id)
  local d = dev[id]
  if d == nil then return "Find a stretch assignment that exercises this skill." end
  return cadre.advice(d, c) .. " To learn the method: " .. d.learn .. "."
end

-- Scores one skill of the profile as a criterion; returns a row for the gap ranking.
local function score_skill(c, r, s, role_name)
  local have = c.skills[s.id]
  local need = s.need
  if have == nil then
    r:criterion(s.id, s.label, s.importance, 0,
      say("Not rated, counted as 0: rate skills.%s (0-5). %s: about %n (%s).", s.id, role_name,
          need, s.source))
    r:missing("skills." .. s.id, s.id)
    return {s = s, rated = false}
  end
  local said = c.skill_evidence[s.id]
  if said then said = say(" Your evidence: \"%s\".", said) else said = "" end
  local deficit = math_max(0, need - have)
  local is_gap = deficit >= GAP_THRESHOLD
  local evidence
  if is_gap then
    evidence = say("You: %d. %s: about %n (%s). Gap %n x importance %n = priority %n.", have,
                   role_name, need, s.source, deficit, s.importance, s.importance * deficit)
  elseif deficit > 0 then
    evidence = say("You: %d. %s: about %n (%s). Within half a level: not a gap.", have, role_name,
                   need, s.source)
  else
    evidence = say("You: %d. %s: about %n (%s).", have, role_name, need, s.source)
  end
  r:criterion(s.id, s.label, s.importance, level_score(have, need), evidence .. said)
  return {s = s, rated = true, have = have, deficit = deficit, gap = is_gap,
          priority = s.importance * deficit}
end

local function report_gaps(c, r, gaps, role_name)
  sort(gaps, function(a, b)
    if a.priority ~= b.priority then return a.priority > b.priority end
    return a.s.id < b.s.id
  end)
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
-- list of them: the worse of the coverage band and this one (design choices: "a few" is up to
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

  assess = function(c, p, r)
    local wanted = p.role or c.targets.role or "coo"
    local role, err = load_role(wanted)
    if role == nil and p.role then error(err, 0) end
    if role == nil then
      r:risk(say("There is no skills profile for your target role '%s'; this compares you with "
                 .. "a COO instead.", wanted))
      role = load_role("coo")
    end
    local role_name = role.id == "coo" and "COOs" or (role.title .. "s"):lower()
    r:detail("role", role.id)
    r:detail("role_profile", say("%s (O*NET %s, %s)", role.title, role.onet.code, role.onet.title))

    local rows, gaps, unrated, weight, rated_weight = {}, {}, {}, 0, 0
    for i, s in ipairs(role.skills) do
      local row = score_skill(c, r, s, role_name)
      rows[i] = row
      weight = weight + s.importance
      if row.rated then
        rated_weight = rated_weight + s.importance
        if row.gap then gaps[#gaps + 1] = row end
      else
        unrated[#unrated + 1] = s.label
      end
    end
    -- Self-ratings of 4 or 5 without evidence are taken with less confidence (design choice:
    -- up to 15% less when none has evidence); evidence restores it.
    local high, bare = 0, 0
    for _, row in ipairs(rows) do
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
    report_gaps(c, r, gaps, role_name)
    report_strengths(r, rows, role_name)
    if #unrated > 0 then
      r:gap(say("You did not rate %d of the %d skills in the %s profile: %l.", #unrated,
                #role.skills, role.title, unrated),
            "Rate each of them 0-5 with the scale in docs/candidate.md; until then they count "
            .. "as 0 and the gaps above are incomplete.")
    end

    -- Band from the weighted coverage; too few rated skills to say anything is said plainly.
    local covered = 0
    for _, row in ipairs(rows) do
      if row.rated then covered = covered + row.s.importance * level_score(row.have, row.s.need) end
    end
    -- One rounding rule (as every built-in): a whole number, and the band judged on it.
    local score = math_floor(covered / weight + 0.5)
    r:score(score)
    if rated_weight / weight < 0.5 then
      r:band("not enough information")
    else
      local by_score = 1
      while score < BANDS[by_score].min do by_score = by_score + 1 end
      r:band(BANDS[math_max(by_score, gaps_band(gaps))].label)
    end
    r:detail("skills_rated", say("%d of %d", #role.skills - #unrated, #role.skills))
    r:detail("gaps", tostring(#gaps))
    local top = {}
    for i = 1, math_min(3, #gaps) do top[i] = gaps[i].s.label end
    if #unrated == #role.skills then
      r:summary(say("You have not rated any of the %d skills in the %s profile yet; rate them "
                    .. "(0-5) to see your gaps.", #role.skills, role.title))
    elseif #gaps == 0 then
      r:summary(say("Against the %s profile, none of the %d skills you rated falls short.",
                    role.title, #role.skills - #unrated))
    else
      r:summary(say("Against the %s profile you fall short on %d of %d rated skills; the gaps "
                    .. "that matter most: %l.", role.title, #gaps, #role.skills - #unrated, top))
    end
  end,
}
