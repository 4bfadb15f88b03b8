// labs_load.cpp: reading assets/labs.json strictly (see labs.h).
#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>

#include "cidr.h"
#include "format.h"
#include "json_read.h"
#include "labs.h"
#include "lookup.h"

namespace core {
namespace {

using nlohmann::json;

constexpr const char* kPagerVariables[] = {"wanted", "running", "waiting", "pending", "nodes",
                                           "type",   "group",   "maxpods", "free"};

struct Lever0 {
    LeverKind kind;
    const char* name;
    std::initializer_list<const char*> keys;  // besides "id" and "lever"
};

const Lever0 kLevers[] = {
    {LeverKind::InstanceType, "instance-type", {"nodeGroup", "instanceType"}},
    {LeverKind::NodeGroupKind, "node-group-kind", {"nodeGroup", "kind"}},
    {LeverKind::Scale, "scale", {"nodeGroup", "count"}},
    {LeverKind::ReplaceNodes, "replace-nodes", {"nodeGroup"}},
    {LeverKind::MaxPods, "max-pods", {"nodeGroup", "value"}},
    {LeverKind::PrefixDelegation, "prefix-delegation", {"on"}},
    {LeverKind::WarmEniTarget, "warm-eni-target", {"value"}},
    {LeverKind::WarmIpTarget, "warm-ip-target", {"value"}},
    {LeverKind::MinimumIpTarget, "minimum-ip-target", {"value"}},
    {LeverKind::WarmPrefixTarget, "warm-prefix-target", {"value"}},
    {LeverKind::CustomNetworking, "custom-networking", {"subnet"}},
    {LeverKind::NewSubnet, "new-subnet", {"subnet"}},
    {LeverKind::TagSubnet, "tag-subnet", {"subnet", "value"}},
    {LeverKind::VpcCidr, "vpc-cidr", {"cidr"}},
    {LeverKind::Reservation, "reservation", {"subnet", "cidr"}},
};

std::string list_names(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string shown_key(const std::string& key) {
    return "'" + key.substr(0, 40) + (key.size() > 40 ? "...'" : "'");
}

Status check_keys(const json& v, const std::string& path, std::vector<std::string> allowed) {
    if (!v.is_object()) return make_error(path + ": expected an object");
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
            return make_error(path + ": unknown key " + shown_key(it.key()) + "; it takes " +
                              list_names(allowed));
        }
    }
    return Ok{};
}

const json* field(const json& v, const char* key) {
    const auto it = v.find(key);
    return it == v.end() ? nullptr : &*it;
}

Result<std::string> read_text(const json& v, const std::string& path, const char* key,
                              bool required, std::size_t max_length = kMaxLabText) {
    const json* f = field(v, key);
    const std::string where = path + "." + key;
    if (f == nullptr) {
        if (required) return make_error(where + ": is missing");
        return std::string();
    }
    if (!f->is_string()) return make_error(where + ": expected text");
    const std::string& s = f->get_ref<const std::string&>();
    if (s.empty()) return make_error(where + ": is empty");
    if (s.size() > max_length) {
        return make_error(where + ": longer than " + with_commas(max_length) + " characters");
    }
    return s;
}

Result<long long> read_number(const json& v, const std::string& path, const char* key, long long lo,
                              long long hi, bool required, long long fallback) {
    const json* f = field(v, key);
    const std::string where = path + "." + key;
    if (f == nullptr) {
        if (required) return make_error(where + ": is missing");
        return fallback;
    }
    if (!f->is_number_integer()) return make_error(where + ": expected a whole number");
    const long long n = f->get<long long>();
    if (n < lo || n > hi) {
        return make_error(where + ": must be between " + num(lo) + " and " + num(hi) + ", got " +
                          num(n));
    }
    return n;
}

Result<bool> read_flag(const json& v, const std::string& path, const char* key, bool required) {
    const json* f = field(v, key);
    if (f == nullptr) {
        if (required) return make_error(path + "." + key + ": is missing");
        return false;
    }
    if (!f->is_boolean()) return make_error(path + "." + key + ": expected true or false");
    return f->get<bool>();
}

bool id_syntax(std::string_view s) {
    if (s.empty() || s.size() > kMaxLabIdLength) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

Result<std::string> read_id(const json& v, const std::string& path, const char* key) {
    Result<std::string> s = read_text(v, path, key, true, 200);
    if (!s) return s;
    if (!id_syntax(*s)) {
        return make_error(path + "." + key + ": '" + s->substr(0, 40) +
                          "' is not an id (1 to 40 lowercase letters, digits and '-')");
    }
    return s;
}

// Every {term} of the text is defined in the lessons; every $name is one the pager fills in.
Status check_words(std::string_view text, const Lessons* lessons, const std::string& where,
                   bool variables) {
    const std::vector<Term>* terms = lessons ? &lessons->terms : nullptr;
    for (size_t i = 0;; ++i) {
        const TermScan scan = find_unknown_term(text, terms, i, true);
        if (scan.kind == TermScan::Kind::None) return Ok{};
        if (scan.kind == TermScan::Kind::Unclosed) {
            return make_error(where + ": a '{' is never closed");
        }
        if (scan.kind == TermScan::Kind::Unknown) {
            return make_error(where + ": unknown term {" + std::string(scan.key.substr(0, 40)) +
                              "}");
        }
        i = scan.pos;  // a '$'
        size_t end = i + 1;
        while (end < text.size() && text[end] >= 'a' && text[end] <= 'z')
            ++end;
        const std::string name(text.substr(i + 1, end - i - 1));
        const bool known = std::find(std::begin(kPagerVariables), std::end(kPagerVariables),
                                     name) != std::end(kPagerVariables);
        if (!variables || !known) {
            return make_error(where + ": unknown variable $" + name.substr(0, 40) +
                              (variables ? "; the pager fills in $wanted, $running, "
                                           "$waiting, $pending, $nodes, $type, $group, "
                                           "$maxpods, $free"
                                         : " (only the pager page has variables)"));
        }
    }
}

struct Known {
    std::vector<std::string> groups;
    std::vector<std::string> subnets;
};

Status known_name(const std::vector<std::string>& names, const std::string& name,
                  const std::string& where, const char* what) {
    if (std::find(names.begin(), names.end(), name) != names.end()) return Ok{};
    return make_error(where + ": there is no " + what + " '" + name.substr(0, 40) + "' (" +
                      list_names(names) + ")");
}

// Reads the required name `key` and checks that `names` has it (a `what`: "subnet").
Result<std::string> read_known(const json& v, const std::string& path, const char* key,
                               const std::vector<std::string>& names, const char* what) {
    Result<std::string> name = read_text(v, path, key, true, 100);
    if (!name) return name;
    if (Status st = known_name(names, *name, path + "." + key, what); !st) return st.error();
    return name;
}

Result<ScenarioSubnet> read_new_subnet(const json& v, const std::string& path) {
    if (auto st = check_keys(v, path, {"id", "name", "az", "cidr", "tags"}); !st) return st.error();
    ScenarioSubnet s;
    Result<std::string> id = read_id(v, path, "id");
    if (!id) return id.error();
    s.id = *id;
    Result<std::string> name = read_text(v, path, "name", false, 200);
    if (!name) return name.error();
    s.name = *name;
    Result<std::string> az = read_text(v, path, "az", false, 40);
    if (!az) return az.error();
    if (!az->empty()) s.az = *az;
    Result<std::string> cidr = read_text(v, path, "cidr", true, 40);
    if (!cidr) return cidr.error();
    if (Result<Cidr> c = parse_cidr(*cidr); !c) {
        return make_error(path + ".cidr: " + c.error().message);
    }
    s.cidr = *cidr;
    if (const json* tags = field(v, "tags")) {
        if (!tags->is_object()) return make_error(path + ".tags: expected an object");
        for (auto it = tags->begin(); it != tags->end(); ++it) {
            if (!it.value().is_string()) {
                return make_error(path + ".tags." + it.key().substr(0, 40) + ": expected text");
            }
            s.tags[it.key()] = it.value().get<std::string>();
        }
        if (Status st = check_tags(s.tags); !st) {
            return make_error(path + ".tags: " + st.error().message);
        }
    }
    return s;
}

const Lever0* find_lever(std::string_view name) {
    return find_by(kLevers, name, &Lever0::name);
}

// The lever-specific fields of one fix.
Status read_lever_fields(const json& v, const std::string& path, Lever& l, Known& known,
                         const Catalog& catalog) {
    auto group = [&]() -> Status {
        Result<std::string> g = read_known(v, path, "nodeGroup", known.groups, "node group");
        if (!g) return g.error();
        l.node_group = *g;
        return Ok{};
    };
    auto subnet = [&](const char* key) -> Status {
        Result<std::string> s = read_known(v, path, key, known.subnets, "subnet");
        if (!s) return s.error();
        l.subnet = *s;
        return Ok{};
    };
    auto value = [&](long long lo, long long hi) -> Status {
        Result<long long> n = read_number(v, path, "value", lo, hi, true, 0);
        if (!n) return n.error();
        l.value = static_cast<int>(*n);
        return Ok{};
    };
    switch (l.kind) {
        case LeverKind::InstanceType: {
            if (Status st = group(); !st) return st;
            Result<std::string> t = read_text(v, path, "instanceType", true, 100);
            if (!t) return t.error();
            Result<const InstanceType*> type = find_instance_type(catalog, *t);
            if (!type) return make_error(path + ".instanceType: " + type.error().message);
            l.instance_type = (*type)->name;
            return Ok{};
        }
        case LeverKind::NodeGroupKind: {
            if (Status st = group(); !st) return st;
            Result<std::string> k = read_text(v, path, "kind", true, 40);
            if (!k) return k.error();
            Result<NodeGroupKind> kind = parse_node_group_kind(*k);
            if (!kind) return make_error(path + ".kind: " + kind.error().message);
            l.group_kind = *kind;
            return Ok{};
        }
        case LeverKind::Scale: {
            if (Status st = group(); !st) return st;
            Result<long long> n = read_number(v, path, "count", 1, 50, true, 0);
            if (!n) return n.error();
            l.value = static_cast<int>(*n);
            return Ok{};
        }
        case LeverKind::ReplaceNodes:
            return group();
        case LeverKind::MaxPods:
            if (Status st = group(); !st) return st;
            return value(2, kMaxPodsOverrideLimit);
        case LeverKind::PrefixDelegation: {
            Result<bool> on = read_flag(v, path, "on", true);
            if (!on) return on.error();
            l.value = *on ? 1 : 0;
            return Ok{};
        }
        case LeverKind::WarmEniTarget:
            return value(0, kMaxWarmEniTarget);
        case LeverKind::WarmIpTarget:
            return value(0, kMaxWarmIpTarget);
        case LeverKind::MinimumIpTarget:
            return value(0, kMaxMinimumIpTarget);
        case LeverKind::WarmPrefixTarget:
            return value(0, kMaxWarmPrefixTarget);
        case LeverKind::CustomNetworking:
            return subnet("subnet");
        case LeverKind::NewSubnet: {
            const json* s = field(v, "subnet");
            if (s == nullptr) return make_error(path + ".subnet: is missing");
            Result<ScenarioSubnet> sub = read_new_subnet(*s, path + ".subnet");
            if (!sub) return sub.error();
            if (std::find(known.subnets.begin(), known.subnets.end(), sub->id) !=
                known.subnets.end()) {
                return make_error(path + ".subnet.id: the subnet '" + sub->id + "' exists already");
            }
            l.new_subnet = *sub;
            known.subnets.push_back(sub->id);
            return Ok{};
        }
        case LeverKind::TagSubnet: {
            if (Status st = subnet("subnet"); !st) return st;
            const json* t = field(v, "value");
            if (t == nullptr || !t->is_string() || t->get_ref<const std::string&>().size() > 256)
                return make_error(path + ".value: expected the tag's value as text");
            l.tag_value = t->get<std::string>();
            return Ok{};
        }
        case LeverKind::VpcCidr: {
            Result<std::string> c = read_text(v, path, "cidr", true, 40);
            if (!c) return c.error();
            if (Result<Cidr> p = parse_cidr(*c); !p) {
                return make_error(path + ".cidr: " + p.error().message);
            }
            l.cidr = *c;
            return Ok{};
        }
        case LeverKind::Reservation: {
            if (Status st = subnet("subnet"); !st) return st;
            Result<std::string> c = read_text(v, path, "cidr", false, 40);
            if (!c) return c.error();
            if (!c->empty()) {
                if (Result<Cidr> p = parse_cidr(*c); !p) {
                    return make_error(path + ".cidr: " + p.error().message);
                }
            }
            l.cidr = *c;
            return Ok{};
        }
    }
    return Ok{};
}

Result<LabFix> read_fix(const json& v, const std::string& path, Known& known,
                        const Catalog& catalog) {
    if (!v.is_object()) return make_error(path + ": expected an object");
    Result<std::string> lever = read_text(v, path, "lever", true, 40);
    if (!lever) return lever.error();
    const Lever0* l0 = find_lever(*lever);
    if (l0 == nullptr) {
        std::vector<std::string> names;
        for (const Lever0& l : kLevers)
            names.emplace_back(l.name);
        return make_error(path + ".lever: unknown lever '" + lever->substr(0, 40) +
                          "'; known: " + list_names(names));
    }
    std::vector<std::string> keys = {"id", "lever"};
    for (const char* k : l0->keys)
        keys.emplace_back(k);
    if (Status st = check_keys(v, path, keys); !st) return st.error();
    LabFix fix;
    Result<std::string> id = read_id(v, path, "id");
    if (!id) return id.error();
    fix.id = *id;
    fix.lever.kind = l0->kind;
    if (Status st = read_lever_fields(v, path + " (" + fix.id + ")", fix.lever, known, catalog);
        !st)
        return st.error();
    return fix;
}

Result<std::vector<std::string>> read_id_list(const json& v, const std::string& path,
                                              const std::vector<LabFix>& fixes) {
    if (!v.is_array() || v.empty()) return make_error(path + ": expected a list of fix ids");
    std::vector<std::string> out;
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string where = path + "[" + std::to_string(i) + "]";
        if (!v[i].is_string()) return make_error(where + ": expected a fix id");
        const std::string id = v[i].get<std::string>();
        const bool known =
            std::any_of(fixes.begin(), fixes.end(), [&](const LabFix& f) { return f.id == id; });
        if (!known) return make_error(where + ": no fix has the id '" + id.substr(0, 40) + "'");
        if (std::find(out.begin(), out.end(), id) != out.end()) {
            return make_error(where + ": '" + id + "' appears twice");
        }
        out.push_back(id);
    }
    return out;
}

Result<LabGoal> read_goal(const json& v, const std::string& path, const Known& known) {
    if (auto st = check_keys(v, path, {"floors", "keptPromises", "budget"}); !st) return st.error();
    LabGoal g;
    Result<long long> budget =
        read_number(v, path, "budget", 1, static_cast<long long>(kMaxLabFixes), false, 3);
    if (!budget) return budget.error();
    g.budget = static_cast<int>(*budget);
    Result<bool> kept = read_flag(v, path, "keptPromises", false);
    if (!kept) return kept.error();
    g.kept_promises = *kept;
    if (const json* floors = field(v, "floors")) {
        if (!floors->is_array() || floors->size() > 8)
            return make_error(path + ".floors: expected a list of at most 8");
        for (size_t i = 0; i < floors->size(); ++i) {
            const std::string where = path + ".floors[" + std::to_string(i) + "]";
            const json& f = (*floors)[i];
            if (auto st = check_keys(f, where, {"subnet", "free"}); !st) return st.error();
            SubnetFloor floor;
            Result<std::string> s = read_known(f, where, "subnet", known.subnets, "subnet");
            if (!s) return s.error();
            floor.subnet = *s;
            Result<long long> n = read_number(f, where, "free", 0, 65536, true, 0);
            if (!n) return n.error();
            floor.free = static_cast<int>(*n);
            g.floors.push_back(floor);
        }
    }
    return g;
}

Result<std::vector<LabConfigured>> read_configured(const json& v, const std::string& path,
                                                   const Known& known) {
    if (!v.is_array() || v.size() > known.groups.size()) {
        return make_error(path + ": expected a list with at most one entry per node group");
    }
    std::vector<LabConfigured> out;
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string where = path + "[" + std::to_string(i) + "]";
        const json& c = v[i];
        if (auto st = check_keys(
                c, where,
                {"nodeGroup", "customNetworking", "podSubnet", "prefixDelegation", "maxPods"});
            !st)
            return st.error();
        LabConfigured k;
        Result<std::string> g = read_known(c, where, "nodeGroup", known.groups, "node group");
        if (!g) return g.error();
        k.node_group = *g;
        Result<bool> cn = read_flag(c, where, "customNetworking", false);
        if (!cn) return cn.error();
        k.custom_networking = *cn;
        Result<std::string> ps = read_text(c, where, "podSubnet", false, 100);
        if (!ps) return ps.error();
        if (k.custom_networking != !ps->empty()) {
            return make_error(where +
                              ": customNetworking and podSubnet (its ENIConfig's "
                              "subnet) come together");
        }
        if (!ps->empty()) {
            if (Status st = known_name(known.subnets, *ps, where + ".podSubnet", "subnet"); !st)
                return st.error();
        }
        k.pod_subnet = *ps;
        Result<bool> pd = read_flag(c, where, "prefixDelegation", false);
        if (!pd) return pd.error();
        k.prefix_delegation = *pd;
        Result<long long> mp = read_number(c, where, "maxPods", 2, kMaxPodsOverrideLimit, false, 0);
        if (!mp) return mp.error();
        k.max_pods = static_cast<int>(*mp);
        out.push_back(k);
    }
    return out;
}

Status check_lab_words(const Lab& lab, const Lessons* lessons, const std::string& where) {
    if (Status st = check_words(lab.title, lessons, where + ".title", false); !st) return st;
    if (Status st = check_words(lab.pager, lessons, where + ".pager", true); !st) return st;
    for (size_t i = 0; i < lab.hints.size(); ++i) {
        const std::string w = where + ".hints[" + std::to_string(i) + "]";
        if (Status st = check_words(lab.hints[i], lessons, w, false); !st) return st;
    }
    return Ok{};
}

Result<Lab> read_lab(const json& v, const std::string& path0, const Catalog& catalog,
                     const Lessons* lessons) {
    if (auto st = check_keys(v, path0,
                             {"id", "title", "pager", "campus", "configured", "goal", "fixes",
                              "reference", "decoys", "hints"});
        !st)
        return st.error();
    Lab lab;
    Result<std::string> id = read_id(v, path0, "id");
    if (!id) return id.error();
    lab.id = *id;
    const std::string path = path0 + " (" + lab.id + ")";
    for (const char* key : {"title", "pager"}) {
        Result<std::string> t = read_text(v, path, key, true);
        if (!t) return t.error();
        (std::string(key) == "title" ? lab.title : lab.pager) = *t;
    }
    const json* campus = field(v, "campus");
    if (campus == nullptr || !campus->is_object())
        return make_error(path + ".campus: expected a scenario object");
    Result<Scenario> scenario =
        load_scenario(campus->dump(-1, ' ', false, json::error_handler_t::replace), catalog);
    if (!scenario) return make_error(path + ".campus: " + scenario.error().message);
    lab.campus = std::move(scenario).value();
    Known known;
    for (const NodeGroup& g : lab.campus.node_groups)
        known.groups.push_back(g.name);
    for (const ScenarioSubnet& s : lab.campus.subnets)
        known.subnets.push_back(s.id);
    if (const json* c = field(v, "configured")) {
        Result<std::vector<LabConfigured>> k = read_configured(*c, path + ".configured", known);
        if (!k) return k.error();
        lab.configured = *k;
    }
    const json* fixes = field(v, "fixes");
    if (fixes == nullptr || !fixes->is_array() || fixes->empty() || fixes->size() > kMaxLabFixes) {
        return make_error(path + ".fixes: expected a list of 1 to " + num(kMaxLabFixes) + " fixes");
    }
    for (size_t i = 0; i < fixes->size(); ++i) {
        Result<LabFix> f =
            read_fix((*fixes)[i], path + ".fixes[" + std::to_string(i) + "]", known, catalog);
        if (!f) return f.error();
        for (const LabFix& other : lab.fixes) {
            if (other.id == f->id) {
                return make_error(path + ".fixes[" + std::to_string(i) + "].id: '" + f->id +
                                  "' appears twice");
            }
        }
        lab.fixes.push_back(*f);
    }
    const json* goal = field(v, "goal");
    if (goal == nullptr) return make_error(path + ".goal: is missing");
    Result<LabGoal> g = read_goal(*goal, path + ".goal", known);
    if (!g) return g.error();
    lab.goal = *g;
    const json* reference = field(v, "reference");
    if (reference == nullptr) return make_error(path + ".reference: is missing");
    Result<std::vector<std::string>> ref = read_id_list(*reference, path + ".reference", lab.fixes);
    if (!ref) return ref.error();
    lab.reference = *ref;
    if (static_cast<int>(lab.reference.size()) > lab.goal.budget) {
        return make_error(
            path + ".reference: " + count(static_cast<long long>(ref->size()), "fix", "fixes") +
            ", more than the goal's budget of " + num(lab.goal.budget));
    }
    const json* decoys = field(v, "decoys");
    if (decoys == nullptr || !decoys->is_array() || decoys->empty() ||
        decoys->size() > kMaxLabDecoys) {
        return make_error(path + ".decoys: expected a list of 1 to " + num(kMaxLabDecoys) +
                          " lists of fix ids");
    }
    for (size_t i = 0; i < decoys->size(); ++i) {
        const std::string where = path + ".decoys[" + std::to_string(i) + "]";
        Result<std::vector<std::string>> d = read_id_list((*decoys)[i], where, lab.fixes);
        if (!d) return d.error();
        std::vector<std::string> a = *d, b = lab.reference;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a == b) return make_error(where + ": is the reference fix itself");
        lab.decoys.push_back(*d);
    }
    const json* hints = field(v, "hints");
    if (hints == nullptr || !hints->is_array() || hints->empty() || hints->size() > kMaxLabHints) {
        return make_error(path + ".hints: expected a list of 1 to " + num(kMaxLabHints) + " hints");
    }
    for (size_t i = 0; i < hints->size(); ++i) {
        const std::string where = path + ".hints[" + std::to_string(i) + "]";
        if (!(*hints)[i].is_string() || (*hints)[i].get_ref<const std::string&>().empty() ||
            (*hints)[i].get_ref<const std::string&>().size() > kMaxLabText) {
            return make_error(where + ": expected text of 1 to 2,000 characters");
        }
        lab.hints.push_back((*hints)[i].get<std::string>());
    }
    if (Status st = check_lab_words(lab, lessons, path); !st) return st.error();
    return lab;
}

}  // namespace

const char* lever_name(LeverKind kind) {
    for (const Lever0& l : kLevers) {
        if (l.kind == kind) return l.name;
    }
    return "replace-nodes";
}

Result<Labs> load_labs(std::string_view text, const Catalog& catalog, const Lessons* lessons) {
    if (text.size() > kMaxLabsBytes) {
        return make_error("labs.json is " + with_commas(text.size()) + " bytes; the limit is " +
                          with_commas(kMaxLabsBytes) + ".");
    }
    json doc;
    JsonParseInfo info;
    if (!parse_json(text, doc, &info)) {
        return make_error("labs.json is not valid JSON at byte " +
                          num(static_cast<long long>(info.error_byte)) + ": " +
                          json_error_detail(info.error));
    }
    if (info.max_depth > 16) return make_error("labs.json nests deeper than 16 levels");
    if (auto st = check_keys(doc, "labs.json", {"version", "labs"}); !st) return st.error();
    const json* version = field(doc, "version");
    if (version == nullptr || !version->is_number_integer() ||
        version->get<long long>() != kLabsVersion) {
        return make_error("labs.json: version must be " + num(kLabsVersion));
    }
    const json* list = field(doc, "labs");
    if (list == nullptr || !list->is_array() || list->empty() || list->size() > kMaxLabs) {
        return make_error("labs.json: 'labs' must be a list of 1 to " + num(kMaxLabs) + " labs");
    }
    Labs labs;
    for (size_t i = 0; i < list->size(); ++i) {
        Result<Lab> lab = read_lab((*list)[i], "labs[" + std::to_string(i) + "]", catalog, lessons);
        if (!lab) return lab.error();
        if (find_lab(labs, lab->id) >= 0) {
            return make_error("labs[" + std::to_string(i) + "].id: '" + lab->id +
                              "' appears twice");
        }
        labs.labs.push_back(std::move(lab).value());
    }
    return labs;
}

int find_lab(const Labs& labs, std::string_view id) {
    for (size_t i = 0; i < labs.labs.size(); ++i) {
        if (labs.labs[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

std::vector<std::string> lab_ids(const Labs& labs) {
    std::vector<std::string> ids;
    for (const Lab& l : labs.labs)
        ids.push_back(l.id);
    return ids;
}

}  // namespace core
