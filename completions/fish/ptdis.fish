# fish completion for ptdis(1)

function __ptdis_elf_names
    set -l tokens (commandline -opc)
    set -l elf
    for i in (seq (count $tokens))
        if test "$tokens[$i]" = -e; and test $i -lt (count $tokens)
            set elf $tokens[(math $i + 1)]
        end
    end
    test -n "$elf"; and test -r "$elf"; or return
    begin
        nm --defined-only $elf
        nm -D --defined-only $elf
    end 2>/dev/null | awk 'NF == 3 && $2 ~ /^[TtWi]$/ { print $3 }'
    printf '%s\n' .text .init .fini .plt
end

complete -c ptdis -s a -x -d 'architecture' -a 'x86_64 x86-64 amd64 i386 x86 i686 x86-16 8086 i8086 aarch64 arm64 arm armeb thumb mips mipsel mips64 mips64el ppc powerpc ppc64 powerpc64 ppc64le powerpc64le'
complete -c ptdis -s b -x -d 'address of the first byte'
complete -c ptdis -s e -r -F -d 'disassemble an ELF file'
complete -c ptdis -s h -d 'print usage'
complete -c ptdis -s j -d 'JSON lines output'
complete -c ptdis -s n -x -d 'stop after count instructions'
complete -c ptdis -s p -x -d 'disassemble live memory of a process' -a '(__fish_complete_pids)'
complete -c ptdis -s s -x -d 'syntax' -a 'intel att'
complete -c ptdis -s V -d 'print version'
complete -c ptdis -n '__fish_contains_opt -s e' -f -a '(__ptdis_elf_names)'
