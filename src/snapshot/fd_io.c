#include "snapshot/fd_io.h"

#include <errno.h>
#include <unistd.h>

static bool transfer_all(int fd, unsigned char *b, size_t len, bool out)
{
    while (len) {
        ssize_t n = out ? write(fd, b, len) : read(fd, b, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        b += n;
        len -= (size_t)n;
    }
    return true;
}

bool fd_write_all(int fd, const void *buf, size_t len)
{
    return transfer_all(fd, (unsigned char *)buf, len, true);
}

bool fd_read_all(int fd, void *buf, size_t len) { return transfer_all(fd, buf, len, false); }
