/* The yardstick of `make bench` (Docs/Performance.md): how fast one core can read a long CSV
 * (region,year,indicator,value, no quotes) into a dense region × indicator × year array, in C.
 *
 *     cc -O2 -march=native -o csvref Benchmarks/csvref.c && ./csvref national_long.csv
 *
 * What cie's long-CSV path does, without what makes cie cie (no region table, no diagnostics, no units, no
 * origins, no former codes): the whole file read into one buffer; line ends and commas found with memchr (glibc's
 * is vectorised); the region and the indicator looked up in open-addressing hash tables (a word at a time, and the
 * region skipped when it repeats the row before's); the year and the value parsed by hand; each value stored.
 * It prints the rows and values read and a checksum. Single-threaded, as the reference is. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SLOTS (1 << 16)
typedef struct { const char *p; int n; int id; } Entry;
typedef struct { Entry e[SLOTS]; int count; } Table;

static uint64_t hash(const char *p, int n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
    while (n >= 8) { uint64_t w; memcpy(&w, p, 8); h = (h ^ w) * 0xFF51AFD7ED558CCDull; p += 8; n -= 8; }
    uint64_t w = 0; memcpy(&w, p, (size_t)n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

static int lookup(Table *t, const char *p, int n) {
    for (uint64_t i = hash(p, n) & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
        Entry *e = &t->e[i];
        if (!e->p) { e->p = p; e->n = n; e->id = t->count++; return e->id; }
        if (e->n == n && memcmp(e->p, p, (size_t)n) == 0) return e->id;
    }
}

static double number(const char *p, const char *end, int *ok) {
    int neg = 0; uint64_t m = 0; int scale = 0, digits = 0;
    if (p < end && *p == '-') { neg = 1; p++; }
    while (p < end && (unsigned)(*p - '0') < 10) { m = m * 10 + (uint64_t)(*p++ - '0'); digits++; }
    if (p < end && *p == '.') { p++; while (p < end && (unsigned)(*p - '0') < 10) { m = m * 10 + (uint64_t)(*p++ - '0'); scale++; digits++; } }
    static const double tens[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};
    *ok = digits > 0 && digits <= 17 && p == end;
    double v = (double)m / tens[scale];
    return neg ? -v : v;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: csvref FILE.csv\n"); return 2; }
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) { perror(argv[1]); return 2; }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    for (size_t got = 0; got < size;) {
        ssize_t r = pread(fd, buf + got, size - got, (off_t)got);
        if (r <= 0) { perror("read"); return 2; }
        got += (size_t)r;
    }
    static Table regions, indicators;
    /* A region's block (indicators × years, NaN for missing) is allocated when the region is first seen, as cie
     * gives a region a row; the years are the benchmark's (1995–2026), the indicators at most 64. */
    enum { YEARS = 32, FIRST = 1995, MAXR = SLOTS, MAXI = 64 };
    static double *block[MAXR];
    const char *p = memchr(buf, '\n', size) + 1, *end = buf + size;
    const char *lastRegion = NULL; int lastN = -1, lastID = -1;
    long rows = 0, stored = 0, bad = 0;
    double checksum = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (le > p && le[-1] == '\r') le--;
        const char *f[4]; const char *fe[4]; int k = 0;
        f[0] = p;
        for (const char *q = p; k < 4;) {
            const char *c = memchr(q, ',', (size_t)(le - q));
            if (!c) break;
            fe[k] = c;
            if (++k < 4) f[k] = c + 1;
            q = c + 1;
        }
        if (k == 3) {
            fe[3] = le;
            int rn = (int)(fe[0] - f[0]);
            int r = (rn == lastN && memcmp(f[0], lastRegion, (size_t)rn) == 0) ? lastID : lookup(&regions, f[0], rn);
            lastRegion = f[0]; lastN = rn; lastID = r;
            int y = 0;
            for (const char *q = f[1]; q < fe[1]; q++) y = y * 10 + (*q - '0');
            int i = lookup(&indicators, f[2], (int)(fe[2] - f[2]));
            int ok = 1;
            if (fe[3] > f[3]) {
                double v = number(f[3], fe[3], &ok);
                if (ok && i < MAXI && y >= FIRST && y < FIRST + YEARS) {
                    if (!block[r]) {
                        block[r] = malloc(sizeof(double) * MAXI * YEARS);
                        for (int c = 0; c < MAXI * YEARS; c++) block[r][c] = __builtin_nan("");
                    }
                    block[r][i * YEARS + (y - FIRST)] = v;
                    checksum += v;
                    stored++;
                } else bad++;
            }
            rows++;
        } else if (le > p) bad++;
        p = nl ? nl + 1 : end;
    }
    printf("%ld rows, %ld values, %ld not read, %d regions, %d indicators, checksum %.6g\n",
           rows, stored, bad, regions.count, indicators.count, checksum);
    return 0;
}
