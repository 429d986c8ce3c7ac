# SPDX-License-Identifier: MIT
# What `cmake --install` puts where (docs/embedding.md lists it). Everything that names a path
# does so relative to itself: the pkg-config files (${pcfiledir}), the CMake package
# (PACKAGE_PREFIX_DIR), the program ($ORIGIN RUNPATH) and the library (util/location.c), so an
# installed tree works wherever it is moved.
include(CMakePackageConfigHelpers)

# Two components, which the Debian package splits as Debian does: "runtime" (the library, the
# program, the plugins and their data, schemas, manual pages, completion, documentation) and
# "dev" (headers, the static library, the libcadre.so link, pkg-config and CMake files).
install(TARGETS cadre cadre_static EXPORT cadreTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS cadre_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(TARGETS cadre_worker RUNTIME DESTINATION ${CADRE_WORKER_INSTALL_DIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cadre DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT dev)
install(FILES ${PROJECT_SOURCE_DIR}/docs/candidate.schema.json
  ${PROJECT_SOURCE_DIR}/docs/report.schema.json DESTINATION ${CADRE_SCHEMA_INSTALL_DIR}
  COMPONENT runtime)

# Manual pages and shell completion, written by the program itself from its command table
# (core/cli/spec.c), so they cannot drift from --help.
set(_gen ${PROJECT_BINARY_DIR}/generated)
add_custom_command(
  OUTPUT ${_gen}/man/cadre.1 ${_gen}/completion/cadre ${_gen}/completion/_cadre
  COMMAND ${CMAKE_COMMAND} -E make_directory ${_gen}/man ${_gen}/completion
  COMMAND $<TARGET_FILE:cadre_cli> help --man-pages ${_gen}/man
  COMMAND sh -c "\"$1\" completion bash > \"$2\"" sh $<TARGET_FILE:cadre_cli>
          ${_gen}/completion/cadre
  COMMAND sh -c "\"$1\" completion zsh > \"$2\"" sh $<TARGET_FILE:cadre_cli>
          ${_gen}/completion/_cadre
  DEPENDS cadre_cli
  COMMENT "Writing the manual pages and shell completion"
  VERBATIM)
add_custom_target(cadre_generated ALL
  DEPENDS ${_gen}/man/cadre.1 ${_gen}/completion/cadre ${_gen}/completion/_cadre)
install(DIRECTORY ${_gen}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime
  FILES_MATCHING PATTERN "*.1")
install(FILES ${_gen}/completion/cadre
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT runtime)
# Debian's zsh searches vendor-completions under /usr, site-functions under /usr/local.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(_zsh_dir ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
else()
  set(_zsh_dir ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
endif()
install(FILES ${_gen}/completion/_cadre DESTINATION ${_zsh_dir} COMPONENT runtime)

# pkg-config: cadre (shared) and cadre-static.
file(RELATIVE_PATH CADRE_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
  "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" CADRE_PC_TO_PREFIX "${CADRE_PC_TO_PREFIX}")
set(CADRE_PC_REQUIRES "lua5.4 libcjson")
set(CADRE_CMAKE_SECCOMP "")
if(cadre_seccomp_FOUND)
  string(APPEND CADRE_PC_REQUIRES " libseccomp")
  set(CADRE_CMAKE_SECCOMP "cadre_seccomp:libseccomp")
endif()
foreach(_pc cadre cadre-static)
  configure_file(${_pc}.pc.in ${PROJECT_BINARY_DIR}/${_pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${_pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
    COMPONENT dev)
endforeach()

# CMake: find_package(cadre 0.2) gives cadre::cadre and cadre::cadre_static. Before 1.0 a minor
# release may change the ABI (CHANGELOG.md), so only the same minor version is compatible.
set_target_properties(cadre_static PROPERTIES EXPORT_NAME cadre_static)
set(_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/cadre)
install(EXPORT cadreTargets NAMESPACE cadre:: DESTINATION ${_cmake_dir} COMPONENT dev)
configure_package_config_file(cadreConfig.cmake.in ${PROJECT_BINARY_DIR}/cadreConfig.cmake
  INSTALL_DESTINATION ${_cmake_dir}
  PATH_VARS CADRE_PLUGIN_INSTALL_DIR CADRE_WORKER_INSTALL_DIR CADRE_SCHEMA_INSTALL_DIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cadreConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cadreConfig.cmake ${PROJECT_BINARY_DIR}/cadreConfigVersion.cmake
  DESTINATION ${_cmake_dir} COMPONENT dev)

# The documentation, with the licence and the O*NET attribution (also beside the data).
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
  ${PROJECT_SOURCE_DIR}/CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime
  FILES_MATCHING PATTERN "*.md" PATTERN "*.json" PATTERN "*.lua" PATTERN "*.c"
  PATTERN "CMakeLists.txt" EXCLUDE)
