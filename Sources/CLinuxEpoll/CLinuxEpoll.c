#include "CLinuxEpoll.h"

#include <stddef.h>
#include <sys/epoll.h>

enum { lsepoll_events_max = 64 };

int lsepoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int lsepoll_add(int epfd, int fd) {
    struct epoll_event event = {.events = EPOLLIN, .data = {.fd = fd}};
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event);
}

int lsepoll_remove(int epfd, int fd) { return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL); }

int lsepoll_wait(int epfd, int32_t *ready, int max, int timeout_ms) {
    struct epoll_event events[lsepoll_events_max];
    if (max > lsepoll_events_max) max = lsepoll_events_max;
    int count = epoll_wait(epfd, events, max, timeout_ms);
    for (int index = 0; index < count; index++) ready[index] = events[index].data.fd;
    return count;
}
