// scenario.cpp: scenario JSON in and out, validation with field paths, and running it.
#include "scenario.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <initializer_list>
#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "capacity.h"
#include "format.h"
#include "json_read.h"
#include "vpc.h"

namespace core {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxDescription = 4000;
constexpr std::size_t kMaxGroupName = 40;  // room for "-<n>" and "-pod-<n>" in names
constexpr int kMaxOtherCount = 65536;

Error at(const std::string& path, const std::string& message) {
    return make_error(path + ": " + message);
}

// Refuses more than `limit` of something: "subnets: 33 subnets, the limit is 32".
Status check_count(const std::string& path, size_t count, size_t limit, const char* what) {
    if (count <= limit) return Ok{};
    return at(path, num(static_cast<long long>(count)) + " " + what + ", the limit is " +
                        num(static_cast<long long>(limit)));
}

// Refuses a running sum over `limit`: "the pod entries add up to 20001 pods, the limit is ...".
Status check_sum(const std::string& path, const char* entries, long long sum, long long limit,
                 const char* what) {
    if (sum <= limit) return Ok{};
    return at(path, std::string("the ") + entries + " add up to " + num(sum) + " " + what +
                        ", the limit is " + num(limit));
}

std::string join_path(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
}

std::string index_path(const std::string& path, size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

// A short description of a JSON value for error messages.
std::string shown(const json& v) {
    switch (v.type()) {
        case json::value_t::string: {
            std::string s = v.get<std::string>();
            if (s.size() > 40) s = s.substr(0, 40) + "...";
            return "the string '" + s + "'";
        }
        case json::value_t::boolean:
            return v.get<bool>() ? "true" : "false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return "the number " + v.dump();
        case json::value_t::null:
            return "null";
        case json::value_t::object:
            return "an object";
        case json::value_t::array:
            return "an array";
        default:
            return "an unsupported value";
    }
}

// Refuses keys outside `allowed`, suggesting the closest known key.
Status check_keys(const json& object, const std::string& path,
                  std::initializer_list<const char*> allowed) {
    for (const auto& item : object.items()) {
        const std::string& key = item.key();
        bool known = false;
        for (const char* k : allowed)
            known = known || key == k;
        if (known) continue;
        std::string best;
        size_t best_distance = 3;
        std::string list;
        for (const char* k : allowed) {
            list += (list.empty() ? "" : ", ") + std::string(k);
            const size_t d =
                static_cast<size_t>(edit_distance(key.substr(0, 64), k));  // case-blind
            if (d < best_distance) {
                best_distance = d;
                best = k;
            }
        }
        std::string shown_key = key.substr(0, 40);
        std::string message = "unknown key '" + shown_key + "'";
        message += best.empty() ? " (expected " + list + ")" : "; did you mean " + best + "?";
        return at(path.empty() ? "scenario" : path, message);
    }
    return Ok{};
}

Status read_string(const json& object, const std::string& path, const char* key, bool required,
                   std::string& out) {
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            return at(path.empty() ? "scenario" : path, "missing key '" + std::string(key) + "'");
        return Ok{};
    }
    if (!it->is_string()) return at(join_path(path, key), "expected a string, got " + shown(*it));
    out = it->get<std::string>();
    return Ok{};
}

Status read_int(const json& object, const std::string& path, const char* key, bool required,
                int& out) {
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            return at(path.empty() ? "scenario" : path, "missing key '" + std::string(key) + "'");
        return Ok{};
    }
    const std::string where = join_path(path, key);
    if (!it->is_number_integer()) return at(where, "expected a whole number, got " + shown(*it));
    if (it->is_number_unsigned()) {
        const auto v = it->get<uint64_t>();
        if (v > static_cast<uint64_t>(INT_MAX))
            return at(where, "the number " + it->dump() + " is far too large");
        out = static_cast<int>(v);
        return Ok{};
    }
    const auto v = it->get<int64_t>();
    if (v < INT_MIN || v > INT_MAX)
        return at(where, "the number " + it->dump() + " is out of range");
    out = static_cast<int>(v);
    return Ok{};
}

Status read_uint32(const json& object, const std::string& path, const char* key, uint32_t& out) {
    const auto it = object.find(key);
    if (it == object.end()) return Ok{};
    const std::string where = join_path(path, key);
    if (!it->is_number_integer()) return at(where, "expected a whole number, got " + shown(*it));
    if (!it->is_number_unsigned() || it->get<uint64_t>() > UINT32_MAX) {
        return at(where,
                  "expected a whole number from 0 to " + num(UINT32_MAX) + ", got " + it->dump());
    }
    out = static_cast<uint32_t>(it->get<uint64_t>());
    return Ok{};
}

Status read_bool(const json& object, const std::string& path, const char* key, bool& out) {
    const auto it = object.find(key);
    if (it == object.end()) return Ok{};
    if (!it->is_boolean())
        return at(join_path(path, key), "expected true or false, got " + shown(*it));
    out = it->get<bool>();
    return Ok{};
}

// The array under key (absent: empty when optional), at most `limit` elements.
Result<const json*> read_array(const json& object, const std::string& path, const char* key,
                               bool required, size_t limit, const char* what) {
    static const json empty = json::array();
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            return at(path.empty() ? "scenario" : path, "missing key '" + std::string(key) + "'");
        return &empty;
    }
    const std::string where = join_path(path, key);
    if (!it->is_array()) return at(where, "expected an array, got " + shown(*it));
    if (Status st = check_count(where, it->size(), limit, what); !st) return st.error();
    return &*it;
}

Status expect_object(const json& v, const std::string& path) {
    if (v.is_object()) return Ok{};
    return at(path, "expected an object, got " + shown(v));
}

// Size and nesting, checked on the raw text before any parsing.
Status precheck(std::string_view text) {
    if (text.size() > kMaxScenarioBytes) {
        return make_error("The scenario is " + num(static_cast<long long>(text.size())) +
                          " bytes of JSON; the limit is " +
                          num(static_cast<long long>(kMaxScenarioBytes)) + " (1 MiB).");
    }
    const size_t deep = json_too_deep_at(text, kMaxScenarioDepth);
    if (deep != std::string_view::npos) {
        return make_error("The scenario JSON nests deeper than " + num(kMaxScenarioDepth) +
                          " levels at byte " + num(static_cast<long long>(deep)) + ".");
    }
    return Ok{};
}

// Line and column (1-based) of a byte offset.
std::string position(std::string_view text, size_t byte) {
    byte = std::min(byte, text.size());
    long long line = 1;
    long long column = 1;
    for (size_t i = 0; i < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + num(line) + ", column " + num(column);
}

// Finds the first repeated key ({"count": 1, "count": 2}) and its path, in one SAX pass over
// text that already parsed. (nlohmann's parser callback could watch keys during the parse,
// but with a callback it rescans the parent container at the end of every object: quadratic
// time, minutes for a 1 MiB array of {}.)
struct DuplicateKeys {
    struct Frame {
        bool array = false;
        long long index = -1;
        std::string key;
        std::set<std::string> keys;
    };
    std::vector<Frame> frames;
    std::string error;

    std::string path() const {
        std::string p;
        for (size_t i = 0; i + 1 < frames.size(); ++i) {
            const Frame& f = frames[i];
            if (f.array) {
                p += "[" + std::to_string(f.index) + "]";
            } else {
                p += (p.empty() ? "" : ".") + f.key;
            }
        }
        return p.empty() ? "scenario" : p;
    }

    // A value (of any kind) starts: it is the next element of an enclosing array.
    bool child() {
        if (!frames.empty() && frames.back().array) ++frames.back().index;
        return true;
    }
    bool open(bool array) {
        child();
        frames.push_back(Frame{array, -1, {}, {}});
        return true;
    }
    bool close() {
        if (!frames.empty()) frames.pop_back();
        return true;
    }

    // The json_sax interface (nlohmann::json::sax_parse).
    bool null() { return child(); }
    bool boolean(bool) { return child(); }
    bool number_integer(json::number_integer_t) { return child(); }
    bool number_unsigned(json::number_unsigned_t) { return child(); }
    bool number_float(json::number_float_t, const std::string&) { return child(); }
    bool string(std::string&) { return child(); }
    bool binary(json::binary_t&) { return child(); }
    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        if (frames.empty()) return true;
        Frame& f = frames.back();
        f.key = k;
        if (f.keys.insert(k).second) return true;
        error = path() + ": the key '" + f.key.substr(0, 40) +
                "' appears twice (JSON objects must not repeat a key)";
        return false;  // stop at the first one
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }
};

Result<json> parse(std::string_view text) {
    if (auto s = precheck(text); !s) return s.error();
    json doc;
    JsonParseInfo info;
    if (!parse_json(text, doc, &info)) {
        // Syntax errors point at a byte; others (a number too large for a double) do not.
        if (info.error.find(".parse_error.") == std::string::npos)
            return make_error("The scenario is not valid JSON: " + json_error_detail(info.error) +
                              ".");
        const size_t byte = info.error_byte > 0 ? info.error_byte - 1 : 0;
        return make_error("The scenario is not valid JSON at byte " +
                          num(static_cast<long long>(byte)) + " (" + position(text, byte) +
                          "): " + json_error_detail(info.error) + ".");
    }
    DuplicateKeys dups;
    (void)json::sax_parse(text.data(), text.data() + text.size(), &dups);
    if (!dups.error.empty()) return make_error(dups.error + ".");
    return doc;
}

// ---- reading -------------------------------------------------------------------------------

Result<ScenarioSubnet> read_subnet(const json& v, const std::string& path) {
    if (auto s = expect_object(v, path); !s) return s.error();
    if (auto s = check_keys(v, path,
                            {"id", "name", "az", "cidr", "scatter", "prefixReservation", "tags"});
        !s) {
        return s.error();
    }
    ScenarioSubnet sn;
    if (auto s = read_string(v, path, "id", true, sn.id); !s) return s.error();
    if (auto s = read_string(v, path, "name", false, sn.name); !s) return s.error();
    if (auto s = read_string(v, path, "az", false, sn.az); !s) return s.error();
    if (auto s = read_string(v, path, "cidr", true, sn.cidr); !s) return s.error();
    if (auto s = read_uint32(v, path, "scatter", sn.scatter); !s) return s.error();
    // true: the whole subnet is reserved for prefixes; a CIDR text: that part of it.
    if (const auto r = v.find("prefixReservation"); r != v.end() && r->is_string()) {
        if (auto s = read_string(v, path, "prefixReservation", false, sn.prefix_reservation_cidr);
            !s) {
            return s.error();
        }
    } else if (r != v.end() && !r->is_boolean()) {
        return at(join_path(path, "prefixReservation"),
                  "expected true, false or a CIDR inside the subnet, got " + shown(*r));
    } else if (auto s = read_bool(v, path, "prefixReservation", sn.prefix_reservation); !s) {
        return s.error();
    }
    if (const auto t = v.find("tags"); t != v.end()) {
        const std::string where = join_path(path, "tags");
        if (!t->is_object()) {
            return at(where, "expected an object of tag keys and string values, got " + shown(*t));
        }
        if (Status st = check_count(where, t->size(), kMaxSubnetTags, "tags"); !st)
            return st.error();
        for (const auto& item : t->items()) {
            if (!item.value().is_string()) {
                return at(where + "." + item.key().substr(0, 40),
                          "expected a string, got " + shown(item.value()));
            }
            sn.tags[item.key()] = item.value().get<std::string>();
        }
    }
    return sn;
}

Result<NodeGroup> read_node_group(const json& v, const std::string& path, const Catalog& catalog) {
    if (auto s = expect_object(v, path); !s) return s.error();
    if (auto s = check_keys(
            v, path,
            {"name", "instanceType", "subnet", "count", "prefixDelegation", "customNetworking",
             "podSubnet", "securityGroupsForPods", "warmEniTarget", "warmIpTarget",
             "minimumIpTarget", "warmPrefixTarget", "maxPods", "kind", "subnetDiscovery"});
        !s) {
        return s.error();
    }
    NodeGroup g;
    NodeConfig& c = g.config;
    if (auto s = read_string(v, path, "name", true, g.name); !s) return s.error();
    if (auto s = read_string(v, path, "instanceType", true, g.instance_type); !s) {
        return s.error();
    }
    if (auto s = read_string(v, path, "subnet", true, g.subnet); !s) return s.error();
    if (auto s = read_int(v, path, "count", false, g.count); !s) return s.error();
    if (auto s = read_bool(v, path, "prefixDelegation", c.prefix_delegation); !s) {
        return s.error();
    }
    if (auto s = read_bool(v, path, "customNetworking", c.custom_networking); !s) {
        return s.error();
    }
    if (auto s = read_string(v, path, "podSubnet", false, c.pod_subnet_id); !s) return s.error();
    if (auto s = read_bool(v, path, "securityGroupsForPods", c.security_groups_for_pods); !s) {
        return s.error();
    }
    if (auto s = read_int(v, path, "warmEniTarget", false, c.warm.warm_eni_target); !s) {
        return s.error();
    }
    if (auto s = read_int(v, path, "warmIpTarget", false, c.warm.warm_ip_target); !s) {
        return s.error();
    }
    if (auto s = read_int(v, path, "minimumIpTarget", false, c.warm.minimum_ip_target); !s) {
        return s.error();
    }
    if (auto s = read_int(v, path, "warmPrefixTarget", false, c.warm.warm_prefix_target); !s) {
        return s.error();
    }
    if (auto s = read_int(v, path, "maxPods", false, c.max_pods_override); !s) return s.error();
    std::string kind;
    if (auto s = read_string(v, path, "kind", false, kind); !s) return s.error();
    if (v.find("kind") != v.end()) {
        Result<NodeGroupKind> k = parse_node_group_kind(kind);
        if (!k) return at(join_path(path, "kind"), k.error().message);
        c.node_group = *k;
    }
    if (auto s = read_bool(v, path, "subnetDiscovery", c.subnet_discovery); !s) return s.error();
    // Store the type as the catalog spells it; an unknown name is reported by validation.
    Result<const InstanceType*> type = find_instance_type(catalog, g.instance_type);
    if (type) g.instance_type = (*type)->name;
    return g;
}

Result<Scenario> read_scenario(const json& doc, const Catalog& catalog) {
    if (!doc.is_object()) {
        return make_error(
            "The scenario must be a JSON object with version, name, vpc, subnets "
            "and nodeGroups; got " +
            shown(doc) + ".");
    }
    if (auto s = check_keys(doc, "",
                            {"version", "name", "description", "clusterName", "vpc", "subnets",
                             "nodeGroups", "pods", "otherAddresses"});
        !s) {
        return s.error();
    }
    Scenario sc;
    sc.version = 0;
    if (auto s = read_int(doc, "", "version", true, sc.version); !s) return s.error();
    if (sc.version != kScenarioVersion) {
        return at("version",
                  "this build reads version " + num(kScenarioVersion) + ", got " + num(sc.version));
    }
    if (auto s = read_string(doc, "", "name", true, sc.name); !s) return s.error();
    if (auto s = read_string(doc, "", "description", false, sc.description); !s) {
        return s.error();
    }
    if (auto s = read_string(doc, "", "clusterName", false, sc.cluster_name); !s) {
        return s.error();
    }

    const auto vpc = doc.find("vpc");
    if (vpc == doc.end()) return at("scenario", "missing key 'vpc'");
    if (auto s = expect_object(*vpc, "vpc"); !s) return s.error();
    if (auto s = check_keys(*vpc, "vpc", {"cidrs"}); !s) return s.error();
    Result<const json*> cidrs =
        read_array(*vpc, "vpc", "cidrs", true, kMaxScenarioVpcCidrs, "CIDR blocks");
    if (!cidrs) return cidrs.error();
    for (size_t i = 0; i < (*cidrs)->size(); ++i) {
        const json& c = (**cidrs)[i];
        if (!c.is_string()) {
            return at(index_path("vpc.cidrs", i), "expected a CIDR string, got " + shown(c));
        }
        sc.vpc_cidrs.push_back(c.get<std::string>());
    }

    Result<const json*> subnets =
        read_array(doc, "", "subnets", true, static_cast<size_t>(kMaxScenarioSubnets), "subnets");
    if (!subnets) return subnets.error();
    for (size_t i = 0; i < (*subnets)->size(); ++i) {
        Result<ScenarioSubnet> sn = read_subnet((**subnets)[i], index_path("subnets", i));
        if (!sn) return sn.error();
        sc.subnets.push_back(std::move(sn).value());
    }

    Result<const json*> groups = read_array(doc, "", "nodeGroups", true,
                                            static_cast<size_t>(kMaxScenarioNodes), "node groups");
    if (!groups) return groups.error();
    for (size_t i = 0; i < (*groups)->size(); ++i) {
        Result<NodeGroup> g = read_node_group((**groups)[i], index_path("nodeGroups", i), catalog);
        if (!g) return g.error();
        sc.node_groups.push_back(std::move(g).value());
    }

    Result<const json*> pods =
        read_array(doc, "", "pods", false, static_cast<size_t>(kMaxScenarioEntries), "pod entries");
    if (!pods) return pods.error();
    for (size_t i = 0; i < (*pods)->size(); ++i) {
        const std::string path = index_path("pods", i);
        const json& v = (**pods)[i];
        if (auto s = expect_object(v, path); !s) return s.error();
        if (auto s = check_keys(v, path, {"nodeGroup", "count"}); !s) return s.error();
        PodGroup p;
        if (auto s = read_string(v, path, "nodeGroup", true, p.node_group); !s) return s.error();
        if (auto s = read_int(v, path, "count", true, p.count); !s) return s.error();
        sc.pods.push_back(std::move(p));
    }

    Result<const json*> others =
        read_array(doc, "", "otherAddresses", false, static_cast<size_t>(kMaxScenarioEntries),
                   "other-address entries");
    if (!others) return others.error();
    for (size_t i = 0; i < (*others)->size(); ++i) {
        const std::string path = index_path("otherAddresses", i);
        const json& v = (**others)[i];
        if (auto s = expect_object(v, path); !s) return s.error();
        if (auto s = check_keys(v, path, {"subnet", "count", "label"}); !s) return s.error();
        OtherAddresses o;
        if (auto s = read_string(v, path, "subnet", true, o.subnet); !s) return s.error();
        if (auto s = read_int(v, path, "count", true, o.count); !s) return s.error();
        if (auto s = read_string(v, path, "label", true, o.label); !s) return s.error();
        sc.other_addresses.push_back(std::move(o));
    }
    return sc;
}

// ---- validation ----------------------------------------------------------------------------

bool id_syntax(std::string_view s, size_t max_length) {
    if (s.empty() || s.size() > max_length) return false;
    for (char ch : s) {
        const bool good = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                          (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
        if (!good) return false;
    }
    return true;
}

std::string id_rule(size_t max_length) {
    return "1 to " + num(static_cast<long long>(max_length)) + " letters, digits, '.', '-' or '_'";
}

std::string quoted(const std::string& s) {
    return "'" + (s.size() > 40 ? s.substr(0, 40) + "..." : s) + "'";
}

Status check_text(const std::string& path, const std::string& s, size_t max_length) {
    if (s.size() <= max_length) return Ok{};
    return at(path, "longer than " + num(static_cast<long long>(max_length)) + " characters");
}

Status check_range(const std::string& path, const char* knob, int value, int low, int high) {
    if (value >= low && value <= high) return Ok{};
    return at(path, std::string(knob) + " must be between " + num(low) + " and " + num(high) +
                        ", got " + num(value));
}

const ScenarioSubnet* scenario_subnet(const Scenario& s, const std::string& id) {
    for (const ScenarioSubnet& sn : s.subnets) {
        if (sn.id == id) return &sn;
    }
    return nullptr;
}

std::string subnet_ids(const Scenario& s) {
    if (s.subnets.empty()) return "the scenario has no subnets";
    std::string text = "subnets are ";
    for (size_t i = 0; i < s.subnets.size(); ++i) {
        if (i > 0) text += ", ";
        if (i == 8) {
            text += "...";
            break;
        }
        text += s.subnets[i].id;
    }
    return text;
}

Status check_subnet_ref(const Scenario& s, const std::string& path, const std::string& id) {
    if (scenario_subnet(s, id) != nullptr) return Ok{};
    return at(path, "no subnet " + quoted(id) + "; " + subnet_ids(s));
}

Result<Vpc> build_vpc(const Scenario& s) {
    if (s.vpc_cidrs.empty()) return at("vpc.cidrs", "a VPC needs at least its primary CIDR");
    Result<Vpc> vpc = make_vpc(s.vpc_cidrs[0]);
    if (!vpc) return at("vpc.cidrs[0]", vpc.error().message);
    Vpc v = std::move(vpc).value();
    for (size_t i = 1; i < s.vpc_cidrs.size(); ++i) {
        if (auto st = add_vpc_cidr(v, s.vpc_cidrs[i]); !st) {
            return at(index_path("vpc.cidrs", i), st.error().message);
        }
    }
    for (size_t i = 0; i < s.subnets.size(); ++i) {
        if (auto st = add_subnet(v, s.subnets[i]); !st)
            return at(index_path("subnets", i), st.error().message);
    }
    return v;
}

Status validate_group(const Scenario& s, const NodeGroup& g, const std::string& path,
                      const Catalog& catalog) {
    if (!id_syntax(g.name, kMaxGroupName)) {
        return at(path + ".name",
                  "a node group name is " + id_rule(kMaxGroupName) + ", got " + quoted(g.name));
    }
    Result<const InstanceType*> type = find_instance_type(catalog, g.instance_type);
    if (!type) return at(path + ".instanceType", type.error().message);
    if (auto st = check_subnet_ref(s, path + ".subnet", g.subnet); !st) return st;
    if (auto st = check_range(path + ".count", "count", g.count, 1, kMaxScenarioNodes); !st) {
        return st;
    }
    const WarmConfig& w = g.config.warm;
    if (auto st = check_range(path + ".warmEniTarget", "WARM_ENI_TARGET", w.warm_eni_target, 0,
                              kMaxWarmEniTarget);
        !st) {
        return st;
    }
    if (auto st = check_range(path + ".warmIpTarget", "WARM_IP_TARGET", w.warm_ip_target, 0,
                              kMaxWarmIpTarget);
        !st) {
        return st;
    }
    if (auto st = check_range(path + ".minimumIpTarget", "MINIMUM_IP_TARGET", w.minimum_ip_target,
                              0, kMaxMinimumIpTarget);
        !st) {
        return st;
    }
    if (auto st = check_range(path + ".warmPrefixTarget", "WARM_PREFIX_TARGET",
                              w.warm_prefix_target, 0, kMaxWarmPrefixTarget);
        !st) {
        return st;
    }
    if (auto st = check_range(path + ".maxPods", "maxPods (0 keeps the AMI's value)",
                              g.config.max_pods_override, 0, kMaxPodsOverrideLimit);
        !st) {
        return st;
    }
    if (g.config.max_pods_override > 0 && g.config.max_pods_override < kHostNetworkPods) {
        return at(path + ".maxPods", "maxPods must be 0 (the AMI's value) or at least " +
                                         num(kHostNetworkPods) +
                                         ": the 2 host-network pods count against it; got " +
                                         num(g.config.max_pods_override));
    }
    if (g.config.custom_networking) {
        if (g.config.pod_subnet_id.empty()) {
            return at(path + ".podSubnet",
                      "custom networking needs the ENIConfig subnet that pod addresses come from");
        }
        if (auto st = check_subnet_ref(s, path + ".podSubnet", g.config.pod_subnet_id); !st) {
            return st;
        }
        const ScenarioSubnet* home = scenario_subnet(s, g.subnet);
        const ScenarioSubnet* pods = scenario_subnet(s, g.config.pod_subnet_id);
        if (home->az != pods->az) {
            return at(path + ".podSubnet",
                      "ENIConfig subnet must be in the node's availability zone: " + pods->id +
                          " is in " + pods->az + ", the node's subnet " + home->id + " is in " +
                          home->az);
        }
    } else if (!g.config.pod_subnet_id.empty()) {
        return at(path + ".podSubnet", "set only with customNetworking: true");
    }
    if (auto st = validate_node_config(**type, g.config); !st) {
        return at(path + (g.config.security_groups_for_pods ? ".securityGroupsForPods"
                                                            : ".customNetworking"),
                  st.error().message);
    }
    return Ok{};
}

}  // namespace

bool operator==(const Scenario& a, const Scenario& b) {
    auto subnet_eq = [](const ScenarioSubnet& x, const ScenarioSubnet& y) {
        return x.id == y.id && x.name == y.name && x.az == y.az && x.cidr == y.cidr &&
               x.scatter == y.scatter && x.prefix_reservation == y.prefix_reservation &&
               x.prefix_reservation_cidr == y.prefix_reservation_cidr && x.tags == y.tags;
    };
    auto group_eq = [](const NodeGroup& x, const NodeGroup& y) {
        return x.name == y.name && x.instance_type == y.instance_type && x.subnet == y.subnet &&
               x.count == y.count && x.config == y.config;
    };
    auto pods_eq = [](const PodGroup& x, const PodGroup& y) {
        return x.node_group == y.node_group && x.count == y.count;
    };
    auto other_eq = [](const OtherAddresses& x, const OtherAddresses& y) {
        return x.subnet == y.subnet && x.count == y.count && x.label == y.label;
    };
    return a.version == b.version && a.name == b.name && a.description == b.description &&
           a.cluster_name == b.cluster_name && a.vpc_cidrs == b.vpc_cidrs &&
           std::equal(a.subnets.begin(), a.subnets.end(), b.subnets.begin(), b.subnets.end(),
                      subnet_eq) &&
           std::equal(a.node_groups.begin(), a.node_groups.end(), b.node_groups.begin(),
                      b.node_groups.end(), group_eq) &&
           std::equal(a.pods.begin(), a.pods.end(), b.pods.begin(), b.pods.end(), pods_eq) &&
           std::equal(a.other_addresses.begin(), a.other_addresses.end(), b.other_addresses.begin(),
                      b.other_addresses.end(), other_eq);
}

Status validate_scenario(const Scenario& s, const Catalog& catalog) {
    if (s.version != kScenarioVersion) {
        return at("version",
                  "this build reads version " + num(kScenarioVersion) + ", got " + num(s.version));
    }
    if (s.name.empty()) return at("name", "a scenario needs a name");
    if (auto st = check_text("name", s.name, kMaxScenarioText); !st) return st;
    if (auto st = check_text("description", s.description, kMaxDescription); !st) return st;
    if (!s.cluster_name.empty() &&
        !id_syntax(s.cluster_name, static_cast<size_t>(kMaxNameLength))) {
        return at("clusterName", "a cluster name is " +
                                     id_rule(static_cast<size_t>(kMaxNameLength)) + ", got " +
                                     quoted(s.cluster_name));
    }
    if (s.vpc_cidrs.empty()) return at("vpc.cidrs", "a VPC needs at least its primary CIDR");
    if (auto st = check_count("vpc.cidrs", s.vpc_cidrs.size(), kMaxScenarioVpcCidrs, "CIDR blocks");
        !st)
        return st;
    if (auto st = check_count("subnets", s.subnets.size(), kMaxScenarioSubnets, "subnets"); !st)
        return st;
    std::set<std::string> ids;
    for (size_t i = 0; i < s.subnets.size(); ++i) {
        const ScenarioSubnet& sn = s.subnets[i];
        const std::string path = index_path("subnets", i);
        if (!id_syntax(sn.id, static_cast<size_t>(kMaxNameLength))) {
            return at(path + ".id", "a subnet id is " +
                                        id_rule(static_cast<size_t>(kMaxNameLength)) + ", got " +
                                        quoted(sn.id));
        }
        if (!ids.insert(sn.id).second) {
            return at(path + ".id", quoted(sn.id) + " is used by an earlier subnet");
        }
        if (auto st = check_text(path + ".name", sn.name, kMaxScenarioText); !st) return st;
        if (auto st = check_tags(sn.tags); !st) return at(path + ".tags", st.error().message);
        if (!id_syntax(sn.az, static_cast<size_t>(kMaxNameLength))) {
            return at(path + ".az", "an availability zone is " +
                                        id_rule(static_cast<size_t>(kMaxNameLength)) +
                                        ", such as us-east-1a; got " + quoted(sn.az));
        }
    }

    std::set<std::string> groups;
    long long nodes = 0;
    for (size_t i = 0; i < s.node_groups.size(); ++i) {
        const NodeGroup& g = s.node_groups[i];
        const std::string path = index_path("nodeGroups", i);
        if (auto st = validate_group(s, g, path, catalog); !st) return st;
        if (!groups.insert(g.name).second) {
            return at(path + ".name", quoted(g.name) + " is used by an earlier node group");
        }
        nodes += g.count;
        if (auto st = check_sum(path + ".count", "node groups", nodes, kMaxScenarioNodes, "nodes");
            !st)
            return st;
    }

    if (auto st = check_count("pods", s.pods.size(), kMaxScenarioEntries, "pod entries"); !st)
        return st;
    long long pods = 0;
    for (size_t i = 0; i < s.pods.size(); ++i) {
        const PodGroup& p = s.pods[i];
        const std::string path = index_path("pods", i);
        if (groups.count(p.node_group) == 0) {
            std::string known =
                s.node_groups.empty() ? "there are no node groups" : "node groups are ";
            for (size_t k = 0; k < s.node_groups.size() && k < 8; ++k) {
                known += (k > 0 ? ", " : "") + s.node_groups[k].name;
            }
            return at(path + ".nodeGroup", "no node group " + quoted(p.node_group) + "; " + known);
        }
        if (auto st = check_range(path + ".count", "count", p.count, 0, kMaxScenarioPods); !st) {
            return st;
        }
        pods += p.count;
        if (auto st = check_sum(path + ".count", "pod entries", pods, kMaxScenarioPods, "pods");
            !st)
            return st;
    }

    if (auto st =
            check_count("otherAddresses", s.other_addresses.size(), kMaxScenarioEntries, "entries");
        !st)
        return st;
    for (size_t i = 0; i < s.other_addresses.size(); ++i) {
        const OtherAddresses& o = s.other_addresses[i];
        const std::string path = index_path("otherAddresses", i);
        if (auto st = check_subnet_ref(s, path + ".subnet", o.subnet); !st) return st;
        if (auto st = check_range(path + ".count", "count", o.count, 1, kMaxOtherCount); !st) {
            return st;
        }
        if (!id_syntax(o.label, static_cast<size_t>(kMaxNameLength))) {
            return at(path + ".label", "a label is " +
                                           id_rule(static_cast<size_t>(kMaxNameLength)) + ", got " +
                                           quoted(o.label));
        }
    }

    Result<Vpc> vpc = build_vpc(s);
    if (!vpc) return vpc.error();
    return Ok{};
}

Result<Scenario> load_scenario(std::string_view text, const Catalog& catalog) {
    Result<json> doc = parse(text);
    if (!doc) return doc.error();
    Result<Scenario> sc = read_scenario(*doc, catalog);
    if (!sc) return sc.error();
    if (auto st = validate_scenario(*sc, catalog); !st) return st.error();
    return sc;
}

std::string scenario_text(const Scenario& s, bool compact) {
    using ojson = nlohmann::ordered_json;
    const NodeConfig defaults;
    const ScenarioSubnet subnet_defaults;
    // Compact text leaves out a field that holds its default.
    auto put = [compact](ojson& o, const char* key, const auto& value, bool differs) {
        if (!compact || differs) o[key] = value;
    };
    ojson doc;
    doc["version"] = s.version;
    doc["name"] = s.name;
    if (!s.description.empty()) doc["description"] = s.description;
    if (!s.cluster_name.empty()) doc["clusterName"] = s.cluster_name;
    doc["vpc"]["cidrs"] = s.vpc_cidrs;
    doc["subnets"] = ojson::array();
    for (const ScenarioSubnet& sn : s.subnets) {
        ojson o;
        o["id"] = sn.id;
        if (!sn.name.empty()) o["name"] = sn.name;
        put(o, "az", sn.az, sn.az != subnet_defaults.az);
        o["cidr"] = sn.cidr;
        if (sn.scatter != 0) o["scatter"] = sn.scatter;
        if (sn.prefix_reservation) o["prefixReservation"] = true;
        if (!sn.prefix_reservation_cidr.empty())
            o["prefixReservation"] = sn.prefix_reservation_cidr;
        if (!sn.tags.empty()) {
            o["tags"] = ojson::object();
            for (const auto& tag : sn.tags)
                o["tags"][tag.first] = tag.second;
        }
        doc["subnets"].push_back(std::move(o));
    }
    doc["nodeGroups"] = ojson::array();
    for (const NodeGroup& g : s.node_groups) {
        const NodeConfig& c = g.config;
        const WarmConfig& w = c.warm;
        ojson o;
        o["name"] = g.name;
        o["instanceType"] = g.instance_type;
        o["subnet"] = g.subnet;
        put(o, "count", g.count, g.count != 1);
        put(o, "prefixDelegation", c.prefix_delegation, c.prefix_delegation);
        put(o, "customNetworking", c.custom_networking, c.custom_networking);
        if (!c.pod_subnet_id.empty()) o["podSubnet"] = c.pod_subnet_id;
        put(o, "securityGroupsForPods", c.security_groups_for_pods, c.security_groups_for_pods);
        put(o, "warmEniTarget", w.warm_eni_target,
            w.warm_eni_target != defaults.warm.warm_eni_target);
        put(o, "warmIpTarget", w.warm_ip_target, w.warm_ip_target != 0);
        put(o, "minimumIpTarget", w.minimum_ip_target, w.minimum_ip_target != 0);
        put(o, "warmPrefixTarget", w.warm_prefix_target,
            w.warm_prefix_target != defaults.warm.warm_prefix_target);
        put(o, "maxPods", c.max_pods_override, c.max_pods_override != 0);
        put(o, "kind", node_group_kind_name(c.node_group), c.node_group != defaults.node_group);
        put(o, "subnetDiscovery", c.subnet_discovery,
            c.subnet_discovery != defaults.subnet_discovery);
        doc["nodeGroups"].push_back(std::move(o));
    }
    if (!compact || !s.pods.empty()) {
        doc["pods"] = ojson::array();
        for (const PodGroup& p : s.pods) {
            doc["pods"].push_back(ojson{{"nodeGroup", p.node_group}, {"count", p.count}});
        }
    }
    if (!s.other_addresses.empty()) {
        doc["otherAddresses"] = ojson::array();
        for (const OtherAddresses& o : s.other_addresses) {
            doc["otherAddresses"].push_back(
                ojson{{"subnet", o.subnet}, {"count", o.count}, {"label", o.label}});
        }
    }
    if (compact) return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
    return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string save_scenario(const Scenario& s) {
    return scenario_text(s, false);
}

Result<Cluster> build_cluster(const Scenario& s, const Catalog& catalog) {
    if (auto st = validate_scenario(s, catalog); !st) return st.error();
    Result<Vpc> vpc = build_vpc(s);
    if (!vpc) return vpc.error();
    Cluster c = make_cluster(std::move(vpc).value());
    c.name = s.cluster_name;
    record_event(c, "", EventKind::Note,
                 "Scenario '" + s.name + "': VPC " + s.vpc_cidrs[0] + " with " +
                     num(static_cast<long long>(s.subnets.size())) +
                     (s.subnets.size() == 1 ? " subnet." : " subnets."));

    for (size_t i = 0; i < s.other_addresses.size(); ++i) {
        const OtherAddresses& o = s.other_addresses[i];
        if (auto st = hold_addresses(c, o.subnet, o.count, o.label); !st) {
            return at(index_path("otherAddresses", i), st.error().message);
        }
    }

    std::map<std::string, std::vector<std::string>> group_nodes;
    for (size_t i = 0; i < s.node_groups.size(); ++i) {
        const NodeGroup& g = s.node_groups[i];
        Result<const InstanceType*> type = find_instance_type(catalog, g.instance_type);
        if (!type) return at(index_path("nodeGroups", i) + ".instanceType", type.error().message);
        for (int k = 1; k <= g.count; ++k) {
            NodeDesc d;
            d.name = g.name + "-" + num(k);
            d.type = **type;
            d.subnet_id = g.subnet;
            d.config = g.config;
            if (auto st = add_node(c, d); !st) {
                return make_error(index_path("nodeGroups", i) + ": " + st.error().message,
                                  st.error().code);
            }
            group_nodes[g.name].push_back(d.name);
        }
    }

    std::map<std::string, size_t> next_node;
    std::map<std::string, long long> next_pod;
    for (const PodGroup& p : s.pods) {
        const std::vector<std::string>& names = group_nodes[p.node_group];
        for (int k = 0; k < p.count; ++k) {
            const std::string pod = p.node_group + "-pod-" + num(++next_pod[p.node_group]);
            size_t& start = next_node[p.node_group];
            const Node* chosen = nullptr;
            size_t chosen_at = 0;
            for (size_t step = 0; step < names.size() && chosen == nullptr; ++step) {
                const size_t idx = (start + step) % names.size();
                const Node* n = find_node(c, names[idx]);
                const long long on_node =
                    static_cast<long long>(n->pods.size() + n->pending.size()) + kHostNetworkPods;
                if (on_node < n->max_pods) {
                    chosen = n;
                    chosen_at = idx;
                }
            }
            if (chosen == nullptr) {
                const long long n = static_cast<long long>(names.size());
                record_event(c, "", EventKind::PodUnschedulable,
                             pod + " stays Pending: 0/" + num(n) +
                                 " nodes are available: " + num(n) + " Too many pods (every " +
                                 p.node_group + " node is at max-pods).",
                             ErrorCode::TooManyPods);
                continue;
            }
            start = (chosen_at + 1) % names.size();
            (void)add_pod(c, chosen->name, pod);  // a pod with no address waits, recorded
        }
    }
    return c;
}

}  // namespace core
