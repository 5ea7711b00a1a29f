#!/usr/bin/perl
# Packs the regular files of a snapshot directory into one fuzz_snapshot input (see
# fuzz/fuzz_snapshot.c): pack_snapshot.pl SNAPSHOT_DIR > INPUT
use strict;
use warnings;
my $dir = shift or die "usage: pack_snapshot.pl SNAPSHOT_DIR\n";
opendir(my $d, $dir) or die "$dir: $!\n";
binmode STDOUT;
for my $name (sort grep { -f "$dir/$_" } readdir $d) {
    open(my $f, '<:raw', "$dir/$name") or die "$dir/$name: $!\n";
    local $/;
    my $content = <$f> // '';
    print pack('C', length $name), $name, pack('V', length $content), $content;
}
