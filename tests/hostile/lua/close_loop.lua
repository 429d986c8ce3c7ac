-- SPDX-License-Identifier: MIT
-- A to-be-closed variable whose __close never returns, run by coroutine.close: the handler runs
-- on the coroutine's own Lua thread.
-- class: 1
-- expect: refused
-- message: CPU budget
-- modes: untrusted all none
local function spin()
  local co = coroutine.create(function()
    local guard <close> = setmetatable({}, {__close = function() while true do end end})
    coroutine.yield()
  end)
  coroutine.resume(co)
  coroutine.close(co)
end
return {name = "hostile_close_loop", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c) spin() return 50, "never" end}}}
