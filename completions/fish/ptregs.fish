# fish completion for ptregs
complete -c ptregs -s a -d 'also x87, SSE and AVX registers'
complete -c ptregs -s h -d 'print usage'
complete -c ptregs -s j -d 'JSON output'
complete -c ptregs -s l -d 'list register names'
complete -c ptregs -s p -x -a '(__fish_complete_pids)' -d 'process'
complete -c ptregs -s T -d 'every thread'
complete -c ptregs -s t -x -d 'thread'
complete -c ptregs -s V -d 'print version'
# register names from ptregs -l: they differ per CPU
complete -c ptregs -f -a "(__fish_complete_pids) (ptregs -l 2>/dev/null)"
