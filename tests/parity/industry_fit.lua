-- SPDX-License-Identifier: MIT
-- tests/parity/industry_fit.lua - the industry_fit assessment as a Lua rubric: the twin of the built-in
-- native plugin plugins/industry_fit.c, held to its reports word for word by tests/cli/parity.t (a
-- change to the assessment is made in both). Also a worked example of the declarative rubric
-- API at full size (docs/rubric-authoring.md) and the third-party rubric of scripts/bench.
--
-- How well a person fits the operations leadership of each of the
-- ten industries in domain.md, and which fit best.
--
-- For each industry, four parts (weights are design choices, docs/assessments.md):
--   years in it (45)  - 10 years counts as deep knowledge; half the years of a neighbouring
--                       industry count too, but never more than 3 (neighbours are listed in
--                       data/industries.json), so a neighbour never outranks the industry itself
--   its demands (35)  - the skills that stand for what a COO there concentrates on
--                       (domain.md, seed 003), each wanted at level 4
--   certifications (12) and tools (8) that speak to it (vocabularies in docs/candidate.md)
-- The overall score is the fit of the best industry, or of the one given with --set
-- industry_fit.industry=<id>. All ten are ranked.

-- Globals this file calls on every assessment, kept in locals: everything a rubric holds is
-- frozen after loading, and each read of a frozen table (the globals included) takes one more
-- look-up (docs/rubric-authoring.md, "Speed").
local ipairs, pairs, sort, floor, cadre_label = ipairs, pairs, table.sort, math.floor, cadre.label
local CERTIFICATIONS, TOOLS = cadre.vocab.certification, cadre.vocab.tool

local spec = cadre.data("industries.json")
local NEED = spec.required_level
local WEIGHTS = {years = 45, demands = 35, certifications = 12, tools = 8}
local DEEP_YEARS = 10      -- design choice: a decade in an industry counts as deep knowledge
local NEIGHBOUR_SHARE = 0.5 -- design choice: half the years of a neighbouring industry count,
local NEIGHBOUR_CAP = 3     -- up to 3 years' worth: x neighbour years always count less than
                            -- x years in the industry itself, and never make it "deep"
local dev = cadre.data("development.json").skills

local ids = {}
for _, id in ipairs(cadre.vocab.industry) do
  assert(spec.industries[id], "data/industries.json lacks " .. id)
  ids[#ids + 1] = id
end

local say = cadre.say

local function label(id)
  return cadre_label("industry", id)
end

-- Each certification's industries (its vocabulary entry lists them), as a set, built once.
local CERT_AREAS = {}
for _, cert in ipairs(cadre.vocab.certification) do
  local set = {}
  for area in cadre.vocab.certification[cert].areas:gmatch("[^,]+") do set[area] = true end
  CERT_AREAS[cert] = set
end

local CATEGORY_WORDS = {}
for _, ind in pairs(spec.industries) do
  for _, cat in ipairs(ind.tools) do CATEGORY_WORDS[cat] = (cat:gsub("_", " ")) end
end

-- What this rubric reads of the person, once per assessment, as plain tables: ten industries
-- are scored from the same facts, and the candidate object checks every read.
local function facts_of(c)
  local f = {skills = {}, years = nil, certs = {}, tools = {}}
  for id, level in pairs(c.skills) do f.skills[id] = level end
  if c.industries[ids[1]] ~= nil then -- the person listed industries: unlisted ones are 0
    f.years = {}
    for _, id in ipairs(ids) do f.years[id] = c.industries[id] end
  end
  local certs = c.certifications
  f.has_certs = certs ~= nil and #certs > 0
  for _, cert in ipairs(certs or {}) do
    local v = CERTIFICATIONS[cert]
    if v then f.certs[#f.certs + 1] = cert end
  end
  for _, t in ipairs(c.tools) do
    local v = TOOLS[t]
    if v then f.tools[v.category] = f.tools[v.category] or v.label end
  end
  return f
end

-- The fit for one industry: its score and the parts' scores, and what the explanation of the
-- best one needs; the sentences are written only for the industry the report explains.
local function fit_for(f, id)
  local ind = spec.industries[id]
  local fit = {id = id}
  -- Years: direct years, plus a share of the best neighbouring industry's.
  local years = 0
  if f.years then
    local direct, best_n, best_id = f.years[id], 0, nil
    for _, n in ipairs(ind.neighbours) do
      local y = f.years[n]
      if y > best_n then best_n, best_id = y, n end
    end
    local borrowed = NEIGHBOUR_SHARE * best_n
    if borrowed > NEIGHBOUR_CAP then borrowed = NEIGHBOUR_CAP end
    local effective = direct + borrowed
    years = effective >= DEEP_YEARS and 100 or effective <= 0 and 0
            or effective / DEEP_YEARS * 100
    fit.years, fit.best_n, fit.best_id, fit.effective = direct, best_n, best_id, effective
  end
  -- Demands: the industry's defining skills, each wanted at level NEED.
  local sum, first_weak = 0, nil
  for _, sk in ipairs(ind.skills) do
    local have = f.skills[sk]
    if have == nil then
      first_weak = first_weak or sk
    else
      sum = sum + (have >= NEED and 100 or have <= 0 and 0 or have / NEED * 100)
      if have < NEED then first_weak = first_weak or sk end
    end
  end
  local demands = sum / #ind.skills
  -- Certifications: design choice, one relevant one is most of the credit, two is all of it.
  local n = 0
  for _, cert in ipairs(f.certs) do
    if CERT_AREAS[cert][id] then n = n + 1 end
  end
  local certifications = n == 0 and 0 or n == 1 and 70 or 100
  -- Tools: the share of the categories the industry relies on that the person uses.
  local covered = 0
  for _, cat in ipairs(ind.tools) do
    if f.tools[cat] then covered = covered + 1 end
  end
  local tools = covered / #ind.tools * 100
  local parts = {years = years, demands = demands, certifications = certifications, tools = tools}
  local total = 0
  for k, w in pairs(WEIGHTS) do total = total + w * parts[k] end
  -- A whole number, as the report shows this rubric's scores (whole_scores), so the ranking,
  -- the summary and the best industry's score, which the engine computes from the same parts,
  -- agree.
  fit.parts, fit.first_weak, fit.score = parts, first_weak, floor(total / 100 + 0.5)
  return fit
end

local function years_evidence(fit)
  if fit.years == nil then
    return "Industries not given, counted as 0: list your years per industry."
  end
  local ev = say("%y in %s", fit.years, label(fit.id))
  if fit.best_id then
    ev = ev .. say("; half of your %y in %s, a neighbouring industry, counts too (at most %n)",
                   fit.best_n, label(fit.best_id), NEIGHBOUR_CAP)
  end
  return ev .. say(" (counting %n years; %d give full marks).", fit.effective, DEEP_YEARS)
end

local function demands_evidence(f, id)
  local weak, strong = {}, {}
  for _, s in ipairs(spec.industries[id].skills) do
    local have = f.skills[s]
    if have == nil then
      weak[#weak + 1] = cadre_label("skill", s) .. " (not rated)"
    elseif have >= NEED then
      strong[#strong + 1] = say("%s %d", cadre_label("skill", s), have)
    else
      weak[#weak + 1] = say("%s %d", cadre_label("skill", s), have)
    end
  end
  local ev = say("What a COO in %s concentrates on (%s), each wanted at level %d.", label(id),
                 spec.industries[id].emphasis, NEED)
  if #strong > 0 then ev = ev .. say(" At that level: %l.", strong) end
  if #weak > 0 then ev = ev .. say(" Below it: %l.", weak) end
  return ev
end

local function certifications_evidence(f, id)
  if not f.has_certs then return say("No certification that speaks to %s.", label(id)) end
  local found = {}
  for _, cert in ipairs(f.certs) do
    if CERT_AREAS[cert][id] then found[#found + 1] = CERTIFICATIONS[cert].label end
  end
  if #found == 0 then return say("None of your certifications speaks to %s.", label(id)) end
  return say("%l speak%s to %s (one gives 70, two or more 100).", found,
             #found == 1 and "s" or "", label(id))
end

local function tools_evidence(f, id)
  local wanted = spec.industries[id].tools
  local cats, names = {}, {}
  for i, cat in ipairs(wanted) do
    cats[i] = CATEGORY_WORDS[cat]
    if f.tools[cat] then names[#names + 1] = f.tools[cat] end
  end
  return say("Tools %s relies on: %o.", label(id), cats)
         .. (#names > 0 and say(" You use %l.", names) or " You list none of them.")
end

local PART_ORDER = {"years", "demands", "certifications", "tools"}
local PART_LABEL = {years = "Years in %s", demands = "What %s demands",
                    certifications = "Certifications for %s", tools = "Tools used in %s"}

-- The ten fits (or the one the parameter names), best first, worked out once per assessment
-- and kept in the view, which the criteria, advise and summary share.
local function ranked(c, p, view)
  local a = view.ranked
  if a == nil then
    local f, fits = facts_of(c), {}
    for _, id in ipairs(p.industry and {p.industry} or ids) do fits[#fits + 1] = fit_for(f, id) end
    sort(fits, function(x, y)
      if x.score ~= y.score then return x.score > y.score end
      return x.id < y.id
    end)
    a = {f = f, fits = fits, best = fits[1]}
    view.ranked = a
  end
  return a
end

-- The four criteria, for the best industry: one line of data each and a scoring function that
-- returns the part's score (worked out with the ranking) and writes its evidence.
local function criteria(c, p, view)
  local a = ranked(c, p, view)
  local best, f = a.best, a.f
  local id = best.id
  return {
    {id = "years", label = say(PART_LABEL.years, label(id)), weight = WEIGHTS.years,
     inputs = {"industries"}, score = function()
       if best.years == nil then
         return nil, "industries not given: list your years per industry"
       end
       return best.parts.years, years_evidence(best)
     end},
    {id = "demands", label = say(PART_LABEL.demands, label(id)), weight = WEIGHTS.demands,
     score = function(c)
       -- reading the unrated skills through c lists them as missing
       for _, sk in ipairs(spec.industries[id].skills) do
         if f.skills[sk] == nil then local _ = c.skills[sk] end
       end
       return best.parts.demands, demands_evidence(f, id)
     end},
    {id = "certifications", label = say(PART_LABEL.certifications, label(id)),
     weight = WEIGHTS.certifications, score = function()
       return best.parts.certifications, certifications_evidence(f, id)
     end},
    {id = "tools", label = say(PART_LABEL.tools, label(id)), weight = WEIGHTS.tools,
     score = function() return best.parts.tools, tools_evidence(f, id) end},
  }
end

local function note(fit)
  return say("%s; demands %d/100; certifications %d; tools %d",
             fit.years and cadre.years(fit.years) or "years not given", fit.parts.demands,
             fit.parts.certifications, fit.parts.tools)
end

-- What would raise the fit for an industry the person wants: its weakest part.
local function advice_for(fit, c)
  if (fit.years or 0) < 2 then
    return say("Get inside %s: take an operations role there, or lead a project for a client or "
               .. "partner in it; years in the industry are the largest part of the fit.",
               label(fit.id))
  end
  local first = fit.first_weak
  if first == nil then
    return say("Add a certification or tool that %s uses; your years and skills already fit it.",
               label(fit.id))
  end
  local d = dev[first]
  return say("Build what %s demands, starting with %s: %s", label(fit.id),
             cadre_label("skill", first), cadre.advice(d, c) or "seek assignments that exercise it.")
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
  version = "1.1.0",
  title = "Industry fit",
  description = "How well the person fits operations leadership in each of ten industries: "
             .. "years there, what the industry demands of a COO, certifications and tools. "
             .. "Ranks all ten.",
  inputs = {"industries", "skills", "certifications", "tools", "targets.industries"},
  params = {
    industry = {type = "choice", choices = choices,
                description = "assess only this industry instead of ranking all ten"},
  },

  criteria = criteria,
  bands = BANDS,
  whole_scores = true, -- one rounding rule across the built-ins: whole numbers, banded as shown

  advise = function(c, p, r, view)
    if view.band == "not enough information" then return end
    local a = ranked(c, p, view)
    local fits, best = a.fits, a.best
    local pos = {}
    for i, f in ipairs(fits) do
      r:rank(f.id, label(f.id), f.score, note(f))
      pos[f.id] = i
    end
    r:detail("best_industry", best.id)
    local targets = c.targets.industries
    local wanted = {}
    for _, t in ipairs(targets) do wanted[t] = true end
    if best.score >= 40 then
      r:strength(say("%s fits you best (%n/100)%s.", label(best.id), best.score,
                     wanted[best.id] and ", and it is an industry you want" or ""))
    end
    for _, t in ipairs(targets) do
      local i = pos[t]
      local f = i and fits[i]
      -- Within 5 points the two are a tie as far as this rubric can tell (design choice).
      if f and i > 1 and best.score - f.score < 5 then
        r:strength(say("%s, which you want, fits almost as well as %s (%n against %n).", label(t),
                       label(best.id), f.score, best.score))
      elseif f and i > 1 then
        r:gap(say("You want to work in %s, but it ranks %d of %d for you (%n/100; the best is %s "
                  .. "at %n).", label(t), i, #fits, f.score, label(best.id), best.score),
              advice_for(f, c))
      end
    end
    if #targets == 0 and not p.industry then
      r:gap("You named no target industries, so this ranking cannot tell you how far your "
            .. "wishes are from your fit.", "Add targets.industries to your profile.")
    end
  end,

  summary = function(c, p, view)
    if view.band == "not enough information" then
      return "Too little is known to rank the industries: add your years per industry "
             .. "(industries) and rate your skills."
    end
    local fits = ranked(c, p, view).fits
    if p.industry then return say("Fit for %s: %n/100.", label(fits[1].id), fits[1].score) end
    return say("Best fit: %s (%n), then %s (%n) and %s (%n).", label(fits[1].id), fits[1].score,
               label(fits[2].id), fits[2].score, label(fits[3].id), fits[3].score)
  end,
}
