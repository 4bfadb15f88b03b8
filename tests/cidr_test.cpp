// cidr_test.cpp: strict parsing (one test per kind of bad input), formatting, block
// arithmetic and AWS's reserved addresses.
#include <doctest/doctest.h>

#include <string>

#include "cidr.h"
#include "test_support.h"

using namespace core;

namespace {

// The error message of a parse that must fail.
std::string cidr_error(std::string_view text) {
    Result<Cidr> r = parse_cidr(text);
    REQUIRE_MESSAGE(!r.ok(), "expected \"" << std::string(text) << "\" to be refused");
    return r.error().message;
}

std::string ip_error(std::string_view text) {
    Result<Ipv4> r = parse_ipv4(text);
    REQUIRE_MESSAGE(!r.ok(), "expected \"" << std::string(text) << "\" to be refused");
    return r.error().message;
}

Cidr cidr(std::string_view text) {
    Result<Cidr> r = parse_cidr(text);
    REQUIRE_MESSAGE(r.ok(), std::string(text) << ": " << (r.ok() ? "" : r.error().message));
    return *r;
}

Ipv4 ip(std::string_view text) {
    Result<Ipv4> r = parse_ipv4(text);
    REQUIRE_MESSAGE(r.ok(), std::string(text) << ": " << (r.ok() ? "" : r.error().message));
    return *r;
}

}  // namespace

TEST_CASE("parse_cidr accepts well-formed blocks") {
    CHECK(cidr("10.0.0.0/16") == Cidr{0x0A000000u, 16});
    CHECK(cidr("192.168.1.0/24") == Cidr{0xC0A80100u, 24});
    CHECK(cidr("0.0.0.0/0") == Cidr{0u, 0});
    CHECK(cidr("255.255.255.255/32") == Cidr{0xFFFFFFFFu, 32});
    CHECK(cidr("10.0.1.16/28") == Cidr{0x0A000110u, 28});
    CHECK(cidr("100.64.0.0/10") == Cidr{0x64400000u, 10});
}

TEST_CASE("parse_cidr: prefix out of range") {
    check_messages(cidr_error, {{"10.0.0.0/33", "\"10.0.0.0/33\""},
                                {"10.0.0.0/33", "/33 is out of range"},
                                {"10.0.0.0/33", "/0 to /32"},
                                {"10.0.0.0/100", "/100 is out of range"},
                                {"10.0.0.0/99999999999999999999", "out of range"}});
}

TEST_CASE("parse_cidr: host bits set suggests the network") {
    check_messages(cidr_error, {{"10.0.0.1/24", "\"10.0.0.1/24\" has host bits set"},
                                {"10.0.0.1/24", "did you mean 10.0.0.0/24?"},
                                {"10.0.1.0/16", "did you mean 10.0.0.0/16?"},
                                {"10.0.1.8/28", "did you mean 10.0.1.0/28?"},
                                {"1.2.3.4/0", "did you mean 0.0.0.0/0?"}});
}

TEST_CASE("parse_cidr: octet out of range") {
    check_messages(cidr_error, {{"300.1.2.3/16", "\"300.1.2.3/16\""},
                                {"300.1.2.3/16", "300 is not an octet (0-255)"},
                                {"10.0.256.0/24", "256 is not an octet"},
                                {"10.0.0.1000/24", "1000 is not an octet"}});
}

TEST_CASE("parse_cidr: empty input") {
    CHECK(has(cidr_error(""), "empty"));
    CHECK(has(cidr_error(""), "like 10.0.0.0/16"));
}

TEST_CASE("parse_cidr: trailing text") {
    check_messages(cidr_error, {{"10.0.0.0/16 x", "\"10.0.0.0/16 x\""},
                                {"10.0.0.0/16 x", "unexpected text \" x\" after the prefix length"},
                                {"10.0.0.0/16/24", "unexpected text \"/24\""},
                                {"10.0.0.0/16abc", "unexpected text \"abc\""}});
}

TEST_CASE("parse_cidr: missing prefix") {
    check_messages(cidr_error, {{"10.0.0.0", "\"10.0.0.0\" has no prefix length"},
                                {"10.0.0.0", "after a slash"},
                                {"10.0.0.0/", "no prefix length after the slash"}});
}

TEST_CASE("parse_cidr: leading zeros") {
    check_messages(cidr_error,
                   {{"010.0.0.0/16", "\"010.0.0.0/16\""},
                    {"010.0.0.0/16", "first octet \"010\" has a leading zero"},
                    {"010.0.0.0/16", "write it as 10"},
                    {"10.0.00.0/24", "third octet \"00\" has a leading zero; write it as 0"},
                    {"10.0.0.0/016", "prefix length \"016\" has a leading zero; write /16"}});
}

TEST_CASE("parse_cidr: too few and too many octets") {
    check_messages(cidr_error, {{"10.0.0/16", "\"10.0.0/16\" has only 3 octets"},
                                {"10/8", "has only 1 octet;"},
                                {"10.0.0.0.0/16", "\"10.0.0.0.0/16\" has more than four octets"},
                                {"10..0.0/16", "second octet is empty"},
                                {"10.0.0./16", "fourth octet is empty"},
                                {".10.0.0/16", "first octet is empty"},
                                {"/16", "no address before the slash"}});
}

TEST_CASE("parse_cidr: non-digits") {
    check_messages(cidr_error, {{"10.0.a.0/24", "\"10.0.a.0/24\""},
                                {"10.0.a.0/24", "'a' is not a digit"},
                                {"10.0.0.0/1a", "unexpected text \"a\""},
                                {"10.0.0.0/x", "'x' is not a digit"},
                                {"-10.0.0.0/8", "'-' is not a digit"},
                                {"+10.0.0.0/8", "'+' is not a digit"},
                                {"10.0.0.0\\16", "'\\' is not a digit"},
                                {"10.0.0.0/\xc3\xa9", "a character that is not a digit"}});
}

TEST_CASE("parse_cidr: whitespace") {
    check_messages(cidr_error,
                   {{" 10.0.0.0/16", "starts with a space; remove it"},
                    {"10.0.0.0/16 ", "ends with a space; remove it"},
                    {"10.0.0.0/16\n", "ends with a tab or line break"},
                    {"\t10.0.0.0/16", "starts with a tab or line break"},
                    {"10.0.0.0 /16", "contains a space; write a CIDR block without spaces"},
                    {"10.0. 0.0/16", "contains a space"},
                    {"10.0.0.0/ 16", "contains a space"}});
}

TEST_CASE("parse_ipv4 is just as strict") {
    CHECK(ip("10.0.1.5") == Ipv4{0x0A000105u});
    CHECK(ip("0.0.0.0") == Ipv4{0u});
    CHECK(ip("255.255.255.255") == Ipv4{0xFFFFFFFFu});
    check_messages(ip_error, {{"", "The address is empty"},
                              {"10.0.1", "\"10.0.1\" has only 3 octets"},
                              {"10.0.1.5.6", "more than four octets"},
                              {"10.0.1.256", "256 is not an octet (0-255)"},
                              {"10.0.01.5", "third octet \"01\" has a leading zero"},
                              {"10.0.1.5/32", "is a CIDR block; a single address has no /prefix"},
                              {"10.0.1.5 ", "ends with a space"},
                              {" 10.0.1.5", "starts with a space"},
                              {"10.0.1.5x", "unexpected text \"x\" after the address"},
                              {"10.0.1.x", "'x' is not a digit; an address is four numbers"},
                              {"10.0 .1.5", "contains a space; write an address without spaces"}});
}

TEST_CASE("formatting round-trips") {
    for (const char* text : {"10.0.0.0/16", "0.0.0.0/0", "255.255.255.255/32", "172.31.0.0/16",
                             "100.64.0.0/10", "192.168.128.0/17"}) {
        CHECK(format_cidr(cidr(text)) == text);
    }
    CHECK(format_ipv4(Ipv4{0x0A000105u}) == "10.0.1.5");
    CHECK(format_ipv4(Ipv4{0xFFFFFFFFu}) == "255.255.255.255");
    CHECK(format_ipv4(Ipv4{0u}) == "0.0.0.0");
}

TEST_CASE("size, first, last") {
    CHECK(cidr_size(cidr("10.0.0.0/16")) == 65536);
    CHECK(cidr_size(cidr("10.0.0.0/28")) == 16);
    CHECK(cidr_size(cidr("10.0.0.1/32")) == 1);
    CHECK(cidr_size(cidr("0.0.0.0/0")) == 4294967296ull);
    CHECK(cidr_first(cidr("10.0.1.0/24")) == ip("10.0.1.0"));
    CHECK(cidr_last(cidr("10.0.1.0/24")) == ip("10.0.1.255"));
    CHECK(cidr_last(cidr("0.0.0.0/0")) == ip("255.255.255.255"));
    CHECK(cidr_last(cidr("255.255.255.240/28")) == ip("255.255.255.255"));
}

TEST_CASE("containment and overlap") {
    const Cidr vpc = cidr("10.0.0.0/16");
    CHECK(cidr_contains(vpc, ip("10.0.0.0")));
    CHECK(cidr_contains(vpc, ip("10.0.255.255")));
    CHECK_FALSE(cidr_contains(vpc, ip("10.1.0.0")));
    CHECK_FALSE(cidr_contains(vpc, ip("9.255.255.255")));
    CHECK(cidr_contains(cidr("0.0.0.0/0"), ip("200.1.2.3")));

    CHECK(cidr_contains(vpc, cidr("10.0.1.0/24")));
    CHECK(cidr_contains(vpc, vpc));
    CHECK_FALSE(cidr_contains(cidr("10.0.1.0/24"), vpc));
    CHECK_FALSE(cidr_contains(vpc, cidr("10.1.0.0/24")));

    CHECK(cidr_overlaps(vpc, cidr("10.0.1.0/24")));
    CHECK(cidr_overlaps(cidr("10.0.1.0/24"), vpc));
    CHECK(cidr_overlaps(cidr("10.0.0.0/8"), vpc));
    CHECK_FALSE(cidr_overlaps(cidr("10.0.1.0/24"), cidr("10.0.2.0/24")));
    CHECK_FALSE(cidr_overlaps(cidr("10.0.0.0/25"), cidr("10.0.0.128/25")));
}

TEST_CASE("cidr_split") {
    Result<std::vector<Cidr>> quarters = cidr_split(cidr("10.0.1.0/24"), 26);
    REQUIRE(quarters.ok());
    REQUIRE(quarters->size() == 4);
    CHECK((*quarters)[0] == cidr("10.0.1.0/26"));
    CHECK((*quarters)[1] == cidr("10.0.1.64/26"));
    CHECK((*quarters)[3] == cidr("10.0.1.192/26"));

    Result<std::vector<Cidr>> same = cidr_split(cidr("10.0.1.0/24"), 24);
    REQUIRE(same.ok());
    CHECK(same->size() == 1);

    Result<std::vector<Cidr>> max = cidr_split(cidr("10.0.0.0/8"), 24);
    REQUIRE(max.ok());
    CHECK(max->size() == 65536);
    CHECK(max->back() == cidr("10.255.255.0/24"));

    Result<std::vector<Cidr>> top = cidr_split(cidr("255.255.0.0/16"), 32);
    REQUIRE(top.ok());
    CHECK(top->back() == cidr("255.255.255.255/32"));

    Result<std::vector<Cidr>> too_many = cidr_split(cidr("10.0.0.0/8"), 28);
    REQUIRE_FALSE(too_many.ok());
    CHECK(has(too_many.error().message, "would make 1,048,576 blocks; at most 65,536"));

    Result<std::vector<Cidr>> larger = cidr_split(cidr("10.0.1.0/24"), 16);
    REQUIRE_FALSE(larger.ok());
    CHECK(has(larger.error().message, "Cannot split 10.0.1.0/24 into /16 blocks"));

    Result<std::vector<Cidr>> bad = cidr_split(cidr("10.0.1.0/24"), 33);
    REQUIRE_FALSE(bad.ok());
    CHECK(has(bad.error().message, "/33 is not a prefix length"));
}

TEST_CASE("AWS reserves five addresses per subnet") {
    const std::vector<ReservedAddress> r = aws_reserved_addresses(cidr("10.0.1.0/24"));
    REQUIRE(r.size() == 5);
    CHECK(r[0].ip == ip("10.0.1.0"));
    CHECK(r[0].role == "network address");
    CHECK(r[1].ip == ip("10.0.1.1"));
    CHECK(r[1].role == "VPC router");
    CHECK(r[2].ip == ip("10.0.1.2"));
    CHECK(r[2].role == "reserved (base + 2)");
    CHECK(r[3].ip == ip("10.0.1.3"));
    CHECK(r[3].role == "future use");
    CHECK(r[4].ip == ip("10.0.1.255"));
    CHECK(r[4].role == "broadcast");

    const Cidr small = cidr("10.0.1.16/28");
    CHECK(is_aws_reserved(small, ip("10.0.1.16")));
    CHECK(is_aws_reserved(small, ip("10.0.1.19")));
    CHECK(is_aws_reserved(small, ip("10.0.1.31")));
    CHECK_FALSE(is_aws_reserved(small, ip("10.0.1.20")));
    CHECK_FALSE(is_aws_reserved(small, ip("10.0.1.30")));
    CHECK_FALSE(is_aws_reserved(small, ip("10.0.1.0")));  // outside the subnet
}

TEST_CASE("usable addresses and delegatable prefixes") {
    CHECK(aws_usable_addresses(cidr("10.0.1.0/24")) == 251);
    CHECK(aws_usable_addresses(cidr("10.0.1.0/28")) == 11);
    CHECK(aws_usable_addresses(cidr("10.0.0.0/16")) == 65531);
    CHECK(aws_usable_addresses(cidr("10.0.1.0/29")) == 0);

    CHECK(delegatable_prefixes(cidr("10.0.1.0/24")) == 14);
    CHECK(delegatable_prefixes(cidr("10.0.1.0/28")) == 0);
    CHECK(delegatable_prefixes(cidr("10.0.0.0/16")) == 4094);
    CHECK(delegatable_prefixes(cidr("10.0.1.0/27")) == 0);
    CHECK(delegatable_prefixes(cidr("10.0.1.0/26")) == 2);
    CHECK(delegatable_prefixes(cidr("10.0.1.0/30")) == 0);
}
