-- core/prelude.lua - the cadre.* helpers every rubric can use (docs/rubric-authoring.md).
--
-- Runs in each rubric's sandbox before the rubric and receives the C primitives as its
-- argument. Helpers keep the standard functions they use in locals, so a rubric that
-- reassigns a global cannot change how a helper behaves.
local prims = ...
local type, ipairs, tostring, error = type, ipairs, tostring, error
local floor, huge = math.floor, math.huge
local format, concat = string.format, table.concat

local cadre = {version = prims.version, vocab = prims.vocab, data = prims.data}

local function need_number(x, fname, what)
  if type(x) ~= "number" then
    error(format("%s: %s must be a number, got %s", fname, what, type(x)), 3)
  end
end

-- cadre.ramp(x, lo, hi): 0 at or below lo, 100 at or above hi, a straight line between.
-- nil stays nil, so a missing input stays visibly missing.
function cadre.ramp(x, lo, hi)
  if x == nil then return nil end
  need_number(x, "cadre.ramp", "x")
  need_number(lo, "cadre.ramp", "lo")
  need_number(hi, "cadre.ramp", "hi")
  if hi <= lo then error("cadre.ramp: hi must be greater than lo", 2) end
  if x <= lo then return 0 end
  if x >= hi then return 100 end
  return (x - lo) / (hi - lo) * 100
end

-- cadre.steps(x, {{at, score}, ...}): the score of the highest threshold x reaches, with the
-- thresholds in ascending order; 0 below the first. nil stays nil.
function cadre.steps(x, steps)
  if x == nil then return nil end
  need_number(x, "cadre.steps", "x")
  local s = 0
  for i, st in ipairs(steps) do
    need_number(st[1], "cadre.steps", format("steps[%d][1]", i))
    need_number(st[2], "cadre.steps", format("steps[%d][2]", i))
    if x >= st[1] then s = st[2] end
  end
  return s
end

-- cadre.level_score(have, need): how far a 0..5 skill level meets a required level, 0..100.
-- Meeting or beating the requirement is 100; below it, the share of the requirement reached.
function cadre.level_score(have, need)
  if have == nil then return nil end
  need_number(have, "cadre.level_score", "have")
  need_number(need, "cadre.level_score", "need")
  if need <= 0 or have >= need then return 100 end
  if have <= 0 then return 0 end
  return have / need * 100
end

-- cadre.clamp(x, lo, hi)
function cadre.clamp(x, lo, hi)
  need_number(x, "cadre.clamp", "x")
  if x < lo then return lo end
  if x > hi then return hi end
  return x
end

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
  local v = cadre.vocab[vocabulary]
  if v == nil then error(format("cadre.label: no vocabulary '%s'", tostring(vocabulary)), 2) end
  local e = v[id]
  return e and e.label or tostring(id)
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

local function trim_zero(s)
  return (s:gsub("%.0([KMB]?)$", "%1"))
end

-- cadre.years(n): "1 year", "12 years", "2.5 years".
function cadre.years(n)
  need_number(n, "cadre.years", "n")
  if n == 1 then return "1 year" end
  return trim_zero(format("%.1f", n)) .. " years"
end

-- cadre.money(n): "$850K", "$12M", "$1.2B" (US dollars, as the sources use).
function cadre.money(n)
  need_number(n, "cadre.money", "n")
  if n >= 1e9 then return "$" .. trim_zero(format("%.1fB", n / 1e9)) end
  if n >= 1e6 then return "$" .. trim_zero(format("%.1fM", n / 1e6)) end
  if n >= 1e3 then return "$" .. format("%.0fK", n / 1e3) end
  return "$" .. format("%.0f", n)
end

-- cadre.list(items, conj): "a, b and c" (conj defaults to "and").
function cadre.list(items, conj)
  local n = #items
  if n == 0 then return "" end
  if n == 1 then return tostring(items[1]) end
  local parts = {}
  for i = 1, n - 1 do parts[i] = tostring(items[i]) end
  return concat(parts, ", ") .. " " .. (conj or "and") .. " " .. tostring(items[n])
end

return cadre
