/* The ELF header check shared by the Linux loader and the bare machine's loader (a header of its
 * own because libelf's gelf.h clashes with the Linux auxv names other loader files use). */
#ifndef SNAPSIM_LINUX_ELF_HEADER_H
#define SNAPSIM_LINUX_ELF_HEADER_H

#include <gelf.h>
#include <stddef.h>

/* Checks an RV64 ELF executable's file header; fills eh and the program header count.  0, or
 * non-zero with a one-line "snapsim: ..." error in err. */
int elf_check_header(Elf *e, const char *path, GElf_Ehdr *eh, size_t *phnum, char *err, size_t errlen);

#endif
