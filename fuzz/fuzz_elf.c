/* libFuzzer target: the ELF loader.  The input is written to a file and loaded as the program of
 * a fresh machine (linux_load: header and segment checks, mapping, the initial stack).  Every
 * input must load or be refused with one "snapsim: " line: never crash, hang or leak.  Seeds:
 * the guest programs built with the project (see scripts/test.sh). */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "core/machine.h"
#include "linux/process.h"

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char dir[] = "/tmp/fuzz_elf.XXXXXX";
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/prog", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A program must be executable; the file is rewritten in place for every input. */
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
    if (fd < 0 || write(fd, data, size) != (ssize_t)size || close(fd) != 0)
        abort();
    struct config cfg;
    config_init(&cfg);
    config_register(&cfg, machine_config_keys, machine_config_nkeys);
    struct machine m;
    if (machine_init(&m, &cfg) != 0)
        abort();
    char *argv[] = {"prog", NULL}, *envp[] = {"A=1", NULL};
    char err[512] = "";
    int rc = linux_load(&m, path, 1, argv, envp, err, sizeof err);
    if (rc != 0 && (rc != 2 || strncmp(err, "snapsim: ", 9) != 0 || strchr(err, '\n')))
        abort();   /* a refusal must be exactly one snapsim: line */
    machine_destroy(&m);
    config_free(&cfg);
    return 0;
}
