/* `make bench`'s timer (Benchmarks/run.py): runs a command and prints its wall time in seconds, its peak resident
 * memory in KiB and its exit code, on one line of standard error.
 *
 *     cc -O2 -o maxrss Benchmarks/maxrss.c && ./maxrss cie check --policy qinghai data.csv
 *
 * Why not wait4 from Python: a child Python starts (vfork or fork, then exec) carries the parent's peak into its
 * own ru_maxrss, since Linux keeps the larger of the old and the new address space's peaks across exec. With
 * DuckDB and polars imported, the harness held ~69 MB, and every small process measured that much. This program is
 * small: what its child inherits is its own peak, about 1 MB, under any command worth measuring.
 * The child's standard input and output are this program's; its standard error goes to /dev/null. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: maxrss command [argument …]\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) { perror("maxrss: fork"); return 2; }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) { dup2(null, 2); close(null); }
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) { perror("maxrss: wait4"); return 2; }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(stderr, "%.6f %ld %d\n", (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, usage.ru_maxrss, code);
    return 0;
}
