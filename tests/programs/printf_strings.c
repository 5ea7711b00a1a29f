/* printf conversions and string functions: every conversion a program commonly uses, with
 * flags, widths and precisions, plus the <string.h>/<stdlib.h> routines glibc implements with
 * hand-tuned loops (which stress loads/stores of every width and misaligned copies). */
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void integers(void)
{
    printf("[%d] [%i] [%5d] [%-5d|] [%05d] [%+d] [% d] [%.3d]\n", 42, -42, 42, 42, 42, 42, 42, 7);
    printf("[%u] [%x] [%X] [%#x] [%o] [%#o] [%#X]\n", 3000000000u, 0xbeefu, 0xbeefu, 255u, 8u,
           8u, 0u);
    printf("[%ld] [%lu] [%lx]\n", LONG_MIN, ULONG_MAX, 0x123456789abcdefUL);
    printf("[%lld] [%llu] [%020lld] [%-20lld|]\n", LLONG_MIN, ULLONG_MAX, -1234567890123LL,
           9876543210LL);
    printf("[%hhd] [%hhu] [%hd] [%hu]\n", (signed char)-5, (unsigned char)250, (short)-30000,
           (unsigned short)65535);
    printf("[%zu] [%zd] [%td] [%jd] [%ju]\n", (size_t)123456, (ptrdiff_t)-99, (ptrdiff_t)17,
           (intmax_t)INT64_MIN, (uintmax_t)UINT64_MAX);
    printf("[%" PRId32 "] [%" PRIu64 "] [%" PRIx16 "]\n", INT32_MIN, UINT64_MAX, (uint16_t)0xabcd);
    printf("[%*d] [%-*d|] [%.*d] [%*.*d]\n", 6, 12, 6, 12, 4, 12, 8, 5, -12);
    printf("[%p] [%p]\n", (void *)0x1234, (void *)0);
}

static void floats(void)
{
    const double v[] = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-300, 1.7976931348623157e308,
                        4.9406564584124654e-324, 123456789.125, 0.1, 2.5, 1e21, 6.02214076e23};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        printf("%f|%.2f|%e|%.3E|%g|%G|%.10g|%a|%A|%12.4f|%-12.3e|%+g\n", v[i], v[i], v[i], v[i],
               v[i], v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
    printf("[%.0f] [%.0f] [%.0f] [%.0f]\n", 0.5, 1.5, 2.5, -0.5);
    printf("[%#.0f] [%#g] [%#x]\n", 3.0, 1.0, 0x10u);
    printf("[%f] [%f] [%e] [%g]\n", 1.0 / 0.0, -1.0 / 0.0, __builtin_nan(""), -__builtin_nan(""));
    printf("[%.20f] [%.17g] [%.30e]\n", 1.0 / 3.0, 2.0 / 3.0, 1e-10);
    printf("[%Lf] [%Lg] [%La]\n", 1.0L / 3.0L, 1e4000L, 1.0L / 3.0L);
    float f = 1.1f;
    printf("[%f] [%a] [%.9g]\n", f, f, f);
}

static void chars_and_strings(void)
{
    printf("[%c] [%3c] [%-3c|] [%%] [%s] [%10s] [%-10s|] [%.3s] [%*.*s]\n", 'A', 'b', 'c',
           "hello", "right", "left", "truncate", 7, 2, "xyz");
    int n1 = 0, n2 = 0;
    printf("abc%nde%n\n", &n1, &n2);
    printf("n1=%d n2=%d\n", n1, n2);

    /* volatile: keep gcc from folding (and warning about) the deliberate truncation */
    const char *volatile head = "a long string";
    char buf[16];
    int want = snprintf(buf, sizeof buf, "%s-%d-%s", head, 123456, "tail");
    printf("snprintf want=%d got=[%s] len=%zu\n", want, buf, strlen(buf));
    want = snprintf(NULL, 0, "%08.3f", -3.14159);
    printf("snprintf(NULL) want=%d\n", want);
}

static void string_functions(void)
{
    char big[300];
    for (int i = 0; i < 299; i++)
        big[i] = (char)('a' + i % 26);
    big[299] = '\0';
    printf("strlen=%zu strchr=%td strrchr=%td\n", strlen(big), strchr(big, 'q') - big,
           strrchr(big, 'q') - big);
    printf("strstr=%td strcmp=%d strncmp=%d\n", strstr(big, "xyzab") - big,
           strcmp("apple", "apples") < 0, strncmp("apple", "apples", 5));
    printf("memcmp=%d strcasecmp=%d strspn=%zu strcspn=%zu\n", memcmp("abcd", "abce", 4) < 0,
           strcasecmp("HeLLo", "hello"), strspn("aaabbc", "ab"), strcspn("hello world", " "));

    /* Overlapping and misaligned moves at every offset. */
    unsigned long sum = 0;
    for (int off = 0; off < 8; off++) {
        for (int len = 0; len < 40; len += 3) {
            char m[96];
            for (int i = 0; i < 96; i++)
                m[i] = (char)i;
            memmove(m + off + 5, m + off, (size_t)len);
            memmove(m + off, m + off + 7, (size_t)len);
            memset(m + 50 + off, 0xA5, (size_t)len / 2);
            for (int i = 0; i < 96; i++)
                sum = sum * 31 + (unsigned char)m[i];
        }
    }
    printf("memmove checksum=%lu\n", sum);

    char copy[64];
    strcpy(copy, "first");
    strcat(copy, ",second");
    const char *volatile more = ",third-and-more";
    strncat(copy, more, 6);
    printf("copy=[%s]\n", copy);
    char tok[] = "  split these,words;  please ";
    for (char *save, *t = strtok_r(tok, " ,;", &save); t; t = strtok_r(NULL, " ,;", &save))
        printf("tok=[%s]\n", t);
    char *dup = strdup("duplicate me");
    printf("strdup=[%s] strndup=", dup);
    free(dup);
    dup = strndup("duplicate me", 4);
    printf("[%s]\n", dup);
    free(dup);
}

static void conversions(void)
{
    const char *ints[] = {"0", "-17", "0x7fffffffffffffff", "0777", "  +42xyz", "99999999999999999999"};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        char *end;
        long v = strtol(ints[i], &end, 0);
        unsigned long u = strtoul(ints[i], NULL, 10);
        printf("strtol(%s)=%ld rest=[%s] strtoul10=%lu\n", ints[i], v, end, u);
    }
    const char *dbls[] = {"3.25", "-1e-5", "0x1.8p3", "inf", "1e400", "2.2250738585072014e-308",
                          "123.456e2junk"};
    for (size_t i = 0; i < sizeof dbls / sizeof dbls[0]; i++) {
        char *end;
        double d = strtod(dbls[i], &end);
        float f = strtof(dbls[i], NULL);
        printf("strtod(%s)=%.17g %a rest=[%s] strtof=%.9g\n", dbls[i], d, d, end, (double)f);
    }
    printf("atoi=%d atol=%ld atof=%g\n", atoi("-2147483648"), atol("1234567890123"), atof("1.5e3"));
    int a, b;
    char word[16];
    double d;
    int n = sscanf("12 0x1f hello 2.5e1", "%d %x %15s %lf", &a, &b, word, &d);
    printf("sscanf n=%d a=%d b=%d word=%s d=%g\n", n, a, b, word, d);
}

int main(void)
{
    integers();
    floats();
    chars_and_strings();
    string_functions();
    conversions();
    return 0;
}
