# fish completion for ptstack.

function __ptstack_pid
	set -l tok (commandline -opc)
	set -l skip 0
	for t in $tok[2..-1]
		if test $skip = 1
			set skip 0
			continue
		end
		switch $t
			case -n -t --max-frames --tid
				set skip 1
			case '-*'
			case '*'
				echo $t
				return 0
		end
	end
	return 1
end

function __ptstack_tids
	set -l pid (__ptstack_pid); or return
	test -d /proc/$pid/task; or return
	for d in /proc/$pid/task/*
		string replace /proc/$pid/task/ '' -- $d
	end
end

function __ptstack_pids
	for d in /proc/[0-9]*
		set -l p (string replace /proc/ '' -- $d)
		printf '%s\t%s\n' $p (cat $d/comm 2>/dev/null)
	end
end

complete -c ptstack -f
complete -c ptstack -s h -l help -d 'show usage and options'
complete -c ptstack -s V -l version -d 'show version'
complete -c ptstack -n 'not __ptstack_pid >/dev/null' -a '(__ptstack_pids)'
complete -c ptstack -s a -l addresses -d 'addresses and symbols only, no source lines'
complete -c ptstack -s j -l json -d 'JSON lines, one object per frame'
complete -c ptstack -s n -l max-frames -x -d 'at most this many frames per thread'
complete -c ptstack -s t -l tid -x -a '(__ptstack_tids)' -d 'only this thread'
