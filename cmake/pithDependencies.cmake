# The libraries pith links that ship no CMake package on Debian 12 (uchardet, zstd, CLD2,
# fastText, ISA-L, xxHash), as imported targets pith::NAME found by name. Included by
# CMakeLists.txt and by the installed pithConfig.cmake, so that a program linking the static
# libpith.a finds them as the build did. Sets PITH_MISSING_DEPENDENCIES to those not found.
set(PITH_MISSING_DEPENDENCIES "")
foreach(pith_dependency IN ITEMS uchardet zstd cld2 fasttext isal xxhash)
  if(TARGET pith::${pith_dependency})
    continue()
  endif()
  find_library(PITH_${pith_dependency}_LIBRARY ${pith_dependency})
  if(PITH_${pith_dependency}_LIBRARY)
    add_library(pith::${pith_dependency} UNKNOWN IMPORTED)
    set_target_properties(pith::${pith_dependency} PROPERTIES
      IMPORTED_LOCATION "${PITH_${pith_dependency}_LIBRARY}")
  else()
    list(APPEND PITH_MISSING_DEPENDENCIES ${pith_dependency})
  endif()
endforeach()
unset(pith_dependency)
