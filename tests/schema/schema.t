#!/usr/bin/perl
# SPDX-License-Identifier: MIT
# tests/schema/schema.t - the published JSON Schemas against a real validator (ajv, from the
# npm registry; scripts/install-deps installs it in tests/schema/node_modules):
#   1. every sample candidate is valid for docs/candidate.schema.json and for cadre validate;
#   2. on the edge cases of candidate_edges.txt, the schema and cadre validate agree (a warning
#      of cadre's counting as invalid, as --strict does), except where a difference is listed
#      in docs/candidate.md; and each listed difference has a case;
#   3. every sample's report, in each form (json, jsonl, batch lines, an input-error line, an
#      assessment that failed), is valid for docs/report.schema.json, also with every object
#      closed, so a member the schema does not document fails; and the schema rejects reports
#      that break it.
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Temp qw(tempdir);
use Encode ();
use JSON::PP;

my $root = abs_path(dirname(__FILE__) . '/../..');
chdir $root or die;
my $bin = abs_path($ENV{CADRE_BIN} // "$root/build/cadre");
my $tmp = tempdir(CLEANUP => 1);
my $json = JSON::PP->new->utf8->canonical;
$ENV{NO_COLOR} = '';
$ENV{XDG_DATA_HOME} = "$tmp/xdg";
delete $ENV{CADRE_PLUGIN_PATH};

my ($n, $failed) = (0, 0);
sub ok {
    my ($cond, $name) = @_;
    $n++;
    print(($cond ? "ok" : "not ok") . " $n - $name\n");
    $failed++ unless $cond;
    return $cond;
}
sub diag { print map { "# $_\n" } split /\n/, join('', @_) }
sub is { my ($got, $want, $name) = @_; ok($got eq $want, $name) or diag("got: $got\nexpected: $want") }

if (!-d "$root/tests/schema/node_modules/ajv" || system('node --version >/dev/null 2>&1') != 0) {
    ok(0, "node and ajv are installed (scripts/install-deps installs them)");
    print "1..$n\n";
    exit 1;
}

# validate(SCHEMA, CLOSED, [NAME, TEXT]...) -> {NAME => [verdict, error]}
sub validate {
    my ($schema, $closed, @cases) = @_;
    open my $in, '>:raw', "$tmp/cases" or die;
    while (my ($name, $text) = splice(@cases, 0, 2)) {
        $text =~ s/[\r\n]+/ /g;
        print $in "$name\t$text\n";
    }
    close $in;
    my $flag = $closed ? '--closed' : '';
    my $out = `node tests/schema/validate.js $schema $flag < $tmp/cases 2>&1`;
    die "validate.js: $out" if $?;
    my %r;
    for (split /\n/, $out) {
        my ($name, $verdict, $error) = split /\t/, $_, 3;
        $r{$name} = [$verdict, $error // ''];
    }
    return \%r;
}

sub slurp { local $/; open my $f, '<:raw', $_[0] or die "$_[0]: $!"; return <$f> }
sub cadre { my $cmd = join ' ', map { "'$_'" } @_; my $out = `'$bin' $cmd 2>$tmp/err`; return ($out, $? >> 8) }

# ---- 1. the sample candidates ----
my @samples = sort glob('docs/examples/candidates/*.json');
ok(@samples >= 8, scalar(@samples) . " sample candidates");
my $r = validate('docs/candidate.schema.json', 0, map { ($_, slurp($_)) } @samples);
for my $s (@samples) {
    is($r->{$s}[0], 'valid', "schema: $s") or diag($r->{$s}[1]);
    my (undef, $rc) = cadre('validate', '--strict', '-q', $s);
    is($rc, 0, "cadre validate --strict: $s");
}

# ---- 2. the edge cases ----
my $doc = slurp('docs/candidate.md');
my ($section) = $doc =~ /\n## The schema and cadre validate\n(.*?)(?:\n## |\z)/s;
ok(defined $section, "docs/candidate.md has a section 'The schema and cadre validate'");
$section //= '';
my (@edges, %seen_difference);
open my $f, '<:encoding(UTF-8)', 'tests/schema/candidate_edges.txt' or die;
while (<$f>) {
    next if /^#/ || /^\s*$/;
    chomp;
    my ($name, $cadre, $schema, $rest) = /^(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/ or die "bad line: $_";
    my ($difference, $text) = $rest =~ /^(-|[^{\[]*?)\s+([{\[].*)$/ or die "bad line: $_";
    $text =~ s/\{\{(\d+)\*(.*?)\}\}/$2 x $1/ge;
    push @edges, [$name, $cadre, $schema, $difference, $text];
}
close $f;
my $by_ajv = validate('docs/candidate.schema.json', 0,
                      map { ($_->[0], Encode::encode('UTF-8', $_->[4])) } @edges);
for my $e (@edges) {
    my ($name, $want_cadre, $want_schema, $difference, $text) = @$e;
    open my $c, '>:encoding(UTF-8)', "$tmp/$name.json" or die;
    print $c $text;
    close $c;
    my ($out, $rc) = cadre('validate', '-f', 'json', "$tmp/$name.json");
    my $v = eval { JSON::PP->new->utf8->decode($out)->[0] };
    my $got = !$v ? 'unreadable'
            : !$v->{valid} ? 'invalid'
            : (grep { $_->{severity} eq 'warning' } @{$v->{diagnostics}}) ? 'warning' : 'valid';
    is($got, $want_cadre, "$name: cadre validate says $want_cadre");
    is($by_ajv->{$name}[0] // 'missing', $want_schema, "$name: the schema says $want_schema")
        or diag($by_ajv->{$name}[1] // '');
    my (undef, $strict_rc) = cadre('validate', '--strict', '-q', "$tmp/$name.json");
    is($strict_rc, $want_cadre eq 'valid' ? 0 : 3,
       "$name: cadre validate --strict says " . ($want_cadre eq 'valid' ? 'valid' : 'invalid'));
    my $agree = ($want_cadre eq 'valid') eq ($want_schema eq 'valid');
    if ($difference eq '-') {
        ok($agree, "$name: the schema and cadre validate --strict agree");
    } else {
        $seen_difference{$difference} = 1;
        ok(!$agree && index($section, "**$difference**") >= 0,
           "$name: a documented difference ($difference)");
    }
}
# Every difference the documentation lists is shown by a case.
for my $d ($section =~ /^- \*\*(.+?)\*\*/mg) {
    ok($seen_difference{$d}, "the difference '$d' has an edge case");
}

# ---- 3. reports ----
my @reports;
for my $s (@samples) {
    my ($out, $rc) = cadre('assess', '--format', 'json', $s);
    push @reports, ["json $s", $out];
    ($out) = cadre('assess', '--format', 'jsonl', $s);
    push @reports, ["jsonl $s", $out];
}
{
    open my $b, '>:raw', "$tmp/batch.jsonl" or die;
    for my $s (@samples) { my $t = slurp($s); $t =~ s/\n/ /g; print $b "$t\n" }
    print $b "{\"skills\": {\"leadership\": 9}}\nnot json\n";
    close $b;
    my ($out) = cadre('batch', "$tmp/batch.jsonl");
    my $i = 0;
    push @reports, map { ["batch line " . ++$i, $_] } split /\n/, $out;
    ok($i == @samples + 2, "batch: a line per input line, the two bad ones included");
    for my $level ('summary', 'scores') {
        my ($short) = cadre('batch', '-j', '2', '--detail', $level, "$tmp/batch.jsonl");
        my $k = 0;
        push @reports, map { ["batch --detail $level line " . ++$k, $_] } split /\n/, $short;
        ok($k == @samples + 2, "batch --detail $level: a line per input line");
    }
    # An assessment that fails: an error result instead of a score.
    mkdir "$tmp/failing", 0700 or die;
    open my $r, '>', "$tmp/failing/failing.lua" or die;
    print $r <<'LUA';
return {
  name = "failing", version = "1.0.0", title = "Failing", description = "Fails on a real person.",
  criteria = {{id = "a", label = "A", weight = 1, inputs = {"name"},
               score = function(c)
                 if c.name == "Dana Whitfield" then error("no score for Dana") end
                 return 50, "half"
               end}},
  bands = {{min = 0, label = "any"}},
}
LUA
    close $r;
    ($out) = cadre('assess', '--format', 'json', '-P', "$tmp/failing", '-a', 'failing',
                   'docs/examples/candidates/vp_operations.json');
    like_error($out);
    push @reports, ["an error result", $out];
}
sub like_error {
    my $d = eval { $json->decode($_[0]) };
    ok($d && $d->{reports}[0]{assessments}[0]{status} eq 'error',
       "a failing rubric gives a report with an error result");
}
for my $closed (0, 1) {
    my $v = validate('docs/report.schema.json', $closed, map { @$_ } @reports);
    my @bad = grep { $v->{$_->[0]}[0] ne 'valid' } @reports;
    ok(!@bad, scalar(@reports) . " reports valid for docs/report.schema.json"
              . ($closed ? ", every object closed" : ""))
        or diag(map { "$_->[0]: $v->{$_->[0]}[0] $v->{$_->[0]}[1]\n" } @bad[0 .. ($#bad < 4 ? $#bad : 4)]);
}
# The schema has teeth: reports broken on purpose are refused.
{
    my $good = $json->decode($reports[0][1]);
    my %broken;
    my $c = $json->decode($reports[0][1]); $c->{reports}[0]{assessments}[0]{score} = 101;
    $broken{'a score over 100'} = $c;
    $c = $json->decode($reports[0][1]); delete $c->{reports}[0]{assessments}[0]{band};
    $broken{'an ok result without a band'} = $c;
    $c = $json->decode($reports[0][1]); $c->{reports}[0]{assessments}[0]{criteria}[0]{evidence} = '';
    $broken{'a criterion without evidence'} = $c;
    $c = $json->decode($reports[0][1]); $c->{format_version} = 2;
    $broken{'another format version'} = $c;
    $c = $json->decode($reports[0][1]); $c->{reports}[0]{assessments}[0]{status} = 'error';
    $broken{'an error result without its error'} = $c;
    my $v = validate('docs/report.schema.json', 0, map { ($_, $json->encode($broken{$_})) } sort keys %broken);
    is($v->{$_}[0], 'invalid', "report.schema.json refuses $_") for sort keys %broken;
    $c = $json->decode($reports[0][1]); $c->{reports}[0]{new_member} = 1;
    $v = validate('docs/report.schema.json', 0, 'open', $json->encode($c));
    is($v->{open}[0], 'valid', "a member added later is accepted (the format only grows)");
    $v = validate('docs/report.schema.json', 1, 'closed', $json->encode($c));
    is($v->{closed}[0], 'invalid', "and refused when objects are closed, as this test checks cadre's own");
}
print "1..$n\n";
exit($failed ? 1 : 0);
