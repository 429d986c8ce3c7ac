-- SPDX-License-Identifier: MIT
-- core/prelude.lua - the cadre.* helpers every rubric can use (docs/rubric-authoring.md).
--
-- Runs in each rubric's sandbox before the rubric and receives the C primitives as its
-- argument. Helpers keep the standard functions they use in locals, so a rubric that
-- reassigns a global cannot change how a helper behaves.
local prims = ...
local type, ipairs, pairs, tostring, error = type, ipairs, pairs, tostring, error
local floor, huge = math.floor, math.huge
local format = string.format

local cadre = {version = prims.version, vocab = prims.vocab, data = prims.data,
               say = prims.say, num = prims.num, years = prims.years, money = prims.money,
               list = prims.list}
local ramp, step_score, level_score = prims.ramp, prims.steps, prims.level_score
local say, num = prims.say, prims.num

-- vocabulary -> id -> label, private to these helpers: the rubric's state is read-only after
-- loading (reads of a frozen table take one more look-up), and this table is not the rubric's.
local labels = {}
for name, list in pairs(prims.vocab) do
  local m = {}
  for id, e in pairs(list) do
    if type(id) == "string" then m[id] = e.label end
  end
  labels[name] = m
end

local function need_number(x, fname, what)
  if type(x) ~= "number" then
    error(format("%s: %s must be a number, got %s", fname, what, type(x)), 3)
  end
end

-- cadre.ramp(x, lo, hi), cadre.steps(x, steps), cadre.level_score(have, need) and
-- cadre.clamp(x, lo, hi) are written in C (core/lua/numbers.c): the built-in rubrics call them
-- hundreds of times per person.
cadre.ramp, cadre.steps = prims.ramp, prims.steps
cadre.level_score, cadre.clamp = prims.level_score, prims.clamp

-- cadre.has(list, value): true when value is in list (works on candidate lists).
function cadre.has(list, value)
  if list == nil then return false end
  for _, v in ipairs(list) do
    if v == value then return true end
  end
  return false
end

-- cadre.count(list): number of entries, 0 for nil.
function cadre.count(list)
  if list == nil then return 0 end
  return #list
end

-- cadre.label(vocabulary, id): the human label of a vocabulary id, or the id itself.
function cadre.label(vocabulary, id)
  local v = labels[vocabulary]
  if v == nil then error(format("cadre.label: no vocabulary '%s'", tostring(vocabulary)), 2) end
  return v[id] or tostring(id)
end

-- cadre.band(score, bands): the label of the first band whose min the score reaches.
-- bands are {{min = 80, label = "..."}, ...} in any order.
function cadre.band(score, bands)
  local best, best_min = nil, -huge
  for _, b in ipairs(bands) do
    if score >= b.min and b.min > best_min then best, best_min = b.label, b.min end
  end
  return best
end

-- cadre.round(x, digits)
function cadre.round(x, digits)
  local m = 10 ^ (digits or 0)
  return floor(x * m + 0.5) / m
end

-- cadre.say(template, ...), cadre.num(x) ("12", "2.5"), cadre.years(n) ("1 year", "2.5 years"),
-- cadre.money(n) ("$850K", "$1.2M") and cadre.list(items, conj) ("a, b and c") are written in C
-- (core/lua/say.c): they write most of a report's words.

-- cadre.fact(c, name): the facts that development advice depends on (data/development.json,
-- "instead"), so that a person is never told to get what their profile says they have.
--   senior_scope: director level or above, a $5M+ budget or 100+ people led (design choice)
--   owns_budget: a $1M+ budget; hiring_authority, pnl_owner, board_exposure: as stated
local LEVEL_RANK = {individual_contributor = 1, supervisor = 2, manager = 3, senior_manager = 4,
                    director = 5, vice_president = 6, c_suite = 7}
local FACTS = {
  senior_scope = function(c)
    return (LEVEL_RANK[c.current_role.level or ""] or 0) >= 5 or (c.scope.budget_usd or 0) >= 5e6
           or (c.scope.people_led or 0) >= 100
  end,
  owns_budget = function(c) return (c.scope.budget_usd or 0) >= 1e6 end,
  hiring_authority = function(c) return c.scope.hiring_authority == true end,
  pnl_owner = function(c) return c.scope.pnl_owner == true end,
  board_exposure = function(c) return c.experience.board_exposure == true end,
}
function cadre.fact(c, name)
  local f = FACTS[name]
  if f == nil then error(format("cadre.fact: no fact '%s'", tostring(name)), 2) end
  return f(c)
end

-- cadre.advice(entry, c): the action of a development entry ({do, instead = {{if, do}, ...}})
-- that suits this person: the first `instead` whose fact holds, else `do`.
function cadre.advice(entry, c)
  if entry == nil then return nil end
  for _, alt in ipairs(entry.instead or {}) do
    if cadre.fact(c, alt["if"]) then return alt["do"] end
  end
  return entry["do"]
end

-- ---- criterion helpers: each returns score, evidence (or nil, why when the input is absent),
-- ready to be returned from a criterion's score function.

-- cadre.by_years(value, full, what): 0..100 by years, full marks at `full`.
--   cadre.by_years(c.experience.management_years, 10, "managing people")
--   -> 80, "8 years managing people (10 give full marks)"
function cadre.by_years(value, full, what)
  need_number(full, "cadre.by_years", "full")
  if value == nil then return nil, (what or "years") .. " not given" end
  need_number(value, "cadre.by_years", "value")
  return ramp(value, 0, full), say("%y %s (%n give full marks)", value, what or "", full)
end

-- cadre.by_steps(value, steps, what): the score of the highest threshold reached.
--   cadre.by_steps(c.scope.people_led, {{10, 40}, {50, 70}, {200, 100}}, "people led")
function cadre.by_steps(value, steps, what)
  if value == nil then return nil, (what or "value") .. " not given" end
  local s = step_score(value, steps)
  return s, say("%n %s (scores %n)", value, what or "", s)
end

-- cadre.by_flag(value, what, yes, no): a yes/no input; yes scores `yes` (default 100), no
-- scores `no` (default 0).
function cadre.by_flag(value, what, yes, no)
  if value == nil then return nil, what .. " not stated" end
  if value then return yes or 100, what .. ": yes" end
  return no or 0, what .. ": no"
end

-- cadre.by_level(c, skill, need): a self-rated skill against the level wanted.
--   cadre.by_level(c, "negotiation", 4) -> 75, "Negotiation 3 of the 4 wanted"
function cadre.by_level(c, skill, need)
  local have = c.skills[skill]
  local name = cadre.label("skill", skill)
  if have == nil then return nil, name .. " not rated" end
  return level_score(have, need), say("%s %d of the %n wanted", name, have, need)
end

-- cadre.by_levels(c, skills, need): the mean over several skills. Unrated skills count as 0
-- (and, read through c, are recorded as missing); nil when none is rated.
function cadre.by_levels(c, skills, need)
  local sum, parts, unrated = 0, {}, {}
  for _, s in ipairs(skills) do
    local have = c.skills[s]
    if have == nil then
      unrated[#unrated + 1] = cadre.label("skill", s)
    else
      sum = sum + level_score(have, need)
      parts[#parts + 1] = say("%s %d", cadre.label("skill", s), have)
    end
  end
  if #parts == 0 then return nil, "none of " .. cadre.list(unrated) .. " rated" end
  local ev = say("%l, each wanted at %n", parts, need)
  if #unrated > 0 then ev = ev .. "; not rated (counted as 0): " .. cadre.list(unrated) end
  return sum / #skills, ev
end

-- cadre.by_any(list, wanted, what): 100 if the list holds any of `wanted`, else 0.
--   cadre.by_any(c.certifications, {"cpa", "cfa"}, "finance certification")
function cadre.by_any(list, wanted, what)
  for _, w in ipairs(wanted) do
    if cadre.has(list, w) then return 100, say("%s: %s", what, w) end
  end
  return 0, say("no %s (any of %o)", what, wanted)
end

return cadre
