-- SPDX-License-Identifier: MIT
-- Not hostile: reads its own tables every way Lua allows (pairs, ipairs, next, #, rawget,
-- rawlen, a metatable class): sealing must not change what they see.
-- class: 7
-- expect: ok
-- modes: untrusted all none
-- evidence: 3 3 a b c 6 10 7 true
local list = {"a", "b", "c"}
local map = {x = 1, y = 2, z = 3}
local Class = {}
Class.__index = Class
function Class.new(v) return setmetatable({v = v}, Class) end
function Class:twice() return self.v * 2 end
return {name = "hostile_reads_still_work", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local n, sum = 0, 0
    for k, v in pairs(map) do n = n + 1 sum = sum + v end
    local parts = {}
    for _, v in ipairs(list) do parts[#parts + 1] = v end
    local first = next(map) ~= nil
    return 50, ("%d %d %s %d %d %d %s"):format(#list, n, table.concat(parts, " "), sum,
      Class.new(5):twice(), rawlen(list) + rawget(map, "z") + 1, tostring(first))
  end}}}
