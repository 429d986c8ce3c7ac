-- SPDX-License-Identifier: MIT
-- Counts instances in a class table used as a metatable.
-- class: 7
-- expect: refused
-- message: attempt to change a table of the rubric's own
-- modes: untrusted all none
local Point = {}
Point.__index = Point
function Point.new(x) Point.count = (Point.count or 0) + 1 return setmetatable({x = x}, Point) end
function Point:double() return self.x * 2 end
return {name = "hostile_class_state", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local p = Point.new(21)
    return p:double(), "made " .. tostring(Point.count) .. " points"
  end}}}
