-- SPDX-License-Identifier: MIT
-- An error value whose __tostring loops: the engine must not call it outside the budget.
-- class: 5
-- expect: error
-- message: error with a table value
-- modes: untrusted all none
return {name = "hostile_error_table_tostring", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    if c.name ~= "Hostile Target" then return 50, "calm for the probes" end
    error(setmetatable({}, {__tostring = function() while true do end end}))
  end}}}
