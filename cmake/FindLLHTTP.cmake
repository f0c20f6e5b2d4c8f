# SPDX-License-Identifier: GPL-3.0-or-later
# Debian 12's node-llhttp ships llhttp's generated C sources rather than a library: compile them into
# a small static library of our own. Debian 13 also packages the library itself (libllhttp-dev, with
# a CMake package): use that when the sources are not there.
find_path(LLHTTP_INCLUDE_DIR llhttp.h PATHS /usr/share/include/llhttp /usr/include/llhttp /usr/include)
find_path(LLHTTP_SOURCE_DIR llhttp.c PATHS /usr/share/llhttp /usr/share/nodejs/llhttp/src)
if(NOT LLHTTP_SOURCE_DIR)
    find_package(llhttp CONFIG QUIET)
endif()

include(FindPackageHandleStandardArgs)
if(llhttp_FOUND)
    find_package_handle_standard_args(LLHTTP REQUIRED_VARS LLHTTP_INCLUDE_DIR llhttp_DIR)
else()
    find_package_handle_standard_args(LLHTTP REQUIRED_VARS LLHTTP_INCLUDE_DIR LLHTTP_SOURCE_DIR)
endif()

if(LLHTTP_FOUND AND NOT TARGET llhttp::llhttp)
    if(llhttp_FOUND)
        foreach(candidate llhttp::llhttp_static llhttp::llhttp_shared)
            if(TARGET ${candidate})
                add_library(llhttp::llhttp ALIAS ${candidate})
                break()
            endif()
        endforeach()
    else()
        add_library(llhttp_static STATIC
            "${LLHTTP_SOURCE_DIR}/llhttp.c" "${LLHTTP_SOURCE_DIR}/api.c" "${LLHTTP_SOURCE_DIR}/http.c")
        target_include_directories(llhttp_static SYSTEM PUBLIC "${LLHTTP_INCLUDE_DIR}")
        set_target_properties(llhttp_static PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 99)
        target_compile_options(llhttp_static PRIVATE -w)
        add_library(llhttp::llhttp ALIAS llhttp_static)
    endif()
endif()
