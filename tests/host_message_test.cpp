// host_message_test.cpp: the one message shape an embedding page may send is accepted;
// every other shape, size, field and step syntax is refused with a reason and a code.
#include <doctest/doctest.h>

#include <string>

#include "host_message.h"
#include "test_support.h"

using namespace core;

namespace {

// The error of a decode that must fail.
Error refused(std::string_view text) {
    Result<HostMessage> r = decode_host_message(text);
    REQUIRE_MESSAGE(!r.ok(), "expected " << std::string(text) << " to be refused");
    return r.error();
}

}  // namespace

TEST_CASE("host message: a goTo with a step id is decoded") {
    Result<HostMessage> r =
        decode_host_message(R"({"type":"cni-campus:goTo","step":"prefix-delegation"})");
    REQUIRE(r.ok());
    CHECK(r->kind == HostMessageKind::GoTo);
    CHECK(r->step == "prefix-delegation");

    // Field order and whitespace do not matter.
    r = decode_host_message(" {\n \"step\" : \"a1\" , \"type\" : \"cni-campus:goTo\" } ");
    REQUIRE(r.ok());
    CHECK(r->step == "a1");

    // 40 characters is the longest id.
    const std::string id40(40, 'x');
    r = decode_host_message(R"({"type":"cni-campus:goTo","step":")" + id40 + "\"}");
    REQUIRE(r.ok());
    CHECK(r->step == id40);
}

TEST_CASE("host message: other libraries' messages are 'not-ours'") {
    CHECK(refused(R"({"type":"webpackOk"})").code == ErrorCode::NotOurs);
    CHECK(refused(R"({"source":"react-devtools","payload":{}})").code == ErrorCode::NotOurs);
    CHECK(refused(R"({"type":42})").code == ErrorCode::NotOurs);
    CHECK(refused(R"({"type":"cni-campus"})").code == ErrorCode::NotOurs);  // no ':' suffix
    CHECK(refused(R"({"type":"CNI-CAMPUS:goTo","step":"a"})").code == ErrorCode::NotOurs);
    CHECK(has(refused(R"({"type":"x"})").message, "not a cni-campus message"));
}

TEST_CASE("host message: malformed text and shapes are refused") {
    Error e = refused("");
    CHECK(e.code == ErrorCode::BadMessage);
    CHECK(has(e.message, "not valid JSON"));
    CHECK(has(refused("{\"type\":\"cni-campus:goTo\",").message, "not valid JSON"));
    CHECK(has(refused("\"cni-campus:goTo\"").message, "expected an object"));
    CHECK(has(refused(R"(["cni-campus:goTo","a"])").message, "expected an object"));
    CHECK(has(refused("null").message, "expected an object"));
    // Invalid UTF-8 inside a string.
    CHECK(has(refused("{\"type\":\"cni-campus:goTo\",\"step\":\"a\xff\"}").message,
              "not valid JSON"));
}

TEST_CASE("host message: the size limit is checked before parsing") {
    std::string padded = R"({"type":"cni-campus:goTo","step":"a"})";
    padded.insert(1, kMaxHostMessageBytes - padded.size(), ' ');
    REQUIRE(padded.size() == kMaxHostMessageBytes);
    CHECK(decode_host_message(padded).ok());
    padded.insert(1, " ");
    Error e = refused(padded);
    CHECK(e.code == ErrorCode::BadMessage);
    CHECK(has(e.message, "longer than 512 bytes"));
}

TEST_CASE("host message: unknown types, extra and repeated fields are refused") {
    Error e = refused(R"({"type":"cni-campus:goto","step":"a"})");
    CHECK(e.code == ErrorCode::BadMessage);
    CHECK(has(e.message, "'cni-campus:goto' is unknown"));
    CHECK(has(refused(R"({"type":"cni-campus:step","step":"a","index":1,"title":"t"})").message,
              "unknown field 'index'"));
    CHECK(has(refused(R"({"type":"cni-campus:goTo","step":"a","html":"<b>x</b>"})").message,
              "unknown field 'html'"));
    CHECK(has(refused(R"({"type":"x","type":"cni-campus:goTo","step":"a"})").message,
              "appears twice"));
    CHECK(has(refused(R"({"type":"cni-campus:goTo","step":"a","step":"b"})").message,
              "appears twice"));
    CHECK(has(refused(R"({"type":"cni-campus:goTo","step":{"id":"a"}})").message, "plain values"));
    CHECK(has(refused(R"({"type":"cni-campus:goTo","step":["a"]})").message, "plain values"));
    // A field name from a stranger is shown only as printable ASCII, cut short.
    e = refused(
        "{\"type\":\"cni-campus:goTo\",\"step\":\"a\",\"\\u0007<script>alert(1)</script>\":1}");
    CHECK(has(e.message, "'?<script>alert(1)</scrip...'"));
}

TEST_CASE("host message: the step must be a step id") {
    CHECK(has(refused(R"({"type":"cni-campus:goTo"})").message, "needs a step"));
    CHECK(has(refused(R"({"type":"cni-campus:goTo","step":7})").message, "step must be text"));
    CHECK(has(refused(R"({"type":"cni-campus:goTo","step":null})").message, "step must be text"));
    for (const char* bad :
         {"", "Prefix", "a b", "a_b", "<img src=x>", "../index", "a\\u0000b", "\\u00e9t\\u00e9"}) {
        CAPTURE(bad);
        Error e = refused(std::string(R"({"type":"cni-campus:goTo","step":")") + bad + "\"}");
        CHECK(e.code == ErrorCode::BadMessage);
        CHECK(has(e.message, "step must be a step id"));
    }
    CHECK(
        has(refused(R"({"type":"cni-campus:goTo","step":")" + std::string(41, 'x') + "\"}").message,
            "step must be a step id"));
}
