#!/usr/bin/perl
# Packs the regular files of a snapshot directory, and of its ancestors, into one fuzz_snapshot
# input (see fuzz/fuzz_snapshot.c): the snapshot's files by their names, an ancestor's as
# "DIRECTORY-NAME/FILE", so the checkpoint_path entries (relative to the snapshot's parent)
# still find them.
#   pack_snapshot.pl SNAPSHOT_DIR [ANCESTOR_DIR...] > INPUT
use strict;
use warnings;
use File::Basename qw(basename);
my $dir = shift or die "usage: pack_snapshot.pl SNAPSHOT_DIR [ANCESTOR_DIR...]\n";
binmode STDOUT;
for my $d ([$dir, ''], map { [$_, basename($_) . '/'] } @ARGV) {
    my ($path, $prefix) = @$d;
    opendir(my $h, $path) or die "$path: $!\n";
    for my $name (sort grep { -f "$path/$_" } readdir $h) {
        open(my $f, '<:raw', "$path/$name") or die "$path/$name: $!\n";
        local $/;
        my $content = <$f> // '';
        my $record = $prefix . $name;
        die "$record: name too long\n" if length $record > 255;
        print pack('C', length $record), $record, pack('V', length $content), $content;
    }
}
