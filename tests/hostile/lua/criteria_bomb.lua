-- SPDX-License-Identifier: MIT
-- A thousand criteria with 4000 bytes of evidence each.
-- class: 3
-- expect: refused
-- message: bytes at criterion evidence
-- modes: untrusted all none
local big = string.rep("y", 4000)
return {name = "hostile_criteria_bomb", version = "1.0", assess = function(c, p, r)
  for i = 1, 1000 do r:criterion("c" .. i, "C", 1, 50, big) end
  r:band("x")
end}
