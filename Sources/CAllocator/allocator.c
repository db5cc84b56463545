#include <stdlib.h>
#include "CAllocator.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// glibc serves a request of 128 KiB or more (a case file's bytes, an output buffer) from a mapping
// of its own, given back to the system when freed. By default, once such a block is freed, glibc
// raises that threshold (up to 32 MiB) and serves the next large blocks from its heaps instead,
// where a file's buffer freed among longer-lived small blocks leaves room the heap cannot give
// back, one file after another: the peak memory of a run then grows with the number of files read.
// A fixed threshold (the default value, no longer moved) keeps every large block in its own
// mapping. Elsewhere than glibc this does nothing.
void caseaudit_configure_allocator(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}
