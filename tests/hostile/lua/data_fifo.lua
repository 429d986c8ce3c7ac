-- SPDX-License-Identifier: MIT
-- cadre.data() of a named pipe no one writes to: opening it must not hang.
-- class: 2
-- expect: refused
-- message: not a regular file
-- modes: untrusted all none
-- setup: fifo data/x.json
return {name = "hostile_data_fifo", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    cadre.data("x.json")
    return 50, "never"
  end}}}
