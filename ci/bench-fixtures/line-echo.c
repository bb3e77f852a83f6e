/* The latency benchmark's baseline child: copies stdin to stdout as bytes arrive, until EOF.
 * The parent writes one line and waits for it to come back, so this is the pipe round-trip floor.
 * Built by ci/latency with `cc -O2`. */
#include <errno.h>
#include <unistd.h>

int main(void) {
    char buffer[65536];
    for (;;) {
        ssize_t got = read(0, buffer, sizeof buffer);
        if (got == 0) return 0;
        if (got < 0) {
            if (errno == EINTR) continue;
            return 1;
        }
        for (ssize_t done = 0; done < got;) {
            ssize_t put = write(1, buffer + done, (size_t)(got - done));
            if (put < 0) {
                if (errno == EINTR) continue;
                return 1;
            }
            done += put;
        }
    }
}
