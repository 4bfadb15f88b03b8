// lookup.h: finding an item of a list or a table by one of its fields, and an enum's words
// kept as a table of rows, one way for all of core.
//
//   find_by(cluster.nodes, "node-1", &Node::name)        // Node*, or nullptr
//   constexpr EnumWord<Hypervisor> kHypervisors[] = {{Hypervisor::Nitro, "nitro"}, ...};
//   word_for(kHypervisors, Hypervisor::Xen, "unknown")   // "xen"
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

}  // namespace core
