#include "CMappedFile.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

// A large input is mapped rather than read: reading 41 MB means the system clears 41 MB of fresh
// pages and copies the file into them, most of the time before any worker can start; a mapping
// shares the page cache's pages. The cost of a mapping is that it shows the file as it is at each
// read, not as it was when opened:
// - reading a page the file no longer has (another program truncated it) raises SIGBUS, which
//   would end the process. From the first mapping on, a SIGBUS handler puts zeros where the file's
//   pages are gone, marks the file and lets the read go on. Any other SIGBUS goes to the handler
//   that was there before (the Swift runtime's backtracer, or the default action). A handler
//   installed later in place of this one would end the guard; nothing in caseaudit does so.
// - a cut inside the last page the file keeps, or bytes written meanwhile, raise no signal: the
//   file's size and modification time, kept from when it was mapped, are compared again.
// The reader asks `caseaudit_mapped_file_changed` once it is done and reports a changed file.

// The handler reads the slots from any thread, without a lock.
static_assert(ATOMIC_POINTER_LOCK_FREE == 2 && ATOMIC_INT_LOCK_FREE == 2, "the SIGBUS handler needs lock-free atomics");

enum { slot_count = 64 };

#if defined(__APPLE__)
#define MODIFIED(info) ((info).st_mtimespec)
#else
#define MODIFIED(info) ((info).st_mtim)
#endif

// The files mapped now. A slot is free when `start` is 0, claimed (not yet filled) when it is 1.
static struct {
    _Atomic uintptr_t start;
    // The mapping's length, whole pages: a vector read may go past the file's last byte within
    // its last page.
    _Atomic size_t length;
    _Atomic int faulted;
    // Not read by the handler: a descriptor of the file and what it was when mapped.
    int fd;
    struct stat mapped_as;
} slots[slot_count];

static struct sigaction previous_action;
static size_t page_size;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int install_error;

// What the signal would have done without this handler.
static void pass_on(int signal_number, siginfo_t *info, void *context) {
    void (*handler)(int) = previous_action.sa_handler;
    if (handler == SIG_IGN && info->si_code > 0) {
        // A fault cannot be ignored: returning would run the faulting read again, forever.
        handler = SIG_DFL;
    }
    if (handler == SIG_IGN) return;
    if (handler == SIG_DFL) {
        // Raised again with the default action: delivered when this handler returns.
        signal(signal_number, SIG_DFL);
        raise(signal_number);
        return;
    }
    if (previous_action.sa_flags & SA_SIGINFO) {
        previous_action.sa_sigaction(signal_number, info, context);
    } else {
        handler(signal_number);
    }
}

static void on_bus_error(int signal_number, siginfo_t *info, void *context) {
    // A page the file no longer has is BUS_ADRERR; a signal sent by a program, a memory error or
    // anything else is not this handler's.
    if (info->si_code != BUS_ADRERR) {
        pass_on(signal_number, info, context);
        return;
    }
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int index = 0; index < slot_count; index++) {
        uintptr_t start = atomic_load(&slots[index].start);
        size_t length = atomic_load(&slots[index].length);
        // Read again: a slot freed and filled by another file between the two loads is passed over.
        if (start <= 1 || atomic_load(&slots[index].start) != start) continue;
        if (address < start || address - start >= length) continue;
        // The file is cut at or before this page, so every later page is gone too: zeros for all
        // of them at once, rather than one fault each.
        int saved_errno = errno;
        uintptr_t page = address & ~(uintptr_t)(page_size - 1);
        void *zeros = mmap((void *)page, start + length - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        errno = saved_errno;
        if (zeros == MAP_FAILED) break;
        atomic_store(&slots[index].faulted, 1);
        return;
    }
    pass_on(signal_number, info, context);
}

static void install(void) {
    long size = sysconf(_SC_PAGESIZE);
    page_size = size > 0 ? (size_t)size : 4096;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGBUS, &action, &previous_action) != 0) install_error = errno;
}

const unsigned char *caseaudit_map_file(int fd, size_t length) {
    if (length == 0) return NULL;
    pthread_once(&install_once, install);
    if (install_error) return NULL;
    int kept = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (kept < 0) return NULL;
    struct stat info;
    if (fstat(kept, &info) != 0 || (uintmax_t)info.st_size != (uintmax_t)length) {
        close(kept);
        return NULL;
    }
    int flags = MAP_PRIVATE;
#if defined(MAP_POPULATE)
    // Every page is mapped now, in one call, rather than by a fault on first read.
    flags |= MAP_POPULATE;
#endif
    void *mapped = mmap(NULL, length, PROT_READ, flags, kept, 0);
    if (mapped == MAP_FAILED) {
        close(kept);
        return NULL;
    }
    for (int index = 0; index < slot_count; index++) {
        uintptr_t expected = 0;
        if (!atomic_compare_exchange_strong(&slots[index].start, &expected, (uintptr_t)1)) continue;
        slots[index].fd = kept;
        slots[index].mapped_as = info;
        atomic_store(&slots[index].faulted, 0);
        atomic_store(&slots[index].start, (uintptr_t)mapped);
        atomic_store(&slots[index].length, (length + page_size - 1) & ~(page_size - 1));
        return mapped;
    }
    munmap(mapped, length);
    close(kept);
    return NULL;
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
        close(slots[index].fd);
        atomic_store(&slots[index].length, 0);
        atomic_store(&slots[index].start, 0);
    }
    munmap((void *)base, length);
}

int caseaudit_mapped_file_changed(const unsigned char *base) {
    int index = slot_of(base);
    if (index < 0) return 0;
    if (atomic_load(&slots[index].faulted)) return 1;
    struct stat now;
    if (fstat(slots[index].fd, &now) != 0) return 1;
    const struct stat *then = &slots[index].mapped_as;
    return now.st_size != then->st_size || MODIFIED(now).tv_sec != MODIFIED(*then).tv_sec
        || MODIFIED(now).tv_nsec != MODIFIED(*then).tv_nsec;
}
