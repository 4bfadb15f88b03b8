// test_support.h: shared helpers for the native tests.
//
// hand_type() and t3_small() / m5_large() / m4_large() are instance types typed by hand, so
// that model tests do not move when the catalog is updated; add_test_subnet() adds a
// building to a VPC under construction and fails the test if it cannot.
//
// read_source_file() reads a file of the source tree (CAMPUS_SOURCE_DIR is defined by
// CMake for the test target); test_catalog() and test_lessons() parse assets/catalog.json
// and assets/lessons.json once, so every test sees what the page ships; has() checks that a
// message holds its telling part; check_values() checks a table of a step's readout values (or
// of a result's fields, named once with field()) and check_messages() a table of messages by
// their telling parts.
#pragma once

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <doctest/doctest.h>

#include "catalog.h"
#include "ipam.h"
#include "lessons.h"
#include "vpc.h"

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

// Checks a step's readout: rows is "name=want name=want ...", and value(model, name) must
// read want for each (an empty want: no such value), naming the row when it fails, e.g.
//   check_values(m, core::step_value<core::TheRules>, "pods=0 panels=1 nothing=");
template <class Model, class Value>
void check_values(const Model& model, Value value, const std::string& rows) {
    std::istringstream in(rows);
    for (std::string row; in >> row;) {
        const size_t eq = row.find('=');
        CAPTURE(row);
        REQUIRE(eq != std::string::npos);
        CHECK(value(model, row.substr(0, eq).c_str()) == row.substr(eq + 1));
    }
}

// A field of a result by name, as check_values reads it: numbers in digits, flags as
// true/false, text as it is.
struct NamedField {
    const char* name;
    std::string text;
    NamedField(const char* n, bool v) : name(n), text(v ? "true" : "false") {}
    NamedField(const char* n, int v) : name(n), text(std::to_string(v)) {}
    NamedField(const char* n, long long v) : name(n), text(std::to_string(v)) {}
    NamedField(const char* n, uint64_t v) : name(n), text(std::to_string(v)) {}
    NamedField(const char* n, const char* v) : name(n), text(v) {}
    NamedField(const char* n, std::string v) : name(n), text(std::move(v)) {}
};

// A NamedField called as the member it reads: FIELD(s, enis) is {"enis", s.enis}.
#define FIELD(object, member) NamedField(#member, (object).member)

// The text of the field called name among fields ("" when none is), so that a test states a
// result's fields once and checks them with check_values, e.g.
//   field(name, {FIELD(s, enis), FIELD(s, ips), FIELD(s, trunk)})
inline std::string field(std::string_view name, std::initializer_list<NamedField> fields) {
    for (const NamedField& f : fields) {
        if (name == f.name) return f.text;
    }
    return "";
}

// A node's stats by name, for check_values, e.g.
//   check_values(node_stats(n), node_stat, "enis=2 ips=6 free_ips=5");
inline std::string node_stat(const core::NodeStats& s, const char* name) {
    return field(name, {FIELD(s, enis), FIELD(s, pod_enis), FIELD(s, ips), FIELD(s, free_ips),
                        FIELD(s, secondary_ips), FIELD(s, prefixes), FIELD(s, pods),
                        FIELD(s, pending), FIELD(s, max_pods), FIELD(s, address_capacity),
                        FIELD(s, prefix_delegation), FIELD(s, trunk)});
}

// One row of a message table: the message for input must hold part.
struct MessageRow {
    const char* input;
    const char* part;
};

// Checks that message(input) holds part for every row, naming the input when it fails, e.g.
//   check_messages(cidr_error, {{"10.0.0.1/24", "did you mean 10.0.0.0/24?"}});
template <class Message>
void check_messages(Message message, std::initializer_list<MessageRow> rows) {
    for (const MessageRow& row : rows) {
        CAPTURE(row.input);
        CHECK(has(message(row.input), row.part));
    }
}

// What load makes of the shipped file rel; fails the calling test if it does not load.
template <class T>
T load_shipped(const char* rel, core::Result<T> (*load)(std::string_view)) {
    core::Result<T> loaded = load(read_source_file(rel));
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(loaded).value();
}

// The shipped lessons, loaded once; a test using them fails if they do not load.
inline const core::Lessons& test_lessons() {
    static const core::Lessons lessons = load_shipped("assets/lessons.json", core::load_lessons);
    return lessons;
}

// The shipped catalog, loaded once; a test using it fails if it does not load.
inline const core::Catalog& test_catalog() {
    static const core::Catalog catalog = load_shipped("assets/catalog.json", core::load_catalog);
    return catalog;
}

// A type from the shipped catalog by name; fails the calling test if it is missing.
inline const core::InstanceType& test_type(const char* name) {
    core::Result<const core::InstanceType*> found = core::find_instance_type(test_catalog(), name);
    if (!found) throw std::runtime_error(found.error().message);
    return **found;
}

// An instance type typed by hand: 2 vCPUs, every ENI on one network card.
inline core::InstanceType hand_type(const char* name, int enis, int ipv4,
                                    core::Hypervisor hypervisor = core::Hypervisor::Nitro,
                                    int branch_enis = 0) {
    core::InstanceType t;
    t.name = name;
    t.vcpus = 2;
    t.max_enis = enis;
    t.ipv4_per_eni = ipv4;
    t.hypervisor = hypervisor;
    t.branch_enis = branch_enis;
    t.enis_all_cards = enis;
    return t;
}
inline core::InstanceType t3_small() {
    return hand_type("t3.small", 3, 4);
}
inline core::InstanceType m5_large() {
    return hand_type("m5.large", 3, 10, core::Hypervisor::Nitro, 9);
}
inline core::InstanceType m4_large() {
    return hand_type("m4.large", 2, 10, core::Hypervisor::Xen);
}

// Adds a subnet (its name is its id) to the VPC; fails the calling test if it cannot.
inline void add_test_subnet(core::Vpc& vpc, const char* id, const char* az, const char* cidr,
                            uint32_t scatter = 0) {
    core::Status s = core::add_subnet(vpc, core::SubnetDesc{id, id, az, cidr, scatter});
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
}

// A VPC of cidr holding one subnet, subnet-a, of subnet_cidr (no name, no zone); fails the
// calling test if it cannot be made.
inline core::Vpc test_vpc(const char* cidr, const char* subnet_cidr) {
    core::Result<core::Vpc> vpc = core::make_vpc(cidr);
    REQUIRE(vpc.ok());
    core::SubnetDesc d;
    d.id = "subnet-a";
    d.cidr = subnet_cidr;
    REQUIRE(core::add_subnet(vpc.value(), d).ok());
    return std::move(vpc).value();
}
