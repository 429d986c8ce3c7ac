-- SPDX-License-Identifier: MIT
-- The same colliding resize in the file's top-level code: loading never finishes.
-- class: 1
-- expect: refused
-- message: loading did not finish within
-- modes: untrusted all
local M = (1 << 20) - 1
local t = {}
for i = 1, (1 << 19) + 1 do t[i * M] = true end
return {name = "hostile_collision_at_load", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c) return 50, "never" end}}}
