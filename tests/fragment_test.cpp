// fragment_test.cpp: URL fragments from strangers (steps, vocabulary, controls, unknown and
// oversized parts) and the share link's campus: base64url both ways, and strict decoding
// of bad alphabets, cut-off codes, oversized links, malformed JSON and newer versions.
#include <doctest/doctest.h>

#include <string>

#include "fragment.h"
#include "scenario.h"
#include "test_support.h"

using namespace core;

namespace {

std::string decode_error(std::string_view encoded) {
    Result<std::string> r = decode_campus(encoded);
    REQUIRE_MESSAGE(!r.ok(), "expected the campus to be refused");
    return r.error().message;
}

const char* kScenario =
    R"({"version":1,"name":"x","vpc":{"cidrs":["10.0.0.0/16"]},"subnets":[],"nodeGroups":[]})";

}  // namespace

TEST_CASE("parse_fragment: step, terms and controls, with or without '#'") {
    Fragment f = parse_fragment("#step=warm-pool&terms=aws&controls=min");
    CHECK(f.step == "warm-pool");
    CHECK(f.terms == "aws");
    CHECK(f.controls == "min");
    CHECK(f.campus.empty());
    CHECK(f.problems.empty());
    CHECK(format_fragment(f) == "step=warm-pool&terms=aws&controls=min");

    Fragment g = parse_fragment("terms=analogy&&step=takeaways");
    CHECK(g.step == "takeaways");
    CHECK(g.terms == "analogy");
    CHECK(g.problems.empty());
    CHECK(parse_fragment("").problems.empty());
}

TEST_CASE("parse_fragment: bad parts are reported and dropped, the rest applies") {
    Fragment f = parse_fragment("step=Warm_Pool&terms=klingon&colour=red&controls=x&step2");
    CHECK(f.step.empty());
    CHECK(f.terms.empty());
    CHECK(f.controls.empty());
    REQUIRE(f.problems.size() == 5);
    CHECK(has(f.problems[0], "step 'Warm_Pool' is not a step name"));
    CHECK(has(f.problems[1], "terms 'klingon' must be 'aws' or 'analogy'"));
    CHECK(has(f.problems[2], "unknown link setting 'colour' ignored"));
    CHECK(has(f.problems[3], "controls 'x' must be 'min' or 'full'"));

    Fragment mixed = parse_fragment("step=panel&terms=bad");
    CHECK(mixed.step == "panel");
    CHECK(mixed.problems.size() == 1);

    // A value is shown safely: printable ASCII only, cut at 40 characters.
    Fragment shown = parse_fragment("step=" + std::string(60, 'x') + "\x01");
    REQUIRE(shown.problems.size() == 1);
    CHECK(has(shown.problems[0], "...'"));
    CHECK(shown.problems[0].find('\x01') == std::string::npos);
}

TEST_CASE("parse_fragment: oversized input is refused whole") {
    const std::string huge = "step=panel&x=" + std::string(kMaxFragment + kMaxCampusLink, 'a');
    Fragment f = parse_fragment(huge);
    CHECK(f.step.empty());
    REQUIRE(f.problems.size() == 1);
    CHECK(has(f.problems[0], "longer than 14,048 characters"));
}

TEST_CASE("parse_fragment: campus values are checked for alphabet and length") {
    const std::string code = base64url_encode(kScenario);
    Fragment f = parse_fragment("step=takeaways&campus=" + code);
    CHECK(f.problems.empty());
    CHECK(f.campus == code);
    CHECK(format_fragment(f) == "step=takeaways&campus=" + code);

    Fragment padded = parse_fragment("campus=YWI=");
    CHECK(padded.campus == "YWI=");
    CHECK(padded.problems.empty());

    Fragment bad = parse_fragment("step=takeaways&campus=abc+def");
    CHECK(bad.step == "takeaways");
    CHECK(bad.campus.empty());
    REQUIRE(bad.problems.size() == 1);
    CHECK(has(bad.problems[0], "outside base64url at position 4"));

    Fragment empty = parse_fragment("campus=");
    CHECK(empty.campus.empty());
    REQUIRE(empty.problems.size() == 1);
    CHECK(has(empty.problems[0], "campus in the link is empty"));

    Fragment longer = parse_fragment("campus=" + std::string(kMaxCampusLink + 1, 'A'));
    CHECK(longer.campus.empty());
    REQUIRE(longer.problems.size() == 1);
    CHECK(has(longer.problems[0], "12,001 characters long, more than 12,000"));
}

TEST_CASE("base64url: known vectors both ways (RFC 4648), URL-safe alphabet, no padding") {
    CHECK(base64url_encode("") == "");
    CHECK(base64url_encode("f") == "Zg");
    CHECK(base64url_encode("fo") == "Zm8");
    CHECK(base64url_encode("foo") == "Zm9v");
    CHECK(base64url_encode("foobar") == "Zm9vYmFy");
    CHECK(base64url_encode("\xfb\xff") == "-_8");
    CHECK(*base64url_decode("Zm9vYmE") == "fooba");
    CHECK(*base64url_decode("Zm9vYg==") == "foob");
    CHECK(*base64url_decode("-_8") == "\xfb\xff");
    const std::string all = [] {
        std::string s;
        for (int i = 0; i < 256; ++i)
            s += static_cast<char>(i);
        return s;
    }();
    CHECK(*base64url_decode(base64url_encode(all)) == all);
}

TEST_CASE("base64url_decode: bad characters and impossible lengths") {
    Result<std::string> plus = base64url_decode("Zm9v+mFy");
    REQUIRE_FALSE(plus.ok());
    CHECK(has(plus.error().message, "'+' at position 5"));
    Result<std::string> space = base64url_decode("Zm 9v");
    REQUIRE_FALSE(space.ok());
    CHECK(has(space.error().message, "position 3"));
    Result<std::string> inner_pad = base64url_decode("Zm=9v");
    REQUIRE_FALSE(inner_pad.ok());
    Result<std::string> cut = base64url_decode("Zm9vY");
    REQUIRE_FALSE(cut.ok());
    CHECK(has(cut.error().message, "5 characters long, which no base64url text can be"));
}

TEST_CASE("encode_campus / decode_campus: a scenario round-trips") {
    Result<std::string> code = encode_campus(kScenario);
    REQUIRE(code.ok());
    CHECK(code->find_first_of("+/=") == std::string::npos);
    Result<std::string> back = decode_campus(*code);
    REQUIRE(back.ok());
    CHECK(*back == kScenario);
}

TEST_CASE("encode_campus: a campus too big for a link is refused") {
    const std::string big =
        std::string(R"({"version":1,"name":")") + std::string(9001, 'x') + "\"}";
    Result<std::string> code = encode_campus(big);
    REQUIRE_FALSE(code.ok());
    CHECK(has(code.error().message, "too big for a link"));
    CHECK(has(code.error().message, "the limit is 12,000"));
}

TEST_CASE("decode_campus: strict about everything a stranger's link may hold") {
    CHECK(has(decode_error(""), "campus is empty"));
    CHECK(has(decode_error(std::string(kMaxCampusLink + 4, 'A')), "limit is 12,000"));
    CHECK(has(decode_error("eyJ2ZXJzaW9uIjox*"), "'*' at position 17"));
    CHECK(has(decode_error("eyJ2Z"), "cut off"));
    // Valid base64url of text that is not JSON, or JSON cut short.
    CHECK(has(decode_error(base64url_encode("hello")), "not valid JSON"));
    CHECK(has(decode_error(base64url_encode(R"({"version":1,"name":)")), "not valid JSON"));
    CHECK(has(decode_error(base64url_encode("[1,2]")), "not a scenario object"));
    CHECK(has(decode_error(base64url_encode(R"({"name":"x"})")), "no whole-number \"version\""));
    CHECK(has(decode_error(base64url_encode(R"({"version":"1"})")), "no whole-number"));
    CHECK(has(decode_error(base64url_encode(R"({"version":1.5})")), "no whole-number"));
    CHECK(has(decode_error(base64url_encode(R"({"version":2,"name":"future"})")),
              "newer CNI Campus (scenario version 2); this page reads version 1"));
    CHECK(has(decode_error(base64url_encode(R"({"version":18446744073709551615})")),
              "newer CNI Campus"));
    CHECK(has(decode_error(base64url_encode(R"({"version":0})")), "scenario version 0"));
    std::string deep = R"({"version":1,"x":)" + std::string(40, '[') + std::string(40, ']') + "}";
    CHECK(has(decode_error(base64url_encode(deep)), "nests deeper than 16"));
}

TEST_CASE("parse_fragment: lab=ID opens an incident lab, strictly, and never beside a step") {
    Fragment f = parse_fragment("#lab=idle-but-full&terms=aws");
    CHECK(f.lab == "idle-but-full");
    CHECK(f.step.empty());
    CHECK(f.problems.empty());
    CHECK(format_fragment(f) == "lab=idle-but-full&terms=aws");
    Fragment bad = parse_fragment("lab=<script>&terms=aws");
    CHECK(bad.lab.empty());
    CHECK(bad.terms == "aws");
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems.front() == "lab '<script>' is not a lab name");
    CHECK(parse_fragment("lab=" + std::string(41, 'a')).lab.empty());
    Fragment both = parse_fragment("step=warm-pool&beat=2&lab=campus-full");
    CHECK(both.lab == "campus-full");
    CHECK(both.step.empty());
    CHECK(both.beat == -1);
    REQUIRE(both.problems.size() == 1);
    CHECK(has(both.problems.front(), "a link opens a lab or a step, not both"));
    CHECK(format_fragment(both) == "lab=campus-full");
}
