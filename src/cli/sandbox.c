#include "cli/sandbox.h"
#include "linux/meta_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The Landlock ABI, declared here because older kernel headers lack part of it. */
#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule 445
#define SYS_landlock_restrict_self 446
#endif
#define LL_CREATE_RULESET_VERSION (1u << 0)
#define LL_RULE_PATH_BENEATH 1
#define LL_WRITE_FILE  (1ull << 1)
#define LL_REMOVE_DIR  (1ull << 4)
#define LL_REMOVE_FILE (1ull << 5)
#define LL_MAKE_CHAR   (1ull << 6)
#define LL_MAKE_DIR    (1ull << 7)
#define LL_MAKE_REG    (1ull << 8)
#define LL_MAKE_SOCK   (1ull << 9)
#define LL_MAKE_FIFO   (1ull << 10)
#define LL_MAKE_BLOCK  (1ull << 11)
#define LL_MAKE_SYM    (1ull << 12)
#define LL_REFER       (1ull << 13)   /* ABI 2: rename and link across directories */
#define LL_TRUNCATE    (1ull << 14)   /* ABI 3 */

struct ll_ruleset_attr {
    uint64_t handled_access_fs;
};
struct ll_path_beneath_attr {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));

/* Device files any program may write without changing anything of the user's. */
static const char *const writable_devices[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/tty"};

static int fail(char *err, size_t errlen, const char *what, const char *path, int e)
{
    snprintf(err, errlen, "sandbox: %s%s: %s", what, path, strerror(e));
    return -1;
}

static int add_rule(int ruleset, const char *path, uint64_t access, char *err, size_t errlen)
{
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0)
        return fail(err, errlen, "", path, errno);
    struct ll_path_beneath_attr rule = {.allowed_access = access, .parent_fd = fd};
    long rc = syscall(SYS_landlock_add_rule, ruleset, LL_RULE_PATH_BENEATH, &rule, 0);
    int e = errno;
    close(fd);
    if (rc != 0)
        return fail(err, errlen, "cannot allow writes under ", path, e);
    return 0;
}

int sandbox_confine(const char *const *dirs, size_t ndirs, char *err, size_t errlen)
{
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);
    if (abi < 1) {
        snprintf(err, errlen, "the kernel does not provide Landlock (%s), which the sandbox needs; "
                 "--no-sandbox runs without it", strerror(errno));
        return -1;
    }
    uint64_t dir_access = LL_WRITE_FILE | LL_REMOVE_DIR | LL_REMOVE_FILE | LL_MAKE_CHAR | LL_MAKE_DIR |
                          LL_MAKE_REG | LL_MAKE_SOCK | LL_MAKE_FIFO | LL_MAKE_BLOCK | LL_MAKE_SYM;
    uint64_t file_access = LL_WRITE_FILE;
    if (abi >= 2)
        dir_access |= LL_REFER;
    if (abi >= 3) {
        dir_access |= LL_TRUNCATE;
        file_access |= LL_TRUNCATE;
    }
    struct ll_ruleset_attr attr = {.handled_access_fs = dir_access};
    int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
    if (ruleset < 0) {
        snprintf(err, errlen, "sandbox: cannot create a Landlock ruleset: %s", strerror(errno));
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < ndirs && rc == 0; i++)
        rc = add_rule(ruleset, dirs[i], dir_access, err, errlen);
    for (size_t i = 0; i < sizeof writable_devices / sizeof writable_devices[0] && rc == 0; i++)
        if (access(writable_devices[i], F_OK) == 0)
            add_rule(ruleset, writable_devices[i], file_access, err, errlen);   /* best effort */
    if (rc == 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        rc = fail(err, errlen, "cannot set no_new_privs", "", errno);
    if (rc == 0 && syscall(SYS_landlock_restrict_self, ruleset, 0) != 0)
        rc = fail(err, errlen, "cannot enforce the Landlock ruleset", "", errno);
    /* What Landlock does not handle (chmod, chown, utimensat) the guest's system calls check. */
    if (rc == 0 && linux_meta_confine(dirs, ndirs) != 0)
        rc = fail(err, errlen, "cannot confine metadata changes", "", errno);
    close(ruleset);
    return rc;
}
