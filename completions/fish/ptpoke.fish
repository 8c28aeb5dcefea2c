# fish completion for ptpoke.

function __ptpoke_maps
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

function __ptpoke_pids
	for d in /proc/[0-9]*
		set -l p (string replace /proc/ '' -- $d)
		printf '%s\t%s\n' $p (cat $d/comm 2>/dev/null)
	end
end

complete -c ptpoke -f
complete -c ptpoke -s h -l help -d 'show usage and options'
complete -c ptpoke -s V -l version -d 'show version'
complete -c ptpoke -n 'not __ptpoke_maps >/dev/null' -a '(__ptpoke_pids)'
complete -c ptpoke -a '(__ptpoke_maps)'
complete -c ptpoke -s t -l type -x -a 'u8 u16 u32 u64 i8 i16 i32 i64 f32 f64 ptr' -d 'write values of a type'
complete -c ptpoke -s s -l string -x -d 'write a string'
complete -c ptpoke -s o -l old -r -F -d 'save the overwritten bytes to a file'
complete -c ptpoke -s r -l repeat -x -d 'write again every interval until interrupted'
