// epoll(7) for the runtime's driver loop. Swift's Glibc module does not import <sys/epoll.h>, and
// `struct epoll_event` is packed on x86-64, so the struct stays on this side: Swift passes and gets
// plain descriptors. Level-triggered EPOLLIN only (readable, end of file, error and hang-up all wake).
#ifndef CLINUXEPOLL_H
#define CLINUXEPOLL_H

#include <stdint.h>

/// A new epoll descriptor (close-on-exec), or -1 with errno set.
int lsepoll_create(void);

/// Watches `fd` for input; 0, or -1 with errno set.
int lsepoll_add(int epfd, int fd);

/// Stops watching `fd`; 0, or -1 with errno set.
int lsepoll_remove(int epfd, int fd);

/// Waits at most `timeout_ms` (-1: no limit) and writes up to `max` (at most 64) ready descriptors
/// to `ready`; their count, or -1 with errno set (EINTR when a signal interrupted the wait).
int lsepoll_wait(int epfd, int32_t *ready, int max, int timeout_ms);

#endif
