// test_support.h: shared helpers for the native tests.
//
// read_source_file() reads a file of the source tree (CAMPUS_SOURCE_DIR is defined by
// CMake for the test target); test_catalog() parses assets/catalog.json once, so every
// test that needs instance types sees the catalog the page ships.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "catalog.h"

#ifndef CAMPUS_SOURCE_DIR
#error "CAMPUS_SOURCE_DIR must name the source tree (CMake defines it for campus_tests)"
#endif

// The bytes of a file under the source tree, e.g. read_source_file("assets/catalog.json").
inline std::string read_source_file(const char* rel) {
    const std::string path = std::string(CAMPUS_SOURCE_DIR) + "/" + rel;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The shipped catalog, loaded once; a test using it fails if it does not load.
inline const core::Catalog& test_catalog() {
    static const core::Catalog catalog = [] {
        core::Result<core::Catalog> loaded =
            core::load_catalog(read_source_file("assets/catalog.json"));
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return std::move(loaded).value();
    }();
    return catalog;
}

// A type from the shipped catalog by name; fails the calling test if it is missing.
inline const core::InstanceType& test_type(const char* name) {
    core::Result<const core::InstanceType*> found = core::find_instance_type(test_catalog(), name);
    if (!found) throw std::runtime_error(found.error().message);
    return **found;
}
