# Reference copies of the PID and ADDR completion snippets for fish: copy
# them into completions/fish/TOOL.fish renamed __TOOL_pids / __TOOL_addrs.
# Tested by tests/common.bats.
#
# __ptools_pids: "PID<TAB>comm" lines, for complete -a (fish shows comm as
# the description); kernel threads (empty cmdline) left out.
# __ptools_addrs PID: the bracketed mappings and module file names of PID.
# Use: complete -c TOOL -n "__fish_is_first_arg" -a "(__ptools_pids)"
function __ptools_pids
	for d in /proc/*
		string match -qr '^/proc/[0-9]+$' -- $d; or continue
		set -l cmd (cat $d/cmdline 2>/dev/null | string split0)
		test -n "$cmd[1]"; or continue   # a kernel thread, or gone
		set -l comm (cat $d/comm 2>/dev/null); or continue
		printf '%s\t%s\n' (string replace /proc/ '' $d) $comm
	end
end
function __ptools_addrs --argument-names pid
	test -r /proc/$pid/maps; or return
	for line in (cat /proc/$pid/maps)
		set -l w (string split -n ' ' -- $line)
		test (count $w) -ge 6; and string replace -r '.*/' '' -- $w[6]
	end | sort -u
end
