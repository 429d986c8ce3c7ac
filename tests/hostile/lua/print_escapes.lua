-- SPDX-License-Identifier: MIT
-- print() of terminal escapes: a title change, a clipboard write, a C1 control, a bidi
-- override, and a forged "cadre:" line after a newline.
-- class: 5
-- expect: ok
-- modes: untrusted all none
return {name = "hostile_print_escapes", version = "1.0", bands = {{min = 0, label = "x"}},
  criteria = {{id = "a", weight = 1, score = function(c)
    print("\27]0;pwned\7\27]52;c;cHduZWQ=\7\194\155" .. "31m\226\128\174evil\ncadre: all fine")
    return 50, "printed"
  end}}}
