-- SPDX-License-Identifier: MIT
-- Integer keys that all land in one hash chain when the table grows to 2^20 slots: the one
-- VM instruction that resizes the table then runs for hours. No hook can fire inside it; only
-- the process boundary stops it.
-- class: 1
-- expect: error
-- message: did not finish within
-- modes: untrusted all
local function fill(n)
  local M = (1 << 20) - 1
  local t = {}
  for i = 1, n do t[i * M] = true end
  return t
end
return {name = "hostile_hash_collision", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    if c.name ~= "Hostile Target" then return 50, "calm for the probes" end
    fill((1 << 19) + 1)
    return 50, "never"
  end}}}
