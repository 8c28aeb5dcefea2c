# fish completion for ptstrace(1).  The syscall names are those of
# arch/x86_64/syscalls.tbl (a test checks that they agree).

set -l __ptstrace_syscalls _sysctl accept accept4 access acct add_key adjtimex afs_syscall alarm arch_prctl bind bpf brk cachestat capget capset chdir chmod chown chroot clock_adjtime clock_getres clock_gettime clock_nanosleep clock_settime clone clone3 close close_range connect copy_file_range creat create_module delete_module dup dup2 dup3 epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2 execve execveat exit exit_group faccessat faccessat2 fadvise64 fallocate fanotify_init fanotify_mark fchdir fchmod fchmodat fchmodat2 fchown fchownat fcntl fdatasync fgetxattr file_getattr file_setattr finit_module flistxattr flock fork fremovexattr fsconfig fsetxattr fsmount fsopen fspick fstat fstatfs fsync ftruncate futex futex_requeue futex_wait futex_waitv futex_wake futimesat get_kernel_syms get_mempolicy get_robust_list get_thread_area getcpu getcwd getdents getdents64 getegid geteuid getgid getgroups getitimer getpeername getpgid getpgrp getpid getpmsg getppid getpriority getrandom getresgid getresuid getrlimit getrusage getsid getsockname getsockopt gettid gettimeofday getuid getxattr getxattrat init_module inotify_add_watch inotify_init inotify_init1 inotify_rm_watch io_cancel io_destroy io_getevents io_pgetevents io_setup io_submit io_uring_enter io_uring_register io_uring_setup ioctl ioperm iopl ioprio_get ioprio_set kcmp kexec_file_load kexec_load keyctl kill landlock_add_rule landlock_create_ruleset landlock_restrict_self lchown lgetxattr link linkat listen listmount listxattr listxattrat llistxattr lookup_dcookie lremovexattr lseek lsetxattr lsm_get_self_attr lsm_list_modules lsm_set_self_attr lstat madvise map_shadow_stack mbind membarrier memfd_create memfd_secret migrate_pages mincore mkdir mkdirat mknod mknodat mlock mlock2 mlockall mmap modify_ldt mount mount_setattr move_mount move_pages mprotect mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedsend mq_unlink mremap mseal msgctl msgget msgrcv msgsnd msync munlock munlockall munmap name_to_handle_at nanosleep newfstatat nfsservctl open open_by_handle_at open_tree open_tree_attr openat openat2 pause perf_event_open personality pidfd_getfd pidfd_open pidfd_send_signal pipe pipe2 pivot_root pkey_alloc pkey_free pkey_mprotect poll ppoll prctl pread64 preadv preadv2 prlimit64 process_madvise process_mrelease process_vm_readv process_vm_writev pselect6 ptrace putpmsg pwrite64 pwritev pwritev2 query_module quotactl quotactl_fd read readahead readlink readlinkat readv reboot recvfrom recvmmsg recvmsg remap_file_pages removexattr removexattrat rename renameat renameat2 request_key restart_syscall rmdir rseq rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn rt_sigsuspend rt_sigtimedwait rt_tgsigqueueinfo sched_get_priority_max sched_get_priority_min sched_getaffinity sched_getattr sched_getparam sched_getscheduler sched_rr_get_interval sched_setaffinity sched_setattr sched_setparam sched_setscheduler sched_yield seccomp security select semctl semget semop semtimedop sendfile sendmmsg sendmsg sendto set_mempolicy set_mempolicy_home_node set_robust_list set_thread_area set_tid_address setdomainname setfsgid setfsuid setgid setgroups sethostname setitimer setns setpgid setpriority setregid setresgid setresuid setreuid setrlimit setsid setsockopt settimeofday setuid setxattr setxattrat shmat shmctl shmdt shmget shutdown sigaltstack signalfd signalfd4 socket socketpair splice stat statfs statmount statx swapoff swapon symlink symlinkat sync sync_file_range syncfs sysfs sysinfo syslog tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime timer_settime timerfd_create timerfd_gettime timerfd_settime times tkill truncate tuxcall umask umount2 uname unlink unlinkat unshare uretprobe uselib userfaultfd ustat utime utimensat utimes vfork vhangup vmsplice vserver wait4 waitid write writev 
set -l __ptstrace_classes %file %desc %network %net %process %signal %memory %ipc %creds %clock %pure %stat %lstat %fstat %%stat %statfs %fstatfs %%statfs
set -l __ptstrace_quals trace= abbrev= verbose= raw= signal= status= quiet= read= write= fault= inject= decode-fds= decode-pids=
set -l __ptstrace_sets all none $__ptstrace_classes $__ptstrace_syscalls

# A set for -e KEY= or --KEY=: the values after the last comma.
function __ptstrace_set -a prefix
    set -l tok (commandline -ct)
    set -l head (string replace -r '^(--[^=]*=|-e|[^=]*=)?' '' -- $tok)
    set -l keep (string match -r '^.*,' -- $head)
    if test -z "$keep"
        set keep (string match -r '^!' -- $head)
    end
    for w in $argv[2..-1]
        printf '%s%s%s\n' $prefix $keep $w
    end
end

# -e KEY=VALUE: the qualifiers, then the values of the one typed.
function __ptstrace_expr
    set -l tok (commandline -ct)
    set -l key (string match -r '^[^=]*=' -- $tok)
    switch "$key"
        case trace= t= abbrev= a= verbose= v= raw= x= inject= fault=
            __ptstrace_set $key all none $argv
        case signal= signals= s=
            __ptstrace_set $key all none SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV SIGUSR2 SIGPIPE SIGALRM SIGTERM SIGCHLD SIGCONT SIGSTOP SIGTSTP SIGTTIN SIGTTOU SIGURG SIGXCPU SIGXFSZ SIGVTALRM SIGPROF SIGWINCH SIGIO SIGPWR SIGSYS
        case status=
            __ptstrace_set $key all none successful failed unfinished unavailable detached
        case quiet= silent= silence= q=
            __ptstrace_set $key all none attach exit path-resolution personality thread-execve
        case read= reads= r= write= writes= w=
            __ptstrace_set $key all none 0 1 2
        case decode-fds= decode-fd=
            __ptstrace_set $key all none path socket dev pidfd
        case decode-pids= decode-pid=
            __ptstrace_set $key comm pidns
        case '*'
            printf '%s\n' trace= abbrev= verbose= raw= signal= status= quiet= read= write= fault= inject= decode-fds= decode-pids=
    end
end

complete -c ptstrace -s A -l output-append-mode -d 'Append to the -o file'
complete -c ptstrace -s a -l columns -x -d 'Column of the results'
complete -c ptstrace -s b -l detach-on -x -a execve -d 'Detach at execve'
complete -c ptstrace -s C -l summary -d 'Summary and trace'
complete -c ptstrace -s c -l summary-only -d 'Count time, calls and errors'
complete -c ptstrace -s D -d 'Run the tracer detached (-DD, -DDD)'
complete -c ptstrace -l daemonize -x -a 'grandchild pgroup session' -d 'Run the tracer detached'
complete -c ptstrace -s d -l debug -d 'Debug output on stderr'
complete -c ptstrace -s E -l env -x -d 'Set or unset a variable'
complete -c ptstrace -s e -x -d 'Qualifying expression' -a "(__ptstrace_expr $__ptstrace_classes $__ptstrace_syscalls)"
complete -c ptstrace -s f -d 'Follow forks (-ff: a file per process)'
complete -c ptstrace -l follow-forks -d 'Follow forks'
complete -c ptstrace -l output-separately -d 'A file per process'
complete -c ptstrace -s h -l help -d 'Show usage'
complete -c ptstrace -s I -l interruptible -x -a '1 2 3 4 anywhere waiting never never_tstp' -d 'When signals end the tracing'
complete -c ptstrace -s i -l instruction-pointer -d 'Print the instruction pointer'
complete -c ptstrace -l kill-on-exit -d 'Kill the tasks when the tracer ends'
complete -c ptstrace -s k -l stack-traces -d 'Stack trace at each syscall'
complete -c ptstrace -s n -l syscall-number -d 'Print the syscall number'
complete -c ptstrace -s O -l summary-syscall-overhead -x -d 'Overhead of each syscall'
complete -c ptstrace -s o -l output -r -F -d 'Output file, |CMD or !CMD'
complete -c ptstrace -s P -l trace-path -r -F -d 'Syscalls that use this path'
complete -c ptstrace -s p -l attach -x -a '(__fish_complete_pids)' -d 'Attach to processes'
complete -c ptstrace -s q -d 'Quieter (-qq, -qqq)'
complete -c ptstrace -l quiet -x -a "(__ptstrace_set '' all none attach exit path-resolution personality thread-execve)" -d 'Messages to leave out'
complete -c ptstrace -s r -l relative-timestamps -x -a 's ms us ns' -d 'Relative timestamps'
complete -c ptstrace -s S -l summary-sort-by -x -a 'time min-time max-time avg-time calls errors name nothing' -d 'Sort the summary by'
complete -c ptstrace -s s -l string-limit -x -d 'String size'
complete -c ptstrace -s T -l syscall-times -x -a 's ms us ns' -d 'Time spent in syscalls'
complete -c ptstrace -s t -d 'Timestamps (-tt, -ttt)'
complete -c ptstrace -l absolute-timestamps -l timestamps -x -a "(__ptstrace_set '' none time unix format:none format:time format:unix s ms us ns precision:s precision:ms precision:us precision:ns)" -d 'Timestamps'
complete -c ptstrace -s U -l summary-columns -x -a "(__ptstrace_set '' time-percent total-time min-time max-time avg-time calls errors name)" -d 'Summary columns'
complete -c ptstrace -s u -l user -x -a '(__fish_complete_users)' -d 'Run as user'
complete -c ptstrace -s V -l version -d 'Show version'
complete -c ptstrace -s v -l no-abbrev -d 'Unabbreviated structures'
complete -c ptstrace -s w -l summary-wall-clock -d 'Wall-clock summary'
complete -c ptstrace -s x -d 'Hexadecimal strings (-xx: all)'
complete -c ptstrace -l strings-in-hex -x -a 'none non-ascii-chars non-ascii all' -d 'Hexadecimal strings'
complete -c ptstrace -s X -l const-print-style -x -a 'raw abbrev verbose' -d 'Constants style'
complete -c ptstrace -s y -d 'File descriptor paths (-yy: all)'
complete -c ptstrace -l decode-fds -x -a "(__ptstrace_set '' all none path socket dev pidfd)" -d 'File descriptor details'
complete -c ptstrace -s Y -d 'Command names of pids'
complete -c ptstrace -l decode-pids -x -a "(__ptstrace_set '' comm pidns)" -d 'Pid details'
complete -c ptstrace -l pidns-translation -d 'Pids in the tracer namespace too'
complete -c ptstrace -s z -l successful-only -d 'Successful syscalls only'
complete -c ptstrace -s Z -l failed-only -d 'Failed syscalls only'
complete -c ptstrace -l trace -l abbrev -l verbose -l raw -l inject -l fault -x -a "(__ptstrace_set '' $__ptstrace_sets)" -d 'Syscall set'
complete -c ptstrace -l signal -x -a "(__ptstrace_set '' all none SIGHUP SIGINT SIGQUIT SIGKILL SIGSEGV SIGPIPE SIGALRM SIGTERM SIGCHLD SIGCONT SIGSTOP SIGTSTP SIGUSR1 SIGUSR2)" -d 'Signals to show'
complete -c ptstrace -l status -x -a "(__ptstrace_set '' all none successful failed unfinished unavailable detached)" -d 'Outcomes to show'
complete -c ptstrace -l read -l write -x -a "(__ptstrace_set '' all none 0 1 2)" -d 'Descriptors to dump'
complete -c ptstrace -l json -d 'JSON Lines output'
complete -c ptstrace -l seccomp-bpf -d 'Seccomp filter'
complete -c ptstrace -l tips -x -a "(__ptstrace_set '' random none compact full)" -d 'A tip at the end'
