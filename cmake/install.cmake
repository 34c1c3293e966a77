# What `cmake --install BUILD --prefix P` puts under P: bin/pith, the library (lib/libpith.a, or
# lib/libpith.so.0 with -DBUILD_SHARED_LIBS=ON), the public headers (include/pith/), the CMake
# package (lib/cmake/pith/: find_package(pith), target pith::pith) and lib/pkgconfig/pith.pc.
# tests/install checks it by building a separate project against P.
include(CMakePackageConfigHelpers)

if(BUILD_SHARED_LIBS)
  set(PITH_INSTALLED_LIBRARY pith_shared)
  set(PITH_STATIC_LIBRARY OFF)
  set(PITH_PC_LIBS_PRIVATE "")  # libpith.so names its own dependencies
else()
  set(PITH_INSTALLED_LIBRARY pith)
  set(PITH_STATIC_LIBRARY ON)
  # PITH_PRIVATE_DEPENDENCIES as -l flags, for `pkg-config --static --libs pith`.
  set(PITH_PC_LIBS_PRIVATE
      "-lxml2 -licuuc -licudata -lz -lsimdjson -luchardet -lzstd -lcld2 -lfasttext -lisal -lxxhash -pthread")
endif()
set(PITH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/pith)

install(TARGETS pith_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ${PITH_INSTALLED_LIBRARY} EXPORT pithTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/pith DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT pithTargets NAMESPACE pith:: DESTINATION ${PITH_CMAKE_DIR})
configure_package_config_file(cmake/pithConfig.cmake.in ${PROJECT_BINARY_DIR}/pithConfig.cmake
                              INSTALL_DESTINATION ${PITH_CMAKE_DIR})
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pithConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/pithConfig.cmake ${PROJECT_BINARY_DIR}/pithConfigVersion.cmake
              cmake/pithDependencies.cmake
        DESTINATION ${PITH_CMAKE_DIR})

# pith.pc finds its prefix from its own folder, so any --prefix given at install time holds.
file(RELATIVE_PATH PITH_PC_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" PITH_PC_PREFIX "${PITH_PC_PREFIX}")
configure_file(cmake/pith.pc.in ${PROJECT_BINARY_DIR}/pith.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pith.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
