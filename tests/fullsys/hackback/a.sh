# A script given to a restored machine with --readfile: a computation in the shell, its result
# also written to the run's output directory with snapsim-op writefile.
echo "script a: $(uname -s) $(uname -r), $(ls /bin | wc -l) programs in /bin"
i=0 h=7
while [ $i -lt 500 ]; do h=$(( (h * 31 + i) % 1000003 )); i=$((i + 1)); done
echo "script a: hash $h"
echo "hash $h" | snapsim-op writefile a-result.txt && echo "script a: result written"
