-- SPDX-License-Identifier: MIT
-- An error whose message is not UTF-8.
-- class: 5
-- expect: error
-- message: broken
-- modes: untrusted all none
return {name = "hostile_error_invalid_utf8", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    if c.name ~= "Hostile Target" then return 50, "calm for the probes" end
    error("broken \255\254 \195(")
  end}}}
