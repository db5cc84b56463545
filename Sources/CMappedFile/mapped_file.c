#include "CMappedFile.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// A large input is mapped rather than read: reading 41 MB means the system clears 41 MB of fresh
// pages and copies the file into them, most of the time before any worker can start; a mapping
// shares the page cache's pages. The cost of a mapping is that reading a page the file no longer
// has (another program truncated it meanwhile) raises SIGBUS, which would end the process. So
// while files are mapped, a SIGBUS handler puts a page of zeros where such a page was, notes the
// file as truncated and lets the read go on; the reader reports it. A SIGBUS anywhere else goes to
// the handler that was there before (the Swift runtime's backtracer, or the default action).

enum { slot_count = 64 };

// The files mapped now. A slot is free when `start` is 0; the handler only reads slots.
static struct {
    _Atomic uintptr_t start;
    _Atomic size_t length;
    _Atomic int truncated;
} slots[slot_count];

static struct sigaction previous_action;
static uintptr_t page_size;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int install_error;

static void pass_on(int signal_number, siginfo_t *info, void *context) {
    if (previous_action.sa_flags & SA_SIGINFO) {
        if (previous_action.sa_sigaction) {
            previous_action.sa_sigaction(signal_number, info, context);
            return;
        }
    } else if (previous_action.sa_handler != SIG_DFL && previous_action.sa_handler != SIG_IGN) {
        previous_action.sa_handler(signal_number);
        return;
    }
    // The default action: returning re-runs the faulting instruction, which now ends the process
    // as if no handler had been installed.
    signal(signal_number, SIG_DFL);
}

static void on_bus_error(int signal_number, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int index = 0; index < slot_count; index++) {
        uintptr_t start = atomic_load(&slots[index].start);
        size_t length = atomic_load(&slots[index].length);
        if (start == 0 || address < start || address - start >= length) continue;
        int saved_errno = errno;
        void *page = (void *)(address & ~(page_size - 1));
        void *zeros = mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        errno = saved_errno;
        if (zeros == MAP_FAILED) break;
        atomic_store(&slots[index].truncated, 1);
        return;
    }
    pass_on(signal_number, info, context);
}

static void install(void) {
    long size = sysconf(_SC_PAGESIZE);
    page_size = size > 0 ? (uintptr_t)size : 4096;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGBUS, &action, &previous_action) != 0) install_error = errno;
}

int caseaudit_map_file(int fd, size_t length, const unsigned char **base) {
    if (length == 0) return EINVAL;
    pthread_once(&install_once, install);
    if (install_error) return install_error;
    int flags = MAP_PRIVATE;
#if defined(MAP_POPULATE)
    // Every page is mapped now, in one call, rather than by a fault on first read.
    flags |= MAP_POPULATE;
#endif
    void *mapped = mmap(NULL, length, PROT_READ, flags, fd, 0);
    if (mapped == MAP_FAILED) return errno;
    for (int index = 0; index < slot_count; index++) {
        uintptr_t expected = 0;
        // Claimed with a start of 1 and a length of 0, which the handler passes over, until filled.
        if (atomic_compare_exchange_strong(&slots[index].start, &expected, (uintptr_t)1)) {
            atomic_store(&slots[index].truncated, 0);
            atomic_store(&slots[index].length, length);
            atomic_store(&slots[index].start, (uintptr_t)mapped);
            *base = mapped;
            return 0;
        }
    }
    munmap(mapped, length);
    return ENOSPC;
}

static int slot_of(const unsigned char *base) {
    for (int index = 0; index < slot_count; index++) {
        if (atomic_load(&slots[index].start) == (uintptr_t)base) return index;
    }
    return -1;
}

void caseaudit_unmap_file(const unsigned char *base, size_t length) {
    int index = slot_of(base);
    if (index >= 0) {
        atomic_store(&slots[index].length, 0);
        atomic_store(&slots[index].start, 0);
    }
    munmap((void *)base, length);
}

int caseaudit_mapped_file_truncated(const unsigned char *base) {
    int index = slot_of(base);
    return index >= 0 && atomic_load(&slots[index].truncated);
}
