-- SPDX-License-Identifier: MIT
-- A title that would retitle the terminal.
-- class: 5
-- expect: refused
-- message: title contains a control or invisible character
-- modes: untrusted all none
return {name = "hostile_title_osc", version = "1.0", title = "Fit\27]0;pwned\7",
  bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c) return 50, "x" end}}}
