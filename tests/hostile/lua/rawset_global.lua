-- SPDX-License-Identifier: MIT
-- rawset() on the global table during an assessment.
-- class: 7
-- expect: refused
-- message: assignment to undeclared global 'leak'
-- modes: untrusted all none
return {name = "hostile_rawset_global", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    rawset(_G, "leak", c.name)
    return 50, "set"
  end}}}
