// test_support.h: shared helpers for the native tests.
//
// read_source_file() reads a file of the source tree (CAMPUS_SOURCE_DIR is defined by
// CMake for the test target); test_catalog() and test_lessons() parse assets/catalog.json
// and assets/lessons.json once, so every test sees what the page ships; has() checks that a
// message holds its telling part.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "catalog.h"
#include "lessons.h"

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

// True if text contains part (messages are checked by their telling part).
inline bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The shipped lessons, loaded once; a test using them fails if they do not load.
inline const core::Lessons& test_lessons() {
    static const core::Lessons lessons = [] {
        core::Result<core::Lessons> loaded =
            core::load_lessons(read_source_file("assets/lessons.json"));
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return std::move(loaded).value();
    }();
    return lessons;
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
