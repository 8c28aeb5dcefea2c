# fish completion for ptmaps.

function __ptmaps_maps
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

function __ptmaps_pids
	for d in /proc/[0-9]*
		set -l p (string replace /proc/ '' -- $d)
		printf '%s\t%s\n' $p (cat $d/comm 2>/dev/null)
	end
end

complete -c ptmaps -f
complete -c ptmaps -s h -l help -d 'show usage and options'
complete -c ptmaps -s V -l version -d 'show version'
complete -c ptmaps -n 'not __ptmaps_maps >/dev/null' -a '(__ptmaps_pids)'
complete -c ptmaps -a '(__ptmaps_maps)'
complete -c ptmaps -s j -l json -d 'JSON lines'
complete -c ptmaps -s n -l name -x -a '(__ptmaps_maps)' -d 'only the mappings of a module'
complete -c ptmaps -s P -l perms -x -a 'r w x p s rx rw' -d 'only mappings with these permissions'
