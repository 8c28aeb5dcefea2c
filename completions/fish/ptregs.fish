# fish completion for ptregs
complete -c ptregs -s a -l fp -d 'also x87, SSE and AVX registers'
complete -c ptregs -s h -l help -d 'print usage and options'
complete -c ptregs -s j -l json -d 'JSON output'
complete -c ptregs -s l -l list -d 'list register names'
complete -c ptregs -s p -l pid -x -a '(__fish_complete_pids)' -d 'process'
complete -c ptregs -s T -l all-threads -d 'every thread'
complete -c ptregs -s t -l thread -x -d 'thread'
complete -c ptregs -s V -l version -d 'print version'
# register names from ptregs -l: they differ per CPU
complete -c ptregs -f -a "(__fish_complete_pids) (ptregs -l 2>/dev/null)"
