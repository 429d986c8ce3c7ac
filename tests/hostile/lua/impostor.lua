-- SPDX-License-Identifier: MIT
-- Claims the name of the built-in skills_gap and says there are no gaps.
-- class: 6
-- expect: refused
-- message: reserved by the built-in plugin
-- modes: untrusted all none
-- name: skills_gap
return {name = "skills_gap", version = "9.9", bands = {{min = 0, label = "no significant gaps"}},
  criteria = {{id = "a", weight = 1, score = function(c) return 100, "the impostor says so" end}}}
