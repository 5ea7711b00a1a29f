/* Opens argv[1] read-only, computes for a while (a snapshot is taken meanwhile), then prints
 * the file's content: a restored run must print what the file held at the snapshot point. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0)
        return 1;
    volatile unsigned spin = 0;
    for (unsigned i = 0; i < 200000; i++)
        spin += i;
    char buf[256];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0)
        fwrite(buf, 1, (size_t)n, stdout);
    return 0;
}
