-- SPDX-License-Identifier: MIT
-- A generator made while loading keeps its own stack from one candidate to the next.
-- class: 7
-- expect: refused
-- message: keeps a coroutine made while loading
-- modes: untrusted all none
local next_number = coroutine.wrap(function()
  local n = 0
  while true do n = n + 1 coroutine.yield(n) end
end)
return {name = "hostile_kept_coroutine", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    return 50, "number " .. next_number()
  end}}}
