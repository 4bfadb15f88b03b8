// fuzz_support.h: what the libFuzzer targets share.
//
// FUZZ_CHECK states a property that must hold for every input; when it does not, the target
// prints what broke and aborts, so libFuzzer saves the input (-artifact_prefix) and the
// regression run of ./campus test replays it. The shipped catalog and lessons are loaded once
// from the embedded assets (core/assets.h): the fuzzers see the bytes the page ships.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "assets.h"
#include "catalog.h"
#include "lessons.h"

namespace fuzz {

// Prints the broken property with its detail and aborts (a crash libFuzzer records).
[[noreturn]] inline void fail(const char* what, const std::string& detail, const char* file,
                              int line) {
    std::fprintf(stderr, "\nFUZZ_CHECK failed at %s:%d: %s\n  %s\n", file, line, what,
                 detail.c_str());
    std::abort();
}

// The fuzzer's bytes as the text a reader takes.
inline std::string_view text(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// What load makes of the embedded asset name; fails (as check `what`) if it does not load.
template <class T>
T load_embedded(const char* name, core::Result<T> (*load)(std::string_view), const char* what) {
    core::Result<T> loaded = load(core::asset(name));
    if (!loaded) fail(what, loaded.error().message, __FILE__, __LINE__);
    return std::move(loaded).value();
}

// The shipped instance catalog (assets/catalog.json), loaded once.
inline const core::Catalog& catalog() {
    static const core::Catalog loaded =
        load_embedded("catalog.json", core::load_catalog, "the embedded catalog loads");
    return loaded;
}

// The shipped lessons (assets/lessons.json), loaded once.
inline const core::Lessons& lessons() {
    static const core::Lessons loaded =
        load_embedded("lessons.json", core::load_lessons, "the embedded lessons load");
    return loaded;
}

// True if every byte of s is printable ASCII or a complete UTF-8 sequence (messages end up
// in the page and in JSON, where broken UTF-8 is an error).
inline bool valid_utf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        if (c < 0x80) {
            n = 0;
        } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            n = 1;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            n = 3;
        } else {
            return false;
        }
        if (n > 0 && i + n >= s.size()) return false;  // sequence cut off at the end
        for (size_t k = 1; k <= n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += n + 1;
    }
    return true;
}

}  // namespace fuzz

// Aborts with `detail` (a std::string expression) when `cond` is false.
#define FUZZ_CHECK(cond, detail)                                      \
    do {                                                              \
        if (!(cond)) fuzz::fail(#cond, (detail), __FILE__, __LINE__); \
    } while (false)
