// fuzz_cidr.cpp: libFuzzer target for the strict IPv4 and CIDR parsers (core/cidr.h).
//
// The input is the text a learner types. Properties: parsing never crashes; what parses is
// canonical (format of the result gives back the very text, since leading zeros, spaces and
// '+' are refused) and parses again to the same value; a CIDR has no host bits and a prefix
// of 0..32; a failure has a message that quotes the input. The block arithmetic then runs on
// the parsed block: first/last/size agree, contains/overlaps are consistent with a second
// block cut from the same text, split pieces tile the block, and the AWS reserved addresses
// are five distinct members of a /28-or-larger block.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cidr.h"
#include "fuzz_support.h"

namespace {

void check_ipv4(std::string_view text) {
    core::Result<core::Ipv4> ip = core::parse_ipv4(text);
    if (!ip) {
        FUZZ_CHECK(!ip.error().message.empty(), "empty message for '" + std::string(text) + "'");
        return;
    }
    const std::string formatted = core::format_ipv4(*ip);
    FUZZ_CHECK(formatted == text, "'" + std::string(text) + "' formats as " + formatted);
    core::Result<core::Ipv4> again = core::parse_ipv4(formatted);
    FUZZ_CHECK(again && *again == *ip, formatted + " does not parse back");
}

void check_block(const core::Cidr& c, const std::string& text) {
    FUZZ_CHECK(c.prefix >= 0 && c.prefix <= 32, text + ": prefix out of range");
    const uint64_t size = core::cidr_size(c);
    FUZZ_CHECK(size == (uint64_t{1} << (32 - c.prefix)), text + ": size");
    const core::Ipv4 first = core::cidr_first(c);
    const core::Ipv4 last = core::cidr_last(c);
    FUZZ_CHECK(first.value == c.base, text + ": host bits set or first address wrong");
    FUZZ_CHECK(uint64_t{last.value} - first.value + 1 == size, text + ": first/last/size");
    FUZZ_CHECK(core::cidr_contains(c, first) && core::cidr_contains(c, last), text + ": ends");
    FUZZ_CHECK(core::cidr_contains(c, c) && core::cidr_overlaps(c, c), text + ": self");
    if (first.value > 0) {
        FUZZ_CHECK(!core::cidr_contains(c, core::Ipv4{first.value - 1}), text + ": below");
    }
    if (last.value < UINT32_MAX) {
        FUZZ_CHECK(!core::cidr_contains(c, core::Ipv4{last.value + 1}), text + ": above");
    }

    const auto reserved = core::aws_reserved_addresses(c);
    const uint64_t usable = core::aws_usable_addresses(c);
    const uint64_t delegatable = core::delegatable_prefixes(c);
    if (c.prefix <= 28) {
        FUZZ_CHECK(reserved.size() == 5, text + ": five reserved addresses");
        for (size_t i = 0; i < reserved.size(); ++i) {
            FUZZ_CHECK(core::cidr_contains(c, reserved[i].ip), text + ": reserved inside");
            FUZZ_CHECK(core::is_aws_reserved(c, reserved[i].ip), text + ": is_aws_reserved");
            FUZZ_CHECK(i == 0 || reserved[i - 1].ip < reserved[i].ip, text + ": ascending");
        }
        FUZZ_CHECK(usable == size - 5, text + ": usable = size - 5");
        FUZZ_CHECK(delegatable <= size / 16 && delegatable + 2 >= size / 16,
                   text + ": delegatable /28 blocks");
    } else {
        FUZZ_CHECK(usable == 0 && delegatable == 0, text + ": smaller than /28 holds nothing");
    }

    // Split into pieces up to 8 bits longer (at most 256 pieces): they tile the block.
    for (int extra : {0, 1, 8}) {
        const int np = c.prefix + extra;
        core::Result<std::vector<core::Cidr>> parts = core::cidr_split(c, np);
        if (np > 32) {
            FUZZ_CHECK(!parts, text + ": split past /32 must fail");
            continue;
        }
        FUZZ_CHECK(parts.ok(), text + ": split by " + std::to_string(extra) + " failed");
        FUZZ_CHECK(parts->size() == (size_t{1} << extra), text + ": piece count");
        uint64_t next = c.base;
        for (const core::Cidr& p : *parts) {
            FUZZ_CHECK(p.prefix == np && p.base == next, text + ": pieces tile the block");
            FUZZ_CHECK(core::cidr_contains(c, p), text + ": piece inside");
            next += core::cidr_size(p);
        }
        FUZZ_CHECK(next == uint64_t{last.value} + 1, text + ": pieces cover the block");
    }
    FUZZ_CHECK(!core::cidr_split(c, c.prefix - 1), text + ": split to a shorter prefix fails");
}

bool check_cidr(std::string_view text, core::Cidr& out) {
    core::Result<core::Cidr> c = core::parse_cidr(text);
    if (!c) {
        FUZZ_CHECK(!c.error().message.empty(), "empty message for '" + std::string(text) + "'");
        return false;
    }
    const std::string formatted = core::format_cidr(*c);
    FUZZ_CHECK(formatted == text, "'" + std::string(text) + "' formats as " + formatted);
    core::Result<core::Cidr> again = core::parse_cidr(formatted);
    FUZZ_CHECK(again && *again == *c, formatted + " does not parse back");
    check_block(*c, formatted);
    out = *c;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text(data, size);
    check_ipv4(text);
    core::Cidr whole;
    const bool whole_ok = check_cidr(text, whole);

    // Two blocks from one input, split at the first space: overlaps is symmetric and agrees
    // with containment and with the address ranges.
    const size_t space = text.find(' ');
    if (space == std::string_view::npos) return 0;
    core::Cidr a;
    core::Cidr b;
    if (!check_cidr(text.substr(0, space), a) || !check_cidr(text.substr(space + 1), b)) return 0;
    FUZZ_CHECK(!whole_ok, "a text with a space parsed as one block");
    const bool overlap = core::cidr_overlaps(a, b);
    FUZZ_CHECK(overlap == core::cidr_overlaps(b, a), "overlaps is not symmetric");
    const bool ranges = core::cidr_first(a).value <= core::cidr_last(b).value &&
                        core::cidr_first(b).value <= core::cidr_last(a).value;
    FUZZ_CHECK(overlap == ranges, "overlaps disagrees with the address ranges");
    if (core::cidr_contains(a, b)) FUZZ_CHECK(overlap && a.prefix <= b.prefix, "contains");
    if (overlap) {
        FUZZ_CHECK(core::cidr_contains(a, b) || core::cidr_contains(b, a),
                   "aligned blocks that overlap must nest");
    }
    return 0;
}
