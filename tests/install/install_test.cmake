# cmake -P install_test.cmake: installs the build into PREFIX and builds the README's example
# against it as a program outside this tree would (tests/install/CMakeLists.txt passes the
# variables). Fails on the first step that does not work, with that step's output.

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(failed)
    message(FATAL_ERROR "${what} failed (${failed}):\n  ${ARGN}\n${out}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

# 1. The install, into a fresh prefix.
file(REMOVE_RECURSE ${PREFIX})
run("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX})

# 2. Everything in its place: the binary, every public header, the CMake package, pith.pc,
# the library.
set(expected bin/pith ${LIBDIR}/cmake/pith/pithConfig.cmake ${LIBDIR}/cmake/pith/pithConfigVersion.cmake
    ${LIBDIR}/pkgconfig/pith.pc)
file(GLOB public_headers RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/include/pith/*.h)
list(APPEND expected ${public_headers})
if(SHARED)
  list(APPEND expected ${LIBDIR}/libpith.so ${LIBDIR}/libpith.so.0 ${LIBDIR}/libpith.so.${VERSION})
else()
  list(APPEND expected ${LIBDIR}/libpith.a)
endif()
foreach(f IN LISTS expected)
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "not installed: ${PREFIX}/${f}")
  endif()
endforeach()
run("the installed pith -V" ${PREFIX}/bin/pith -V)
if(NOT output MATCHES "pith ${VERSION}")
  message(FATAL_ERROR "pith -V printed '${output}', not 'pith ${VERSION}'")
endif()

# 2b. The Python package and pith-dask (python/CMakeLists.txt), where the module is built: the
# installed script finds the installed package from its own place, and the package extracts.
if(PYTHON_MODULE)
  foreach(f IN ITEMS bin/pith-dask lib/python3/dist-packages/pith/__init__.py lib/python3/dist-packages/pith/dask.py)
    if(NOT EXISTS ${PREFIX}/${f})
      message(FATAL_ERROR "not installed: ${PREFIX}/${f}")
    endif()
  endforeach()
  run("the installed pith-dask --help" ${PREFIX}/bin/pith-dask --help)
  if(NOT output MATCHES "usage: pith-dask")
    message(FATAL_ERROR "pith-dask --help printed '${output}', not its usage")
  endif()
  # (no ';' in the script: run() passes its arguments as a CMake list)
  run("import pith from the prefix"
      ${CMAKE_COMMAND} -E env PYTHONPATH=${PREFIX}/lib/python3/dist-packages PYTHONDONTWRITEBYTECODE=1
      ${PYTHON} -c "import pith\nprint(pith.__file__)\nprint(pith.extract('<p>' + 'Hello, world. ' * 20 + '</p>')['text'][:13])")
  if(NOT output MATCHES "^${PREFIX}/lib/python3/dist-packages/pith/__init__\\.py\nHello, world\\.")
    message(FATAL_ERROR "the installed module printed '${output}': not imported from ${PREFIX}, or no text")
  endif()
endif()

# 3. The shared library: its SONAME, the API exported, the internals hidden (make_recipe is
# src/pipeline/stage.h's, not the API's).
if(SHARED)
  run("objdump -p" objdump -p ${PREFIX}/${LIBDIR}/libpith.so.${VERSION})
  if(NOT output MATCHES "SONAME +libpith\\.so\\.0\n")
    message(FATAL_ERROR "libpith.so's SONAME is not libpith.so.0:\n${output}")
  endif()
  run("nm -D" nm -DC --defined-only ${PREFIX}/${LIBDIR}/libpith.so.${VERSION})
  foreach(exported IN ITEMS "pith::Extractor::extract" "pith::Cleaner::clean" "pith::list_inputs"
                            "pith::RecordReader::open" "pith::run_pipeline")
    if(NOT output MATCHES "${exported}")
      message(FATAL_ERROR "libpith.so does not export ${exported}")
    endif()
  endforeach()
  if(output MATCHES "pith::make_recipe")
    message(FATAL_ERROR "libpith.so exports an internal symbol (pith::make_recipe): visibility is not hidden")
  endif()
endif()

# 4. The README's example, built by a separate project through each way of finding pith, and run.
set(static ON)
if(SHARED)
  set(static OFF)
endif()
foreach(find IN ITEMS cmake pkg-config)
  set(dir ${WORK_DIR}/consumer-${find})
  file(REMOVE_RECURSE ${dir})
  if(find STREQUAL "cmake")
    set(how -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
  else()
    set(how -DPITH_STATIC=${static})
  endif()
  run("configuring the consumer (${find})"
      ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${PREFIX}/${LIBDIR}/pkgconfig
      ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${dir} -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release
      -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DPITH_FIND=${find} -DEXAMPLE=${EXAMPLE} ${how})
  if(find STREQUAL "cmake" AND NOT output MATCHES "pith found in ${PREFIX}/")
    message(FATAL_ERROR "the consumer found pith somewhere else than ${PREFIX}:\n${output}")
  endif()
  message(STATUS "consumer (${find}):\n${output}")
  run("building the consumer (${find})" ${CMAKE_COMMAND} --build ${dir})
  run("running the consumer (${find})"
      ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${PREFIX}/${LIBDIR} ${dir}/library_example)
  if(NOT output MATCHES "Hello, world\\.")
    message(FATAL_ERROR "the consumer (${find}) printed '${output}', not 'Hello, world.'")
  endif()
  message(STATUS "consumer (${find}): ${output}")
endforeach()
