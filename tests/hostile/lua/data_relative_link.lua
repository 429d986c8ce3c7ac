-- SPDX-License-Identifier: MIT
-- cadre.data() of a file reached through a symbolic link (data/x.json -> ../../../home/secret.txt): data files
-- are read only from inside the data folder.
-- class: 2
-- expect: refused
-- message: symbolic link
-- modes: untrusted all none
-- setup: link data/x.json ../../../home/secret.txt
-- check: no-secret
return {name = "hostile_data_relative_link", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local d = cadre.data("x.json")
    local parts = {}
    for _, row in ipairs(d) do
      for k, v in pairs(row) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(v) end
    end
    return 50, "read: " .. table.concat(parts, " "):sub(1, 3000)
  end}}}
