# fish completion for ptstrace(1).  The syscall names are those of
# arch/x86_64/syscalls.tbl (a test checks that they agree).

set -l __ptstrace_syscalls _sysctl accept accept4 access acct add_key adjtimex afs_syscall alarm arch_prctl bind bpf brk cachestat capget capset chdir chmod chown chroot clock_adjtime clock_getres clock_gettime clock_nanosleep clock_settime clone clone3 close close_range connect copy_file_range creat create_module delete_module dup dup2 dup3 epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2 execve execveat exit exit_group faccessat faccessat2 fadvise64 fallocate fanotify_init fanotify_mark fchdir fchmod fchmodat fchmodat2 fchown fchownat fcntl fdatasync fgetxattr file_getattr file_setattr finit_module flistxattr flock fork fremovexattr fsconfig fsetxattr fsmount fsopen fspick fstat fstatfs fsync ftruncate futex futex_requeue futex_wait futex_waitv futex_wake futimesat get_kernel_syms get_mempolicy get_robust_list get_thread_area getcpu getcwd getdents getdents64 getegid geteuid getgid getgroups getitimer getpeername getpgid getpgrp getpid getpmsg getppid getpriority getrandom getresgid getresuid getrlimit getrusage getsid getsockname getsockopt gettid gettimeofday getuid getxattr getxattrat init_module inotify_add_watch inotify_init inotify_init1 inotify_rm_watch io_cancel io_destroy io_getevents io_pgetevents io_setup io_submit io_uring_enter io_uring_register io_uring_setup ioctl ioperm iopl ioprio_get ioprio_set kcmp kexec_file_load kexec_load keyctl kill landlock_add_rule landlock_create_ruleset landlock_restrict_self lchown lgetxattr link linkat listen listmount listxattr listxattrat llistxattr lookup_dcookie lremovexattr lseek lsetxattr lsm_get_self_attr lsm_list_modules lsm_set_self_attr lstat madvise map_shadow_stack mbind membarrier memfd_create memfd_secret migrate_pages mincore mkdir mkdirat mknod mknodat mlock mlock2 mlockall mmap modify_ldt mount mount_setattr move_mount move_pages mprotect mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedsend mq_unlink mremap mseal msgctl msgget msgrcv msgsnd msync munlock munlockall munmap name_to_handle_at nanosleep newfstatat nfsservctl open open_by_handle_at open_tree open_tree_attr openat openat2 pause perf_event_open personality pidfd_getfd pidfd_open pidfd_send_signal pipe pipe2 pivot_root pkey_alloc pkey_free pkey_mprotect poll ppoll prctl pread64 preadv preadv2 prlimit64 process_madvise process_mrelease process_vm_readv process_vm_writev pselect6 ptrace putpmsg pwrite64 pwritev pwritev2 query_module quotactl quotactl_fd read readahead readlink readlinkat readv reboot recvfrom recvmmsg recvmsg remap_file_pages removexattr removexattrat rename renameat renameat2 request_key restart_syscall rmdir rseq rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn rt_sigsuspend rt_sigtimedwait rt_tgsigqueueinfo sched_get_priority_max sched_get_priority_min sched_getaffinity sched_getattr sched_getparam sched_getscheduler sched_rr_get_interval sched_setaffinity sched_setattr sched_setparam sched_setscheduler sched_yield seccomp security select semctl semget semop semtimedop sendfile sendmmsg sendmsg sendto set_mempolicy set_mempolicy_home_node set_robust_list set_thread_area set_tid_address setdomainname setfsgid setfsuid setgid setgroups sethostname setitimer setns setpgid setpriority setregid setresgid setresuid setreuid setrlimit setsid setsockopt settimeofday setuid setxattr setxattrat shmat shmctl shmdt shmget shutdown sigaltstack signalfd signalfd4 socket socketpair splice stat statfs statmount statx swapoff swapon symlink symlinkat sync sync_file_range syncfs sysfs sysinfo syslog tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime timer_settime timerfd_create timerfd_gettime timerfd_settime times tkill truncate tuxcall umask umount2 uname unlink unlinkat unshare uretprobe uselib userfaultfd ustat utime utimensat utimes vfork vhangup vmsplice vserver wait4 waitid write writev 
set -l __ptstrace_classes %file %network %process %signal %memory %desc %ipc %creds %clock %stat %lstat %fstat %statfs %pure

complete -c ptstrace -s b -x -a execve -d 'Detach at execve'
complete -c ptstrace -s C -d 'Summary and trace'
complete -c ptstrace -s c -d 'Count time, calls and errors'
complete -c ptstrace -s D -d 'Run the tracer detached'
complete -c ptstrace -s E -x -d 'Set or unset a variable'
complete -c ptstrace -s e -x -d 'Qualifying expression' -a "trace=$__ptstrace_classes trace="(string join ' trace=' $__ptstrace_syscalls)" signal= status=successful status=failed status=unfinished inject= fault="
complete -c ptstrace -s f -d 'Follow forks'
complete -c ptstrace -s h -d 'Show usage'
complete -c ptstrace -s i -d 'Print the instruction pointer'
complete -c ptstrace -s k -d 'Stack trace at each syscall'
complete -c ptstrace -s o -r -F -d 'Output file'
complete -c ptstrace -s O -x -d 'Overhead per syscall'
complete -c ptstrace -s p -x -a '(__fish_complete_pids)' -d 'Attach to processes'
complete -c ptstrace -s q -d 'Quieter'
complete -c ptstrace -s r -d 'Relative timestamps'
complete -c ptstrace -s S -x -a 'time min-time max-time avg-time calls errors name nothing' -d 'Sort the summary by'
complete -c ptstrace -s s -x -d 'String size'
complete -c ptstrace -s T -d 'Time spent in syscalls'
complete -c ptstrace -s t -d 'Timestamps'
complete -c ptstrace -s U -x -a 'time-percent total-time min-time max-time avg-time calls errors name' -d 'Summary columns'
complete -c ptstrace -s u -x -a '(__fish_complete_users)' -d 'Run as user'
complete -c ptstrace -s V -d 'Show version'
complete -c ptstrace -s v -d 'Unabbreviated structures'
complete -c ptstrace -s w -d 'Wall-clock summary'
complete -c ptstrace -s x -d 'Hexadecimal strings'
complete -c ptstrace -s y -d 'File descriptor paths'
complete -c ptstrace -s Z -d 'Failed syscalls only'
complete -c ptstrace -s z -d 'Successful syscalls only'
complete -c ptstrace -l json -d 'JSON Lines output'
complete -c ptstrace -l seccomp-bpf -d 'Seccomp filter (always on)'
