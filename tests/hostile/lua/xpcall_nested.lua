-- SPDX-License-Identifier: MIT
-- Handlers that catch the budget error and start the loop again, inside pcall inside xpcall.
-- class: 1
-- expect: refused
-- message: CPU budget
-- modes: untrusted all none
local function again()
  while true do
    pcall(function() while true do end end)
  end
end
return {name = "hostile_xpcall_nested", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    xpcall(again, again)
    return 50, "never"
  end}}}
