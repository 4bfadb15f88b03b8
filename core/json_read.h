// json_read.h: the one way core turns text into JSON, without exceptions.
//
// core/ is compiled with -fno-exceptions and JSON_NOEXCEPTION everywhere (native, fuzz,
// web): nlohmann's throwing paths become aborts, so the fuzzers flag any that can be
// reached, and the web build needs neither the exception-enabled C++ runtime nor the
// JavaScript trampolines Emscripten wraps around every call that might throw. Syntax
// errors come back as data through a SAX handler instead. One entry point also means one
// instantiation of nlohmann's parser in the binary instead of one per input type.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct JsonParseInfo {
    // Set when the text is not valid JSON.
    std::size_t error_byte = 0;  // characters read when the parser gave up (1-based)
    std::string error;           // nlohmann's message ("[json.exception.parse_error.101] ...")
    // What the text looked like, filled in either way.
    int max_depth = 0;                  // deepest nesting of objects and arrays (0: a plain value)
    std::vector<std::string> top_keys;  // keys of a top-level object in order, repeats kept
};

// Parses the whole of `text` (trailing text other than white space is an error) into
// `out`. Returns false on a syntax error, with `info` (when given) saying where and why;
// `out` is then unspecified. Never throws.
bool parse_json(std::string_view text, nlohmann::json& out, JsonParseInfo* info = nullptr);

// Deepest nesting of objects and arrays in `text`, counted without parsing (brackets inside
// strings do not count): inputs from strangers are refused on it before the parser ever
// builds a deep document.
int json_nesting(std::string_view text);
// The byte at which the nesting of objects and arrays in `text` first goes deeper than
// `limit` (counted as json_nesting counts), or std::string_view::npos when it never does.
std::size_t json_too_deep_at(std::string_view text, int limit);
// The readable part of a syntax error message: "syntax error while parsing value -
// invalid literal; last read: 'tru'" (the "[json.exception...] parse error at line x,
// column y: " prefix removed).
std::string json_error_detail(const std::string& what);
// The ids a data file's list names, without reading or validating its entries: each
// `list`[i].id that is a string, in order, where `text` is an object holding that list (the
// labs' "labs", the exercises' "exercises"). Saved progress is checked against them before
// the full readers run (the web build runs those only once the second part of its module is
// there). Empty when the text is not JSON of that shape (or nests deeper than 16); the full
// reader then says what is wrong.
std::vector<std::string> json_list_ids(std::string_view text, const char* list);

}  // namespace core
