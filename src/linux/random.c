/* Guest randomness: xoshiro256** from the seeded state, or the host's getrandom on request. */
#include <string.h>
#include <sys/random.h>

#include "linux/process.h"

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next(uint64_t s[4])
{
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

void linux_random_bytes(struct linux_process *p, void *buf, size_t len)
{
    uint8_t *out = buf;
    if (p->opt.host_random) {
        while (len > 0) {
            ssize_t n = getrandom(out, len, 0);
            if (n <= 0)
                break;   /* interrupted or unavailable: fall back to the PRNG for the rest */
            out += n;
            len -= (size_t)n;
        }
    }
    while (len > 0) {
        uint64_t v = next(p->rng);
        size_t n = len < sizeof v ? len : sizeof v;
        memcpy(out, &v, n);
        out += n;
        len -= n;
    }
}
