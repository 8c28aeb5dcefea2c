# fish completion for ptpeek.

function __ptpeek_maps
	set -l tok (commandline -opc)
	set -l pid
	for t in $tok[2..-1]
		if string match -qr '^[0-9]+$' -- $t
			set pid $t
			break
		end
	end
	test -n "$pid"; and test -r /proc/$pid/maps; or return
	awk 'NF >= 6 { n = $6; sub(".*/", "", n); print n }' /proc/$pid/maps | sort -u
end

function __ptpeek_pids
	for d in /proc/[0-9]*
		set -l p (string replace /proc/ '' -- $d)
		printf '%s\t%s\n' $p (cat $d/comm 2>/dev/null)
	end
end

complete -c ptpeek -f
complete -c ptpeek -s h -l help -d 'show usage and options'
complete -c ptpeek -s V -l version -d 'show version'
complete -c ptpeek -n 'not __ptpeek_maps >/dev/null' -a '(__ptpeek_pids)'
complete -c ptpeek -a '(__ptpeek_maps)'
complete -c ptpeek -s r -l raw -d 'write raw bytes'
complete -c ptpeek -s s -l string -d 'print a C string'
complete -c ptpeek -s S -l stop -d 'stop the process while reading'
complete -c ptpeek -s d -l dwarf -d 'print a variable by its DWARF type'
complete -c ptpeek -s j -l json -d 'print JSON objects, one a line'
complete -c ptpeek -s v -l values -d 'with -F, print each match\'s value too'
complete -c ptpeek -s w -l watch -x -d 'print the value each time it changes'
complete -c ptpeek -s n -l count -x -d 'with -w, end after this many changes'
complete -c ptpeek -s t -l type -x -a 'u8 u16 u32 u64 i8 i16 i32 i64 f32 f64 ptr' -d 'print values of a type'
complete -c ptpeek -s F -l find -x -a 'increased decreased changed unchanged' -d 'search for hex bytes, str:TEXT, a value or a comparison'
