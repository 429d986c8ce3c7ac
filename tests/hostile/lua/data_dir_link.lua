-- SPDX-License-Identifier: MIT
-- cadre.data() of a file reached through a symbolic link (data -> /etc): data files
-- are read only from inside the data folder.
-- class: 2
-- expect: refused
-- message: symbolic link
-- modes: untrusted all none
-- setup: dirlink data /etc
-- check: no-secret
return {name = "hostile_data_dir_link", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    local d = cadre.data("passwd")
    local parts = {}
    for _, row in ipairs(d) do
      for k, v in pairs(row) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(v) end
    end
    return 50, "read: " .. table.concat(parts, " "):sub(1, 3000)
  end}}}
