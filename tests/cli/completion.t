#!/bin/sh
# SPDX-License-Identifier: MIT
# Shell completion (`cadre completion bash|zsh`): the bash script's completion function called
# as bash calls it, then both shells driven for real in tmux, a Tab at a time, as a person
# would.
. "$(dirname "$0")/lib.sh"
bindir=$(cd "$(dirname "$CADRE_BIN")" && pwd)
# The scripts run the program by the name typed, "cadre": a folder with just that name on PATH.
mkdir -p "$tmp/bin" "$tmp/zsh"
ln -s "$CADRE_BIN" "$tmp/bin/cadre"
PATH=$tmp/bin:$PATH
export PATH

run completion bash
is "$rc" 0 "cadre completion bash"
printf '%s\n' "$out" >"$tmp/cadre.bash"
bash -n "$tmp/cadre.bash"
ok $? "the bash script parses"
run completion zsh
is "$rc" 0 "cadre completion zsh"
printf '%s\n' "$out" >"$tmp/zsh/_cadre"
if command -v zsh >/dev/null; then
    zsh -n "$tmp/zsh/_cadre"
    ok $? "the zsh script parses"
fi
run completion fish
is "$rc" 2 "another shell is a usage error"
contains "$err" "there are bash and zsh" "and the message names the two"

# comp LINE: what the bash function offers for LINE (cursor at the end), "|"-separated.
comp() {
    bash -c '. "$1"; COMP_LINE=$2; COMP_POINT=${#2}; _cadre
        [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s|" "${COMPREPLY[@]}"' \
        _ "$tmp/cadre.bash" "$1" 2>"$tmp/comp.err"
}
is "$(comp 'cadre ')" "--help|--version|assess|batch|list|validate|interview|import|compare|verify|audit|card|diff|vocab|schema|test|new|help|completion|" \
    "bash: the commands"
is "$(comp 'cadre va')" "validate|" "bash: a command from its start"
is "$(comp 'cadre assess --for')" "--format=|" "bash: a long option"
is "$(comp 'cadre assess --format ')" "text|json|jsonl|html|" "bash: --format's values for assess"
is "$(comp 'cadre list --format ')" "text|json|names|params|" "bash: and for list"
is "$(comp 'cadre assess --format=js')" "json|jsonl|" "bash: --format=VALUE"
is "$(comp 'cadre assess -a ')" "coo_readiness|industry_fit|role_fit|skills_gap|" \
    "bash: -a offers the loaded plugins"
is "$(comp 'cadre assess -a coo_readiness,sk')" "coo_readiness,skills_gap|" \
    "bash: -a completes the last name of a list"
is "$(comp 'cadre assess -P docs/examples/plugins -a edu')" "education_fit|" \
    "bash: -a knows the plugins of a -P folder given before it"
is "$(comp 'cadre assess --set skills_gap.r')" "skills_gap.role=|" "bash: --set offers parameters"
is "$(comp 'cadre assess --set industry_fit.industry=heal')" "healthcare|" \
    "bash: --set offers a choice parameter's values (after the '=' bash splits at)"
is "$(comp 'cadre vocab ')" "skill|industry|certification|tool|field|function|" \
    "bash: vocab offers the vocabularies"
is "$(comp 'cadre help v')" "validate|verify|vocab|" "bash: help offers commands"
is "$(comp 'cadre assess --isolate n')" "native|none|" "bash: --isolate's values"
is "$(comp 'cadre assess docs/examples/candidates/vp_')" "docs/examples/candidates/vp_operations.json|" \
    "bash: candidate files"
is "$(comp 'cadre assess --lua-time-limit ')" "" "bash: nothing to offer for a number"
is "$(comp 'cadre list ')" "" "bash: list takes no operands"
is "$(cat "$tmp/comp.err")" "" "bash: no errors on the way"

# A plugin whose parameter choices hold shell syntax: offered nowhere, run never.
mkdir -p "$tmp/evil"
cat >"$tmp/evil/evil.lua" <<'LUA'
return {
  name = "evil", version = "1.0.0", title = "Evil", description = "Shell syntax in a choice.",
  params = {mode = {type = "choice", choices = {"safe", "$(touch pwned)", "`touch pwned2`"},
                    default = "safe", description = "a trap"}},
  criteria = {{id = "a", label = "A", weight = 1, inputs = {"skills"},
               score = function(c) return 50, "half" end}},
  bands = {{min = 0, label = "any"}},
}
LUA
chmod 700 "$tmp/evil"
(cd "$tmp" && comp "cadre assess -P $tmp/evil --set evil.mode=" >"$tmp/evil.out")
is "$(cat "$tmp/evil.out")" "safe|" "bash: only plain words of a plugin are offered"
[ ! -e "$tmp/pwned" ] && [ ! -e "$tmp/pwned2" ]
ok $? "and nothing a plugin wrote was run"

# Both shells for real, in tmux: type, press Tab, read the screen.
if command -v tmux >/dev/null; then
    # A tmux server per shell, each on a socket of its own: reusing one after kill-server races
    # with its shutdown on a busy machine.
    trap 'for s in bash zsh; do tmux -L "cadre-test-$$-$s" kill-server 2>/dev/null; done
          rm -rf "$tmp"' EXIT
    # wait_for TEXT: waits up to 20 s (a loaded CI machine) for TEXT on the screen.
    wait_for() {
        i=0
        while [ $i -lt 200 ]; do
            screen=$(tmux -L "$sock" capture-pane -t t -p)
            case "$screen" in *"$1"*) return 0 ;; esac
            sleep 0.1
            i=$((i + 1))
        done
        return 1
    }
    # screen_after KEYS EXPECTED: sends KEYS then Tab, waits for EXPECTED.
    screen_after() {
        tmux -L "$sock" send-keys -t t C-u "$1" Tab
        wait_for "$2"
    }
    shells="bash"
    command -v zsh >/dev/null && shells="bash zsh"
    for sh in $shells; do
        sock="cadre-test-$$-$sh"
        if [ "$sh" = zsh ]; then
            start="env -i HOME=$tmp TERM=xterm PATH=$PATH zsh -f"
            setup="fpath=($tmp/zsh \$fpath); autoload -Uz compinit; compinit -u; PS1='> '"
        else
            start="env -i HOME=$tmp TERM=xterm PATH=$PATH bash --norc --noprofile"
            setup=". $tmp/cadre.bash; PS1='> '"
        fi
        tmux -L "$sock" new-session -d -s t -x 160 -y 30 "$start"
        tmux -L "$sock" send-keys -t t "cd $root; $setup; echo READY" Enter
        wait_for "
READY"
        st=$?
        ok $st "$sh in a terminal: starts and loads the completion"
        [ $st -eq 0 ] || diag "$screen"
        screen_after "cadre ass" "> cadre assess"
        st=$?
        ok $st "$sh in a terminal: 'cadre ass' Tab gives 'cadre assess '"
        [ $st -eq 0 ] || diag "$screen"
        screen_after "cadre assess --form" "> cadre assess --format="
        st=$?
        ok $st "$sh in a terminal: '--form' Tab gives '--format='"
        [ $st -eq 0 ] || diag "$screen"
        screen_after "cadre assess --set industry_fit.industry=logi" \
            "industry_fit.industry=logistics"
        st=$?
        ok $st "$sh in a terminal: a --set value"
        [ $st -eq 0 ] || diag "$screen"
        screen_after "cadre vocab indu" "> cadre vocab industry"
        st=$?
        ok $st "$sh in a terminal: a vocabulary name"
        [ $st -eq 0 ] || diag "$screen"
    done
fi
done_testing
