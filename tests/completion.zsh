# Reference copies of the PID and ADDR completion snippets for zsh: copy
# them into completions/zsh/_TOOL renamed _TOOL_pids / _TOOL_addrs.
# Tested by tests/common.bats.
#
# _ptools_pids: PIDs described by their command names (kernel threads,
# with an empty cmdline, left out).
# _ptools_addrs PID: the mappings of PID by full path and by file name,
# and the bracketed ones ([stack], [heap], ...).
_ptools_pids() {
	local -a procs; local d
	for d in /proc/<->(N); do
		[[ -n "$(<$d/cmdline)" ]] 2>/dev/null || continue   # kernel thread
		procs+=("${d:t}:$(<$d/comm)")
	done
	_describe -t processes 'process' procs
}
_ptools_addrs() {   # $1: the PID typed
	local -a names w; local line
	[[ -r /proc/$1/maps ]] || return 1
	for line in ${(f)"$(</proc/$1/maps)"}; do
		w=(${=line})
		(( $#w >= 6 )) && names+=($w[6])
	done
	names=(${(u)names})
	compadd -a names; compadd -- ${names:t}
}
