-- SPDX-License-Identifier: MIT
-- Evidence, findings, a ranking note, a detail and a summary full of escapes, C1 controls,
-- bidi overrides and zero-width characters: kept in the JSON, escaped in text.
-- class: 5
-- expect: ok
-- modes: untrusted all none
-- check: text
local E = "\27]0;pwned\7 \27[2J \194\155" .. "31m \226\128\174 \226\128\139 \7"
return {name = "hostile_text_escapes", version = "1.0", assess = function(c, p, r)
  r:criterion("a", "Label " .. E, 1, 50, "evidence " .. E)
  r:gap("gap " .. E, "do " .. E)
  r:rank("x", "Rank " .. E, 40, "note " .. E)
  r:detail("k", "detail " .. E)
  r:summary("summary " .. E)
  r:band("band " .. E)
end}
