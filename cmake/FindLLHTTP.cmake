# SPDX-License-Identifier: GPL-3.0-or-later
# Debian's node-llhttp ships llhttp's generated C sources rather than a library: compile them into a
# small static library of our own.
find_path(LLHTTP_INCLUDE_DIR llhttp.h PATHS /usr/share/include/llhttp /usr/include/llhttp /usr/include)
find_path(LLHTTP_SOURCE_DIR llhttp.c PATHS /usr/share/llhttp /usr/share/nodejs/llhttp/src)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LLHTTP REQUIRED_VARS LLHTTP_INCLUDE_DIR LLHTTP_SOURCE_DIR)

if(LLHTTP_FOUND AND NOT TARGET llhttp::llhttp)
    add_library(llhttp_static STATIC
        "${LLHTTP_SOURCE_DIR}/llhttp.c" "${LLHTTP_SOURCE_DIR}/api.c" "${LLHTTP_SOURCE_DIR}/http.c")
    target_include_directories(llhttp_static SYSTEM PUBLIC "${LLHTTP_INCLUDE_DIR}")
    set_target_properties(llhttp_static PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 99)
    target_compile_options(llhttp_static PRIVATE -w)
    add_library(llhttp::llhttp ALIAS llhttp_static)
endif()
