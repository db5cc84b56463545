#ifndef CASEAUDIT_CYAML_SHIM_H
#define CASEAUDIT_CYAML_SHIM_H
#include <yaml.h>
#endif
