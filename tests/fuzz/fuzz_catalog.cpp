// fuzz_catalog.cpp: libFuzzer target for the instance catalog (core/catalog.h).
//
// Two uses of one input. As a catalog file: load_catalog never crashes or throws; what loads
// is sorted by name without duplicates, every field within the validated bounds, and every
// type is found again by its name; its fast reader, when it does not decline, gives exactly
// what the general reader gives (the same types or the same message). As a name typed by a learner
// (first 64 bytes): lookups in the shipped catalog never crash; a miss has a message and at most
// three suggestions, all real names; suggest_instance_types returns real names in order of
// distance; edit_distance is symmetric and zero only for names equal up to case.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalog.h"
#include "fuzz_support.h"

namespace {

void check_loaded(const core::Catalog& c) {
    FUZZ_CHECK(!c.types.empty(), "an empty catalog loaded");
    for (size_t i = 0; i < c.types.size(); ++i) {
        const core::InstanceType& t = c.types[i];
        FUZZ_CHECK(i == 0 || c.types[i - 1].name < t.name, "not sorted or duplicate: " + t.name);
        FUZZ_CHECK(t.max_enis >= 1 && t.max_enis <= 100, t.name + ": max_enis");
        FUZZ_CHECK(t.ipv4_per_eni >= 1 && t.ipv4_per_eni <= 256, t.name + ": ipv4_per_eni");
        FUZZ_CHECK(t.network_cards >= 1 && t.enis_all_cards >= t.max_enis, t.name + ": cards");
        FUZZ_CHECK(t.branch_enis >= -1, t.name + ": branch_enis");
        core::Result<const core::InstanceType*> found = core::find_instance_type(c, t.name);
        FUZZ_CHECK(found && *found == &t, t.name + " is not found by its own name");
    }
}

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& ch : out) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return out;
}

void check_lookup(std::string_view name) {
    const core::Catalog& c = fuzz::catalog();
    core::Result<const core::InstanceType*> found = core::find_instance_type(c, name);
    if (found) {
        FUZZ_CHECK((*found)->name == lowercase(name), "found a different type");
    } else {
        const std::string& m = found.error().message;
        FUZZ_CHECK(!m.empty() && found.error().code == core::ErrorCode::UnknownInstanceType,
                   "miss message");
    }
    const std::vector<std::string> suggestions = core::suggest_instance_types(c, name, 3);
    FUZZ_CHECK(suggestions.size() == 3, "three suggestions from a catalog of many");
    int previous = -1;
    for (const std::string& s : suggestions) {
        FUZZ_CHECK(core::find_instance_type(c, s).ok(), "suggested a name not in the catalog");
        const int d = core::edit_distance(name, s);
        FUZZ_CHECK(d >= previous, "suggestions not in order of distance");
        FUZZ_CHECK(d == core::edit_distance(s, name), "edit_distance not symmetric");
        previous = d;
    }
    if (found) FUZZ_CHECK(previous >= 0 && core::edit_distance(name, suggestions[0]) == 0, "best");
    // No other name is closer than the third suggestion (checked on a spread of 16 names;
    // this cross-checks the bit-parallel distance behind suggestions against the plain one).
    for (size_t i = name.size() % 7; i < c.types.size(); i += c.types.size() / 16) {
        if (std::find(suggestions.begin(), suggestions.end(), c.types[i].name) !=
            suggestions.end()) {
            continue;
        }
        FUZZ_CHECK(core::edit_distance(name, c.types[i].name) >= previous,
                   c.types[i].name + " is closer than the suggestions");
    }
    for (const core::InstanceType* t : core::instance_types_with_prefix(c, name, 5)) {
        FUZZ_CHECK(t->name.compare(0, name.size(), lowercase(name)) == 0, "prefix match");
    }
}

// load_catalog's fast reader either declines or gives exactly the general reader's answer.
void check_readers_agree(std::string_view text) {
    std::optional<core::Result<core::Catalog>> fast = core::detail::load_catalog_fast(text);
    if (!fast) return;
    core::Result<core::Catalog> general = core::detail::load_catalog_general(text);
    FUZZ_CHECK(fast->ok() == general.ok(), "the fast reader and the general one disagree");
    if (!general) {
        FUZZ_CHECK(fast->error().message == general.error().message, "different messages");
        return;
    }
    FUZZ_CHECK((*fast)->types.size() == general->types.size(), "different type counts");
    for (size_t i = 0; i < general->types.size(); ++i) {
        FUZZ_CHECK((*fast)->types[i] == general->types[i],
                   "the readers read " + general->types[i].name + " differently");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text(data, size);
    core::Result<core::Catalog> c = core::load_catalog(text);
    if (c) {
        check_loaded(*c);
    } else {
        FUZZ_CHECK(c.error().message.rfind("instance catalog: ", 0) == 0,
                   "message without its prefix: " + c.error().message);
    }
    check_readers_agree(text);
    // Names up to 64 characters take the bit-parallel distance (what a learner types; the
    // plain distance in edit_distance cross-checks it). A name of 65..96 characters costs a
    // (length x catalog) scan, too slow to fuzz; past 96 find_instance_type skips the scan.
    check_lookup(text.substr(0, 64));
    if (size > 96) {
        core::Result<const core::InstanceType*> far =
            core::find_instance_type(fuzz::catalog(), text);
        FUZZ_CHECK(!far && far.error().message.size() < 300, "message for a very long name");
    }
    return 0;
}
