-- SPDX-License-Identifier: MIT
-- A message handler that loops after the budget error: Lua calls handlers with hooks off.
-- class: 1
-- expect: refused
-- message: CPU budget
-- modes: untrusted all none
local function spin()
  xpcall(function() while true do end end, function() while true do end end)
end
return {name = "hostile_xpcall_handler_loop", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c) spin() return 50, "never" end}}}
