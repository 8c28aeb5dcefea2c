# fish completion for ptregs
set -l __ptregs_regs rax rbx rcx rdx rsi rdi rbp rsp r8 r9 r10 r11 r12 r13 r14 r15 rip rflags cs ss ds es fs gs fs_base gs_base orig_rax eax ebx ecx edx esi edi ax bx cx dx al bl cl dl ah bh ch dh cf pf af zf sf tf if df of mxcsr fcw fsw xmm0 xmm1 xmm2 xmm3 xmm4 xmm5 xmm6 xmm7 xmm8 xmm9 xmm10 xmm11 xmm12 xmm13 xmm14 xmm15 ymm0 ymm1 ymm2 ymm3 ymm4 ymm5 ymm6 ymm7 ymm8 ymm9 ymm10 ymm11 ymm12 ymm13 ymm14 ymm15 st0 st1 st2 st3 st4 st5 st6 st7
complete -c ptregs -s a -d 'also x87, SSE and AVX registers'
complete -c ptregs -s h -d 'print usage'
complete -c ptregs -s j -d 'JSON output'
complete -c ptregs -s p -x -a '(__fish_complete_pids)' -d 'process'
complete -c ptregs -s T -d 'every thread'
complete -c ptregs -s t -x -d 'thread'
complete -c ptregs -s V -d 'print version'
complete -c ptregs -f -a "(__fish_complete_pids) $__ptregs_regs"
