#!/usr/bin/env perl
# SPDX-License-Identifier: MIT
# Runs every example in docs/rubric-authoring.md, in order, in a scratch folder where `build`
# and `docs` point at the real ones:
#   ```lua file=PATH          written to PATH (later commands use it)
#   ```lua file=PATH refused  written to PATH; `cadre list` must refuse it
#   ```lua check              run in a rubric sandbox; every assert must hold
#   ```sh                     each "$ command" must succeed (unless it ends with "# fails")
# A block of any other kind fails the test: the page promises every example is run.
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Path qw(make_path);
use File::Temp qw(tempdir);

my $root = abs_path(dirname(__FILE__) . "/../..");
my $cadre = abs_path($ENV{CADRE_BIN} // "$root/build/cadre");
my $dir = tempdir("cadre-docs-XXXXXX", TMPDIR => 1, CLEANUP => 1);
chmod 0700, $dir;
mkdir "$dir/build";
symlink $cadre, "$dir/build/cadre" or die "symlink: $!";
symlink "$root/docs", "$dir/docs" or die "symlink: $!";
$ENV{XDG_DATA_HOME} = "$dir/xdg";
$ENV{NO_COLOR} = "1";
delete $ENV{CADRE_PLUGIN_PATH};

my ($n, $failed, $checks) = (0, 0, 0);
sub ok {
    my ($cond, $name, @diag) = @_;
    $n++;
    print(($cond ? "ok" : "not ok") . " $n - $name\n");
    unless ($cond) {
        $failed++;
        print map { "#   $_\n" } map { split /\n/ } @diag;
    }
}

sub write_file {
    my ($path, $text) = @_;
    make_path(dirname("$dir/$path"));
    open(my $f, '>', "$dir/$path") or die "$path: $!";
    print $f $text;
    close $f;
}

sub run {
    my ($cmd) = @_;
    my $out = `cd '$dir' && $cmd 2>&1`;
    return ($? >> 8, $out);
}

open(my $doc, '<', "$root/docs/rubric-authoring.md") or die $!;
my @lines = <$doc>;
my $i = 0;
while ($i < @lines) {
    if ($lines[$i] !~ /^```(.*)$/) { $i++; next; }
    my $info = $1;
    my $start = $i + 1;
    my $text = '';
    $i++;
    while ($i < @lines && $lines[$i] !~ /^```\s*$/) { $text .= $lines[$i++]; }
    $i++;
    if ($info =~ /^lua file=(\S+) refused$/) {
        my $path = $1;
        write_file($path, $text);
        my ($rc, $out) = run("build/cadre list -P " . dirname($path));
        my $file = (split m{/}, $path)[-1];
        ok($rc != 0 && $out =~ /Refused.*\Q$file\E/s, "line $start: $path is refused", $out);
    } elsif ($info =~ /^lua file=(\S+)$/) {
        write_file($1, $text);
    } elsif ($info eq 'lua check') {
        $checks++;
        my $name = "doc_check_$checks";
        write_file("checks/$name.lua",
            "local ok, err = pcall(function()\n$text\nend)\n"
            . "if not ok then error('example failed: ' .. tostring(err), 0) end\n"
            . "return {name = '$name', version = '1', bands = {{min = 0, label = 'x'}},\n"
            . " criteria = {{id = 'a', weight = 1, score = function() return 1, 'x' end}}}\n");
        my ($rc, $out) = run("build/cadre list -P checks");
        ok($rc == 0 && $out =~ /\b$name\b/, "line $start: the helper examples hold", $out);
    } elsif ($info eq 'sh') {
        for my $cmd (map { /^\$ (.*)$/ ? $1 : () } split /\n/, $text) {
            my $expect_fail = $cmd =~ s/\s*#\s*fails$//;
            my ($rc, $out) = run($cmd);
            ok($expect_fail ? $rc != 0 : $rc == 0, "line $start: \$ $cmd", "exit status $rc", $out);
        }
    } else {
        ok(0, "line $start: a ```$info block that no test runs");
    }
}
ok($n >= 8, "the page's examples were found ($n)");
print "1..$n\n";
exit($failed ? 1 : 0);
