-- SPDX-License-Identifier: MIT
-- Remembers every name in a table of the file and reports the previous one.
-- class: 7
-- expect: refused
-- message: attempt to change a table of the rubric's own
-- modes: untrusted all none
local names = {}
return {name = "hostile_table_memory", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    names[#names + 1] = c.name or "?"
    return 50, "before you: " .. (names[#names - 1] or "nobody")
  end}}}
