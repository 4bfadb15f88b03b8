// lookup.h: finding an item of a list or a table by one of its fields, and an enum's words
// kept as a table of rows, one way for all of core.
//
//   find_by(cluster.nodes, "node-1", &Node::name)        // Node*, or nullptr
//   constexpr EnumWord<Hypervisor> kHypervisors[] = {{Hypervisor::Nitro, "nitro"}, ...};
//   word_for(kHypervisors, Hypervisor::Xen, "unknown")   // "xen"
//   constexpr EnumNames<Fix> kFixes[] = {{Fix::Ipv6, "ipv6", "IPv6"}, ...};
//   names_of(kFixes, Fix::Ipv6)->label                  // "IPv6"
//
// A row a value keeps each value beside its word (a switch of returns takes two lines a
// value); a table with more than one word a value finds its row with find_by.
#pragma once

#include <iterator>

namespace core {

// The first item of `items` whose `field` equals `key`, or nullptr (a const item from a
// const list).
template <typename Items, typename Key, typename Field>
auto find_by(Items& items, const Key& key, Field field) -> decltype(&*std::begin(items)) {
    for (auto& item : items) {
        if (item.*field == key) return &item;
    }
    return nullptr;
}

template <typename Enum>
struct EnumWord {
    Enum key;
    const char* word;
};

// The word of `key` in the table, or `fallback` when no row has it.
template <typename Enum, std::size_t N>
const char* word_for(const EnumWord<Enum> (&table)[N], Enum key, const char* fallback = "") {
    const EnumWord<Enum>* row = find_by(table, key, &EnumWord<Enum>::key);
    return row != nullptr ? row->word : fallback;
}

// One row of a table of an enum's names: the value's name in the model's own words (JSON,
// links, the command line) and its label for the learner, in term tokens.
template <typename Enum>
struct EnumNames {
    Enum key;
    const char* name;
    const char* label;
};

// The row of `key` in the table, or nullptr.
template <typename Enum, std::size_t N>
const EnumNames<Enum>* names_of(const EnumNames<Enum> (&table)[N], Enum key) {
    return find_by(table, key, &EnumNames<Enum>::key);
}

}  // namespace core
