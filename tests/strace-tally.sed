# sed -E: one line per call a -f trace (strace's format, -o FILE) ran,
# with only the call's name, and one per task that ended, with how.  Fed
# to `sort | uniq -c` it tallies the calls and exits of a trace.  A call
# counts at the line where it ends: whether it ends in a line of its own
# is timing.  So is a signal that cuts a blocking call short, to be
# restarted: the call counts once, at the end of its restart.  Signal
# lines are dropped.
/^[0-9]+ +--- /d
/ = \? ERESTART[A-Z_]+( |$)/d
/<unfinished \.\.\.>$/d
s/^[0-9]+ +<\.\.\. ([a-z0-9_]+) resumed>.*/\1/
s/^[0-9]+ +//
s/^([a-z0-9_]+)\(.*/\1/
s/^\+\+\+ (exited with [0-9]+|killed by [A-Z0-9]+).*/+++ \1/
