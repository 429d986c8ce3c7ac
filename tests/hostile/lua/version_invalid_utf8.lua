-- SPDX-License-Identifier: MIT
-- A version that is not UTF-8.
-- class: 5
-- expect: refused
-- message: version is not valid UTF-8
-- modes: untrusted all none
return {name = "hostile_version_invalid_utf8", version = "1.\255", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c) return 50, "x" end}}}
