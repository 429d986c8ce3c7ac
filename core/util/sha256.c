/* SPDX-License-Identifier: MIT */
/*
 * core/util/sha256.c - SHA-256 (FIPS 180-4), for plugin hashes and engine fingerprints.
 *
 * Written here rather than taken from OpenSSL: cadre hashes a few files at start-up, and
 * OpenSSL's first digest paid for initialising the whole library (15% of a cold start,
 * docs/performance.md); it was also cadre's only use of libcrypto. tests/unit/test_candidate.c
 * checks the FIPS 180-4 example vectors and a million-byte message.
 *
 * Where the processor has the SHA extensions (x86-64 SHA-NI, detected at run time), blocks go
 * through them: about twenty times fewer instructions than the portable rounds below, which
 * are what every other processor (and valgrind, whose virtual CPU lacks them) uses.
 */
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_SHANI_CODE 1
#endif

#include "internal.h"

static const uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n)    (((x) >> (n)) | ((x) << (32 - (n))))
#define S0(a)        (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22))
#define S1(e)        (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25))
#define CH(e, f, g)  ((g) ^ ((e) & ((f) ^ (g))))
#define MAJ(a, b, c) (((a) & (b)) | ((c) & ((a) | (b))))
#define s0(x)        (ROR(x, 7) ^ ROR(x, 18) ^ ((x) >> 3))
#define s1(x)        (ROR(x, 17) ^ ROR(x, 19) ^ ((x) >> 10))

/* One round; the caller rotates the roles of the eight working variables instead of moving
 * them, eight rounds at a time. The message schedule lives in a ring of 16 words. */
#define ROUND(a, b, c, d, e, f, g, h, i)                                                           \
    do {                                                                                           \
        uint32_t t1, wi;                                                                           \
        if ((i) < 16) {                                                                            \
            wi = w[(i)];                                                                           \
        } else {                                                                                   \
            wi = w[(i)&15] += s1(w[((i)-2) & 15]) + w[((i)-7) & 15] + s0(w[((i)-15) & 15]);        \
        }                                                                                          \
        t1 = (h) + S1(e) + CH(e, f, g) + k[i] + wi;                                                \
        (d) += t1;                                                                                 \
        (h) = t1 + S0(a) + MAJ(a, b, c);                                                           \
    } while (0)

static void block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[16], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];

    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 0; i < 64; i += 8) {
        ROUND(a, b, c, d, e, f, g, hh, i);
        ROUND(hh, a, b, c, d, e, f, g, i + 1);
        ROUND(g, hh, a, b, c, d, e, f, i + 2);
        ROUND(f, g, hh, a, b, c, d, e, i + 3);
        ROUND(e, f, g, hh, a, b, c, d, i + 4);
        ROUND(d, e, f, g, hh, a, b, c, i + 5);
        ROUND(c, d, e, f, g, hh, a, b, i + 6);
        ROUND(b, c, d, e, f, g, hh, a, i + 7);
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

#ifdef HAVE_SHANI_CODE
/* The state is kept as the instructions want it: ABEF and CDGH. */
__attribute__((target("sha,sse4.1,ssse3"))) static void
blocks_shani(uint32_t h[8], const unsigned char *p, size_t n)
{
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xB1);  /* CDAB */
    __m128i s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1B); /* HGFE */
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                                        /* ABEF */

    s1 = _mm_blend_epi16(s1, t, 0xF0); /* CDGH */
    for (; n > 0; n--, p += 64) {
        __m128i w[16], abef = s0, cdgh = s1;

        for (int q = 0; q < 16; q++) {
            __m128i m;

            if (q < 4) {
                w[q] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * q)), swap);
            } else {
                m = _mm_sha256msg1_epu32(w[q - 4], w[q - 3]);
                m = _mm_add_epi32(m, _mm_alignr_epi8(w[q - 1], w[q - 2], 4));
                w[q] = _mm_sha256msg2_epu32(m, w[q - 1]);
            }
            m = _mm_add_epi32(w[q], _mm_loadu_si128((const __m128i *)&k[4 * q]));
            s1 = _mm_sha256rnds2_epu32(s1, s0, m);
            s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(m, 0x0E));
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }
    t = _mm_shuffle_epi32(s0, 0x1B);                                  /* FEBA */
    s1 = _mm_shuffle_epi32(s1, 0xB1);                                 /* DCHG */
    _mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(t, s1, 0xF0)); /* DCBA */
    _mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(s1, t, 8));    /* HGFE */
}

static int have_shani(void)
{
    static int known = -1; /* a benign race: every thread computes the same answer */
    unsigned a, b, c, d;

    if (known >= 0) return known;
    known = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE4_1) &&
            __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
    return known;
}
#endif

/* n whole blocks. */
static void blocks(uint32_t h[8], const unsigned char *p, size_t n)
{
#ifdef HAVE_SHANI_CODE
    if (have_shani()) {
        blocks_shani(h, p, n);
        return;
    }
#endif
    for (; n > 0; n--, p += 64)
        block(h, p);
}

void cadre__sha256_init(cadre__sha256 *s)
{
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

    memcpy(s->h, iv, sizeof(iv));
    s->bytes = 0;
    s->fill = 0;
}

void cadre__sha256_update(cadre__sha256 *s, const void *data, size_t len)
{
    const unsigned char *p = data;

    s->bytes += len;
    if (s->fill) {
        size_t take = 64 - s->fill < len ? 64 - s->fill : len;

        memcpy(s->buf + s->fill, p, take);
        s->fill += take, p += take, len -= take;
        if (s->fill < 64) return;
        blocks(s->h, s->buf, 1);
        s->fill = 0;
    }
    blocks(s->h, p, len / 64);
    p += len / 64 * 64;
    len %= 64;
    memcpy(s->buf, p, len);
    s->fill = len;
}

void cadre__sha256_final_hex(cadre__sha256 *s, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    uint64_t bits = s->bytes * 8;
    unsigned char pad[72] = {0x80};
    size_t n = (s->fill < 56 ? 56 : 120) - s->fill;

    for (int i = 0; i < 8; i++)
        pad[n + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
    cadre__sha256_update(s, pad, n + 8);
    for (int i = 0; i < 32; i++) {
        unsigned v = (s->h[i / 4] >> (24 - 8 * (i % 4))) & 0xff;

        out[2 * i] = hex[v >> 4];
        out[2 * i + 1] = hex[v & 15];
    }
    out[64] = '\0';
}

int cadre__sha256_hex(char out[65], const void *data, size_t len)
{
    cadre__sha256 s;

    cadre__sha256_init(&s);
    cadre__sha256_update(&s, data, len);
    cadre__sha256_final_hex(&s, out);
    return 0;
}
