-- SPDX-License-Identifier: MIT
-- A thousand findings with 4000-byte texts and recommendations.
-- class: 3
-- expect: refused
-- message: bytes at
-- modes: untrusted all none
local big = string.rep("z", 4000)
return {name = "hostile_finding_bomb", version = "1.0", assess = function(c, p, r)
  r:criterion("a", "A", 1, 50, "x")
  for i = 1, 1000 do r:gap(big, big) end
  r:band("x")
end}
