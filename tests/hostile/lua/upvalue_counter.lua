-- SPDX-License-Identifier: MIT
-- Counts the candidates it has seen in a variable of the file.
-- class: 7
-- expect: refused
-- message: changed 'seen'
-- modes: untrusted all none
local seen = 0
return {name = "hostile_upvalue_counter", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    seen = seen + 1
    return 50, "candidate number " .. seen
  end}}}
