#!/usr/bin/perl
# protos.pl hdr FILE | man FILE: print "name<TAB>prototype" for every ptc_
# function declared in a C header, or listed with .Ft/.Fn in an mdoc page,
# white space normalised, so tests/common.bats can check that ptcore.3
# shows the prototypes of lib/ptcore.h.
use strict; use warnings;
my ($mode, $file) = @ARGV;
local $/; open(my $fh, '<', $file) or die "$file: $!"; my $s = <$fh>;
sub norm { my $x = shift; $x =~ s/\s+/ /g; $x =~ s/\s*([(),*\[\]])\s*/$1/g; $x =~ s/^ | $//g; return $x; }
if ($mode eq 'hdr') {
	$s =~ s{/\*.*?\*/}{}gs; $s =~ s{^\s*#.*$}{}mg; $s =~ s{extern\s+"C"\s*\{}{}g;
	$s =~ s{__attribute__\s*\(\((?:[^()]|\([^()]*\))*\)\)}{}g;
	for my $st (split /;/, $s) {
		next unless $st =~ /^\s*(?:extern\s+)?([A-Za-z_][\w\s\*]*?)\b(ptc_\w+)\s*\((.*)\)\s*$/s;
		my ($ret, $name, $args) = ($1, $2, $3);
		$ret =~ s/.*[{}]//s;
		print "$name\t", norm("$ret $name($args)"), "\n";
	}
} else {
	my $ft = '';
	for my $l (split /\n/, $s) {
		if ($l =~ /^\.Ft\s+"?(.*?)"?\s*$/) { $ft = $1; next; }
		if ($l =~ /^\.Fn\s+(ptc_\w+)\s*(.*)$/ && $ft ne '') {
			my ($name, $rest) = ($1, $2); my @a;
			while ($rest =~ /"([^"]*)"|(\S+)/g) { push @a, defined $1 ? $1 : $2; }
			print "$name\t", norm("$ft $name(" . join(', ', @a) . ")"), "\n";
		}
		$ft = '' unless $l =~ /^\.Fn/;
	}
}
