#include "CAllocator.h"
#if defined(__linux__)
#include <mimalloc.h>
#endif

// On Linux the command-line programs link mimalloc (Debian's libmimalloc-dev, linked before the C
// library), whose malloc and free then serve the whole process, libyaml included. libyaml
// allocates and frees several small blocks for every scalar it scans: glibc's malloc and free were
// about a fifth of the instructions libyaml spent on a case file. mimalloc's per-thread free lists
// do the same work in a fraction, without a lock between the workers.
//
// Memory a run frees goes back to the system at once rather than after mimalloc's usual delay, so
// peak memory stays flat however many files are read one after another (a case file's bytes are a
// large block, freed when the next file is read). Elsewhere than Linux the system allocator stays.
void caseaudit_configure_allocator(void) {
#if defined(__linux__)
    mi_option_set(mi_option_decommit_delay, 0);
    mi_option_set(mi_option_segment_decommit_delay, 0);
#endif
}
