#ifndef PDF2STRUCT_CSHA256_H
#define PDF2STRUCT_CSHA256_H

/* SHA-256 block compression with the x86 SHA extensions (SHA256RNDS2, SHA256MSG1,
   SHA256MSG2). The instructions keep the eight hash words in two registers laid out as
   ABEF and CDGH (A and C in the highest lane); the message schedule is worked out four
   words at a time. Only this function is compiled for those instructions (a function
   attribute, not a build flag), and callers check p2s_sha256_accelerated() first. The
   module is this header alone: Swift compiles its inline functions into the code that
   calls them, with the same debug-information format as the Swift code. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)

#include <cpuid.h>
#include <immintrin.h>

/* True when this processor has the x86 SHA extensions (with SSSE3 and SSE4.1), so that
   p2s_sha256_blocks may be called; always false on other architectures. */
static inline bool p2s_sha256_accelerated(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    const bool ssse3 = (ecx & (1u << 9)) != 0;
    const bool sse41 = (ecx & (1u << 19)) != 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    const bool sha = (ebx & (1u << 29)) != 0;
    return ssse3 && sse41 && sha;
}

/* Folds `count` consecutive 64-byte blocks at `data` into `state`, the eight SHA-256 hash
   words a..h in FIPS 180-4 order, with `constants` the 64 round constants (FIPS 180-4,
   4.2.2; the Swift caller holds the one copy). Call only when p2s_sha256_accelerated() is
   true; the portable Swift code covers every other processor. */
__attribute__((target("sha,sse4.1,ssse3")))
static inline void p2s_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t count,
                                     const uint32_t constants[64]) {
    /* Message words are big-endian: reverse the bytes within each 32-bit lane. */
    const __m128i bigEndian = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);

    /* a b c d and e f g h (lowest lane first) into ABEF and CDGH. */
    const __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    const __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (size_t block = 0; block < count; block++, data += 64) {
        const __m128i abefBefore = abef, cdghBefore = cdgh;
        /* w[j] holds schedule words 4j .. 4j+3, the lowest lane first. */
        __m128i w[16];
        for (int j = 0; j < 16; j++) {
            if (j < 4) {
                w[j] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * j)), bigEndian);
            } else {
                /* w[t] = s1(w[t-2]) + w[t-7] + s0(w[t-15]) + w[t-16], four words at once. */
                const __m128i partial = _mm_add_epi32(_mm_sha256msg1_epu32(w[j - 4], w[j - 3]),
                                                      _mm_alignr_epi8(w[j - 1], w[j - 2], 4));
                w[j] = _mm_sha256msg2_epu32(partial, w[j - 1]);
            }
            /* Four rounds: two with the low pair of words, two with the high pair. After the
               first two, the old ABEF is the new CDGH, so the registers swap roles and swap back. */
            __m128i wk = _mm_add_epi32(w[j], _mm_loadu_si128((const __m128i *)&constants[4 * j]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            wk = _mm_shuffle_epi32(wk, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);
        }
        abef = _mm_add_epi32(abef, abefBefore);
        cdgh = _mm_add_epi32(cdgh, cdghBefore);
    }

    /* ABEF and CDGH back into a b c d and e f g h. */
    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

static inline bool p2s_sha256_accelerated(void) { return false; }

static inline void p2s_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t count,
                                     const uint32_t constants[64]) {
    (void)state; (void)data; (void)count; (void)constants;
}

#endif

#endif
