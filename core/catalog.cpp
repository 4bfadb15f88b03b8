// catalog.cpp: parsing, validation and lookup of the instance catalog (see catalog.h).
#include "catalog.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "json_read.h"

namespace core {
namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;
constexpr std::array<const char*, 10> kColumns = {
    "name",       "vcpus",      "memory_mib",  "max_enis",      "ipv4_per_eni",
    "hypervisor", "bare_metal", "branch_enis", "network_cards", "enis_all_cards"};
enum Column : std::size_t {
    kName,
    kVcpus,
    kMemory,
    kMaxEnis,
    kIpv4PerEni,
    kHypervisor,
    kBareMetal,
    kBranchEnis,
    kNetworkCards,
    kEnisAllCards
};
constexpr std::size_t kMaxNameLength = 64;
const char* const kPrefix = "instance catalog: ";

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = lower(c);
    return out;
}

// A JSON value as it would appear in the file, shortened for messages.
std::string shown(const json& j) {
    std::string text = j.dump(-1, ' ', true, json::error_handler_t::replace);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

Error catalog_error(const std::string& where, const std::string& what) {
    return make_error(kPrefix + where + ": " + what);
}

std::string field(std::size_t row, Column column) {
    return "types[" + std::to_string(row) + "]." + kColumns[column];
}

// Reads a whole number in [lo, hi]; null allowed only where `null_value` is given.
Result<int> read_int(const json& j, std::size_t row, Column column, long long lo, long long hi,
                     const int* null_value = nullptr) {
    if (j.is_null() && null_value != nullptr) return *null_value;
    bool in_range = false;
    long long v = 0;
    if (j.is_number_unsigned()) {
        const auto u = j.get<std::uint64_t>();
        in_range = u <= static_cast<std::uint64_t>(hi);
        v = in_range ? static_cast<long long>(u) : 0;
        in_range = in_range && v >= lo;
    } else if (j.is_number_integer()) {
        v = j.get<std::int64_t>();
        in_range = v >= lo && v <= hi;
    }
    if (!in_range) {
        std::string expected =
            "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
        if (null_value != nullptr) expected += " or null";
        return catalog_error(field(row, column), expected + ", got " + shown(j));
    }
    return static_cast<int>(v);
}

bool valid_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

Result<InstanceType> read_row(const json& row, std::size_t i) {
    const std::string where = "types[" + std::to_string(i) + "]";
    if (!row.is_array() || row.size() != kColumns.size()) {
        std::string got = row.is_array() ? std::to_string(row.size()) + " values" : shown(row);
        return catalog_error(where, "expected an array of " + std::to_string(kColumns.size()) +
                                        " values (one per column), got " + got);
    }
    InstanceType t;

    const json& name = row[kName];
    const std::string* text = name.is_string() ? &name.get_ref<const std::string&>() : nullptr;
    const bool name_ok = text != nullptr && !text->empty() && text->size() <= kMaxNameLength &&
                         std::all_of(text->begin(), text->end(), valid_name_char);
    if (!name_ok) {
        return catalog_error(field(i, kName), "expected an instance type name of 1 to " +
                                                  std::to_string(kMaxNameLength) +
                                                  " lowercase letters, digits, '.' or '-', got " +
                                                  shown(name));
    }
    t.name = *text;

    const int zero = 0;
    const int unlisted = -1;
    struct IntField {
        Column column;
        long long lo, hi;
        const int* null_value;
        int* out;
    };
    const IntField ints[] = {
        {kVcpus, 1, 4096, &zero, &t.vcpus},
        {kMemory, 1, 1LL << 30, &zero, &t.memory_mib},
        {kMaxEnis, 1, 100, nullptr, &t.max_enis},
        {kIpv4PerEni, 1, 256, nullptr, &t.ipv4_per_eni},
        {kBranchEnis, 0, 1000, &unlisted, &t.branch_enis},
        {kNetworkCards, 1, 64, nullptr, &t.network_cards},
    };
    for (const IntField& f : ints) {
        Result<int> v = read_int(row[f.column], i, f.column, f.lo, f.hi, f.null_value);
        if (!v) return v.error();
        *f.out = *v;
    }
    // ENIs over all cards: at least the default card's, and exactly those with one card.
    Result<int> all = read_int(row[kEnisAllCards], i, kEnisAllCards, 1, 1000);
    if (!all) return all.error();
    if (*all < t.max_enis || (t.network_cards == 1 && *all != t.max_enis)) {
        return catalog_error(field(i, kEnisAllCards),
                             std::string(t.network_cards == 1 ? "expected max_enis ("
                                                              : "expected at least max_enis (") +
                                 std::to_string(t.max_enis) + ") with " +
                                 std::to_string(t.network_cards) + " network card(s), got " +
                                 std::to_string(*all));
    }
    t.enis_all_cards = *all;

    const json& hv = row[kHypervisor];
    if (hv == "nitro") {
        t.hypervisor = Hypervisor::Nitro;
    } else if (hv == "xen") {
        t.hypervisor = Hypervisor::Xen;
    } else if (hv == "unknown") {
        t.hypervisor = Hypervisor::Unknown;
    } else {
        return catalog_error(field(i, kHypervisor),
                             "expected \"nitro\", \"xen\" or \"unknown\", got " + shown(hv));
    }

    const json& metal = row[kBareMetal];
    if (!metal.is_boolean()) {
        return catalog_error(field(i, kBareMetal), "expected true or false, got " + shown(metal));
    }
    t.bare_metal = metal.get<bool>();
    return t;
}

Result<Catalog> load(std::string_view text) {
    json doc;
    JsonParseInfo info;
    if (!parse_json(text, doc, &info)) {
        return make_error(std::string(kPrefix) + "not valid JSON at byte " +
                          std::to_string(info.error_byte) + " of " + std::to_string(text.size()) +
                          ": " + json_error_detail(info.error));
    }
    if (!doc.is_object()) {
        return make_error(std::string(kPrefix) +
                          "expected a JSON object with version, source, columns and types, got " +
                          shown(doc));
    }
    for (const auto& item : doc.items()) {
        const std::string& key = item.key();
        if (key != "version" && key != "source" && key != "columns" && key != "types") {
            return catalog_error(key, "unexpected key (expected version, source, columns, types)");
        }
    }
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || *version != kFormatVersion) {
        return catalog_error("version", "expected " + std::to_string(kFormatVersion) + ", got " +
                                            (version == doc.end() ? "nothing" : shown(*version)));
    }
    const auto source = doc.find("source");
    if (source != doc.end() && !source->is_string()) {
        return catalog_error("source", "expected a string, got " + shown(*source));
    }
    const auto columns = doc.find("columns");
    json expected_columns = json::array();
    for (const char* c : kColumns)
        expected_columns.push_back(c);
    if (columns == doc.end() || *columns != expected_columns) {
        return catalog_error("columns", "expected " + expected_columns.dump() + ", got " +
                                            (columns == doc.end() ? "nothing" : shown(*columns)));
    }
    const auto types = doc.find("types");
    if (types == doc.end() || !types->is_array() || types->empty()) {
        return catalog_error("types", "expected a non-empty array of instance types, got " +
                                          (types == doc.end() ? "nothing" : shown(*types)));
    }

    std::vector<std::pair<InstanceType, std::size_t>> rows;  // with the row index
    rows.reserve(types->size());
    for (std::size_t i = 0; i < types->size(); ++i) {
        Result<InstanceType> t = read_row((*types)[i], i);
        if (!t) return t.error();
        rows.emplace_back(std::move(t).value(), i);
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.first.name < b.first.name; });
    for (std::size_t k = 1; k < rows.size(); ++k) {
        if (rows[k].first.name == rows[k - 1].first.name) {
            return catalog_error(field(rows[k].second, kName),
                                 "\"" + rows[k].first.name + "\" appears twice (also at types[" +
                                     std::to_string(rows[k - 1].second) + "])");
        }
    }
    Catalog catalog;
    catalog.types.reserve(rows.size());
    for (auto& r : rows)
        catalog.types.push_back(std::move(r.first));
    return catalog;
}

bool name_less(const InstanceType& t, const std::string& name) {
    return t.name < name;
}

// Edit distance of two lowercase strings; returns limit + 1 as soon as it must exceed limit.
int bounded_distance(std::string_view a, std::string_view b, int limit, std::vector<int>& row) {
    const int la = static_cast<int>(a.size());
    const int lb = static_cast<int>(b.size());
    if (std::abs(la - lb) > limit) return limit + 1;
    row.resize(b.size() + 1);
    for (int j = 0; j <= lb; ++j) {
        row[j] = j;
    }
    for (int i = 1; i <= la; ++i) {
        int diagonal = row[0];
        row[0] = i;
        int row_min = row[0];
        for (int j = 1; j <= lb; ++j) {
            const int above = row[j];
            const int substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min(std::min(above, row[j - 1]) + 1, substitute);
            diagonal = above;
            row_min = std::min(row_min, row[j]);
        }
        if (row_min > limit) return limit + 1;
    }
    return std::min(row[lb], limit + 1);
}

// Edit distances from one query to many names. Queries of up to 64 characters use the
// bit-parallel algorithm of Myers (1999) in Hyyro's formulation: one pass of a few word
// operations per character of the name, so scanning the whole catalog takes microseconds.
class QueryDistance {
public:
    explicit QueryDistance(std::string_view query) : query_(lowercase(query)) {
        bit_parallel_ = query_.size() <= 64;
        if (!bit_parallel_) return;
        for (std::size_t i = 0; i < query_.size(); ++i) {
            peq_[static_cast<unsigned char>(query_[i])] |= std::uint64_t{1} << i;
        }
    }

    // Distance to `name` (lowercase); may return any value above `limit` once it exceeds it.
    int to(std::string_view name, int limit) {
        if (!bit_parallel_) return bounded_distance(query_, name, limit, row_);
        const int m = static_cast<int>(query_.size());
        if (std::abs(m - static_cast<int>(name.size())) > limit) return limit + 1;
        if (m == 0) return static_cast<int>(name.size());
        const std::uint64_t last = std::uint64_t{1} << (m - 1);
        std::uint64_t pv = ~std::uint64_t{0};
        std::uint64_t mv = 0;
        int score = m;
        for (const char ch : name) {
            const std::uint64_t eq = peq_[static_cast<unsigned char>(ch)];
            const std::uint64_t xv = eq | mv;
            const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
            std::uint64_t ph = mv | ~(xh | pv);
            std::uint64_t mh = pv & xh;
            if (ph & last) {
                ++score;
            } else if (mh & last) {
                --score;
            }
            ph = (ph << 1) | 1;  // row 0 grows by one per character: global distance
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
        }
        return score;
    }

private:
    std::string query_;
    bool bit_parallel_ = false;
    std::array<std::uint64_t, 256> peq_{};
    std::vector<int> row_;
};

// Up to `max` catalog entries closest to `name`, as (distance, index), best first.
std::vector<std::pair<int, std::size_t>> nearest(const Catalog& catalog, std::string_view name,
                                                 int max) {
    std::vector<std::pair<int, std::size_t>> best;
    if (max <= 0) return best;
    const std::size_t keep = std::min(static_cast<std::size_t>(max), catalog.types.size());
    QueryDistance distance(name);
    for (std::size_t i = 0; i < catalog.types.size(); ++i) {
        // Ties keep the earlier (alphabetically smaller) name, so a newcomer must be closer.
        const int limit =
            best.size() < keep ? std::numeric_limits<int>::max() - 1 : best.back().first - 1;
        if (limit < 0) break;
        const int d = distance.to(catalog.types[i].name, limit);
        if (d > limit) continue;
        const auto pos = std::upper_bound(
            best.begin(), best.end(), d,
            [](int value, const std::pair<int, std::size_t>& e) { return value < e.first; });
        best.insert(pos, {d, i});
        if (best.size() > keep) best.pop_back();
    }
    return best;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

Result<Catalog> load_catalog(std::string_view json_text) {
    return load(json_text);
}

Result<const InstanceType*> find_instance_type(const Catalog& catalog, std::string_view name) {
    if (name.empty()) {
        return make_error("No instance type given; names look like m5.large (family.size).",
                          "UnknownInstanceType");
    }
    const std::string key = lowercase(name);
    const auto it = std::lower_bound(catalog.types.begin(), catalog.types.end(), key, name_less);
    if (it != catalog.types.end() && it->name == key) return &*it;

    // A name from a file may be any length: quote at most 64 characters of it.
    const std::string quoted_name = name.size() > kMaxNameLength
                                        ? std::string(name.substr(0, kMaxNameLength)) + "..."
                                        : std::string(name);
    std::string message = "unknown instance type '" + quoted_name + "'";
    if (is_space(name.front()) || is_space(name.back())) {
        message += " (it has a space before or after the name)";
    }
    // Suggest names plausibly meant: close by edit distance, then names it begins. A name
    // over 1.5 x kMaxNameLength is more than a third away from every catalog name, so the
    // (length x catalog) distance scan is skipped for it.
    const int close = std::max(2, static_cast<int>(name.size()) / 3);
    std::vector<std::string> suggestions;
    if (name.size() <= kMaxNameLength + kMaxNameLength / 2) {
        for (const auto& [distance, index] : nearest(catalog, name, 3)) {
            if (distance <= close) suggestions.push_back(catalog.types[index].name);
        }
    }
    for (const InstanceType* t : instance_types_with_prefix(catalog, name, 3)) {
        if (suggestions.size() >= 3) break;
        if (std::find(suggestions.begin(), suggestions.end(), t->name) == suggestions.end()) {
            suggestions.push_back(t->name);
        }
    }
    if (suggestions.empty()) {
        message += "; names look like m5.large (family.size)";
    } else {
        message += "; did you mean ";
        for (std::size_t i = 0; i < suggestions.size(); ++i) {
            if (i > 0) message += i + 1 == suggestions.size() ? " or " : ", ";
            message += suggestions[i];
        }
        message += "?";
    }
    return make_error(message, "UnknownInstanceType");
}

std::vector<std::string> suggest_instance_types(const Catalog& catalog, std::string_view name,
                                                int max) {
    std::vector<std::string> names;
    for (const auto& entry : nearest(catalog, name, max)) {
        names.push_back(catalog.types[entry.second].name);
    }
    return names;
}

std::vector<const InstanceType*> instance_types_with_prefix(const Catalog& catalog,
                                                            std::string_view prefix, int max) {
    std::vector<const InstanceType*> found;
    const std::string key = lowercase(prefix);
    auto it = std::lower_bound(catalog.types.begin(), catalog.types.end(), key, name_less);
    for (; it != catalog.types.end() && static_cast<int>(found.size()) < max; ++it) {
        if (it->name.compare(0, key.size(), key) != 0) break;
        found.push_back(&*it);
    }
    return found;
}

int edit_distance(std::string_view a, std::string_view b) {
    std::vector<int> row;
    return bounded_distance(lowercase(a), lowercase(b), std::numeric_limits<int>::max() - 1, row);
}

std::string instance_family(std::string_view name) {
    return std::string(name.substr(0, name.find('.')));
}

const char* hypervisor_name(Hypervisor h) {
    switch (h) {
        case Hypervisor::Nitro:
            return "nitro";
        case Hypervisor::Xen:
            return "xen";
        case Hypervisor::Unknown:
            break;
    }
    return "unknown";
}

}  // namespace core
