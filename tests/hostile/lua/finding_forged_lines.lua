-- SPDX-License-Identifier: MIT
-- Text with newlines that try to start lines of their own in the text report.
-- class: 5
-- expect: ok
-- modes: untrusted all none
-- check: text
return {name = "hostile_finding_forged_lines", version = "1.0", assess = function(c, p, r)
  r:criterion("a", "A", 1, 50, "fine\nFORGED: ready now\n\nFORGED again")
  r:strength("strong\nFORGED: strength")
  r:band("x")
end}
