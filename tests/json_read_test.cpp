// json_read_test.cpp: core's one JSON entry point parses without exceptions, says where a
// syntax error is, and reports nesting depth and top-level keys (repeats kept).
#include <doctest/doctest.h>

#include <string>

#include "json_read.h"

using core::JsonParseInfo;
using core::parse_json;
using nlohmann::json;

TEST_CASE("parse_json reads a document and reports its shape") {
    json doc;
    JsonParseInfo info;
    REQUIRE(parse_json(R"({"b": 1, "a": [2, {"c": null}], "b": 3})", doc, &info));
    CHECK(doc["a"][1].contains("c"));
    CHECK(doc["b"] == 3);  // the last of a repeated key wins in the document...
    CHECK(info.top_keys == std::vector<std::string>{"b", "a", "b"});  // ...but both are listed
    CHECK(info.max_depth == 3);
    CHECK(info.error.empty());

    REQUIRE(parse_json("  42 ", doc, &info));
    CHECK(doc == 42);
    CHECK(info.max_depth == 0);
    CHECK(info.top_keys.empty());
}

TEST_CASE("parse_json: syntax errors come back as data, with the byte") {
    json doc;
    JsonParseInfo info;
    CHECK_FALSE(parse_json(R"({"a": tru})", doc, &info));
    CHECK(info.error_byte == 10);
    CHECK(info.error.find("parse_error") != std::string::npos);
    CHECK(core::json_error_detail(info.error).rfind("syntax error while parsing value", 0) == 0);

    CHECK_FALSE(parse_json("", doc, &info));
    CHECK_FALSE(parse_json("{} x", doc, &info));  // trailing text
    CHECK(info.error_byte == 4);
    CHECK_FALSE(parse_json("[1, 2", doc, &info));                   // truncated
    CHECK_FALSE(parse_json(std::string("\"a\xff\""), doc, &info));  // not UTF-8

    // Not a syntax error but still refused: a number beyond a double.
    CHECK_FALSE(parse_json("1e999", doc, &info));
    CHECK(info.error.find("out_of_range") != std::string::npos);
    CHECK(core::json_error_detail(info.error).find("number overflow") != std::string::npos);

    // The info of a failed parse does not leak into the next one.
    REQUIRE(parse_json("{}", doc, &info));
    CHECK(info.error.empty());
    CHECK(info.error_byte == 0);
}

TEST_CASE("parse_json: deep nesting is measured, and works without info") {
    std::string deep(500, '[');
    deep += std::string(500, ']');
    json doc;
    JsonParseInfo info;
    REQUIRE(parse_json(deep, doc, &info));
    CHECK(info.max_depth == 500);
    CHECK(parse_json("[]", doc));
    CHECK_FALSE(parse_json("[", doc));
}

TEST_CASE("json_too_deep_at: the byte of the first bracket past the limit; strings do not count") {
    CHECK(core::json_too_deep_at("[[[]]]", 3) == std::string_view::npos);
    CHECK(core::json_too_deep_at("[[[]]]", 2) == 2);
    // Three deep ({, [, {); the brackets in the string would make it seven.
    CHECK(core::json_too_deep_at(R"({"a":"[[[[", "b":[{}]})", 3) == std::string_view::npos);
    CHECK(core::json_too_deep_at(R"({"a":"[[[[", "b":[{}]})", 2) == 18);
    CHECK(core::json_too_deep_at(R"(["\"[", [[1]]])", 2) == 9);
    CHECK(core::json_nesting(R"(["\"[", [[1]]])") == 3);
}

TEST_CASE("json_list_ids: the string ids of a top-level list's objects; bad text gives none") {
    CHECK(core::json_list_ids("{\"labs\": [{\"id\": 7}, {\"id\": \"ok\"}, 3, {\"id\": \"b\"}]}",
                              "labs") == std::vector<std::string>{"ok", "b"});
    CHECK(core::json_list_ids("{\"labs\": [{\"id\": \"a\"}]}", "exercises").empty());
    CHECK(core::json_list_ids("", "labs").empty());
    CHECK(core::json_list_ids("{\"labs\": [", "labs").empty());
    CHECK(core::json_list_ids("[{\"id\": \"a\"}]", "labs").empty());
    CHECK(core::json_list_ids("{\"labs\": {\"id\": \"x\"}}", "labs").empty());
    CHECK(core::json_list_ids("{\"labs\": " + std::string(20, '[') + std::string(20, ']') + "}",
                              "labs")
              .empty());
}
