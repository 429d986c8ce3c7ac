-- SPDX-License-Identifier: MIT
-- Writes into a data table it read with cadre.data().
-- class: 7
-- expect: refused
-- message: attempt to change a table of the rubric's own
-- modes: untrusted all none
-- setup: file data/x.json {"count": 0}
return {name = "hostile_data_write", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local d = cadre.data("x.json")
    d.count = d.count + 1
    return 50, "count " .. d.count
  end}}}
