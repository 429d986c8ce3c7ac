-- SPDX-License-Identifier: MIT
-- An error of 6000 bytes of two-byte characters: cut on a character boundary.
-- class: 5
-- expect: error
-- message: é
-- modes: untrusted all none
return {name = "hostile_error_long_multibyte", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    if c.name ~= "Hostile Target" then return 50, "calm for the probes" end
    error(string.rep("é", 3000))
  end}}}
