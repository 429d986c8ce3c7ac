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

local function fmt(x)
  return (string.format("%.1f", x):gsub("%.0$", ""))
end

local function label(id)
  return cadre.label("industry", id)
end

-- Years: direct years, plus a share of the best neighbouring industry's.
local function years_part(c, id)
  local direct = c.industries[id]
  if direct == nil then
    return {score = 0, missing = {"industries"},
            evidence = "Industries not given, counted as 0: list your years per industry."}
  end
  local best_n, best_id = 0, nil
  for _, n in ipairs(spec.industries[id].neighbours) do
    local y = c.industries[n] or 0
    if y > best_n then best_n, best_id = y, n end
  end
  local effective = direct + NEIGHBOUR_SHARE * best_n
  local ev = ("%s in %s"):format(cadre.years(direct), label(id))
  if best_id then
    ev = ev .. ("; half of your %s in %s, a neighbouring industry, counts too"):format(
      cadre.years(best_n), label(best_id))
  end
  return {score = cadre.ramp(effective, 0, DEEP_YEARS), years = direct, missing = {},
          evidence = ev .. (" (counting %s years; %d give full marks)."):format(fmt(effective),
                                                                                DEEP_YEARS)}
end

-- Demands: the industry's defining skills, each wanted at level NEED.
local function demands_part(c, id)
  local sum, missing, weak, strong, weak_ids = 0, {}, {}, {}, {}
  local list = spec.industries[id].skills
  for _, s in ipairs(list) do
    local have = c.skills[s]
    if have == nil then
      missing[#missing + 1] = "skills." .. s
      weak[#weak + 1] = cadre.label("skill", s) .. " (not rated)"
      weak_ids[#weak_ids + 1] = s
    else
      sum = sum + cadre.level_score(have, NEED)
      local text = ("%s %d"):format(cadre.label("skill", s), have)
      if have >= NEED then
        strong[#strong + 1] = text
      else
        weak[#weak + 1] = text
        weak_ids[#weak_ids + 1] = s
      end
    end
  end
  local ev = ("What a COO in %s concentrates on (%s), each wanted at level %d."):format(
    label(id), spec.industries[id].emphasis, NEED)
  if #strong > 0 then ev = ev .. " At that level: " .. cadre.list(strong) .. "." end
  if #weak > 0 then ev = ev .. " Below it: " .. cadre.list(weak) .. "." end
  return {score = sum / #list, evidence = ev, missing = missing, weak_ids = weak_ids}
end

local function certifications_part(c, id)
  if not c.certifications or #c.certifications == 0 then
    return {score = 0, missing = {},
            evidence = ("No certification that speaks to %s."):format(label(id))}
  end
  local found = {}
  for _, cert in ipairs(c.certifications) do
    local v = cadre.vocab.certification[cert]
    if v and ("," .. v.areas .. ","):find("," .. id .. ",", 1, true) then
      found[#found + 1] = v.label
    end
  end
  -- Design choice: one relevant certification is most of the credit, two is all of it.
  local score = #found == 0 and 0 or #found == 1 and 70 or 100
  local ev = #found == 0 and ("None of your certifications speaks to %s."):format(label(id))
             or ("%s speak%s to %s (one gives 70, two or more 100)."):format(
               cadre.list(found), #found == 1 and "s" or "", label(id))
  return {score = score, evidence = ev, missing = {}}
end

local function tools_part(c, id)
  local wanted = spec.industries[id].tools
  local have = {}
  for _, t in ipairs(c.tools) do
    local v = cadre.vocab.tool[t]
    if v then have[v.category] = have[v.category] or v.label end
  end
  local covered, names = 0, {}
  for _, cat in ipairs(wanted) do
    if have[cat] then
      covered = covered + 1
      names[#names + 1] = have[cat]
    end
  end
  local cats = {}
  for i, cat in ipairs(wanted) do cats[i] = cat:gsub("_", " ") end
  local ev = ("Tools %s relies on: %s."):format(label(id), cadre.list(cats, "or"))
  ev = ev .. (covered > 0 and (" You use " .. cadre.list(names) .. ".") or " You list none of them.")
  return {score = covered / #wanted * 100, evidence = ev, missing = {}}
end

local function fit(c, id)
  local parts = {
    years = years_part(c, id),
    demands = demands_part(c, id),
    certifications = certifications_part(c, id),
    tools = tools_part(c, id),
  }
  local total = 0
  for k, w in pairs(WEIGHTS) do total = total + w * parts[k].score end
  return {id = id, score = total / 100, parts = parts}
end

local PART_ORDER = {"years", "demands", "certifications", "tools"}
local PART_LABEL = {years = "Years in %s", demands = "What %s demands",
                    certifications = "Certifications for %s", tools = "Tools used in %s"}

local function explain(r, f)
  for _, k in ipairs(PART_ORDER) do
    local part = f.parts[k]
    local cid = k
    r:criterion(cid, PART_LABEL[k]:format(label(f.id)), WEIGHTS[k], part.score, part.evidence)
    for _, m in ipairs(part.missing) do r:missing(m, cid) end
  end
end

local function note(f)
  local y = f.parts.years.years
  return ("%s; demands %d/100; certifications %d; tools %d"):format(
    y and cadre.years(y) or "years not given", math.floor(f.parts.demands.score + 0.5),
    math.floor(f.parts.certifications.score + 0.5), math.floor(f.parts.tools.score + 0.5))
end

-- What would raise the fit for an industry the person wants: its weakest part.
local function advice_for(f)
  local p = f.parts
  if (p.years.years or 0) < 2 then
    return ("Get inside %s: take an operations role there, or lead a project for a client or "
            .. "partner in it; years in the industry are the largest part of the fit."):format(label(f.id))
  end
  local first = p.demands.weak_ids[1]
  if first == nil then
    return ("Add a certification or tool that %s uses; your years and skills already fit it."):format(
      label(f.id))
  end
  local d = dev[first]
  return ("Build what %s demands, starting with %s: %s"):format(label(f.id),
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
    local fits = {}
    for _, id in ipairs(p.industry and {p.industry} or ids) do fits[#fits + 1] = fit(c, id) end
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
    explain(r, best)

    local targets = c.targets.industries
    local wanted = {}
    for _, t in ipairs(targets) do wanted[t] = true end
    if best.score >= 40 then
      r:strength(("%s fits you best (%d/100)%s."):format(label(best.id),
        math.floor(best.score + 0.5), wanted[best.id] and ", and it is an industry you want" or ""))
    end
    for _, t in ipairs(targets) do
      local i = pos[t]
      local f = i and fits[i]
      -- Within 5 points the two are a tie as far as this rubric can tell (design choice).
      if f and i > 1 and best.score - f.score < 5 then
        r:strength(("%s, which you want, fits almost as well as %s (%d against %d)."):format(
          label(t), label(best.id), math.floor(f.score + 0.5), math.floor(best.score + 0.5)))
      elseif f and i > 1 then
        r:gap(("You want to work in %s, but it ranks %d of %d for you (%d/100; the best is %s at "
               .. "%d)."):format(label(t), i, #fits, math.floor(f.score + 0.5), label(best.id),
               math.floor(best.score + 0.5)), advice_for(f))
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
      r:summary(("Fit for %s: %d/100."):format(label(best.id), math.floor(best.score + 0.5)))
    else
      r:summary(("Best fit: %s (%d), then %s (%d) and %s (%d)."):format(
        label(fits[1].id), math.floor(fits[1].score + 0.5), label(fits[2].id),
        math.floor(fits[2].score + 0.5), label(fits[3].id), math.floor(fits[3].score + 0.5)))
    end
  end,
}
