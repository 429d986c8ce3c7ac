-- SPDX-License-Identifier: MIT
-- Two thousand ranking entries with 4000-byte notes.
-- class: 3
-- expect: refused
-- message: bytes at
-- modes: untrusted all none
local big = string.rep("w", 4000)
return {name = "hostile_rank_bomb", version = "1.0", assess = function(c, p, r)
  r:criterion("a", "A", 1, 50, "x")
  for i = 1, 2000 do r:rank("r" .. i, "R", 50, big) end
  r:band("x")
end}
