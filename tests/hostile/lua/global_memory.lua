-- SPDX-License-Identifier: MIT
-- Keeps the previous candidate in a global declared while loading.
-- class: 7
-- expect: refused
-- message: assignment to global 'previous' during an assessment
-- modes: untrusted all none
previous = "nobody"
return {name = "hostile_global_memory", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local before = previous
    previous = c.name or "?"
    return 50, "before you: " .. before
  end}}}
