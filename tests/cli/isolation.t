#!/bin/sh
# SPDX-License-Identifier: MIT
# The cadre program isolates native plugins by default: a crashing plugin costs one error
# result, and the report, the other assessments and the exit status say so.
. "$(dirname "$0")/lib.sh"
unsafe=${CADRE_BUILD:-build}/tests/fixtures/native-unsafe
[ -d "$unsafe" ] || unsafe=$(dirname "$CADRE_BIN")/tests/fixtures/native-unsafe
sample=docs/examples/candidates/vp_operations.json

run assess -P "$unsafe" -a unsafe_segv,coo_readiness,unsafe_abort,skills_gap "$sample"
is "$rc" 1 "crashing plugins: exit 1, not a crash of cadre"
contains "$out" "the plugin crashed (signal" "the crash is in the report"
contains "$out" "COO readiness" "a native assessment after the crash still ran"
contains "$out" "Skills gap" "another built-in assessment still ran"
contains "$out" "crash_segv.so" "the report names the crashing plugin's file"
run assess -P "$unsafe" -a unsafe_writes,coo_readiness --format json "$sample"
contains "$(json '$j->{reports}[0]{candidate}{name}')" "Dana Whitfield" "a plugin writing the candidate changes nothing the report shows"
is "$(json '$j->{reports}[0]{assessments}[1]{band}')" "ready now" "... nor what the next plugin sees"
run assess --isolate sideways "$sample"
is "$rc" 2 "--isolate takes none, native or all"
run assess --isolate all --format json "$sample"
all=$out
run assess --isolate none --format json "$sample"
is "$out" "$all" "every isolation mode gives byte-identical reports"
# A rubric in a worker sees the candidate the engine parsed, field for field (it travels as a
# packed frame, core/worker/pack.c): this one writes back everything it reads, and the same
# rubric trusted, in this process, must write the same.
mkdir -p "$tmp/echo"
chmod 755 "$tmp/echo"
cat >"$tmp/echo/echo.lua" <<'LUA'
-- Writes back what it sees of the candidate, group by group, as details.
local function dump(v)
  if type(v) ~= "table" and type(v) ~= "userdata" then return tostring(v) end
  local keys, parts = {}, {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. dump(v[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end
return {
  name = "echo", version = "1.0.0", title = "Echo", description = "Writes back what it sees.",
  criteria = {{id = "seen", label = "Seen", weight = 1, score = function() return 50, "seen" end}},
  bands = {{min = 0, label = "any"}},
  advise = function(c, p, r)
    for _, g in ipairs({"id", "name", "source", "experience", "current_role", "education",
                        "certifications", "industries", "skills", "skill_evidence", "tools",
                        "scope", "achievements", "preferences", "targets", "extra"}) do
      r:detail(g, dump(c[g]))
    end
  end,
}
LUA
cat >"$tmp/echo.jsonl" <<'JSON'
{"id":"x1","name":"Zoë Ünicode","experience":{"total_years":12.5,"management_years":7,"board_exposure":true,"functions_led":["operations","finance"]},"current_role":{"title":"Dir. Ops — EMEA","level":"director","function":"operations","reports_to_ceo":false,"company_size":"enterprise"},"education":{"highest_degree":"master","field":"engineering","mba":true},"certifications":["pmp","not_a_cert"],"industries":{"retail":4.5,"logistics":0},"skills":{"leadership":{"level":4,"evidence":"Led \"tiger\" team\n2 lines"},"unknown_skill":3,"communication":0},"tools":["sap"],"scope":{"people_led":120,"budget_usd":5500000.75,"pnl_owner":true},"achievements":[{"kind":"cost_reduction","description":"Cut costs","impact_pct":12,"value_usd":300000,"reach":"division"},{"kind":"other","description":"Something"}],"preferences":{"max_weekly_hours":55,"travel":"frequent","pressure":"high"},"targets":{"role":"coo","industries":["retail"],"company_size":"scale_up"},"extra":{"a":[1,2.5,-3e10,true,false,null,"s",{"deep":{"deeper":[[["x"]]]}}],"b":{},"c":[],"ü":"ñ"}}
{}
{"skills":{},"industries":{},"certifications":[],"tools":[],"achievements":[],"extra":{}}
JSON
run batch --no-builtin-plugins -P "$tmp/echo" --trust "$tmp/echo" "$tmp/echo.jsonl"
trusted=$out
run batch --no-builtin-plugins -P "$tmp/echo" "$tmp/echo.jsonl"
is "$out" "$trusted" "a rubric in a worker sees every field as it does in this process"
out=$(printf '%s\n' "$out" | head -1)
contains "$(json '$j->{assessments}[0]{details}{extra}')" "deeper={1={1={1=x}}}" "... nested extra values included"
contains "$(json '$j->{assessments}[0]{details}{skill_evidence}')" 'Led "tiger" team' "... and skill evidence"
contains "$(json '$j->{assessments}[0]{details}{achievements}')" "value_usd=300000" "... and achievements"
done_testing
