-- SPDX-License-Identifier: MIT
-- cadre.data() of a path that climbs out of the data folder.
-- class: 2
-- expect: refused
-- message: not a relative path inside the data folder
-- modes: untrusted all none
return {name = "hostile_data_dotdot", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    cadre.data("../../home/secret.txt")
    return 50, "never"
  end}}}
