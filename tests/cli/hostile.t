#!/usr/bin/perl
# SPDX-License-Identifier: MIT
# tests/cli/hostile.t - the hostile corpus (tests/hostile): every case, in every isolation mode
# it declares, must be contained. For each run:
#   1. it ends within its bound;
#   2. stdout is JSON in strict UTF-8 (and, for cases marked "check: text", the text report is
#      valid UTF-8 without control, C1 or invisible formatting characters); stderr has none of
#      those either;
#   3. the hostile plugin is refused, or has an error result, naming its file, with the expected
#      message (or, for "expect: ok", a good result);
#   4. the built-in assessments' results are byte-identical to a clean run's;
#   5. nothing on disk changes (the home, working and plugin folders, and a canary folder the
#      plugins are told about), and no secret placed in the home folder reaches the output;
#   6. no process of the run is left behind (each run gets a session of its own).
# A case's header says what to expect: "class", "expect" (refused, error, ok), "message",
# "modes" (default: untrusted all for native cases, untrusted all none for Lua), "setup" (links,
# FIFOs and big files to make beside it), "check" (text, batch, no-secret), "name" (the plugin
# name when it is not hostile_<file>), "evidence" (the exact evidence of an ok result).
use strict;
use warnings;
use Cwd qw(abs_path getcwd);
use Encode qw(decode FB_CROAK);
use File::Basename qw(basename dirname);
use File::Copy qw(copy);
use File::Find qw(find);
use File::Path qw(make_path remove_tree);
use File::Temp qw(tempdir);
use JSON::PP;
use POSIX qw(:sys_wait_h mkfifo setsid _exit);
use Time::HiRes qw(time sleep);

my $root = abs_path(dirname(__FILE__) . '/../..');
chdir $root or die;
my $bin = abs_path($ENV{CADRE_BIN} // "$root/build/cadre");
my $build = abs_path($ENV{CADRE_BUILD} // dirname($bin));
my $native_dir = "$build/tests/hostile/native";
my $lua_dir = "$root/tests/hostile/lua";
my $json = JSON::PP->new->utf8->canonical;
my $BOUND = 15;       # seconds a run may take: the largest documented deadline plus margins
my $LUA_MS = 500;     # --lua-time-limit for the runs
my $NATIVE_MS = 1500; # --native-time-limit
my $SECRET = 'cadre-hostile-secret-4f1d';

binmode STDOUT, ':encoding(UTF-8)';
my ($n, $failed) = (0, 0);
sub ok {
    my ($cond, $name) = @_;
    $n++;
    print(($cond ? "ok" : "not ok") . " $n - $name\n");
    $failed++ unless $cond;
    return $cond;
}
sub diag { print map { "# $_\n" } split /\n/, join('', @_) }

# ---- cases ----

sub header {
    my ($file) = @_;
    open my $f, '<:encoding(UTF-8)', $file or die "$file: $!";
    my %h;
    while (my $line = <$f>) {
        last if $h{_done};
        if ($line =~ m{^\s*(?:--|/?\*|//)\s*(class|expect|message|modes|setup|check|name|evidence):\s*(.*?)\s*$}) {
            $h{$1} = defined $h{$1} ? "$h{$1}\n$2" : $2;
        } elsif ($line !~ m{^\s*(?:--|/?\*|//)}) {
            last;
        }
    }
    return \%h;
}

my @cases;
for my $f (sort glob "$lua_dir/*.lua") {
    my $h = header($f);
    my $name = basename($f, '.lua');
    push @cases, {%$h, file => $f, case => $name, kind => 'lua',
                  plugin => $h->{name} // "hostile_$name", modes => $h->{modes} // 'untrusted all none'};
}
for my $f (sort glob "$root/tests/hostile/native/*.c") {
    my $h = header($f);
    my $name = basename($f, '.c');
    push @cases, {%$h, file => "$native_dir/$name/$name.so", case => $name, kind => 'native',
                  plugin => $h->{name} // "hostile_$name", modes => $h->{modes} // 'untrusted all'};
}

# ---- one run, watched ----

# Runs cadre with ARGS in a session of its own, under a deadline. Returns a hash with out,
# err, status, seconds and leftover (processes of the session still alive after it ended).
sub run_cadre {
    my ($dir, $args, %opt) = @_;
    my ($out, $err) = ("$dir/stdout", "$dir/stderr");
    my $t0 = time;
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        setsid();
        chdir "$dir/work" or _exit(120);
        open STDIN, '<', $opt{stdin} // '/dev/null' or _exit(121);
        open STDOUT, '>', $out or _exit(122);
        open STDERR, '>', $err or _exit(123);
        $ENV{HOME} = "$dir/home";
        $ENV{XDG_DATA_HOME} = "$dir/home/.local/share";
        # The engine's own cache of rubrics that passed their trial runs, outside the watched
        # folders; check_case makes sure nothing else appears in it.
        $ENV{XDG_CACHE_HOME} = "$dir/cache";
        $ENV{CADRE_HOSTILE_CANARY} = "$dir/canary";
        $ENV{CADRE_HOSTILE_API_KEY} = $SECRET; # a secret in the environment of the program
        $ENV{NO_COLOR} = '1';
        delete $ENV{CADRE_PLUGIN_PATH};
        exec $bin, @$args or _exit(124);
    }
    my $status;
    while (1) {
        my $got = waitpid($pid, WNOHANG);
        if ($got == $pid) { $status = $?; last }
        if (time - $t0 > $BOUND + 30) { kill 'KILL', -$pid; waitpid($pid, 0); $status = -1; last }
        sleep 0.01;
    }
    my $secs = time - $t0;
    # Whatever is left of the session: workers must die with the engine (or be reaped by it).
    my @left;
    for my $try (1 .. 50) {
        @left = ();
        for my $stat (glob '/proc/[0-9]*/stat') {
            open my $s, '<', $stat or next;
            my $line = <$s> // next;
            $line =~ /\)\s+\S+\s+\d+\s+\d+\s+(\d+)/ or next;
            push @left, $stat if $1 == $pid;
        }
        last unless @left;
        sleep 0.1; # a worker killed by the death signal may take a moment to go
    }
    kill 'KILL', -$pid if @left;
    local $/;
    open my $o, '<', $out; my $o_text = <$o> // '';
    open my $e, '<', $err; my $e_text = <$e> // '';
    return {out => $o_text, err => $e_text, status => $status, seconds => $secs,
            leftover => scalar @left};
}

# ---- what the disk looks like ----

sub snapshot {
    my @dirs = @_;
    my %seen;
    for my $d (@dirs) {
        next unless -e $d;
        find({no_chdir => 1, wanted => sub {
            my @st = lstat($_);
            $seen{$_} = join ',', $st[2], $st[7], $st[9];
        }}, $d);
    }
    return join "\n", map { "$_ $seen{$_}" } sort keys %seen;
}

# ---- checks on output ----

# Does `text` say the expected message? "a|b" accepts either (a slow runtime, such as a
# sanitizer build, can meet a deadline before the limit the case is about).
sub says {
    my ($text, $msg) = @_;
    return 1 unless defined $msg && length $msg;
    for my $m (split /\|/, $msg) { return 1 if index($text, $m) >= 0 }
    return 0;
}

sub strict_utf8 { my ($bytes) = @_; return eval { decode('UTF-8', $bytes, FB_CROAK); 1 } }

# Characters that must never reach a terminal raw.
my $BAD = qr/[\x00-\x08\x0b-\x1f\x7f\x{80}-\x{9f}\x{200b}-\x{200f}\x{2028}-\x{202e}\x{2060}-\x{2069}\x{feff}\x{061c}]/;

sub clean_text {
    my ($bytes) = @_;
    my $text = eval { decode('UTF-8', $bytes, FB_CROAK) };
    return (0, 'not UTF-8') unless defined $text;
    return (0, sprintf('raw U+%04X', ord $1)) if $text =~ /($BAD)/;
    return (1, '');
}

# ---- setting a case up ----

sub setup_case {
    my ($c, $dir) = @_;
    make_path("$dir/home", "$dir/work", "$dir/canary", "$dir/plugins/$c->{case}");
    my $pdir = "$dir/plugins/$c->{case}";
    chmod 0700, $dir;
    open my $s, '>', "$dir/home/secret.txt" or die; print $s "$SECRET\n"; close $s;
    open my $k, '>', "$dir/home/keep.txt" or die; print $k "keep\n"; close $k;
    copy($c->{file}, $pdir) or die "copy $c->{file}: $!";
    chmod 0755, "$pdir/" . basename($c->{file}) if $c->{kind} eq 'native';
    for my $line (split /\n/, $c->{setup} // '') {
        my ($what, $path, @rest) = split ' ', $line;
        my $target = "$pdir/$path";
        make_path(dirname($target));
        if ($what eq 'link') { symlink $rest[0], $target or die "symlink: $!" }
        elsif ($what eq 'dirlink') { remove_tree($target); symlink $rest[0], $target or die }
        elsif ($what eq 'fifo') { mkfifo($target, 0644) or die "mkfifo: $!" }
        elsif ($what eq 'big') {
            open my $b, '>', $target or die; print $b '{"x": "', 'b' x (5 << 20), '"}'; close $b;
        } elsif ($what eq 'file') {
            open my $f, '>', $target or die; print $f join(' ', @rest), "\n"; close $f;
        } else { die "unknown setup $what" }
    }
    return $pdir;
}

# The candidates: the sample VP of operations, renamed so that cases misbehaving only for
# "Hostile Target" do so; and a second, ordinary one for the batch checks.
my $target_json = do {
    local $/;
    open my $f, '<', "$root/docs/examples/candidates/vp_operations.json" or die;
    my $j = $json->decode(<$f>);
    $j->{name} = 'Hostile Target';
    $json->encode($j);
};
my $other_json = do {
    local $/;
    open my $f, '<', "$root/docs/examples/candidates/logistics_director.json" or die;
    $json->encode($json->decode(<$f>));
};

sub write_candidates {
    my ($dir) = @_;
    open my $f, '>', "$dir/work/target.json" or die; print $f $target_json; close $f;
    open my $b, '>', "$dir/work/batch.jsonl" or die; print $b "$other_json\n$target_json\n$other_json\n"; close $b;
}

sub common_args {
    my ($mode) = @_;
    # Output is not a terminal, so text reports are not coloured.
    return ('--lua-time-limit', $LUA_MS, '--native-time-limit', $NATIVE_MS, '--isolate', $mode);
}

# The clean reports, per mode: the built-ins alone.
my %clean;
sub clean_run {
    my ($mode, $format) = @_;
    return $clean{"$mode $format"} //= do {
        my $dir = tempdir('cadre-hostile-XXXXXX', TMPDIR => 1, CLEANUP => 1);
        make_path("$dir/home", "$dir/work", "$dir/canary");
        write_candidates($dir);
        my @args = $format eq 'batch' ? ('batch', common_args($mode), 'batch.jsonl')
                                       : ('assess', common_args($mode), '--format', $format,
                                          'target.json');
        my $r = run_cadre($dir, \@args);
        die "clean run failed: $r->{err}" unless ($r->{status} >> 8) == 0;
        $r;
    };
}

sub builtins_of {
    my ($report) = @_;
    return { map { $_->{name} => $json->encode($_) } grep { $_->{name} =~ /^(coo_readiness|industry_fit|role_fit|skills_gap)$/ } @{$report->{assessments}} };
}

# ---- the checks of one case in one mode ----

sub check_case {
    my ($c, $mode) = @_;
    my $label = "$c->{kind} $c->{case} [$mode]";
    my $dir = tempdir('cadre-hostile-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    my $pdir = setup_case($c, $dir);
    write_candidates($dir);
    my $file = basename($c->{file});
    my @watched = ("$dir/home", "$dir/work", "$dir/canary", "$dir/plugins");
    my $before = snapshot(@watched);
    my $batch = ($c->{check} // '') =~ /batch/;
    my @args = $batch ? ('batch', common_args($mode), '-P', $pdir, 'batch.jsonl')
                      : ('assess', common_args($mode), '-P', $pdir, '--format', 'json', 'target.json');
    my $r = run_cadre($dir, \@args);
    my $exit = $r->{status} < 0 ? -1 : $r->{status} & 127 ? 128 + ($r->{status} & 127) : $r->{status} >> 8;
    my @problems;

    push @problems, sprintf('took %.1f s, over the %d s bound', $r->{seconds}, $BOUND)
        if $r->{seconds} > $BOUND;
    push @problems, "exit status $exit (a crash or an internal error)" unless $exit == 0 || $exit == 1;
    push @problems, "$r->{leftover} process(es) of the run left behind" if $r->{leftover};
    my ($err_ok, $why) = clean_text($r->{err});
    push @problems, "stderr: $why" unless $err_ok;
    push @problems, 'stderr larger than the output caps allow (' . length($r->{err}) . ' bytes)'
        if length($r->{err}) > (1 << 20) + (64 << 10);
    push @problems, 'a secret from the home folder reached the output'
        if index($r->{out} . $r->{err}, $SECRET) >= 0 || index($r->{out}, 'root:x:0:0') >= 0;
    my $after = snapshot(@watched);
    for my $f (split /\n/, snapshot("$dir/cache")) {
        my ($path, $st) = split / /, $f;
        next if -d $path;
        push @problems, "the cache holds something that is not a vetting mark: $path"
            unless $path =~ m{/cadre/vetted/[0-9a-f]{64}$} && (split /,/, $st)[1] == 0;
    }
    push @problems, "the disk changed:\n" . join("\n", grep { index("\n$before\n", "\n$_\n") < 0 } split /\n/, $after)
        if $after ne $before;

    # The reports: JSON in strict UTF-8, one per candidate.
    my @reports;
    if (!strict_utf8($r->{out})) {
        push @problems, 'stdout is not valid UTF-8';
    } elsif ($batch) {
        for my $line (split /\n/, $r->{out}) {
            my $j = eval { $json->decode($line) };
            push @problems, "a batch line is not JSON: $@" unless $j;
            push @reports, $j if $j;
        }
        push @problems, 'batch wrote ' . scalar(@reports) . ' reports for 3 candidates' unless @reports == 3;
    } else {
        my $j = eval { $json->decode($r->{out}) };
        if (!$j) { push @problems, "stdout is not one JSON document: $@" }
        else { @reports = @{$j->{reports}} }
    }

    # The hostile plugin: refused (no result, a refusal naming its file), an error or ok.
    my $expect = $c->{expect} // 'ok';
    my $msg = $c->{message};
    my ($mine) = map { (grep { $_->{name} eq $c->{plugin} && ($_->{source} // '') eq $file } @{$_->{assessments}}) } ($reports[1] // $reports[0] // {assessments => []});
    if ($expect eq 'refused') {
        push @problems, 'it ran although it should have been refused' if $mine;
        my $named = index($r->{err}, $file) >= 0;
        push @problems, "no refusal naming $file on stderr" unless $named;
        push @problems, "the refusal does not say \"$msg\"" unless says(decode('UTF-8', $r->{err}), $msg);
    } elsif ($expect eq 'error') {
        if (!$mine) { push @problems, 'no result for it' }
        else {
            push @problems, "its status is $mine->{status}, not error" unless $mine->{status} eq 'error';
            push @problems, "the error does not say \"$msg\" (it says: $mine->{error}{message})"
                unless says($mine->{error}{message} // '', $msg);
            push @problems, 'the error does not name its file'
                unless index($mine->{error}{file} // '', $file) >= 0;
        }
    } else {
        if (!$mine) { push @problems, "no result for it; stderr: " . substr($r->{err}, 0, 300) }
        else {
            push @problems, "its status is $mine->{status}: " . ($mine->{error}{message} // '') unless $mine->{status} eq 'ok';
            push @problems, "its evidence is \"$mine->{criteria}[0]{evidence}\", not \"$c->{evidence}\""
                if $c->{evidence} && $mine->{status} eq 'ok' && $mine->{criteria}[0]{evidence} ne $c->{evidence};
            push @problems, 'a write, process, signal or socket went through: ' . $mine->{criteria}[0]{evidence}
                if $mine->{status} eq 'ok' && $mine->{criteria}[0]{evidence} =~ /^[1-9]\d* (writes|processes|signals|sockets)/;
            push @problems, 'a secret was read: ' . $mine->{criteria}[0]{evidence}
                if $mine->{status} eq 'ok' && $mine->{criteria}[0]{evidence} =~ /(secret|passwd)=\[[^\]]/;
            push @problems, 'a kept builder was used' if $mine->{status} eq 'ok' && $mine->{criteria}[0]{evidence} =~ /was used/;
        }
    }

    # Everyone else: byte-identical to the clean run (every candidate, in batch).
    my $clean = clean_run($mode, $batch ? 'batch' : 'json');
    my @clean_reports = $batch ? map { $json->decode($_) } split /\n/, $clean->{out}
                               : @{$json->decode($clean->{out})->{reports}};
    for my $i (0 .. $#clean_reports) {
        my ($want, $got) = (builtins_of($clean_reports[$i]), builtins_of($reports[$i] // {assessments => []}));
        for my $name (sort keys %$want) {
            push @problems, "candidate " . ($i + 1) . ": the built-in $name differs from a clean run"
                unless ($got->{$name} // '') eq $want->{$name};
        }
    }
    # In batch, the candidate after the one that misbehaved gets what it gets alone.
    if ($batch && @reports == 3) {
        my ($first, $third) = map { my ($a) = grep { $_->{name} eq $c->{plugin} } @{$_->{assessments}}; $a ? $json->encode($a) : '' } @reports[0, 2];
        push @problems, 'the same candidate got a different result after another one' if $first ne $third;
    }

    # Text: what a person's terminal gets.
    if (($c->{check} // '') =~ /text/) {
        my $t = run_cadre($dir, ['assess', common_args($mode), '-P', $pdir, 'target.json']);
        my ($text_ok, $twhy) = clean_text($t->{out});
        push @problems, "text report: $twhy" unless $text_ok;
        push @problems, 'text report: a line starts with forged text' if $t->{out} =~ /^FORGED/m;
    }
    ok(!@problems, $label) or diag(join "\n", @problems);
}

# ---- run everything ----

# HOSTILE_ONLY=case[,case] runs those cases only; HOSTILE_MODES="..." overrides their modes
# (to see a check fail, e.g. a native case in mode none).
my %only = map { $_ => 1 } split /,/, $ENV{HOSTILE_ONLY} // '';
for my $c (@cases) {
    next if %only && !$only{$c->{case}};
    $c->{modes} = $ENV{HOSTILE_MODES} if $ENV{HOSTILE_MODES};
    if (!-e $c->{file}) {
        ok(0, "$c->{kind} $c->{case}: built") or diag("missing $c->{file}");
        next;
    }
    check_case($c, $_) for split ' ', $c->{modes};
}

if (%only) {
    print "1..$n\n";
    exit($failed ? 1 : 0);
}

# Impostors may be let in on purpose.
{
    my ($c) = grep { $_->{case} eq 'impostor' && $_->{kind} eq 'lua' } @cases;
    my $dir = tempdir('cadre-hostile-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    my $pdir = setup_case($c, $dir);
    write_candidates($dir);
    my $r = run_cadre($dir, ['assess', common_args('untrusted'), '--allow-override', '-P', $pdir,
                             '--format', 'json', 'target.json']);
    my $j = eval { $json->decode($r->{out}) } // {reports => [{assessments => []}]};
    my ($sg) = grep { $_->{name} eq 'skills_gap' } @{$j->{reports}[0]{assessments}};
    ok($sg && $sg->{version} eq '9.9' && $sg->{source} eq 'impostor.lua',
       'with --allow-override the impostor replaces the built-in') or diag($r->{err});
    ok(index($r->{err}, 'replaces the built-in plugin') >= 0, '... and says so on stderr');
}

# Closed standard streams, with a hostile plugin loaded in a worker.
{
    my ($c) = grep { $_->{case} eq 'assess_stdout' } @cases;
    my $dir = tempdir('cadre-hostile-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    my $pdir = setup_case($c, $dir);
    write_candidates($dir);
    my $sh = sub { my ($redir, @args) = @_;
        my $cmd = join ' ', map { "'$_'" } $bin, @args;
        my $t0 = time;
        my $out = `cd '$dir/work' && HOME='$dir/home' timeout 20 sh -c "$cmd $redir" 2>&1`;
        return ($? >> 8, $out, time - $t0);
    };
    my ($rc, $out, $secs) = $sh->('<&-', 'batch', '-P', $pdir);
    ok(!!($rc == 3 && $out =~ /standard input is closed/ && $secs < 10),
       'batch with standard input closed: says so and ends (exit 3)') or diag("$rc $out");
    ($rc, $out) = $sh->('>&-', 'assess', '-P', $pdir, 'target.json');
    ok(!!($rc == 5 && $out =~ /standard output is closed/),
       'assess with standard output closed: says the report was not written (exit 5)') or diag("$rc $out");
    ($rc, $out) = $sh->('2>&-', 'assess', '-P', $pdir, '--format', 'json', 'target.json');
    ok(!!($rc == 0 && eval { $json->decode($out) }), 'assess with standard error closed: the report as usual')
        or diag("$rc " . substr($out, 0, 300));
}

# Candidate text that would act on a terminal: escaped in the text report; raw control
# characters in the JSON itself are refused with their position.
{
    my $dir = tempdir('cadre-hostile-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    make_path("$dir/home", "$dir/work", "$dir/canary");
    my $j = $json->decode($target_json);
    $j->{name} = "Dana \e]0;pwned\a\x{202e}Whitfield";
    $j->{achievements}[0]{description} = "cut costs \e[2J\x{9b}31m";
    open my $f, '>', "$dir/work/escapes.json" or die; print $f $json->encode($j); close $f;
    my $r = run_cadre($dir, ['assess', '--color', 'never', 'escapes.json']);
    my ($text_ok, $why) = clean_text($r->{out});
    ok(($r->{status} >> 8) == 0 && $text_ok, 'a candidate name full of escapes is shown escaped')
        or diag($why, $r->{err});
    open $f, '>', "$dir/work/raw.json" or die; print $f qq({"name": "A\e]0;x\aB"}); close $f;
    $r = run_cadre($dir, ['validate', 'raw.json']);
    ok(!!(($r->{status} >> 8) == 3 && $r->{out} =~ /line 1, column 12: raw control character U\+001B/),
       'raw control characters in candidate JSON are refused with their position') or diag($r->{out});
    # A plugin file name that would act on a terminal is refused, shown escaped.
    make_path("$dir/plugins/evil");
    copy("$lua_dir/print_lines.lua", "$dir/plugins/evil/evil\e]0;pwned\a.lua") or die;
    $r = run_cadre($dir, ['list', '-P', "$dir/plugins/evil"]);
    my ($list_ok) = clean_text($r->{out} . $r->{err});
    ok(!!(($r->{status} >> 8) == 1 && $list_ok && $r->{out} =~ /the file name contains a control/),
       'a plugin file name with control characters is refused and shown escaped') or diag($r->{out});
}

print "1..$n\n";
exit($failed ? 1 : 0);
