-- SPDX-License-Identifier: MIT
-- Swaps the __index of a class table: the class still works as a metatable after sealing, and
-- a change to it is caught and put back.
-- class: 7
-- expect: refused
-- message: changed the field '__index'
-- modes: untrusted all none
local A = {}
A.__index = A
function A.hello() return "A" end
local B = {hello = function() return "B" end}
return {name = "hostile_metafield_swap", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local said = setmetatable({}, A).hello()
    A.__index = B
    return 50, "said " .. said
  end}}}
