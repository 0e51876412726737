/*
 * A point of comparison for docs/performance.md, not part of any build: partitionable
 * `bits` (element i = y0 ^ y1 of Threefry-2x32-20 at counter (0, i)) in plain C, timed
 * on 2^24 uint32 the way scripts/bench.mjs times bitsInto (pooled buffer, 3 warm-up
 * runs, median of 9).
 *
 *   gcc -O3 -march=native -o /tmp/threefry-bench scripts/threefry-bench.c   (SIMD, e.g. AVX-512)
 *   gcc -O3 -mavx2 -o /tmp/threefry-bench scripts/threefry-bench.c          (AVX2 only)
 *   gcc -O2 -fno-tree-vectorize -o /tmp/threefry-bench scripts/threefry-bench.c  (scalar)
 *   /tmp/threefry-bench
 *
 * It prints element 0 for key(2024), which must equal bits(key(2024), [1]) (300553748).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ROTL(x, r) (((x) << (r)) | ((x) >> (32 - (r))))
#define ROUND(r) \
  x0 += x1;      \
  x1 = ROTL(x1, r) ^ x0;

static void partitionable_bits(uint32_t k0, uint32_t k1, uint32_t *out, size_t n) {
  const uint32_t k2 = k0 ^ k1 ^ 0x1BD11BDA;
  for (size_t i = 0; i < n; i++) {
    uint32_t x0 = k0, x1 = (uint32_t)i + k1;
    ROUND(13) ROUND(15) ROUND(26) ROUND(6) x0 += k1; x1 += k2 + 1;
    ROUND(17) ROUND(29) ROUND(16) ROUND(24) x0 += k2; x1 += k0 + 2;
    ROUND(13) ROUND(15) ROUND(26) ROUND(6) x0 += k0; x1 += k1 + 3;
    ROUND(17) ROUND(29) ROUND(16) ROUND(24) x0 += k1; x1 += k2 + 4;
    ROUND(13) ROUND(15) ROUND(26) ROUND(6) x0 += k2; x1 += k0 + 5;
    out[i] = x0 ^ x1;
  }
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(void) {
  const size_t n = (size_t)1 << 24;
  uint32_t *out = malloc(n * sizeof *out);
  if (!out) return 1;
  for (size_t i = 0; i < n; i++) out[i] = 1;
  double ms[9];
  uint32_t sink = 0;
  for (int run = 0; run < 12; run++) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    partitionable_bits(0, 2024, out, n);
    clock_gettime(CLOCK_MONOTONIC, &b);
    sink += out[n - 1];
    if (run >= 3) ms[run - 3] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
  }
  qsort(ms, 9, sizeof ms[0], compare);
  printf("2^24 uint32: median %.1f ms, %.0f M uint32/s (element 0 = %u, sink %u)\n", ms[4],
         n / ms[4] / 1e3, out[0], sink);
  free(out);
  return 0;
}
