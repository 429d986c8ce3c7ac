-- SPDX-License-Identifier: MIT
-- plugins/industry_fit.lua - how well a person fits the operations leadership of each of the
-- ten industries in domain.md, and which fit best.
--
-- For each industry, four parts (weights are design choices, docs/assessments.md):
--   years in it (35)  - 10 years counts as deep knowledge; half the years of a neighbouring
--                       industry count too (neighbours are listed in data/industries.json)
--   its demands (40)  - the skills that stand for what a COO there concentrates on
--                       (domain.md, seed 003), each wanted at level 4
--   certifications (15) and tools (10) that speak to it (vocabularies in docs/candidate.md)
-- The overall score is the fit of the best industry, or of the one given with --set
-- industry_fit.industry=<id>. All ten are ranked.

local spec = cadre.data("industries.json")
local NEED = spec.required_level
local WEIGHTS = {years = 35, demands = 40, certifications = 15, tools = 10}
local DEEP_YEARS = 10      -- design choice: a decade in an industry counts as deep knowledge
local NEIGHBOUR_SHARE = 0.5 -- design choice: half the years of a neighbouring industry count
local dev = cadre.data("development.json").skills

local ids = {}
for _, id in ipairs(cadre.vocab.industry) do
  assert(spec.industries[id], "data/industries.json lacks " .. id)
  ids[#ids + 1] = id
end

local say = cadre.say

local function label(id)
  return cadre.label("industry", id)
end

-- Each part returns its score and what its evidence needs; the sentence itself is written by
-- the part's evidence function, only for the industry the report explains (the best one).

-- Years: direct years, plus a share of the best neighbouring industry's.
local function years_part(c, id)
  local direct = c.industries[id]
  if direct == nil then return {score = 0, missing = {"industries"}} end
  local best_n, best_id = 0, nil
  for _, n in ipairs(spec.industries[id].neighbours) do
    local y = c.industries[n] or 0
    if y > best_n then best_n, best_id = y, n end
  end
  local effective = direct + NEIGHBOUR_SHARE * best_n
  return {score = cadre.ramp(effective, 0, DEEP_YEARS), years = direct, missing = {},
          best_n = best_n, best_id = best_id, effective = effective}
end

local function years_evidence(part, id)
  if part.years == nil then
    return "Industries not given, counted as 0: list your years per industry."
  end
  local ev = say("%y in %s", part.years, label(id))
  if part.best_id then
    ev = ev .. say("; half of your %y in %s, a neighbouring industry, counts too", part.best_n,
                   label(part.best_id))
  end
  return ev .. say(" (counting %n years; %d give full marks).", part.effective, DEEP_YEARS)
end

-- Demands: the industry's defining skills, each wanted at level NEED.
local function demands_part(c, id)
  local sum, missing, weak_ids = 0, {}, {}
  local list = spec.industries[id].skills
  for _, s in ipairs(list) do
    local have = c.skills[s]
    if have == nil then
      missing[#missing + 1] = "skills." .. s
      weak_ids[#weak_ids + 1] = s
    else
      sum = sum + cadre.level_score(have, NEED)
      if have < NEED then weak_ids[#weak_ids + 1] = s end
    end
  end
  return {score = sum / #list, missing = missing, weak_ids = weak_ids}
end

local function demands_evidence(c, id)
  local weak, strong = {}, {}
  for _, s in ipairs(spec.industries[id].skills) do
    local have = c.skills[s]
    if have == nil then
      weak[#weak + 1] = cadre.label("skill", s) .. " (not rated)"
    elseif have >= NEED then
      strong[#strong + 1] = say("%s %d", cadre.label("skill", s), have)
    else
      weak[#weak + 1] = say("%s %d", cadre.label("skill", s), have)
    end
  end
  local ev = say("What a COO in %s concentrates on (%s), each wanted at level %d.", label(id),
                 spec.industries[id].emphasis, NEED)
  if #strong > 0 then ev = ev .. say(" At that level: %l.", strong) end
  if #weak > 0 then ev = ev .. say(" Below it: %l.", weak) end
  return ev
end

-- The certifications of the person's that speak to the industry (labels), or nil for none.
local function relevant_certifications(c, id)
  if not c.certifications or #c.certifications == 0 then return nil end
  local found = {}
  for _, cert in ipairs(c.certifications) do
    local v = cadre.vocab.certification[cert]
    if v and ("," .. v.areas .. ","):find("," .. id .. ",", 1, true) then
      found[#found + 1] = v.label
    end
  end
  return found
end

local function certifications_part(c, id)
  local found = relevant_certifications(c, id)
  local n = found and #found or 0
  -- Design choice: one relevant certification is most of the credit, two is all of it.
  return {score = n == 0 and 0 or n == 1 and 70 or 100, missing = {}}
end

local function certifications_evidence(c, id)
  local found = relevant_certifications(c, id)
  if found == nil then return say("No certification that speaks to %s.", label(id)) end
  if #found == 0 then return say("None of your certifications speaks to %s.", label(id)) end
  return say("%l speak%s to %s (one gives 70, two or more 100).", found,
             #found == 1 and "s" or "", label(id))
end

-- The person's tools by category (the first listed of each), built once per assessment.
local function tools_by_category(c)
  local have = {}
  for _, t in ipairs(c.tools) do
    local v = cadre.vocab.tool[t]
    if v then have[v.category] = have[v.category] or v.label end
  end
  return have
end

local function tools_part(have, id)
  local wanted = spec.industries[id].tools
  local covered = 0
  for _, cat in ipairs(wanted) do
    if have[cat] then covered = covered + 1 end
  end
  return {score = covered / #wanted * 100, missing = {}}
end

local CATEGORY_WORDS = {}
for _, ind in pairs(spec.industries) do
  for _, cat in ipairs(ind.tools) do CATEGORY_WORDS[cat] = (cat:gsub("_", " ")) end
end

local function tools_evidence(have, id)
  local wanted = spec.industries[id].tools
  local cats, names = {}, {}
  for i, cat in ipairs(wanted) do
    cats[i] = CATEGORY_WORDS[cat]
    if have[cat] then names[#names + 1] = have[cat] end
  end
  return say("Tools %s relies on: %o.", label(id), cats)
         .. (#names > 0 and say(" You use %l.", names) or " You list none of them.")
end

local function fit(c, id, tools)
  local parts = {
    years = years_part(c, id),
    demands = demands_part(c, id),
    certifications = certifications_part(c, id),
    tools = tools_part(tools, id),
  }
  local total = 0
  for k, w in pairs(WEIGHTS) do total = total + w * parts[k].score end
  return {id = id, score = total / 100, parts = parts}
end

local PART_ORDER = {"years", "demands", "certifications", "tools"}
local PART_LABEL = {years = "Years in %s", demands = "What %s demands",
                    certifications = "Certifications for %s", tools = "Tools used in %s"}

local function explain(r, c, f, tools)
  local evidence = {
    years = years_evidence(f.parts.years, f.id),
    demands = demands_evidence(c, f.id),
    certifications = certifications_evidence(c, f.id),
    tools = tools_evidence(tools, f.id),
  }
  for _, k in ipairs(PART_ORDER) do
    local part = f.parts[k]
    local cid = k
    r:criterion(cid, say(PART_LABEL[k], label(f.id)), WEIGHTS[k], part.score, evidence[k])
    for _, m in ipairs(part.missing) do r:missing(m, cid) end
  end
end

local function note(f)
  local y = f.parts.years.years
  return say("%s; demands %d/100; certifications %d; tools %d",
             y and cadre.years(y) or "years not given", f.parts.demands.score,
             f.parts.certifications.score, f.parts.tools.score)
end

-- What would raise the fit for an industry the person wants: its weakest part.
local function advice_for(f)
  local p = f.parts
  if (p.years.years or 0) < 2 then
    return say("Get inside %s: take an operations role there, or lead a project for a client or "
               .. "partner in it; years in the industry are the largest part of the fit.", label(f.id))
  end
  local first = p.demands.weak_ids[1]
  if first == nil then
    return say("Add a certification or tool that %s uses; your years and skills already fit it.",
               label(f.id))
  end
  local d = dev[first]
  return say("Build what %s demands, starting with %s: %s", label(f.id),
             cadre.label("skill", first), d and d["do"] or "seek assignments that exercise it.")
end

local BANDS = {
  {min = 75, label = "strong fit"},
  {min = 60, label = "good fit"},
  {min = 40, label = "partial fit"},
  {min = 0, label = "weak fit"},
}

local choices = {}
for i, id in ipairs(ids) do choices[i] = id end

return {
  name = "industry_fit",
  version = "1.0.0",
  title = "Industry fit",
  description = "How well the person fits operations leadership in each of ten industries: "
             .. "years there, what the industry demands of a COO, certifications and tools. "
             .. "Ranks all ten.",
  inputs = {"industries", "skills", "certifications", "tools", "targets.industries"},
  params = {
    industry = {type = "choice", choices = choices,
                description = "assess only this industry instead of ranking all ten"},
  },

  assess = function(c, p, r)
    local fits, tools = {}, tools_by_category(c)
    for _, id in ipairs(p.industry and {p.industry} or ids) do fits[#fits + 1] = fit(c, id, tools) end
    table.sort(fits, function(a, b)
      if a.score ~= b.score then return a.score > b.score end
      return a.id < b.id
    end)
    local pos = {}
    for i, f in ipairs(fits) do
      r:rank(f.id, label(f.id), f.score, note(f))
      pos[f.id] = i
    end
    local best = fits[1]
    explain(r, c, best, tools)

    local targets = c.targets.industries
    local wanted = {}
    for _, t in ipairs(targets) do wanted[t] = true end
    if best.score >= 40 then
      r:strength(say("%s fits you best (%d/100)%s.", label(best.id), best.score,
                     wanted[best.id] and ", and it is an industry you want" or ""))
    end
    for _, t in ipairs(targets) do
      local i = pos[t]
      local f = i and fits[i]
      -- Within 5 points the two are a tie as far as this rubric can tell (design choice).
      if f and i > 1 and best.score - f.score < 5 then
        r:strength(say("%s, which you want, fits almost as well as %s (%d against %d).", label(t),
                       label(best.id), f.score, best.score))
      elseif f and i > 1 then
        r:gap(say("You want to work in %s, but it ranks %d of %d for you (%d/100; the best is %s "
                  .. "at %d).", label(t), i, #fits, f.score, label(best.id), best.score),
              advice_for(f))
      end
    end
    if #targets == 0 and not p.industry then
      r:gap("You named no target industries, so this ranking cannot tell you how far your "
            .. "wishes are from your fit.", "Add targets.industries to your profile.")
    end

    local lacking = 0
    for k, w in pairs(WEIGHTS) do
      if #best.parts[k].missing > 0 then lacking = lacking + w end
    end
    if lacking > 50 then
      r:band("not enough information")
      r:summary("Too little is known to rank the industries: add your years per industry "
                .. "(industries) and rate your skills.")
      return
    end
    r:band(cadre.band(best.score, BANDS))
    r:detail("best_industry", best.id)
    if p.industry then
      r:summary(say("Fit for %s: %d/100.", label(best.id), best.score))
    else
      r:summary(say("Best fit: %s (%d), then %s (%d) and %s (%d).", label(fits[1].id),
                    fits[1].score, label(fits[2].id), fits[2].score, label(fits[3].id),
                    fits[3].score))
    end
  end,
}
