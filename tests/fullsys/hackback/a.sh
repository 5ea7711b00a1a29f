# A script given to a restored machine with --readfile: a computation in the shell, measured as
# work region 1 (stats.json "work"), its result also written to the run's output directory with
# snapsim-op writefile.
echo "script a: $(uname -s) $(uname -r), $(ls /bin | wc -l) programs in /bin"
snapsim-op workbegin 1
i=0 h=7
while [ $i -lt 500 ]; do h=$(( (h * 31 + i) % 1000003 )); i=$((i + 1)); done
snapsim-op workend 1
echo "script a: hash $h"
echo "hash $h" | snapsim-op writefile a-result.txt && echo "script a: result written"
