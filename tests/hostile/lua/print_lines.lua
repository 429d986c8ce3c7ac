-- SPDX-License-Identifier: MIT
-- A hundred thousand lines of print().
-- class: 4
-- expect: ok
-- modes: untrusted all none
return {name = "hostile_print_lines", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    for i = 1, 100000 do print("line", i) end
    return 50, "printed"
  end}}}
