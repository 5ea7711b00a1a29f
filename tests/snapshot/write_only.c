/* Holds a file open write-only while computing (a snapshot is taken meanwhile), then writes
 * more: a snapshot must capture the file although the guest cannot read it. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, "first\n", 6) != 6)
        return 1;
    volatile unsigned spin = 0;
    for (unsigned i = 0; i < 200000; i++)
        spin += i;
    if (write(fd, "second\n", 7) != 7)
        return 1;
    close(fd);
    puts("done");
    return 0;
}
