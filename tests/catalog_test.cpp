// catalog_test.cpp: the shipped catalog, lookups, suggestions and malformed catalogs.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "assets.h"
#include "catalog.h"
#include "test_support.h"

namespace {

using core::Catalog;
using core::Hypervisor;
using core::instance_family;
using core::instance_size_rank;
using core::instance_types_by_size;
using core::InstanceType;

const char* const kHeader =
    R"({"version":1,"source":"test","columns":["name","vcpus","memory_mib","max_enis",)"
    R"("ipv4_per_eni","hypervisor","bare_metal","branch_enis","network_cards","enis_all_cards"],)"
    R"("types":[)";

// A catalog document with the given rows (each a JSON array text).
std::string catalog_with(const std::vector<std::string>& rows) {
    std::string text = kHeader;
    for (std::size_t i = 0; i < rows.size(); ++i)
        text += (i ? ",\n" : "\n") + rows[i];
    return text + "\n]}";
}

const std::string kGoodRow = R"(["m5.large",2,8192,3,10,"nitro",false,9,1,3])";

// The message of a load that must fail.
std::string load_error(const std::string& text) {
    core::Result<Catalog> r = core::load_catalog(text);
    REQUIRE_FALSE(r.ok());
    return r.error().message;
}

}  // namespace

TEST_CASE("the shipped catalog loads with every type, sorted and unique") {
    const Catalog& c = test_catalog();
    CHECK(c.types.size() == 1391);
    for (std::size_t i = 1; i < c.types.size(); ++i) {
        CHECK(c.types[i - 1].name < c.types[i].name);
    }
    const InstanceType& t = test_type("t3.small");
    CHECK(t.vcpus == 2);
    CHECK(t.memory_mib == 2048);
    CHECK(t.max_enis == 3);
    CHECK(t.ipv4_per_eni == 4);
    CHECK(t.hypervisor == Hypervisor::Nitro);
    CHECK_FALSE(t.bare_metal);
    CHECK(t.branch_enis == 0);
    CHECK(t.network_cards == 1);
    CHECK(t.enis_all_cards == 3);

    const InstanceType& p4d = test_type("p4d.24xlarge");
    CHECK(p4d.max_enis == 15);
    CHECK(p4d.network_cards == 4);
    CHECK(p4d.enis_all_cards == 60);

    const InstanceType& xen = test_type("t2.micro");
    CHECK(xen.hypervisor == Hypervisor::Xen);
    CHECK(xen.ipv4_per_eni == 2);

    const InstanceType& metal = test_type("m5.metal");
    CHECK(metal.hypervisor == Hypervisor::Unknown);
    CHECK(metal.bare_metal);
}

TEST_CASE("reading order: a family by size, 2xlarge before 12xlarge, metal last") {
    CHECK(instance_size_rank("t3.nano") < instance_size_rank("t3.micro"));
    CHECK(instance_size_rank("t3.medium") < instance_size_rank("t3.large"));
    CHECK(instance_size_rank("m5.large") < instance_size_rank("m5.xlarge"));
    CHECK(instance_size_rank("m5.xlarge") < instance_size_rank("m5.2xlarge"));
    CHECK(instance_size_rank("m5.2xlarge") < instance_size_rank("m5.12xlarge"));
    CHECK(instance_size_rank("m5.48xlarge") < instance_size_rank("m5.metal"));
    CHECK(instance_size_rank("m5.metal") < instance_size_rank("c7i.metal-24xl"));
    CHECK(instance_size_rank("c7i.metal-24xl") < instance_size_rank("c7i.metal-48xl"));
    const Catalog& c = test_catalog();
    const std::vector<size_t> order = instance_types_by_size(c);
    REQUIRE(order.size() == c.types.size());
    std::vector<std::string> m5;
    for (size_t i : order) {
        if (instance_family(c.types[i].name) == "m5") m5.push_back(c.types[i].name);
    }
    CHECK(m5 == std::vector<std::string>{"m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge",
                                         "m5.8xlarge", "m5.12xlarge", "m5.16xlarge", "m5.24xlarge",
                                         "m5.metal"});
    std::vector<bool> seen(c.types.size(), false);  // every type once
    for (size_t i : order)
        seen[i] = true;
    CHECK(std::find(seen.begin(), seen.end(), false) == seen.end());
}

TEST_CASE("the embedded catalog is the file in assets/ and loads") {
    const std::string_view embedded = core::asset("catalog.json");
    CHECK(embedded == read_source_file("assets/catalog.json"));
    core::Result<Catalog> r = core::load_catalog(embedded);
    REQUIRE(r.ok());
    CHECK(r->types.size() == test_catalog().types.size());
}

TEST_CASE("null cells: vCPUs and memory become 0, branch ENIs -1") {
    const InstanceType& t = test_type("bmn-sf1.metal");
    CHECK(t.vcpus == 0);
    CHECK(t.memory_mib == 0);
    CHECK(t.branch_enis == -1);
    CHECK(t.max_enis == 15);
}

TEST_CASE("the catalog is sorted on load even if the file is not") {
    core::Result<Catalog> r =
        core::load_catalog(catalog_with({R"(["t3.small",2,2048,3,4,"nitro",false,0,1,3])", kGoodRow,
                                         R"(["a1.large",2,4096,3,10,"nitro",false,9,1,3])"}));
    REQUIRE(r.ok());
    REQUIRE(r->types.size() == 3);
    CHECK(r->types[0].name == "a1.large");
    CHECK(r->types[1].name == "m5.large");
    CHECK(r->types[2].name == "t3.small");
}

TEST_CASE("find_instance_type: exact and case-insensitive") {
    const Catalog& c = test_catalog();
    core::Result<const InstanceType*> r = core::find_instance_type(c, "m5.large");
    REQUIRE(r.ok());
    CHECK((*r)->name == "m5.large");
    CHECK((*r)->ipv4_per_eni == 10);

    core::Result<const InstanceType*> upper = core::find_instance_type(c, "M5.Large");
    REQUIRE(upper.ok());
    CHECK(*upper == *r);

    // First and last entries, to catch off-by-one in the binary search.
    CHECK(core::find_instance_type(c, c.types.front().name).ok());
    CHECK(core::find_instance_type(c, c.types.back().name).ok());
}

TEST_CASE("find_instance_type: unknown names suggest close matches") {
    const Catalog& c = test_catalog();
    core::Result<const InstanceType*> typo = core::find_instance_type(c, "m5.lage");
    REQUIRE_FALSE(typo.ok());
    CHECK(has(typo.error().message, "unknown instance type 'm5.lage'"));
    CHECK(has(typo.error().message, "did you mean m5.large"));
    CHECK(typo.error().code == core::ErrorCode::UnknownInstanceType);

    core::Result<const InstanceType*> spaced = core::find_instance_type(c, " m5.large");
    REQUIRE_FALSE(spaced.ok());
    CHECK(has(spaced.error().message, "space"));
    CHECK(has(spaced.error().message, "did you mean m5.large"));
    CHECK_FALSE(core::find_instance_type(c, "m5.large ").ok());

    core::Result<const InstanceType*> junk = core::find_instance_type(c, "qqqqqqqq");
    REQUIRE_FALSE(junk.ok());
    CHECK(has(junk.error().message, "names look like m5.large"));
    CHECK_FALSE(has(junk.error().message, "did you mean"));

    // Names a learner has only begun to type suggest the types they begin.
    core::Result<const InstanceType*> partial = core::find_instance_type(c, "p4d.24xl");
    REQUIRE_FALSE(partial.ok());
    CHECK(has(partial.error().message, "did you mean p4d.24xlarge?"));
    core::Result<const InstanceType*> family = core::find_instance_type(c, "t3");
    REQUIRE_FALSE(family.ok());
    CHECK(has(family.error().message, "did you mean t3.2xlarge, t3.large or t3.medium?"));

    core::Result<const InstanceType*> empty = core::find_instance_type(c, "");
    REQUIRE_FALSE(empty.ok());
    CHECK(has(empty.error().message, "No instance type given"));
}

TEST_CASE("suggest_instance_types: nearest first, ties by name") {
    const Catalog& c = test_catalog();
    const std::vector<std::string> s = core::suggest_instance_types(c, "m5.lage");
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "m5.large");
    // Every other name at distance 2 that sorts before the ones shown would have won.
    CHECK(s[1] == "c5.large");
    CHECK(s[2] == "m1.large");

    CHECK(core::suggest_instance_types(c, "M5.LARGE", 1) == std::vector<std::string>{"m5.large"});
    CHECK(core::suggest_instance_types(c, "m5.large", 0).empty());
    CHECK(core::suggest_instance_types(c, "t3.smal", 5).size() == 5);
    CHECK(core::suggest_instance_types(c, "t3.smal", 5)[0] == "t3.small");

    core::Result<Catalog> small = core::load_catalog(catalog_with(
        {R"(["c1.x",1,1,1,2,"xen",false,0,1,1])", R"(["a1.x",1,1,1,2,"xen",false,0,1,1])",
         R"(["b1.x",1,1,1,2,"xen",false,0,1,1])"}));
    REQUIRE(small.ok());
    CHECK(core::suggest_instance_types(*small, "d1.x", 10) ==
          std::vector<std::string>{"a1.x", "b1.x", "c1.x"});
    CHECK(core::suggest_instance_types(*small, "b1.xx", 2) ==
          std::vector<std::string>{"b1.x", "a1.x"});
}

TEST_CASE("suggest_instance_types agrees with a brute-force ranking over the catalog") {
    const Catalog& c = test_catalog();
    const std::string long_query(70, 'm');  // longer than 64: the fallback path
    const std::vector<std::string> queries = {
        "m5.lage", "", "P4D.24XL", "zzzzzzzzzzzzzzzzzzzzz", "c6gn.16xlarg", "t", long_query};
    for (const std::string& query : queries) {
        CAPTURE(query);
        std::vector<std::pair<int, std::string>> ranked;
        for (const InstanceType& t : c.types) {
            ranked.emplace_back(core::edit_distance(query, t.name), t.name);
        }
        std::sort(ranked.begin(), ranked.end());
        std::vector<std::string> expected;
        for (std::size_t i = 0; i < 7; ++i)
            expected.push_back(ranked[i].second);
        CHECK(core::suggest_instance_types(c, query, 7) == expected);
    }
}

TEST_CASE("edit_distance") {
    CHECK(core::edit_distance("kitten", "sitting") == 3);
    CHECK(core::edit_distance("", "abc") == 3);
    CHECK(core::edit_distance("abc", "") == 3);
    CHECK(core::edit_distance("M5.Large", "m5.large") == 0);
    CHECK(core::edit_distance("m5.lage", "m5.large") == 1);
    CHECK(core::edit_distance("m5.large", "m5.xlarge") == 1);
    CHECK(core::edit_distance("flaw", "lawn") == 2);
}

TEST_CASE("instance_types_with_prefix: as-you-type search") {
    const Catalog& c = test_catalog();
    const auto m5 = core::instance_types_with_prefix(c, "M5.", 100);
    REQUIRE_FALSE(m5.empty());
    for (const InstanceType* t : m5)
        CHECK(t->name.rfind("m5.", 0) == 0);
    CHECK(std::count_if(c.types.begin(), c.types.end(), [](const InstanceType& t) {
              return t.name.rfind("m5.", 0) == 0;
          }) == static_cast<long>(m5.size()));
    CHECK(core::instance_types_with_prefix(c, "t3.sm").size() == 1);
    CHECK(core::instance_types_with_prefix(c, "m", 4).size() == 4);
    CHECK(core::instance_types_with_prefix(c, "zzz").empty());
    CHECK(core::instance_types_with_prefix(c, "m5", 0).empty());
}

TEST_CASE("instance_family and hypervisor_name") {
    CHECK(core::instance_family("m5.large") == "m5");
    CHECK(core::instance_family("c8gb.metal-48xl") == "c8gb");
    CHECK(core::instance_family("m5") == "m5");
    CHECK(std::string(core::hypervisor_name(Hypervisor::Nitro)) == "nitro");
    CHECK(std::string(core::hypervisor_name(Hypervisor::Xen)) == "xen");
    CHECK(std::string(core::hypervisor_name(Hypervisor::Unknown)) == "unknown");
}

TEST_CASE("malformed catalogs: JSON errors name the byte") {
    const std::string not_json = load_error("x");
    CHECK(has(not_json, "not valid JSON at byte 1"));

    const std::string shipped = read_source_file("assets/catalog.json");
    const std::string truncated = shipped.substr(0, shipped.size() / 2);
    const std::string cut = load_error(truncated);
    CHECK(has(cut, "not valid JSON at byte " + std::to_string(truncated.size() + 1)));

    CHECK(has(load_error(""), "not valid JSON at byte 1"));
    CHECK(has(load_error(R"({"version":1,})"), "not valid JSON at byte 14"));
}

TEST_CASE("malformed catalogs: document shape") {
    CHECK(has(load_error("[1,2]"), "expected a JSON object"));
    CHECK(has(load_error(R"({"version":2})"), "version: expected 1, got 2"));
    CHECK(has(load_error(R"({"version":"1"})"), "version: expected 1, got \"1\""));
    CHECK(has(load_error(R"({"columns":[]})"), "version: expected 1, got nothing"));
    CHECK(has(load_error(R"({"version":1,"extra":0})"), "extra: unexpected key"));
    CHECK(has(load_error(R"({"version":1,"source":5,"columns":[],"types":[]})"),
              "source: expected a string, got 5"));

    std::string swapped = catalog_with({kGoodRow});
    const std::string original = R"("vcpus","memory_mib")";
    swapped.replace(swapped.find(original), original.size(), R"("memory_mib","vcpus")");
    const std::string columns = load_error(swapped);
    CHECK(has(columns, "columns: expected [\"name\",\"vcpus\",\"memory_mib\""));
    CHECK(has(columns, "got [\"name\",\"memory_mib\",\"vcpus\""));

    CHECK(has(load_error(catalog_with({})), "types: expected a non-empty array"));
}

TEST_CASE("malformed catalogs: rows and fields") {
    struct Case {
        std::string row;
        std::string message;
    };
    const Case cases[] = {
        {R"(["m5.large",2,8192,-1,10,"nitro",false,9,1,3])",
         "types[1].max_enis: expected a whole number from 1 to 100, got -1"},
        {R"(["m5.large",2,8192,"x",10,"nitro",false,9,1,3])",
         "types[1].max_enis: expected a whole number from 1 to 100, got \"x\""},
        {R"(["m5.large",2,8192,null,10,"nitro",false,9,1,3])",
         "types[1].max_enis: expected a whole number from 1 to 100, got null"},
        {R"(["m5.large",2,8192,3,0,"nitro",false,9,1,3])",
         "types[1].ipv4_per_eni: expected a whole number from 1 to 256, got 0"},
        {R"(["m5.large",2.5,8192,3,10,"nitro",false,9,1,3])",
         "types[1].vcpus: expected a whole number from 1 to 4096 or null, got 2.5"},
        {R"(["m5.large",2,8192,3,10,"nitro",false,9,1,3,7])",
         "types[1]: expected an array of 10 values (one per column), got 11 values"},
        {R"({"name":"m5.large"})", "types[1]: expected an array of 10 values"},
        {R"(["m5.large",2,8192,3,10,"kvm",false,9,1,3])",
         "types[1].hypervisor: expected \"nitro\", \"xen\" or \"unknown\", got \"kvm\""},
        {R"(["m5.large",2,8192,3,10,"nitro","false",9,1,3])",
         "types[1].bare_metal: expected true or false, got \"false\""},
        {R"(["",2,8192,3,10,"nitro",false,9,1,3])", "types[1].name: expected an instance type"},
        {R"(["M5.large",2,8192,3,10,"nitro",false,9,1,3])",
         "types[1].name: expected an instance type name"},
        {R"([7,2,8192,3,10,"nitro",false,9,1,3])", "types[1].name: expected"},
        {R"(["m5.large",2,8192,3,10,"nitro",false,-2,1,3])",
         "types[1].branch_enis: expected a whole number from 0 to 1000 or null, got -2"},
        {R"(["m5.large",2,8192,3,10,"nitro",false,9,1,4])",
         "types[1].enis_all_cards: expected max_enis (3) with 1 network card(s), got 4"},
        {R"(["m5.large",2,8192,3,10,"nitro",false,9,2,2])",
         "types[1].enis_all_cards: expected at least max_enis (3) with 2 network card(s), got 2"},
        {R"(["m5.large",2,8192,3,10,"nitro",false,9,1,99999999999999999999])",
         "types[1].enis_all_cards: expected a whole number from 1 to 1000"},
        {R"(["m5.large",2,8192,3,10,"nitro",false,9,0,3])",
         "types[1].network_cards: expected a whole number from 1 to 64, got 0"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.row);
        const std::string message =
            load_error(catalog_with({R"(["a1.large",2,4096,3,10,"nitro",false,9,1,3])", c.row}));
        CHECK(has(message, c.message));
        CHECK(has(message, "instance catalog: "));
    }
}

TEST_CASE("malformed catalogs: duplicate names name both rows") {
    const std::string message = load_error(
        catalog_with({kGoodRow, R"(["t3.small",2,2048,3,4,"nitro",false,0,1,3])", kGoodRow}));
    CHECK(has(message, "types[2].name: \"m5.large\" appears twice (also at types[0])"));
    // Side by side in a file otherwise in order (the path that skips sorting).
    CHECK(has(load_error(catalog_with(
                  {R"(["a1.large",2,4096,3,10,"nitro",false,9,1,3])", kGoodRow, kGoodRow})),
              "types[2].name: \"m5.large\" appears twice (also at types[1])"));
}

TEST_CASE("a valid minimal catalog loads, nulls where allowed") {
    core::Result<Catalog> r = core::load_catalog(
        catalog_with({R"(["x1.metal",null,null,15,50,"unknown",true,null,1,15])"}));
    REQUIRE(r.ok());
    REQUIRE(r->types.size() == 1);
    CHECK(r->types[0].vcpus == 0);
    CHECK(r->types[0].memory_mib == 0);
    CHECK(r->types[0].branch_enis == -1);
    CHECK(r->types[0].bare_metal);
    CHECK(r->types[0].hypervisor == Hypervisor::Unknown);
}

// ---- the two readers behind load_catalog (core/catalog.cpp) --------------------------------
namespace {

// Whether the fast reader took `text`; when it did, it must give what the general one gives.
bool fast_reader_agrees(const std::string& text) {
    std::optional<core::Result<Catalog>> fast = core::detail::load_catalog_fast(text);
    core::Result<Catalog> general = core::detail::load_catalog_general(text);
    if (!fast) return false;
    REQUIRE(fast->ok() == general.ok());
    if (!general.ok()) {
        CHECK(fast->error().message == general.error().message);
        return true;
    }
    REQUIRE((*fast)->types.size() == general->types.size());
    for (std::size_t i = 0; i < general->types.size(); ++i) {
        CAPTURE(general->types[i].name);
        CHECK((*fast)->types[i] == general->types[i]);
    }
    return true;
}

}  // namespace

TEST_CASE("the fast reader takes the shipped catalog and agrees with the general one") {
    const std::string shipped(core::asset("catalog.json"));
    CHECK(fast_reader_agrees(shipped));
    // Whitespace anywhere JSON allows it (outside strings) is still the shipped shape.
    std::string spaced;
    bool in_string = false;
    for (char c : shipped) {
        spaced += c;
        if (c == '"') in_string = !in_string;  // the shipped file has no escapes
        if (!in_string && (c == ',' || c == ':' || c == '[')) spaced += " \t\r\n";
    }
    CHECK(fast_reader_agrees(" \n" + spaced + "\n"));
}

TEST_CASE("the fast reader declines any other shape; the general reader decides") {
    const std::string good = R"(["a1.large",2,4096,3,10,"nitro",false,9,1,3])";
    struct Case {
        std::string text;
        bool fast;  // whether the fast reader may take it
    };
    const std::string key_order = R"({"source":"s","version":1,"columns":["name","vcpus",)"
                                  R"("memory_mib","max_enis","ipv4_per_eni","hypervisor",)"
                                  R"("bare_metal","branch_enis","network_cards",)"
                                  R"("enis_all_cards"],"types":[)" +
                                  good + "]}";
    const Case cases[] = {
        {catalog_with({good, kGoodRow}), true},
        {catalog_with({kGoodRow, good, kGoodRow}), true},  // a duplicate: same error from both
        {catalog_with({R"(["x1.metal",null,null,15,50,"unknown",true,null,1,15])"}), true},
        {key_order, false},
        {catalog_with({R"(["a1.l\u0061rge",2,4096,3,10,"nitro",false,9,1,3])"}), false},
        {catalog_with({R"(["a1.large",2.0,4096,3,10,"nitro",false,9,1,3])"}), false},
        {catalog_with({R"(["a1.large",2e0,4096,3,10,"nitro",false,9,1,3])"}), false},
        {catalog_with({R"(["a1.large",02,4096,3,10,"nitro",false,9,1,3])"}), false},
        {catalog_with({R"(["a1.large",-2,4096,3,10,"nitro",false,9,1,3])"}), false},
        {catalog_with({R"(["a1.large",2,4096,null,10,"nitro",false,9,1,3])"}), false},
        {catalog_with({R"(["a1.large",2,4096,3,10,"nitro",false,9,1,3,4])"}), false},
        {catalog_with({R"(["a1.large",2,4096,3,10,"nitro",false,9,1,1234567890123456789])"}),
         false},
        {catalog_with({R"(["a1.large",2,4096,3,10,"nitro",false,9,2,2])"}), false},
        {catalog_with({R"(["A1.large",2,4096,3,10,"nitro",false,9,1,3])"}), false},
        {catalog_with({R"(["a1.large",2,4096,3,10,"kvm",false,9,1,3])"}), false},
        {catalog_with({R"(["a1.large",2,4096,3,10,"nitro",falsey,9,1,3])"}), false},
        {catalog_with({}), false},
        {catalog_with({good}) + "x", false},
        {"\xEF\xBB\xBF" + catalog_with({good}), false},
        {catalog_with({good}).substr(0, 120), false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(fast_reader_agrees(c.text) == c.fast);
        // Whoever reads it, load_catalog gives the general reader's answer.
        core::Result<Catalog> loaded = core::load_catalog(c.text);
        core::Result<Catalog> general = core::detail::load_catalog_general(c.text);
        REQUIRE(loaded.ok() == general.ok());
        if (!loaded.ok()) CHECK(loaded.error().message == general.error().message);
    }
}

TEST_CASE("the max-pods table columns: both shapes load, and both readers agree") {
    const std::string twelve =
        R"({"version":1,"source":"t","columns":["name","vcpus","memory_mib","max_enis",)"
        R"("ipv4_per_eni","hypervisor","bare_metal","branch_enis","network_cards",)"
        R"("enis_all_cards","eni_max_pods","nodeadm"],"types":[)";
    const std::string row = R"(["m5.large",2,8192,3,10,"nitro",false,9,1,3,true,false])";
    core::Result<Catalog> loaded = core::load_catalog(twelve + row + "]}");
    REQUIRE(loaded.ok());
    CHECK(loaded->types[0].in_eni_max_pods);
    CHECK_FALSE(loaded->types[0].in_nodeadm);
    CHECK(fast_reader_agrees(twelve + row + "]}"));
    // The ten-column shape (before the tables were recorded): listed in neither.
    core::Result<Catalog> ten = core::load_catalog(catalog_with({kGoodRow}));
    REQUIRE(ten.ok());
    CHECK_FALSE(ten->types[0].in_eni_max_pods);
    CHECK_FALSE(ten->types[0].in_nodeadm);
    // A ten-value row under twelve columns, or a flag that is not a boolean, is refused.
    CHECK(has(load_error(twelve + kGoodRow + "]}"), "expected an array of 12 values"));
    const std::string bad = R"(["m5.large",2,8192,3,10,"nitro",false,9,1,3,1,false])";
    CHECK(has(load_error(twelve + bad + "]}"),
              "types[0].eni_max_pods: expected true or false, got 1"));
    CHECK_FALSE(fast_reader_agrees(twelve + bad + "]}"));
    // The shipped catalog records both tables.
    CHECK(test_type("m5.large").in_eni_max_pods);
    CHECK(test_type("m5.large").in_nodeadm);
    CHECK_FALSE(test_type("p3.2xlarge").in_nodeadm);
}
