# fish completion for ptdis(1)

# The ELF file of -e ELF, --elf ELF or --elf=ELF on the command line.
function __ptdis_elf
    set -l tokens (commandline -opc)
    for i in (seq (count $tokens))
        switch $tokens[$i]
            case -e --elf
                test $i -lt (count $tokens); and echo $tokens[(math $i + 1)]; and return
            case '--elf=*'
                string replace -- --elf= '' $tokens[$i]; and return
        end
    end
    return 1
end

function __ptdis_elf_names
    set -l elf (__ptdis_elf)
    test -n "$elf"; and test -r "$elf"; or return
    begin
        nm --defined-only $elf
        nm -D --defined-only $elf
    end 2>/dev/null | awk 'NF == 3 && $2 ~ /^[TtWi]$/ { print $3 }'
    printf '%s\n' .text .init .fini .plt
end

complete -c ptdis -s a -l arch -x -d 'architecture' -a 'x86_64 x86-64 amd64 i386 x86 i686 x86-16 8086 i8086 aarch64 arm64 arm armeb thumb mips mipsel mips64 mips64el ppc powerpc ppc64 powerpc64 ppc64le powerpc64le'
complete -c ptdis -s b -l base -x -d 'address of the first byte'
complete -c ptdis -s e -l elf -r -F -d 'disassemble an ELF file'
complete -c ptdis -s h -l help -d 'print usage and options'
complete -c ptdis -s j -l json -d 'JSON lines output'
complete -c ptdis -s l -l lines -d 'mark where each source line starts'
complete -c ptdis -s n -l count -x -d 'stop after count instructions'
complete -c ptdis -s p -l pid -x -d 'disassemble live memory of a process' -a '(__fish_complete_pids)'
complete -c ptdis -s s -l syntax -x -d 'syntax' -a 'intel att'
complete -c ptdis -s V -l version -d 'print version'
complete -c ptdis -n '__ptdis_elf >/dev/null' -f -a '(__ptdis_elf_names)'
