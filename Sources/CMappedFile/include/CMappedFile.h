#ifndef CASEAUDIT_CMAPPEDFILE_H
#define CASEAUDIT_CMAPPEDFILE_H

#include <stddef.h>

/// Maps `length` bytes of the open regular file `fd` read-only into memory and stores their
/// address in `*base`. Returns 0, or an errno value (ENOSPC when as many files as this keeps
/// mapped at once already are). While mapped, a truncation of the file does not kill the process:
/// the pages past its new end read as zero bytes instead, and `caseaudit_mapped_file_truncated`
/// then says so (see mapped_file.c).
int caseaudit_map_file(int fd, size_t length, const unsigned char **base);

/// Unmaps what `caseaudit_map_file` mapped at `base`.
void caseaudit_unmap_file(const unsigned char *base, size_t length);

/// Whether part of the file mapped at `base` was gone when it was read (the file was truncated
/// while mapped): 1 or 0.
int caseaudit_mapped_file_truncated(const unsigned char *base);

#endif
