-- SPDX-License-Identifier: MIT
-- Uses math.random in its evidence: the same candidate still gets the same report, whatever
-- was assessed before it.
-- class: 7
-- expect: ok
-- modes: untrusted all none
-- check: batch
return {name = "hostile_random_order", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local a, b = math.random(1, 1000000), math.random(1, 1000000)
    return 50, ("draws %d and %d"):format(a, b)
  end}}}
