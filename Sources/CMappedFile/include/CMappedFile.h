#ifndef CASEAUDIT_CMAPPEDFILE_H
#define CASEAUDIT_CMAPPEDFILE_H

#include <stddef.h>

/// Maps the `length` bytes of the open regular file `fd` (its whole size) read-only into memory,
/// or returns NULL when it cannot (the caller then reads the file). From then on, another program
/// truncating the file does not end the process: what the file no longer has reads as zeros, and
/// `caseaudit_mapped_file_changed` says so (see mapped_file.c).
const unsigned char *caseaudit_map_file(int fd, size_t length);

/// Unmaps what `caseaudit_map_file` mapped at `base`.
void caseaudit_unmap_file(const unsigned char *base, size_t length);

/// Whether the file mapped at `base` has changed since it was mapped (a page was gone when read,
/// or its size or modification time differ): 1 or 0.
int caseaudit_mapped_file_changed(const unsigned char *base);

#endif
