#ifndef CASEAUDIT_CALLOCATOR_H
#define CASEAUDIT_CALLOCATOR_H

/// Sets the allocator's process-wide options for a command-line run (see allocator.c); call
/// once, first thing in main.
void caseaudit_configure_allocator(void);

#endif
