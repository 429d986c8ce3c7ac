-- SPDX-License-Identifier: MIT
-- Leaks only for one candidate ("Hostile Target"), so it passes the load-time probes: that
-- candidate gets an error, and the next candidate's report is as if nothing happened.
-- class: 7
-- expect: error
-- message: changed 'last'
-- modes: untrusted all none
-- check: batch
local last = "nobody"
return {name = "hostile_leak_for_one", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local before = last
    if c.name == "Hostile Target" then last = c.name end
    return 50, "before you: " .. before
  end}}}
