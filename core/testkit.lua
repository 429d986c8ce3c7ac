-- SPDX-License-Identifier: MIT
-- core/testkit.lua - checks a rubric test's expectations against a result (cadre test).
--
-- Runs in the test file's sandbox. Returns a function check(expect, result) that returns the
-- list of problems, one sentence each; an empty list means the test passed. The expectation
-- keys are documented in docs/rubric-authoring.md.
local type, ipairs, pairs, tostring, format = type, ipairs, pairs, tostring, string.format

local KEYS = {"status", "error", "score", "confidence", "band", "summary", "criteria",
              "findings", "strengths", "gaps", "risks", "missing", "ranking", "details"}

local function known(key)
  for _, k in ipairs(KEYS) do if k == key then return true end end
  return false
end

-- A number expectation: n (within 0.05), or {min = a, max = b}.
local function in_range(x, want)
  if type(want) == "number" then return x ~= nil and math.abs(x - want) <= 0.05 end
  return x ~= nil and (want.min == nil or x >= want.min) and (want.max == nil or x <= want.max)
end

local function describe_range(want)
  if type(want) == "number" then return tostring(want) end
  if want.min and want.max then return format("between %s and %s", want.min, want.max) end
  if want.min then return "at least " .. want.min end
  return "at most " .. tostring(want.max)
end

local function contains(haystack, needle)
  return haystack ~= nil and haystack:find(needle, 1, true) ~= nil
end

local function check_findings(res, want, kind, problems)
  for _, text in ipairs(want) do
    local found = false
    for _, f in ipairs(res.findings) do
      if (kind == nil or f.kind == kind) and (contains(f.text, text) or contains(f.recommendation, text)) then
        found = true
      end
    end
    if not found then
      problems[#problems + 1] = format("no %s mentions %q", kind or "finding", text)
    end
  end
end

local function check_ranking(res, want, problems)
  local ids = {}
  for i, r in ipairs(res.ranking) do ids[i] = r.id end
  local list = type(want) == "string" and {want} or want
  for i, id in ipairs(list) do
    if ids[i] ~= id then
      problems[#problems + 1] = format("ranking position %d is %s, expected %s", i,
                                       tostring(ids[i]), id)
    end
  end
end

return function(expect, res)
  local problems = {}
  local function fail(fmt, ...) problems[#problems + 1] = format(fmt, ...) end

  for key in pairs(expect) do
    if not known(key) then fail("unknown expectation '%s'", tostring(key)) end
  end
  local want_status = expect.status or (expect.error and "error") or "ok"
  if res.status ~= want_status then
    fail("status is %s, expected %s%s", res.status, want_status,
         res.status == "error" and (": " .. res.error.message) or "")
    return problems
  end
  if expect.error and not contains(res.error.message, expect.error) then
    fail("the error is %q, expected it to mention %q", res.error.message, expect.error)
  end
  if res.status == "error" then return problems end
  if expect.score and not in_range(res.score, expect.score) then
    fail("score is %s, expected %s", res.score, describe_range(expect.score))
  end
  if expect.confidence and not in_range(res.confidence, expect.confidence) then
    fail("confidence is %s, expected %s", res.confidence, describe_range(expect.confidence))
  end
  if expect.band then
    local bands = type(expect.band) == "string" and {expect.band} or expect.band
    local ok = false
    for _, b in ipairs(bands) do ok = ok or b == res.band end
    if not ok then fail("band is %q, expected %s", res.band, table.concat(bands, " or ")) end
  end
  if expect.summary and not contains(res.summary, expect.summary) then
    fail("summary %q does not mention %q", tostring(res.summary), expect.summary)
  end
  for id, want in pairs(expect.criteria or {}) do
    local c = res.criteria[id]
    if c == nil then
      fail("no criterion '%s'", id)
    elseif not in_range(c.score, want) then
      fail("criterion %s scored %s, expected %s (evidence: %s)", id, c.score,
           describe_range(want), c.evidence)
    end
  end
  check_findings(res, expect.findings or {}, nil, problems)
  check_findings(res, expect.strengths or {}, "strength", problems)
  check_findings(res, expect.gaps or {}, "gap", problems)
  check_findings(res, expect.risks or {}, "risk", problems)
  for _, field in ipairs(expect.missing or {}) do
    local found = false
    for _, m in ipairs(res.missing) do found = found or m == field end
    if not found then fail("%s is not among the missing inputs", field) end
  end
  if expect.ranking then check_ranking(res, expect.ranking, problems) end
  for key, want in pairs(expect.details or {}) do
    if not contains(res.details[key], want) then
      fail("detail %s is %q, expected it to mention %q", key, tostring(res.details[key]), want)
    end
  end
  return problems
end
