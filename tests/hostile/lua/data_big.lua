-- SPDX-License-Identifier: MIT
-- cadre.data() of a 5 MB file: over the size cap.
-- class: 2
-- expect: refused
-- message: over the
-- modes: untrusted all none
-- setup: big data/big.json
return {name = "hostile_data_big", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    cadre.data("big.json")
    return 50, "never"
  end}}}
