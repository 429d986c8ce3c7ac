#!/bin/sh
# SPDX-License-Identifier: MIT
# cadre interview: the questionnaire, with answers piped in (tests/interview/ana.answers) and
# in a real terminal driven through tmux. Ana Ruiz is a plant manager (director level, 18
# years, 11 managing, no P&L, no executive years) aiming at a COO role in manufacturing or
# logistics; written down before cadre ran on her: ready in 1-2 years (not now: no executive
# years, no P&L), manufacturing her best industry by far.
. "$(dirname "$0")/lib.sh"
answers=tests/interview/ana.answers
f="$tmp/ana.json"
# p EXPR: evaluates EXPR over the profile written (as $j)
p() { out=$(cat "$f") json "$1"; }

"$CADRE_BIN" interview --ascii "$f" <"$answers" >"$tmp/out" 2>"$tmp/err"
rc=$?
out=$(cat "$tmp/out")
is "$rc" 0 "piped answers: the interview runs to its end"
is "$("$CADRE_BIN" validate --strict "$f" >/dev/null 2>&1; echo $?)" 0 \
   "... and writes a profile cadre validate --strict accepts"
is "$(p '$j->{current_role}{level}')" director "... level 5 of the menu is director"
is "$(p '$j->{scope}{budget_usd}')" 38000000 "... 38M is 38,000,000 dollars"
is "$(p 'join ",", @{$j->{certifications}}')" "lean_six_sigma_black_belt,apics_cpim" \
   "... certificates by label and by id"
is "$(p '$j->{industries}{manufacturing}')" 18 "... years per industry"
is "$(p '$j->{education}{field}')" industrial_engineering "... a field by its label"
is "$(p '$j->{skills}{execution}{level} . "|" . $j->{skills}{execution}{evidence}')" \
   "5|Runs a 420-person plant; OEE 64% to 78% in three years" "... a 5 with its evidence"
is "$(p 'scalar keys %{$j->{skills}}')" 30 "... the 30 skills of the COO profile, no more"
is "$(p '$j->{achievements}[0]{reach} . "|" . $j->{achievements}[0]{impact_pct} . "|" . $j->{achievements}[0]{value_usd}')" \
   "department|35|1200000" "... an achievement with its reach, effect and value"
contains "$out" "(7 of 30) Hands-on execution" "each skill is numbered"
contains "$out" "  4  You drive delivery across several teams and recover plans that are going off track." \
   "... and shows a concrete example of each level for that skill"
contains "$out" "Which role are you aiming for?: 1" "piped answers are echoed after their question"
contains "$out" "COO readiness              ready in 1-2 years" "it ends with the assessment: ready in 1-2 years"
contains "$out" "Best fit: Manufacturing" "... manufacturing the best industry"
contains "$out" "cadre assess --format html" "... and says how to see the full report"

# --- every answer is checked at once, with the reason, and asked again
printf '%s\n' "" "" "abc" "12" "15" quit >"$tmp/a1"
"$CADRE_BIN" interview --no-assess "$tmp/b.json" <"$tmp/a1" >"$tmp/out" 2>&1
out=$(cat "$tmp/out")
contains "$out" "! a number from 0 to 70, such as 12 or 12.5" "a word for a number: re-asked with the reason"
contains "$out" "! experience.management_years: 15 years is more than experience.total_years (12)" "more management years than years of work: refused by cadre's own check, with the reason"
is "$(out=$(cat "$tmp/b.json") json '$j->{experience}{total_years} . "|" . ($j->{experience}{management_years} // "none")')" \
   "12|none" "... and not saved; the good answer is"
contains "$out" "Stopped. Your answers so far are saved; run cadre interview $tmp/b.json to continue" \
   "quit stops and says how to continue"

printf '%s\n' "" "" "" "" "" "" "" "" "" "" "" "" "pmpp, lean" >"$tmp/a2"
# a profile whose answers are the defaults: Enter keeps them
printf '{"name": "Bo", "experience": {"total_years": 20, "management_years": 8}}\n' >"$tmp/c.json"
"$CADRE_BIN" interview --no-assess "$tmp/c.json" <"$tmp/a2" >"$tmp/out" 2>&1
out=$(cat "$tmp/out")
contains "$out" "Your name, as the report should show it [Bo]:" "an existing file's answers are the defaults"
contains "$out" "in all? [20]:" "... numbers too"
is "$(out=$(cat "$tmp/c.json") json '$j->{name} . "|" . $j->{experience}{total_years} . "|" . $j->{experience}{management_years}')" \
   "Bo|20|8" "Enter keeps them, and the input ending early loses nothing"

# a file broken elsewhere by hand can still be answered; the break is pointed out, not blamed
printf '{"skills": {"leadership": "high"}}\n' >"$tmp/broken.json"
printf '%s\n' "Bo" quit >"$tmp/a5"
"$CADRE_BIN" interview --no-assess "$tmp/broken.json" <"$tmp/a5" >"$tmp/out" 2>&1
out=$(cat "$tmp/out")
contains "$out" "note: the file has a problem elsewhere, to fix by hand: skills.leadership" \
    "a file broken elsewhere: the answer is taken, the other problem named"
is "$(out=$(cat "$tmp/broken.json") json '$j->{name}')" Bo "... and saved"

printf '%s\n' "" "" "-" quit >"$tmp/a3"
"$CADRE_BIN" interview --no-assess "$tmp/c.json" <"$tmp/a3" >/dev/null 2>&1
is "$(out=$(cat "$tmp/c.json") json 'exists $j->{experience}{total_years} ? "kept" : "cleared"')" cleared \
   "- clears an answer"

# --- a certificate with a typo gets a "did you mean"
awk 'NR==27 { print "pmpp"; next } { print }' "$answers" | head -28 >"$tmp/a4"
"$CADRE_BIN" interview --no-assess "$tmp/d.json" <"$tmp/a4" >"$tmp/out" 2>&1
contains "$(cat "$tmp/out")" "'pmpp' is not in the list; did you mean pmp?" "an unknown certificate: did you mean"

# --- all skills, each with its five examples
yes "" | head -400 | "$CADRE_BIN" interview --all-skills --no-assess "$tmp/e.json" >"$tmp/out" 2>&1
out=$(cat "$tmp/out")
contains "$out" "(44 of 44) Global operations" "--all-skills asks every skill of the vocabulary"
is "$(grep -c '^  [1-5]  $' "$tmp/out")" 0 "... and every one has an example for each level"

# --- bad input
printf '[1, 2]\n' >"$tmp/list.json"
run interview "$tmp/list.json" </dev/null
is "$rc" 3 "a FILE that is not a JSON object: exit 3"
contains "$err" "is not a JSON object" "... saying so"
run interview a.json b.json </dev/null
is "$rc" 2 "two files: usage error"
run interview - </dev/null
is "$rc" 2 "- as FILE: usage error"
run interview --no-assess "$tmp/nothing.json" </dev/null
is "$rc" 0 "no input at all: stopped at once"
is "$([ -e "$tmp/nothing.json" ] && echo exists || echo absent)" absent "... and nothing written"

# --- a real terminal, through tmux
if command -v tmux >/dev/null 2>&1; then
    sock="$tmp/tmux.sock"
    t() { tmux -S "$sock" "$@"; }
    wait_for() { # wait_for TEXT: until the pane shows TEXT (10 s at most)
        i=0
        while [ $i -lt 100 ]; do
            t capture-pane -p -t cadre | grep -qF "$1" && return 0
            sleep 0.1
            i=$((i + 1))
        done
        return 1
    }
    t new-session -d -s cadre -x 100 -y 40 "'$CADRE_BIN' interview --ascii '$tmp/tty.json'; echo EXIT=\$?; sleep 30"
    wait_for "Your name, as the report should show it:"
    ok $? "tmux: the first question appears on a terminal"
    t send-keys -t cadre "Ana Ruiz" Enter
    wait_for "Which role are you aiming for?:"
    ok $? "... the next one after an answer"
    lacks "$(t capture-pane -p -t cadre)" "Which role are you aiming for?: 1" "... answers are not echoed twice on a terminal"
    t send-keys -t cadre "2" Enter "twenty" Enter
    wait_for "! a number from 0 to 70"
    ok $? "... a bad answer gets its reason on the terminal"
    t send-keys -t cadre "9" Enter "quit" Enter
    wait_for "EXIT=0"
    ok $? "... quit ends it with status 0"
    is "$(out=$(cat "$tmp/tty.json") json '$j->{name} . "|" . $j->{targets}{role} . "|" . $j->{experience}{total_years}')" \
       "Ana Ruiz|operations_manager|9" "... and the answers given are in the file"
    t kill-server 2>/dev/null
else
    ok 0 "# SKIP tmux is not installed (scripts/install-deps --test)"
fi

done_testing
