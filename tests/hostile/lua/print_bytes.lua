-- SPDX-License-Identifier: MIT
-- Twenty lines of a megabyte each.
-- class: 4
-- expect: ok
-- modes: untrusted all none
local mb = string.rep("b", 1 << 20)
return {name = "hostile_print_bytes", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    for i = 1, 20 do print(mb) end
    return 50, "printed"
  end}}}
