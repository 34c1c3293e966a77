// pith/export.h: PITH_API marks what the library exports. The library is compiled with hidden
// visibility (CMakeLists.txt: CXX_VISIBILITY_PRESET hidden), so in libpith.so only the classes
// and functions of include/pith/ marked PITH_API are symbols a program can link to; everything
// of src/ stays internal. In the static library the mark changes nothing.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define PITH_API __attribute__((visibility("default")))
#else
#define PITH_API
#endif
