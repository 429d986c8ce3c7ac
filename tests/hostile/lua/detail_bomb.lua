-- SPDX-License-Identifier: MIT
-- The same detail set a hundred thousand times with 4000 bytes: each replaced value used to
-- stay in the report's memory.
-- class: 3
-- expect: refused
-- message: bytes at detail value
-- modes: untrusted all none
local big = string.rep("x", 4000)
return {name = "hostile_detail_bomb", version = "1.0", assess = function(c, p, r)
  for i = 1, 100000 do r:detail("k", big) end
  r:criterion("a", "A", 1, 50, "never") r:band("x")
end}
