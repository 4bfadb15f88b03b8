// catalog.cpp: parsing, validation and lookup of the instance catalog (see catalog.h).
#include "catalog.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <utility>

#include "json_read.h"
#include "lookup.h"

namespace core {
namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;
// The last two columns are optional as a pair: a file may stop after enis_all_cards (the
// format before they were added); its types are then listed in neither max-pods table.
constexpr std::array<const char*, 12> kColumns = {
    "name",       "vcpus",       "memory_mib",    "max_enis",       "ipv4_per_eni", "hypervisor",
    "bare_metal", "branch_enis", "network_cards", "enis_all_cards", "eni_max_pods", "nodeadm"};
constexpr std::size_t kBaseColumns = 10;
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
    kEnisAllCards,
    kEniMaxPods,
    kNodeadm
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

// ---- the rules of a row, shared by both readers (general and fast) ------------------------
bool valid_name(std::string_view name) {
    return !name.empty() && name.size() <= kMaxNameLength &&
           std::all_of(name.begin(), name.end(), valid_name_char);
}

constexpr int kZero = 0;
constexpr int kUnlisted = -1;
// Whole-number columns: the field they fill, range, and the value a null stands for (nullptr:
// null not allowed).
struct IntRule {
    Column column;
    int InstanceType::*field;
    long long lo, hi;
    const int* null_value;
};
constexpr IntRule kIntRules[] = {
    {kVcpus, &InstanceType::vcpus, 1, 4096, &kZero},
    {kMemory, &InstanceType::memory_mib, 1, 1LL << 30, &kZero},
    {kMaxEnis, &InstanceType::max_enis, 1, 100, nullptr},
    {kIpv4PerEni, &InstanceType::ipv4_per_eni, 1, 256, nullptr},
    {kBranchEnis, &InstanceType::branch_enis, 0, 1000, &kUnlisted},
    {kNetworkCards, &InstanceType::network_cards, 1, 64, nullptr},
};
constexpr long long kEnisAllCardsMax = 1000;

// ENIs over all cards: at least the default card's, and exactly those with one card.
bool valid_enis_all_cards(const InstanceType& t, int all) {
    return all >= t.max_enis && (t.network_cards != 1 || all == t.max_enis);
}

bool parse_hypervisor(std::string_view text, Hypervisor& out) {
    if (text == "nitro") {
        out = Hypervisor::Nitro;
    } else if (text == "xen") {
        out = Hypervisor::Xen;
    } else if (text == "unknown") {
        out = Hypervisor::Unknown;
    } else {
        return false;
    }
    return true;
}

// ---- the general reader: any JSON, every mistake named --------------------------------------
Result<InstanceType> read_row(const json& row, std::size_t i, std::size_t columns) {
    if (!row.is_array() || row.size() != columns) {
        std::string got = row.is_array() ? std::to_string(row.size()) + " values" : shown(row);
        return catalog_error("types[" + std::to_string(i) + "]",
                             "expected an array of " + std::to_string(columns) +
                                 " values (one per column), got " + got);
    }
    InstanceType t;

    const json& name = row[kName];
    const std::string* text = name.is_string() ? &name.get_ref<const std::string&>() : nullptr;
    if (text == nullptr || !valid_name(*text)) {
        return catalog_error(field(i, kName), "expected an instance type name of 1 to " +
                                                  std::to_string(kMaxNameLength) +
                                                  " lowercase letters, digits, '.' or '-', got " +
                                                  shown(name));
    }
    t.name = *text;

    for (const IntRule& r : kIntRules) {
        Result<int> v = read_int(row[r.column], i, r.column, r.lo, r.hi, r.null_value);
        if (!v) return v.error();
        t.*r.field = *v;
    }
    Result<int> all = read_int(row[kEnisAllCards], i, kEnisAllCards, 1, kEnisAllCardsMax);
    if (!all) return all.error();
    if (!valid_enis_all_cards(t, *all)) {
        return catalog_error(field(i, kEnisAllCards),
                             std::string(t.network_cards == 1 ? "expected max_enis ("
                                                              : "expected at least max_enis (") +
                                 std::to_string(t.max_enis) + ") with " +
                                 std::to_string(t.network_cards) + " network card(s), got " +
                                 std::to_string(*all));
    }
    t.enis_all_cards = *all;

    const json& hv = row[kHypervisor];
    if (!hv.is_string() || !parse_hypervisor(hv.get_ref<const std::string&>(), t.hypervisor)) {
        return catalog_error(field(i, kHypervisor),
                             "expected \"nitro\", \"xen\" or \"unknown\", got " + shown(hv));
    }

    bool* const flags[] = {&t.bare_metal, &t.in_eni_max_pods, &t.in_nodeadm};
    const Column flag_columns[] = {kBareMetal, kEniMaxPods, kNodeadm};
    for (std::size_t k = 0; k < 3; ++k) {
        if (flag_columns[k] >= columns) break;
        const json& flag = row[flag_columns[k]];
        if (!flag.is_boolean()) {
            return catalog_error(field(i, flag_columns[k]),
                                 "expected true or false, got " + shown(flag));
        }
        *flags[k] = flag.get<bool>();
    }
    return t;
}

using Rows = std::vector<InstanceType>;  // in the file's order: a row's index is its place

// Sorted by name; a name twice is an error naming both rows. A file already in order with
// no name twice (the shipped one) is taken as it is. Otherwise what is sorted is the rows'
// order, not the rows: moving 1,391 types of a dozen fields ~14,000 times, then once more
// into the catalog, was 45 ms of the browser's start-up.
Result<Catalog> finish(Rows rows) {
    Catalog catalog;
    const auto not_before = [](const InstanceType& a, const InstanceType& b) {
        return !(a.name < b.name);
    };
    if (std::adjacent_find(rows.begin(), rows.end(), not_before) == rows.end()) {
        catalog.types = std::move(rows);
        return catalog;
    }
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&rows](std::size_t a, std::size_t b) { return rows[a].name < rows[b].name; });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const std::string& name = rows[order[k]].name;
        if (name == rows[order[k - 1]].name) {
            return catalog_error(field(order[k], kName), "\"" + name +
                                                             "\" appears twice (also at types[" +
                                                             std::to_string(order[k - 1]) + "])");
        }
    }
    catalog.types.reserve(rows.size());
    for (std::size_t i : order)
        catalog.types.push_back(std::move(rows[i]));
    return catalog;
}

// ---- the fast reader: the shipped file's exact shape, in one pass ---------------------------
// In the browser, loading the catalog was the longest step before the first frame: ~45 ms
// under SwiftShader for a DOM of 14,000 values then the rows (15 ms in node when warm,
// against 1.3 ms natively). The shipped file always has one shape: the four keys in order,
// then one array of ten plain values per type. This reads exactly that shape with no DOM,
// applies the same rules as read_row, and declines (returns false) on anything else: other
// key order, a string escape or non-ASCII byte, a fraction, exponent or sign, a bad value.
// The general reader then loads it or names the mistake, so results and messages never
// depend on which reader ran (tests/catalog_test.cpp and fuzz_catalog check they agree).
class FastReader {
public:
    explicit FastReader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    bool read(Rows& rows) {
        if (!punct('{') || !key("version") || !number_is_one() || !punct(',') || !key("source") ||
            !plain_string(nullptr) || !punct(',') || !key("columns") || !columns() || !punct(',') ||
            !key("types") || !punct('['))
            return false;
        do {
            InstanceType t;
            if (!row(t)) return false;
            rows.push_back(std::move(t));
        } while (punct(','));
        if (!punct(']') || !punct('}')) return false;
        space();
        return p_ == end_;
    }

private:
    void space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
            ++p_;
    }
    bool punct(char c) {
        space();
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }
    bool word(std::string_view w) {
        space();
        if (static_cast<std::size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w)
            return false;
        p_ += w.size();
        return true;
    }
    // A string of printable ASCII with no escapes (anything else: decline).
    bool plain_string(std::string_view* out) {
        if (!punct('"')) return false;
        const char* begin = p_;
        while (p_ != end_ && *p_ != '"') {
            if (*p_ < 0x20 || *p_ > 0x7e || *p_ == '\\') return false;
            ++p_;
        }
        if (p_ == end_) return false;
        if (out) *out = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
        ++p_;
        return true;
    }
    bool key(std::string_view k) {
        std::string_view got;
        return plain_string(&got) && got == k && punct(':');
    }
    // A JSON whole number without sign (JSON allows no leading zeros), up to 18 digits.
    bool whole(long long& v) {
        space();
        const char* begin = p_;
        v = 0;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9' && p_ - begin < 18)
            v = v * 10 + (*p_++ - '0');
        const std::ptrdiff_t n = p_ - begin;
        if (n == 0 || (n > 1 && *begin == '0')) return false;
        return p_ == end_ ||
               !(*p_ == '.' || *p_ == 'e' || *p_ == 'E' || (*p_ >= '0' && *p_ <= '9'));
    }
    bool number_is_one() {
        long long v = 0;
        return whole(v) && v == 1;
    }
    // Either every column or the first kBaseColumns, in order; sets columns_.
    bool columns() {
        if (!punct('[')) return false;
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
            std::string_view got;
            if (c == kBaseColumns && punct(']')) {
                columns_ = kBaseColumns;
                return true;
            }
            if ((c > 0 && !punct(',')) || !plain_string(&got) || got != kColumns[c]) return false;
        }
        columns_ = kColumns.size();
        return punct(']');
    }
    bool flag(bool& out) {
        if (word("true")) {
            out = true;
            return true;
        }
        out = false;
        return word("false");
    }
    bool int_cell(long long lo, long long hi, const int* null_value, int& out) {
        if (null_value != nullptr && word("null")) {
            out = *null_value;
            return true;
        }
        long long v = 0;
        if (!whole(v) || v < lo || v > hi) return false;
        out = static_cast<int>(v);
        return true;
    }
    bool row(InstanceType& t) {
        std::string_view name, hv;
        if (!punct('[') || !plain_string(&name) || !valid_name(name)) return false;
        t.name = std::string(name);
        for (std::size_t c = kVcpus; c < columns_; ++c) {
            if (!punct(',')) return false;
            const Column column = static_cast<Column>(c);
            if (column == kHypervisor) {
                if (!plain_string(&hv) || !parse_hypervisor(hv, t.hypervisor)) return false;
            } else if (column == kBareMetal) {
                if (!flag(t.bare_metal)) return false;
            } else if (column == kEniMaxPods) {
                if (!flag(t.in_eni_max_pods)) return false;
            } else if (column == kNodeadm) {
                if (!flag(t.in_nodeadm)) return false;
            } else if (column == kEnisAllCards) {
                int all = 0;
                if (!int_cell(1, kEnisAllCardsMax, nullptr, all) || !valid_enis_all_cards(t, all))
                    return false;
                t.enis_all_cards = all;
            } else {
                const IntRule* rule = find_by(kIntRules, column, &IntRule::column);
                if (!int_cell(rule->lo, rule->hi, rule->null_value, t.*rule->field)) return false;
            }
        }
        return punct(']');
    }

    const char* p_;
    const char* end_;
    std::size_t columns_ = kColumns.size();
};

Result<Catalog> load_general(std::string_view text) {
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
    json base_columns = json::array();
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
        expected_columns.push_back(kColumns[c]);
        if (c < kBaseColumns) base_columns.push_back(kColumns[c]);
    }
    if (columns == doc.end() || (*columns != expected_columns && *columns != base_columns)) {
        return catalog_error("columns", "expected " + expected_columns.dump() + " (or its first " +
                                            std::to_string(kBaseColumns) + "), got " +
                                            (columns == doc.end() ? "nothing" : shown(*columns)));
    }
    const std::size_t column_count = columns->size();
    const auto types = doc.find("types");
    if (types == doc.end() || !types->is_array() || types->empty()) {
        return catalog_error("types", "expected a non-empty array of instance types, got " +
                                          (types == doc.end() ? "nothing" : shown(*types)));
    }

    Rows rows;
    rows.reserve(types->size());
    for (std::size_t i = 0; i < types->size(); ++i) {
        Result<InstanceType> t = read_row((*types)[i], i, column_count);
        if (!t) return t.error();
        rows.push_back(std::move(t).value());
    }
    return finish(std::move(rows));
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

bool operator==(const InstanceType& a, const InstanceType& b) {
    return a.name == b.name && a.vcpus == b.vcpus && a.memory_mib == b.memory_mib &&
           a.max_enis == b.max_enis && a.ipv4_per_eni == b.ipv4_per_eni &&
           a.hypervisor == b.hypervisor && a.bare_metal == b.bare_metal &&
           a.branch_enis == b.branch_enis && a.network_cards == b.network_cards &&
           a.enis_all_cards == b.enis_all_cards && a.in_eni_max_pods == b.in_eni_max_pods &&
           a.in_nodeadm == b.in_nodeadm;
}

Result<Catalog> load_catalog(std::string_view json_text) {
    std::optional<Result<Catalog>> fast = detail::load_catalog_fast(json_text);
    return fast ? std::move(*fast) : load_general(json_text);
}

namespace detail {

std::optional<Result<Catalog>> load_catalog_fast(std::string_view json_text) {
    Rows rows;
    rows.reserve(json_text.size() / 48);  // a shipped row is about 50 bytes
    if (!FastReader(json_text).read(rows)) return std::nullopt;
    return finish(std::move(rows));
}

Result<Catalog> load_catalog_general(std::string_view json_text) {
    return load_general(json_text);
}

}  // namespace detail

int instance_size_rank(std::string_view name) {
    const size_t dot = name.find('.');
    const std::string_view size = dot == std::string_view::npos ? name : name.substr(dot + 1);
    static constexpr std::array<std::string_view, 5> kSmall = {"nano", "micro", "small", "medium",
                                                               "large"};
    for (size_t i = 0; i < kSmall.size(); ++i) {
        if (size == kSmall[i]) return static_cast<int>(i);
    }
    // "xlarge" is 1xlarge; "metal" sorts after every xlarge, "metal-24xl" after "metal".
    auto leading = [](std::string_view s, int none) {
        int n = 0;
        size_t i = 0;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && n < 100000; ++i)
            n = n * 10 + (s[i] - '0');
        return i == 0 ? none : n;
    };
    const size_t x = size.find("xlarge");
    if (x != std::string_view::npos && x + 6 == size.size()) return 100 + leading(size, 1);
    if (size.substr(0, 5) == "metal") {
        const std::string_view rest = size.substr(5);
        return 200000 + (rest.size() > 1 && rest[0] == '-' ? leading(rest.substr(1), 0) : 0);
    }
    return 100000;  // an unknown size: after the xlarges, before metal
}

std::vector<size_t> instance_types_by_size(const Catalog& catalog) {
    std::vector<size_t> order(catalog.types.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const std::string& na = catalog.types[a].name;
        const std::string& nb = catalog.types[b].name;
        const std::string fa = instance_family(na), fb = instance_family(nb);
        if (fa != fb) return fa < fb;
        return instance_size_rank(na) < instance_size_rank(nb);
    });
    return order;
}

Result<const InstanceType*> find_instance_type(const Catalog& catalog, std::string_view name) {
    if (name.empty()) {
        return make_error("No instance type given; names look like m5.large (family.size).",
                          ErrorCode::UnknownInstanceType);
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
    return make_error(message, ErrorCode::UnknownInstanceType);
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
    static constexpr EnumWord<Hypervisor> kNames[] = {{Hypervisor::Nitro, "nitro"},
                                                      {Hypervisor::Xen, "xen"}};
    return word_for(kNames, h, "unknown");
}

}  // namespace core
