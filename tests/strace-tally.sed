# sed -E: one line per call a -f trace (strace's format, -o FILE) started,
# with only the call's name, and one per task that ended, with how.  Fed
# to `sort | uniq -c` it tallies the calls and exits of a trace.  Where a
# call ends in a line of its own is timing, so only its start counts;
# signal lines are dropped.
/^[0-9]+ +<\.\.\. /d
/^[0-9]+ +--- /d
s/^[0-9]+ +//
s/^([a-z0-9_]+)\(.*/\1/
s/^\+\+\+ (exited with [0-9]+|killed by [A-Z0-9]+).*/+++ \1/
