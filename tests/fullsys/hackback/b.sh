# Another script for the same snapshot: it reads the disk and runs the disk's own script.
echo "script b: $(ls /mnt | wc -l) entries on the disk"
md5sum /mnt/run.sh
sh /mnt/run.sh
seq 1 30 | grep 7 | sed 's/^/script b: line /' | head -n 3
