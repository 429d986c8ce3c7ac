# SPDX-License-Identifier: MIT
# What `cmake --install` puts where (docs/embedding.md lists it). Everything that names a path
# does so relative to itself: the pkg-config files (${pcfiledir}), the CMake package
# (PACKAGE_PREFIX_DIR), the program ($ORIGIN RUNPATH) and the library (util/location.c), so an
# installed tree works wherever it is moved.
include(CMakePackageConfigHelpers)

install(TARGETS cadre cadre_static EXPORT cadreTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS cadre_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cadre DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/candidate.schema.json
  DESTINATION ${CADRE_SCHEMA_INSTALL_DIR})

# pkg-config: cadre (shared) and cadre-static.
file(RELATIVE_PATH CADRE_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
  "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" CADRE_PC_TO_PREFIX "${CADRE_PC_TO_PREFIX}")
set(CADRE_PC_REQUIRES "lua5.4 libcjson libcrypto")
set(CADRE_CMAKE_SECCOMP "")
if(cadre_seccomp_FOUND)
  string(APPEND CADRE_PC_REQUIRES " libseccomp")
  set(CADRE_CMAKE_SECCOMP "cadre_seccomp:libseccomp")
endif()
foreach(_pc cadre cadre-static)
  configure_file(${_pc}.pc.in ${PROJECT_BINARY_DIR}/${_pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${_pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()

# CMake: find_package(cadre 0.2) gives cadre::cadre and cadre::cadre_static. Before 1.0 a minor
# release may change the ABI (CHANGELOG.md), so only the same minor version is compatible.
set_target_properties(cadre_static PROPERTIES EXPORT_NAME cadre_static)
set(_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/cadre)
install(EXPORT cadreTargets NAMESPACE cadre:: DESTINATION ${_cmake_dir})
configure_package_config_file(cadreConfig.cmake.in ${PROJECT_BINARY_DIR}/cadreConfig.cmake
  INSTALL_DESTINATION ${_cmake_dir}
  PATH_VARS CADRE_PLUGIN_INSTALL_DIR CADRE_SCHEMA_INSTALL_DIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cadreConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cadreConfig.cmake ${PROJECT_BINARY_DIR}/cadreConfigVersion.cmake
  DESTINATION ${_cmake_dir})

# The documentation, with the licence and the O*NET attribution (also beside the data).
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
  ${PROJECT_SOURCE_DIR}/CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
  FILES_MATCHING PATTERN "*.md" PATTERN "*.json" PATTERN "*.lua" PATTERN "*.c"
  PATTERN "CMakeLists.txt" EXCLUDE)
