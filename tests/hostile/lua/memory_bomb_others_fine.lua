-- SPDX-License-Identifier: MIT
-- Runs out of its memory cap: its own result fails, everyone else's is printed.
-- class: 3
-- expect: error
-- message: memory cap|CPU budget
-- modes: untrusted all none
return {name = "hostile_memory_bomb_others_fine", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    if c.name ~= "Hostile Target" then return 50, "calm for the probes" end
    local t = {}
    for i = 1, 1 << 30 do t[i] = string.rep("m", 1 << 20) .. i end
    return 50, "never"
  end}}}
