// enum_words.h: an enum's words kept as a table of rows, with one lookup for all of core.
//
//   constexpr EnumWord<Hypervisor> kHypervisors[] = {{Hypervisor::Nitro, "nitro"}, ...};
//   word_for(kHypervisors, Hypervisor::Xen, "unknown")   // "xen"
//
// A row a value keeps each value beside its word (a switch of returns takes two lines a
// value); a table with more than one word a value finds its row with find_row.
#pragma once

#include <cstddef>

namespace core {

// The first row of the table whose `key` is `key`, or nullptr.
template <typename Row, std::size_t N, typename Key>
constexpr const Row* find_row(const Row (&table)[N], Key key) {
    for (const Row& row : table) {
        if (row.key == key) return &row;
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
constexpr const char* word_for(const EnumWord<Enum> (&table)[N], Enum key,
                               const char* fallback = "") {
    const EnumWord<Enum>* row = find_row(table, key);
    return row != nullptr ? row->word : fallback;
}

}  // namespace core
