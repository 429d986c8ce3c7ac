-- SPDX-License-Identifier: MIT
-- Replaces a library function during an assessment (it would stay replaced for the next one).
-- class: 7
-- expect: refused
-- message: attempt to change a table of the rubric's own
-- modes: untrusted all none
return {name = "hostile_library_patch", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    string.upper = function(s) return "PATCHED" end
    return 50, "patched"
  end}}}
