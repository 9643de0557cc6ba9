#ifndef ZONEHUB_CQRENCODE_SHIM_H
#define ZONEHUB_CQRENCODE_SHIM_H
/* libqrencode's functions are not variadic: Swift calls them directly, so no wrappers are needed here. */
#include <qrencode.h>
#endif
