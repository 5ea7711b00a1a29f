/* Arguments and environment as the loader lays them out: argc, each argument (argv[0] only by
 * its last path component, since the path is host-specific), the harness-chosen variables, and
 * the whole environment sorted — it is fully controlled by the harness. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv, char **envp)
{
    const char *slash = strrchr(argv[0], '/');
    printf("argc=%d argv0=%s\n", argc, slash ? slash + 1 : argv[0]);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=[%s] len=%zu\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);

    const char *greeting = getenv("SNAPSIM_TEST_GREETING");
    printf("SNAPSIM_TEST_GREETING=%s\n", greeting ? greeting : "(unset)");
    const char *home = getenv("HOME");
    printf("HOME=%s\n", home ? home : "(unset)");
    printf("envp == environ: %d\n", envp == environ);

    size_t n = 0;
    while (environ[n])
        n++;
    char **sorted = malloc((n + 1) * sizeof *sorted);
    memcpy(sorted, environ, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_str);
    printf("%zu environment entries:\n", n);
    for (size_t i = 0; i < n; i++)
        printf("  %s\n", sorted[i]);
    free(sorted);

    setenv("SNAPSIM_TEST_GREETING", "changed", 1);
    unsetenv("SNAPSIM_TEST_EMPTY");
    printf("after setenv/unsetenv: %s %s\n", getenv("SNAPSIM_TEST_GREETING"),
           getenv("SNAPSIM_TEST_EMPTY") ? "still set" : "gone");
    return 0;
}
