# SPDX-License-Identifier: GPL-3.0-or-later
# Finds a Qt 6 build of KSyntaxHighlighting: KF6 from the distribution (Debian 13), else KF5 5.116
# built against Qt 6 into a private prefix by scripts/build-ksyntaxhighlighting.sh (Debian 12).
# A Qt 5 build would load Qt 5 and Qt 6 into one process, which is fatal: refuse it here.
find_package(KF6SyntaxHighlighting QUIET)
if(TARGET KF6::SyntaxHighlighting)
    add_library(ksyntaxhighlighting ALIAS KF6::SyntaxHighlighting)
    message(STATUS "KSyntaxHighlighting: KF6 ${KF6SyntaxHighlighting_VERSION}")
    return()
endif()

find_package(KF5SyntaxHighlighting QUIET)
if(NOT TARGET KF5::SyntaxHighlighting)
    message(FATAL_ERROR "KSyntaxHighlighting for Qt 6 not found. On Debian 13 install "
        "libkf6syntaxhighlighting-dev; on Debian 12 run scripts/setup.sh (it builds KSyntaxHighlighting "
        "5.116 against Qt 6 into a private prefix) or pass -DCMAKE_PREFIX_PATH=<that prefix>.")
endif()
get_target_property(_ksh_links KF5::SyntaxHighlighting INTERFACE_LINK_LIBRARIES)
if(NOT "${_ksh_links}" MATCHES "Qt6::")
    message(FATAL_ERROR "KF5SyntaxHighlighting at ${KF5SyntaxHighlighting_DIR} is a Qt 5 build "
        "(links: ${_ksh_links}). Use the Qt 6 build from scripts/build-ksyntaxhighlighting.sh.")
endif()
add_library(ksyntaxhighlighting ALIAS KF5::SyntaxHighlighting)
message(STATUS "KSyntaxHighlighting: KF5 ${KF5SyntaxHighlighting_VERSION} built against Qt 6")
