// cluster.cpp: nodes running ipamd against the VPC (see cluster.h and ipam.h).
//
// The pool pass follows pkg/ipamd updateIPPoolIfRequired: if the pool is short, grow it
// (fill an attached ENI first, else attach a new one); otherwise release what is over the
// targets and try to free one ENI. reconcile() repeats passes until nothing changes.
#include "cluster.h"
#include "format.h"
#include "lookup.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace core {
namespace {

enum class Step { None, Changed, Blocked };

long long round_up_to_prefixes(long long addresses) {
    return (addresses + kAddressesPerPrefix - 1) / kAddressesPerPrefix * kAddressesPerPrefix;
}

std::string subnet_label(const Subnet& s) {
    return s.id + " (" + format_cidr(s.cidr) + ")";
}

// "10.0.1.5", "10.0.1.5 and 10.0.1.6", "10.0.1.5, 10.0.1.6, ... 10.0.1.13 (9 in all)"
std::string list_ips(const std::vector<Ipv4>& ips) {
    if (ips.empty()) return "none";
    if (ips.size() == 1) return format_ipv4(ips[0]);
    if (ips.size() == 2) return format_ipv4(ips[0]) + " and " + format_ipv4(ips[1]);
    if (ips.size() == 3) {
        return format_ipv4(ips[0]) + ", " + format_ipv4(ips[1]) + " and " + format_ipv4(ips[2]);
    }
    return format_ipv4(ips[0]) + ", " + format_ipv4(ips[1]) + ", ... " + format_ipv4(ips.back()) +
           " (" + num(static_cast<long long>(ips.size())) + " in all)";
}

std::string list_prefixes(const std::vector<Cidr>& prefixes) {
    std::string text;
    for (size_t i = 0; i < prefixes.size(); ++i) {
        if (i > 0) text += i + 1 == prefixes.size() ? " and " : ", ";
        if (i == 3 && prefixes.size() > 5) {
            text += "... " + format_cidr(prefixes.back()) + " (" +
                    num(static_cast<long long>(prefixes.size())) + " in all)";
            break;
        }
        text += format_cidr(prefixes[i]);
    }
    return text;
}

// "a, b and c"
std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
        text += items[i];
    }
    return text;
}

// The values of an event about one ENI (event_words.h words them).
EventFacts eni_facts(const Eni& e, bool prefixes, long long count, std::string what,
                     const PoolWhy& why) {
    EventFacts f;
    f.known = true;
    f.device = e.device_index;
    f.prefixes = prefixes;
    f.count = count;
    f.what = std::move(what);
    f.subnet = e.subnet_id;
    f.why = why;
    return f;
}

// The values of a pool event: the rule of the node's pool as it stands.
EventFacts pool_facts(const Node& n, bool prefixes) {
    EventFacts f;
    f.known = true;
    f.prefixes = prefixes;
    f.why = pool_state(n).why;
    f.why.target = prefixes ? n.config.warm.warm_prefix_target : n.config.warm.warm_eni_target;
    return f;
}

void emit(Cluster& c, const std::string& node, EventKind kind, std::string text,
          ErrorCode code = ErrorCode::None, EventFacts facts = {}) {
    Event e;
    e.seq = c.next_seq++;
    e.node = node;
    e.kind = kind;
    e.text = std::move(text);
    e.code = code;
    e.facts = std::move(facts);
    c.events.push_back(std::move(e));
    while (c.events.size() > kMaxEvents) {
        c.events.pop_front();
        ++c.events_dropped;
    }
}

Status check_name(const char* what, std::string_view name) {
    bool ok = !name.empty() && name.size() <= static_cast<size_t>(kMaxNameLength);
    for (char ch : name) {
        const bool good = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                          (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
        ok = ok && good;
    }
    if (ok) return Ok{};
    std::string shown(name.substr(0, 64));
    for (char& ch : shown) {
        if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) >= 0x7f) {
            ch = '?';
        }
    }
    return make_error(std::string("A ") + what + " name must be 1 to " + num(kMaxNameLength) +
                      " letters, digits, '.', '-' or '_'; got '" + shown + "'.");
}

std::string known_nodes(const Cluster& c) {
    if (c.nodes.empty()) return "the cluster has no nodes yet";
    std::string text = "nodes are ";
    for (size_t i = 0; i < c.nodes.size() && i < 5; ++i) {
        if (i > 0) text += ", ";
        text += c.nodes[i].name;
    }
    if (c.nodes.size() > 5) text += ", ...";
    return text;
}

Error no_node(const Cluster& c, std::string_view name) {
    return make_error("There is no node '" + std::string(name) + "'; " + known_nodes(c) + ".");
}

Error no_subnet(const Vpc& vpc, std::string_view id, const std::string& role) {
    std::string text = "There is no subnet '" + std::string(id) + "' for " + role + "; ";
    if (vpc.subnets.empty()) return make_error(text + "the VPC has no subnets yet.");
    text += "subnets are ";
    for (size_t i = 0; i < vpc.subnets.size() && i < 8; ++i) {
        if (i > 0) text += ", ";
        text += vpc.subnets[i].id;
    }
    if (vpc.subnets.size() > 8) text += ", ...";
    return make_error(text + ".");
}

// Takes n single addresses from a subnet, or none at all.
Result<std::vector<Ipv4>> take_ips(Subnet& s, long long n) {
    std::vector<Ipv4> out;
    if (n <= 0) return out;
    if (n > 1 && !s.prefix_reservation) {
        const uint64_t free = free_addresses(s);
        if (free < static_cast<uint64_t>(n)) {
            return make_error(
                subnet_label(s) + " has " +
                    count(static_cast<long long>(free), "free address", "free addresses") + ", " +
                    num(n) + " needed: InsufficientFreeAddressesInSubnet.",
                ErrorCode::InsufficientFreeAddressesInSubnet);
        }
    }
    for (long long i = 0; i < n; ++i) {
        Result<Ipv4> ip = allocate_ip(s);
        if (!ip) {
            for (Ipv4 taken : out)
                (void)release_ip(s, taken);
            return ip.error();
        }
        out.push_back(*ip);
    }
    return out;
}

// Takes n /28 prefixes from a subnet, or none at all.
Result<std::vector<Cidr>> take_prefixes(Subnet& s, long long n) {
    std::vector<Cidr> out;
    if (n <= 0) return out;
    if (n > 1) {
        const uint64_t blocks = free_aligned_prefixes(s);
        if (blocks > 0 && blocks < static_cast<uint64_t>(n)) {
            return make_error(subnet_label(s) + " has " +
                                  count(static_cast<long long>(blocks), "free aligned /28 block",
                                        "free aligned /28 blocks") +
                                  ", " + num(n) + " needed: InsufficientCidrBlocks.",
                              ErrorCode::InsufficientCidrBlocks);
        }
    }
    for (long long i = 0; i < n; ++i) {
        Result<Cidr> p = allocate_prefix(s);
        if (!p) {
            for (const Cidr& taken : out)
                (void)release_prefix(s, taken);
            return p.error();
        }
        out.push_back(*p);
    }
    return out;
}

bool has_trunk(const Node& n) {
    for (const Eni& e : n.enis) {
        if (e.trunk) return true;
    }
    return false;
}

// hasRoomForEni: ENIs below the limit, keeping a slot for a trunk ENI not yet attached.
bool room_for_eni(const Node& n) {
    const int reserve = n.config.security_groups_for_pods && !has_trunk(n) ? 1 : 0;
    return static_cast<int>(n.enis.size()) < n.type.max_enis - reserve;
}

int lowest_free_device(const Node& n) {
    for (int d = 0;; ++d) {
        bool used = false;
        for (const Eni& e : n.enis)
            used = used || e.device_index == d;
        if (!used) return d;
    }
}

void insert_eni(Node& n, Eni eni) {
    auto at = std::find_if(n.enis.begin(), n.enis.end(),
                           [&](const Eni& e) { return e.device_index > eni.device_index; });
    n.enis.insert(at, std::move(eni));
}

std::string eni_name(const Eni& e) {
    return e.id + " (device " + num(e.device_index) + ")";
}

std::vector<uint32_t> pod_ips(const Node& n) {
    std::vector<uint32_t> used;
    used.reserve(n.pods.size());
    for (const Pod& p : n.pods)
        used.push_back(p.ip.value);
    std::sort(used.begin(), used.end());
    return used;
}

bool eni_has_pods(const Node& n, const Eni& e) {
    for (const Pod& p : n.pods) {
        if (p.eni_id == e.id) return true;
    }
    return false;
}

// Gives the pod the first free pod address: lowest device index first, then in the order
// the ENI received its addresses.
bool assign_address(const Node& n, Pod& pod) {
    const bool pd = prefix_delegation_active(n.type, n.config);
    const std::vector<uint32_t> used = pod_ips(n);
    auto is_free = [&](uint32_t ip) { return !std::binary_search(used.begin(), used.end(), ip); };
    for (const Eni& e : n.enis) {
        if (!carries_pod_addresses(n, e)) continue;
        if (pd) {
            for (const Cidr& c : e.prefixes) {
                for (uint32_t k = 0; k < static_cast<uint32_t>(kAddressesPerPrefix); ++k) {
                    if (is_free(c.base + k)) {
                        pod.ip = Ipv4{c.base + k};
                        pod.eni_id = e.id;
                        return true;
                    }
                }
            }
        } else {
            for (Ipv4 ip : e.ips) {
                if (is_free(ip.value)) {
                    pod.ip = ip;
                    pod.eni_id = e.id;
                    return true;
                }
            }
        }
    }
    return false;
}

std::string where_pod_is(const Node& n, const Pod& p) {
    const Eni* e = find_eni(n, p.eni_id);
    if (e == nullptr) return "";
    if (prefix_delegation_active(n.type, n.config)) {
        return " from prefix " + format_cidr(Cidr{p.ip.value & ~uint32_t{15}, 28}) + " on " +
               eni_name(*e);
    }
    return ", a secondary IP of " + eni_name(*e);
}

void subnet_failure(Cluster& c, Node& n, const std::string& what, const Error& err) {
    if (n.pool_error == err.message && n.pool_error_code == err.code) return;  // said already
    n.pool_error = err.message;
    n.pool_error_code = err.code;
    EventFacts f;
    f.known = true;
    // The subnet a new pod ENI would have come from first: the ENIConfig's, else the node's.
    f.subnet = n.config.custom_networking && !n.config.pod_subnet_id.empty()
                   ? n.config.pod_subnet_id
                   : n.subnet_id;
    emit(c, n.name, EventKind::SubnetError,
         what + ": " + err.message +
             " The pool stays short; the real ipamd tries again after 2 minutes.",
         err.code, f);
}

void clear_pool_error(Node& n) {
    n.pool_error.clear();
    n.pool_error_code = ErrorCode::None;
}

bool insufficient(const Error& e) {
    return e.code == ErrorCode::InsufficientFreeAddressesInSubnet ||
           e.code == ErrorCode::InsufficientCidrBlocks;
}

// "subnet-b (240 free, tagged kubernetes.io/role/cni=1)"
std::string candidate_text(const SubnetCandidate& k) {
    return k.subnet_id + " (" + num(static_cast<long long>(k.free)) + " free, " + k.why + ")";
}

// Why no subnet may hold a new secondary ENI of the node, for the pool error.
Error no_eligible_subnet(const Cluster& c, const Node& n) {
    if (n.config.custom_networking) {
        return no_subnet(c.vpc, n.config.pod_subnet_id, "pod ENIs");
    }
    if (!n.config.subnet_discovery) {
        return make_error(
            "the node's subnet " + n.subnet_id +
            " is tagged kubernetes.io/role/cni=0 and subnet discovery is off: no valid subnet "
            "for ENI creation.");
    }
    const Subnet* home = find_subnet(c.vpc, n.subnet_id);
    return make_error("no valid subnet for ENI creation in " +
                      (home != nullptr ? home->az : std::string("the node's zone")) +
                      ": every subnet there is untagged (other than the node's own) or tagged "
                      "kubernetes.io/role/cni=0.");
}

// Attaches a new ENI carrying `want` secondary IPs or prefixes, in the first subnet of
// eni_subnet_order where EC2 can create it; `st` is the pool check that asked for it.
Step attach_eni(Cluster& c, Node& n, long long want, const PoolState& st) {
    const std::string& why = st.reason;
    const bool pd = prefix_delegation_active(n.type, n.config);
    const std::string what_new =
        "a new ENI with " +
        (pd ? count(want, "prefix", "prefixes") : count(want, "secondary IP", "secondary IPs"));
    const std::vector<SubnetCandidate> order = eni_subnet_order(c, n);
    std::vector<const SubnetCandidate*> eligible;
    for (const SubnetCandidate& k : order) {
        if (k.eligible) eligible.push_back(&k);
    }
    if (eligible.empty()) {
        subnet_failure(c, n, "Could not attach " + what_new, no_eligible_subnet(c, n));
        return Step::Blocked;
    }
    Eni e;
    e.id = "eni-" + num(c.next_eni_id);
    e.device_index = lowest_free_device(n);
    std::vector<std::string> failed;
    Error last = make_error("");
    for (const SubnetCandidate* k : eligible) {
        Subnet* s = find_subnet(c.vpc, k->subnet_id);
        if (s == nullptr) continue;
        std::vector<Cidr> prefixes;
        std::vector<Ipv4> ips;
        Ipv4 primary;
        if (pd) {
            Result<std::vector<Cidr>> got = take_prefixes(*s, want);
            if (!got) {
                last = got.error();
                failed.push_back(k->subnet_id + " (" + error_code_name(last.code) + ")");
                continue;
            }
            Result<Ipv4> own = allocate_ip(*s);
            if (!own) {
                for (const Cidr& p : *got)
                    (void)release_prefix(*s, p);
                last = own.error();
                failed.push_back(k->subnet_id + " (" + error_code_name(last.code) + ")");
                continue;
            }
            primary = *own;
            prefixes = std::move(got).value();
        } else {
            Result<std::vector<Ipv4>> got = take_ips(*s, want + 1);
            if (!got) {
                last = got.error();
                failed.push_back(k->subnet_id + " (" + error_code_name(last.code) + ")");
                continue;
            }
            primary = got->front();
            ips.assign(got->begin() + 1, got->end());
        }
        e.subnet_id = k->subnet_id;
        e.primary_ip = primary;
        e.ips = std::move(ips);
        e.prefixes = std::move(prefixes);
        if (n.config.custom_networking) {
            e.placement = "custom networking: the ENIConfig's subnet " + k->subnet_id;
            e.placed = Placement::CustomNetworking;
        } else if (!n.config.subnet_discovery) {
            e.placement = "subnet discovery is off: the node's subnet " + k->subnet_id;
            e.placed = Placement::DiscoveryOff;
        } else {
            e.placed = failed.empty() ? Placement::MostFree : Placement::NextEligible;
            for (const SubnetCandidate* other : eligible)
                e.ranked.push_back({other->subnet_id, other->free});
            std::string ranked;
            for (const SubnetCandidate* other : eligible) {
                if (!ranked.empty()) ranked += "; ";
                ranked += candidate_text(*other);
            }
            e.placement = "subnet discovery: " + k->subnet_id +
                          (failed.empty()
                               ? " has the most free addresses of the eligible subnets"
                               : " is the next eligible subnet after " + join(failed) + " failed") +
                          " [" + ranked + "]";
        }
        break;
    }
    if (e.subnet_id.empty()) {
        std::string tried = join(failed);
        subnet_failure(c, n, "Could not attach " + what_new + " (tried " + tried + ")", last);
        return Step::Blocked;
    }
    ++c.next_eni_id;
    std::string text = "Attached " + eni_name(e) + " in " + e.subnet_id + ", its own address " +
                       format_ipv4(e.primary_ip) + ", with " +
                       (pd ? count(want, "prefix", "prefixes") + " " + list_prefixes(e.prefixes)
                           : count(want, "secondary IP", "secondary IPs") + " " + list_ips(e.ips)) +
                       ": " + why;
    int pod_enis = 0;
    for (const Eni& other : n.enis)
        pod_enis += carries_pod_addresses(n, other) ? 1 : 0;
    if (pod_enis > 0) {
        text += pod_enis == 1 ? ", and the attached ENI has no free slot"
                              : ", and every attached ENI is out of slots";
    }
    text += ". Subnet: " + e.placement;
    clear_pool_error(n);
    EventFacts f = pd ? eni_facts(e, true, want, list_prefixes(e.prefixes), st.why)
                      : eni_facts(e, false, want, list_ips(e.ips), st.why);
    insert_eni(n, std::move(e));
    emit(c, n.name, EventKind::AttachEni, text + ".", {}, std::move(f));
    return Step::Changed;
}

// What grow puts on an ENI: secondary IPs, or /28 prefixes with prefix delegation.
template <typename T>
struct PoolUnit {
    std::vector<T> Eni::*held;
    Result<std::vector<T>> (*take)(Subnet&, long long);
    std::string (*list)(const std::vector<T>&);
    bool prefixes;
    EventKind assigned;
    const char *one, *many;                    // "Could not assign 2 secondary IPs"
    const char *assigned_one, *assigned_many;  // "Assigned 2 /28 prefixes"
};
const PoolUnit<Ipv4> kIpUnit{
    &Eni::ips,      take_ips,        list_ips,       false,          EventKind::AssignIps,
    "secondary IP", "secondary IPs", "secondary IP", "secondary IPs"};
const PoolUnit<Cidr> kPrefixUnit{
    &Eni::prefixes, take_prefixes, list_prefixes, true,          EventKind::AssignPrefix,
    "prefix",       "prefixes",    "/28 prefix",  "/28 prefixes"};

// Gives the first attached ENI with a free slot up to `needed` more units from its subnet.
// Step::None when none took any. With subnet discovery, an ENI whose subnet is out of addresses
// is passed over (ipamd.go tryAssignIPs / tryAssignPrefixes: `continue`; a new ENI may go
// elsewhere), its refusal kept in `skipped_what` and `skipped`.
template <typename T>
Step fill_eni(Cluster& c, Node& n, const PoolState& st, const PoolUnit<T>& u, long long needed,
              std::string& skipped_what, Error& skipped) {
    const int slots = st.slots_per_eni;
    for (Eni& e : n.enis) {
        std::vector<T>& held = e.*u.held;
        if (!carries_pod_addresses(n, e) || static_cast<int>(held.size()) >= slots) continue;
        const long long want =
            std::min<long long>(slots - static_cast<long long>(held.size()), needed);
        Subnet* s = find_subnet(c.vpc, e.subnet_id);
        if (s == nullptr) return Step::Blocked;
        Result<std::vector<T>> got = u.take(*s, want);
        if (!got && want > 1) got = u.take(*s, 1);
        auto what = [&] {
            return "Could not assign " + count(want, u.one, u.many) + " to " + e.id;
        };
        if (!got && n.config.subnet_discovery && insufficient(got.error())) {
            skipped_what = what();
            skipped = got.error();
            continue;
        }
        if (!got) {
            subnet_failure(c, n, what(), got.error());
            return Step::Blocked;
        }
        held.insert(held.end(), got->begin(), got->end());
        clear_pool_error(n);
        const long long added = static_cast<long long>(got->size());
        emit(c, n.name, u.assigned,
             "Assigned " + count(added, u.assigned_one, u.assigned_many) + " " + u.list(*got) +
                 " to " + eni_name(e) + ": " + st.reason + ".",
             {}, eni_facts(e, u.prefixes, added, u.list(*got), st.why));
        return Step::Changed;
    }
    return Step::None;
}

// Grows a short pool: fill the first attached ENI with a free slot, else attach an ENI.
Step grow(Cluster& c, Node& n, const PoolState& st) {
    const int slots = st.slots_per_eni;
    std::string skipped_what;
    Error skipped = make_error("");
    auto no_room = [&] {
        if (skipped_what.empty()) return Step::None;
        subnet_failure(c, n, skipped_what, skipped);
        return Step::Blocked;
    };
    if (!st.prefix_delegation) {
        const long long to_allocate = st.warm_ip_targets ? st.short_ips : slots;
        if (Step s = fill_eni(c, n, st, kIpUnit, to_allocate, skipped_what, skipped);
            s != Step::None)
            return s;
        if (!room_for_eni(n)) return no_room();
        const long long want =
            st.warm_ip_targets ? std::min<long long>(st.short_ips, slots) : slots;
        if (want <= 0) return Step::None;
        return attach_eni(c, n, want, st);
    }

    const WarmConfig& w = n.config.warm;
    const long long needed = st.warm_ip_targets
                                 ? std::max(1, st.short_prefixes)
                                 : std::max(1, w.warm_prefix_target - st.free_prefixes);
    if (Step s = fill_eni(c, n, st, kPrefixUnit, needed, skipped_what, skipped); s != Step::None)
        return s;
    if (!room_for_eni(n)) return no_room();
    return attach_eni(c, n, std::min<long long>(needed, slots), st);
}

// Releases up to `over` of `held` (an ENI's secondary IPs or its prefixes), the last first,
// none whose key is in `in_use` (sorted) and none its subnet will not take back. Returns what
// it released, in the ENI's order.
template <typename T, typename Key, typename Release>
std::vector<T> release_spare(std::vector<T>& held, long long& over,
                             const std::vector<uint32_t>& in_use, Key key, Release release) {
    std::vector<T> released;
    for (size_t i = held.size(); i-- > 0 && over > 0;) {
        if (std::binary_search(in_use.begin(), in_use.end(), key(held[i]))) continue;
        if (!release(held[i])) continue;
        released.push_back(held[i]);
        held.erase(held.begin() + static_cast<std::ptrdiff_t>(i));
        --over;
    }
    std::reverse(released.begin(), released.end());
    return released;
}

// Releases addresses or prefixes over the targets, highest device index first.
Step shrink(Cluster& c, Node& n, const PoolState& st) {
    const bool pd = st.prefix_delegation;
    const std::vector<uint32_t> used = pod_ips(n);
    long long over = st.over_ips;
    std::vector<uint32_t> blocks;  // the /28 blocks pods use, with prefix delegation
    if (pd) {
        over = st.warm_ip_targets
                   ? st.over_prefixes
                   : static_cast<long long>(st.free_prefixes) - n.config.warm.warm_prefix_target;
        blocks.reserve(used.size());
        for (uint32_t ip : used)
            blocks.push_back(ip & ~uint32_t{15});
        std::sort(blocks.begin(), blocks.end());
    }
    bool changed = false;
    for (auto it = n.enis.rbegin(); it != n.enis.rend() && over > 0; ++it) {
        Eni& e = *it;
        if (!carries_pod_addresses(n, e)) continue;
        Subnet* s = find_subnet(c.vpc, e.subnet_id);
        if (s == nullptr) continue;
        long long released = 0;
        std::string what;
        if (pd) {
            const std::vector<Cidr> gone = release_spare(
                e.prefixes, over, blocks, [](const Cidr& p) { return p.base; },
                [s](const Cidr& p) { return release_prefix(*s, p).ok(); });
            released = static_cast<long long>(gone.size());
            what = list_prefixes(gone);
        } else {
            const std::vector<Ipv4> gone = release_spare(
                e.ips, over, used, [](Ipv4 ip) { return ip.value; },
                [s](Ipv4 ip) { return release_ip(*s, ip).ok(); });
            released = static_cast<long long>(gone.size());
            what = list_ips(gone);
        }
        if (released == 0) continue;
        changed = true;
        emit(c, n.name, pd ? EventKind::ReleasePrefix : EventKind::ReleaseIps,
             "Released " +
                 (pd ? count(released, "/28 prefix", "/28 prefixes")
                     : count(released, "secondary IP", "secondary IPs")) +
                 " " + what + " from " + eni_name(e) + " back to " + e.subnet_id + ": " +
                 st.reason + ".",
             {}, eni_facts(e, pd, released, what, st.why));
    }
    return changed ? Step::Changed : Step::None;
}

// Returns everything an ENI holds to its subnet.
void release_eni(Vpc& vpc, const Eni& e) {
    Subnet* s = find_subnet(vpc, e.subnet_id);
    if (s == nullptr) return;
    for (const Cidr& p : e.prefixes)
        (void)release_prefix(*s, p);
    for (Ipv4 ip : e.ips)
        (void)release_ip(*s, ip);
    (void)release_ip(*s, e.primary_ip);
}

// tryFreeENI: detaches one ENI that has no pods and that the targets do not need.
Step free_one_eni(Cluster& c, Node& n) {
    const PoolState st = pool_state(n);
    const WarmConfig& w = n.config.warm;
    const bool pd = st.prefix_delegation;
    const long long wet_threshold =
        static_cast<long long>(w.warm_eni_target + 1) * st.slots_per_eni;
    if (!st.warm_ip_targets && !pd && st.free < wet_threshold) return Step::None;
    for (auto it = n.enis.rbegin(); it != n.enis.rend(); ++it) {
        const Eni& e = *it;
        if (e.device_index == 0 || e.trunk || eni_has_pods(n, e)) continue;
        const long long own = pd ? static_cast<long long>(e.prefixes.size()) * kAddressesPerPrefix
                                 : static_cast<long long>(e.ips.size());
        const long long others_free = st.free - own;
        const long long others_total = st.total - own;
        const long long others_free_prefixes =
            st.free_prefixes - static_cast<long long>(e.prefixes.size());
        if (w.warm_ip_target != 0) {
            const long long target = pd ? round_up_to_prefixes(w.warm_ip_target) : w.warm_ip_target;
            if (others_free < target) continue;
        }
        if (w.minimum_ip_target != 0) {
            const long long target =
                pd ? round_up_to_prefixes(w.minimum_ip_target) : w.minimum_ip_target;
            if (others_total < target) continue;
        }
        if (pd && w.warm_prefix_target != 0 && others_free_prefixes < w.warm_prefix_target) {
            continue;
        }
        std::string why;
        PoolWhy rule = st.why;
        rule.free = st.free;
        rule.target = w.warm_eni_target;
        rule.per = st.slots_per_eni;
        rule.result = wet_threshold;
        rule.rule = st.warm_ip_targets ? PoolRule::EniFreeIp
                    : pd               ? PoolRule::EniFreePrefix
                                       : PoolRule::EniFree;
        if (pd && !st.warm_ip_targets) {
            rule.free = others_free_prefixes;
            rule.target = w.warm_prefix_target;
        }
        if (st.warm_ip_targets) {
            why = e.id + " has no pods and the other ENIs still meet " +
                  (w.warm_ip_target != 0 ? "WARM_IP_TARGET " + num(w.warm_ip_target) : "") +
                  (w.warm_ip_target != 0 && w.minimum_ip_target != 0 ? " and " : "") +
                  (w.minimum_ip_target != 0 ? "MINIMUM_IP_TARGET " + num(w.minimum_ip_target) : "");
        } else if (pd) {
            why = e.id + " has no pods and the other ENIs keep " +
                  count(others_free_prefixes, "wholly free prefix", "wholly free prefixes") +
                  " (WARM_PREFIX_TARGET " + num(w.warm_prefix_target) + ")";
        } else {
            why = "free IPs " + num(st.free) + " >= (WARM_ENI_TARGET " + num(w.warm_eni_target) +
                  " + 1) x " + num(st.slots_per_eni) + " IPs per ENI = " + num(wet_threshold) +
                  " and " + e.id + " has no pods";
        }
        std::string held = "its own address";
        if (!e.ips.empty()) {
            held += " and " +
                    count(static_cast<long long>(e.ips.size()), "secondary IP", "secondary IPs");
        }
        if (!e.prefixes.empty()) {
            held +=
                " and " + count(static_cast<long long>(e.prefixes.size()), "prefix", "prefixes");
        }
        const std::string text = "Detached " + eni_name(e) + " and returned " + held + " to " +
                                 e.subnet_id + ": " + why + ".";
        EventFacts f = eni_facts(
            e, pd, static_cast<long long>(pd ? e.prefixes.size() : e.ips.size()), {}, rule);
        release_eni(c.vpc, e);
        n.enis.erase(std::next(it).base());
        emit(c, n.name, EventKind::DetachEni, text, {}, std::move(f));
        return Step::Changed;
    }
    return Step::None;
}

// One pass of updateIPPoolIfRequired.
Step pass(Cluster& c, Node& n) {
    const PoolState st = pool_state(n);
    if (st.low) return grow(c, n, st);
    clear_pool_error(n);  // nothing to grow: an earlier subnet failure no longer applies
    bool changed = false;
    if (st.high) changed = shrink(c, n, st) == Step::Changed;
    changed = free_one_eni(c, n) == Step::Changed || changed;
    return changed ? Step::Changed : Step::None;
}

struct Signature {
    size_t enis = 0;
    long long ips = 0;
    long long prefixes = 0;
    friend bool operator==(const Signature& a, const Signature& b) {
        return a.enis == b.enis && a.ips == b.ips && a.prefixes == b.prefixes;
    }
};

Signature signature(const Node& n) {
    Signature s;
    s.enis = n.enis.size();
    for (const Eni& e : n.enis) {
        s.ips += static_cast<long long>(e.ips.size());
        s.prefixes += static_cast<long long>(e.prefixes.size());
    }
    return s;
}

// Pool passes until nothing changes (or the pool flaps back to an earlier state).
void settle(Cluster& c, Node& n) {
    std::vector<Signature> seen{signature(n)};
    const int cap = 4 * n.type.max_enis + 16;
    for (int i = 0; i < cap; ++i) {
        if (pass(c, n) != Step::Changed) return;
        const Signature now = signature(n);
        if (std::find(seen.begin(), seen.end(), now) != seen.end()) {
            if (pool_state(n).low) (void)pass(c, n);
            const WarmConfig& w = n.config.warm;
            const bool pd = prefix_delegation_active(n.type, n.config);
            const std::string knob = pd ? "WARM_PREFIX_TARGET " + num(w.warm_prefix_target)
                                        : "WARM_ENI_TARGET " + num(w.warm_eni_target);
            emit(c, n.name, EventKind::PoolFlap,
                 "The pool went back to where it was: ipamd released addresses and then "
                 "found the pool short again. The real ipamd repeats this every time its "
                 "checks run. With " +
                     knob + " nothing stays warm once the spare " + (pd ? "prefix" : "ENI") +
                     " is released; a target of 1 (or WARM_IP_TARGET) keeps addresses ready.",
                 {}, pool_facts(n, pd));
            return;
        }
        seen.push_back(now);
    }
}

// The values of a pod event: its name, its address and the ENI that holds it.
EventFacts pod_facts(const Node& n, const Pod& p) {
    EventFacts f;
    f.known = true;
    f.pod = p.name;
    if (p.ip.value != 0) f.what = format_ipv4(p.ip);
    if (const Eni* e = find_eni(n, p.eni_id)) {
        f.device = e->device_index;
        f.subnet = e->subnet_id;
    }
    f.prefixes = prefix_delegation_active(n.type, n.config);
    f.why.max_pods = n.max_pods;
    return f;
}

// Gives waiting pods an address, oldest first; returns how many got one.
int place_waiting(Cluster& c, Node& n) {
    int placed = 0;
    while (!n.pending.empty()) {
        Pod p = n.pending.front();
        if (!assign_address(n, p)) break;
        p.waiting.clear();
        n.pending.erase(n.pending.begin());
        n.pods.push_back(p);
        ++placed;
        emit(c, n.name, EventKind::PodIp,
             p.name + " got " + format_ipv4(p.ip) + where_pod_is(n, p) +
                 " and leaves ContainerCreating.",
             {}, pod_facts(n, p));
    }
    return placed;
}

void settle_and_place(Cluster& c, Node& n) {
    for (;;) {
        settle(c, n);
        if (place_waiting(c, n) == 0) return;
    }
}

// Why a pod gets no address on this node; sets code.
std::string why_no_address(const Node& n, ErrorCode& code) {
    code = ErrorCode::NoAvailableIPAddresses;
    if (!n.pool_error.empty()) {
        if (n.pool_error_code != ErrorCode::None) code = n.pool_error_code;
        return "ipamd cannot grow the pool: " + n.pool_error;
    }
    const PoolState st = pool_state(n);
    const long long capacity = address_capacity(n);
    if (st.total >= capacity) {
        const int pod_enis = max_pod_enis(n);
        std::string text =
            "every ENI that can carry pods is full: " + count(pod_enis, "ENI", "ENIs") + " x " +
            num(st.slots_per_eni) +
            (st.prefix_delegation ? " prefixes x 16 = " : " secondary IPs = ") +
            count(capacity, "address", "addresses");
        std::string not_counted;
        if (n.config.custom_networking) {
            not_counted = "the primary ENI carries none under custom networking";
        }
        if (n.config.security_groups_for_pods) {
            if (!not_counted.empty()) not_counted += ", and ";
            not_counted += "the trunk ENI carries none";
        }
        if (!n.enis.empty() && n.enis[0].excluded && !n.config.custom_networking) {
            if (!not_counted.empty()) not_counted += ", and ";
            not_counted +=
                "the primary ENI carries none: its subnet is tagged "
                "kubernetes.io/role/cni=0";
        }
        if (!not_counted.empty()) text += " (" + not_counted + ")";
        text += ", yet kubelet's max-pods is " + num(n.max_pods);
        if (n.config.max_pods_override == 0) {
            if (n.config.node_group == NodeGroupKind::SelfManaged) {
                text += " (nodeadm's value on a self-managed node, which knows nothing about ";
                text += n.config.custom_networking || n.config.security_groups_for_pods
                            ? "custom networking or trunk ENIs"
                            : "this node's configuration";
            } else {
                text += " (the managed node group's value, which knows nothing about ";
                text +=
                    n.config.security_groups_for_pods ? "trunk ENIs" : "this node's configuration";
            }
            text += "; lower max-pods to match)";
        }
        return text;
    }
    return "ipamd sees no shortfall, so it adds nothing: " + st.reason;
}

}  // namespace

bool operator==(const Cluster& a, const Cluster& b) {
    if (a.others.size() != b.others.size()) return false;
    for (size_t i = 0; i < a.others.size(); ++i) {
        const OtherUse& x = a.others[i];
        const OtherUse& y = b.others[i];
        if (x.label != y.label || x.subnet_id != y.subnet_id || x.ips != y.ips) return false;
    }
    return a.name == b.name && a.vpc == b.vpc && a.nodes == b.nodes && a.events == b.events &&
           a.next_seq == b.next_seq && a.events_dropped == b.events_dropped &&
           a.next_eni_id == b.next_eni_id && a.next_pod_id == b.next_pod_id;
}

namespace {

// A subnet without cni.networking.k8s.aws/cluster/* tags serves every cluster; with them, only
// the clusters they name (ValidSubnetTagsMatchingClusterName). CLUSTER_NAME unset: no check.
bool serves_cluster(const Subnet& s, std::string_view cluster_name) {
    if (cluster_name.empty()) return true;
    const std::string mine = std::string(kClusterTagPrefix) + std::string(cluster_name);
    bool tagged = false;
    for (const auto& tag : s.tags) {
        if (tag.first.rfind(kClusterTagPrefix, 0) != 0) continue;
        tagged = true;
        if (tag.first == mine) return true;
    }
    return !tagged;
}

std::string role_tag(const Subnet& s) {
    const auto it = s.tags.find(kSubnetRoleTag);
    return it == s.tags.end() ? std::string() : it->second;
}

}  // namespace

bool subnet_eligible_for_enis(const Subnet& subnet, bool node_subnet, std::string_view cluster_name,
                              std::string* why) {
    const std::string value = role_tag(subnet);
    auto say = [&](const std::string& text) {
        if (why != nullptr) *why = text;
    };
    const std::string own = node_subnet ? "the node's own subnet, " : "";
    if (value == "0") {
        say(own + "tagged " + kSubnetRoleTag + "=0: excluded");
        return false;
    }
    if (value.empty()) {
        if (node_subnet) {
            say("the node's own subnet, untagged: included");
            return true;
        }
        say(std::string("no ") + kSubnetRoleTag + " tag: not discovered");
        return false;
    }
    const std::string shown = value.size() > 20 ? value.substr(0, 20) + "..." : value;
    if (!serves_cluster(subnet, cluster_name)) {
        say(own + "tagged " + kSubnetRoleTag + "=" + shown + ", but its " + kClusterTagPrefix +
            " tags name other clusters");
        return false;
    }
    say(own + "tagged " + kSubnetRoleTag + "=" + shown);
    return true;
}

bool subnet_excluded(const Subnet& subnet, std::string_view cluster_name) {
    const std::string value = role_tag(subnet);
    if (value.empty()) return false;
    if (value == "0") return true;
    return !serves_cluster(subnet, cluster_name);
}

std::vector<SubnetCandidate> eni_subnet_order(const Cluster& cluster, const Node& node) {
    std::vector<SubnetCandidate> out;
    if (node.config.custom_networking) {
        if (const Subnet* s = find_subnet(cluster.vpc, node.config.pod_subnet_id)) {
            out.push_back({s->id, free_addresses(*s), true, false,
                           "custom networking: the ENIConfig's subnet"});
        }
        return out;
    }
    const Subnet* home = find_subnet(cluster.vpc, node.subnet_id);
    if (home == nullptr) return out;
    if (!node.config.subnet_discovery) {
        const bool excluded = subnet_excluded(*home, cluster.name);
        out.push_back({home->id, free_addresses(*home), !excluded, true,
                       excluded ? std::string("subnet discovery off, and the node's subnet is "
                                              "tagged ") +
                                      kSubnetRoleTag + "=0"
                                : "subnet discovery off: the node's subnet"});
        return out;
    }
    std::vector<SubnetCandidate> others;
    for (const Subnet& s : cluster.vpc.subnets) {
        if (s.az != home->az) continue;
        SubnetCandidate k;
        k.subnet_id = s.id;
        k.free = free_addresses(s);
        k.node_subnet = s.id == home->id;
        k.eligible = subnet_eligible_for_enis(s, k.node_subnet, cluster.name, &k.why);
        (k.eligible ? out : others).push_back(std::move(k));
    }
    std::stable_sort(
        out.begin(), out.end(),
        [](const SubnetCandidate& a, const SubnetCandidate& b) { return a.free > b.free; });
    out.insert(out.end(), others.begin(), others.end());
    return out;
}

Cluster make_cluster(Vpc vpc) {
    Cluster c;
    c.vpc = std::move(vpc);
    return c;
}

Node* find_node(Cluster& cluster, std::string_view name) {
    return find_by(cluster.nodes, name, &Node::name);
}

const Node* find_node(const Cluster& cluster, std::string_view name) {
    return find_by(cluster.nodes, name, &Node::name);
}

Status validate_node_config(const Cluster& cluster, const InstanceType& type,
                            std::string_view node_subnet_id, const NodeConfig& config) {
    if (auto s = validate_node_config(type, config); !s) return s;
    if (!config.custom_networking) return Ok{};
    if (config.pod_subnet_id.empty()) {
        return make_error(
            "Custom networking needs an ENIConfig subnet for pod addresses (pod_subnet_id).");
    }
    const Subnet* pods = find_subnet(cluster.vpc, config.pod_subnet_id);
    if (pods == nullptr) {
        return no_subnet(cluster.vpc, config.pod_subnet_id, "the ENIConfig");
    }
    const Subnet* home = find_subnet(cluster.vpc, node_subnet_id);
    if (home != nullptr && home->az != pods->az) {
        return make_error("ENIConfig subnet must be in the node's availability zone: " + pods->id +
                          " is in " + pods->az + ", the node's subnet " + home->id + " is in " +
                          home->az + ".");
    }
    return Ok{};
}

Status add_node(Cluster& cluster, const NodeDesc& desc) {
    if (auto s = check_name("node", desc.name); !s) return s;
    if (find_node(cluster, desc.name) != nullptr) {
        return make_error("There is already a node named '" + desc.name + "'.");
    }
    if (cluster.nodes.size() >= kMaxClusterNodes) {
        return make_error("The cluster already has " +
                          num(static_cast<long long>(kMaxClusterNodes)) +
                          " nodes, the most this model runs.");
    }
    const InstanceType& type = desc.type;
    if (type.name.empty() || type.max_enis < 1 || type.max_enis > 64 || type.ipv4_per_eni < 2 ||
        type.ipv4_per_eni > 64) {
        return make_error("Instance type '" + type.name + "' has no usable network limits (" +
                          num(type.max_enis) + " ENIs, " + num(type.ipv4_per_eni) +
                          " IPv4 per ENI).");
    }
    Subnet* home = find_subnet(cluster.vpc, desc.subnet_id);
    if (home == nullptr) return no_subnet(cluster.vpc, desc.subnet_id, "node " + desc.name);
    if (auto s = validate_node_config(cluster, type, desc.subnet_id, desc.config); !s) return s;

    const NodeConfig& cfg = desc.config;
    const long long needed = cfg.security_groups_for_pods ? 2 : 1;
    Result<std::vector<Ipv4>> primaries = take_ips(*home, needed);
    if (!primaries) {
        return make_error(
            desc.name + " cannot join " + desc.subnet_id + ": " + primaries.error().message,
            primaries.error().code);
    }

    Node n;
    n.name = desc.name;
    n.type = type;
    n.subnet_id = desc.subnet_id;
    n.config = cfg;
    if (!cfg.custom_networking) n.config.pod_subnet_id.clear();
    n.max_pods = kubelet_max_pods(type, cfg);

    Eni primary;
    primary.id = "eni-" + num(cluster.next_eni_id++);
    primary.device_index = 0;
    primary.subnet_id = desc.subnet_id;
    primary.primary_ip = (*primaries)[0];
    primary.placement = "the primary ENI always stays in the node's subnet";
    // ipamd.go excludedENIBasedOnSubnetTags (v1.22.0+, subnet discovery on).
    primary.excluded = cfg.subnet_discovery && subnet_excluded(*home, cluster.name);
    n.enis.push_back(primary);

    const KubeletMaxPods kubelet = default_kubelet_max_pods(type, capacity_options(cfg));
    std::string text = desc.name + " (" + type.name + ", " + node_group_kind_name(cfg.node_group) +
                       ") joined " + desc.subnet_id + ": primary ENI " + primary.id +
                       " holds the node's own address " + format_ipv4(primary.primary_ip) +
                       ". kubelet max-pods is " + num(n.max_pods);
    if (cfg.max_pods_override > 0) {
        text += " (set by hand; without it: " + num(kubelet.value) + ")";
    } else {
        text += " (" + kubelet.source_text + ")";
    }
    text += ".";
    if (cfg.prefix_delegation && !prefix_delegation_active(type, cfg)) {
        text += " ENABLE_PREFIX_DELEGATION has no effect on " + type.name +
                " (prefix delegation needs a nitro or bare-metal instance): ipamd falls back "
                "to secondary IPs.";
    } else if (prefix_delegation_active(type, cfg) && cfg.max_pods_override == 0 &&
               cfg.node_group == NodeGroupKind::SelfManaged) {
        text +=
            " Prefix delegation is on, but on a self-managed node max-pods stays at nodeadm's "
            "value until it is raised.";
    }
    if (primary.excluded && !cfg.custom_networking) {
        text += std::string(" Its subnet is tagged ") + kSubnetRoleTag +
                "=0: the primary ENI carries no pod addresses (subnet discovery).";
    }
    if (cfg.custom_networking) {
        text += " Custom networking: pod addresses come from the ENIConfig subnet " +
                cfg.pod_subnet_id + "; the primary ENI carries none.";
    }
    if (cfg.security_groups_for_pods) {
        Eni trunk;
        trunk.id = "eni-" + num(cluster.next_eni_id++);
        trunk.device_index = 1;
        trunk.subnet_id = desc.subnet_id;
        trunk.primary_ip = (*primaries)[1];
        trunk.trunk = true;
        trunk.placement = "trunk ENIs stay in the node's subnet";
        trunk.placed = Placement::Trunk;
        text += " Security groups for pods: trunk ENI " + trunk.id +
                " (device 1) takes an ENI slot and carries no pod addresses.";
        n.enis.push_back(trunk);
    }
    cluster.nodes.push_back(std::move(n));
    EventFacts added;
    added.known = true;
    added.subnet = desc.subnet_id;
    added.why.max_pods = cluster.nodes.back().max_pods;
    emit(cluster, desc.name, EventKind::NodeAdded, text, {}, added);
    settle_and_place(cluster, cluster.nodes.back());
    return Ok{};
}

Status remove_node(Cluster& cluster, std::string_view name) {
    auto it = std::find_if(cluster.nodes.begin(), cluster.nodes.end(),
                           [&](const Node& n) { return n.name == name; });
    if (it == cluster.nodes.end()) return no_node(cluster, name);
    const NodeStats s = node_stats(*it);
    for (const Eni& e : it->enis)
        release_eni(cluster.vpc, e);
    std::string text = it->name + " removed: " + count(s.enis, "ENI", "ENIs") + " detached";
    if (s.secondary_ips > 0) {
        text += ", " + count(s.secondary_ips, "secondary IP", "secondary IPs");
    }
    if (s.prefixes > 0) text += ", " + count(s.prefixes, "prefix", "prefixes");
    text += " and " + count(s.enis, "ENI address", "ENI addresses") + " returned";
    if (s.pods + s.pending > 0) text += "; " + count(s.pods + s.pending, "pod", "pods") + " gone";
    const std::string node_name = it->name;
    cluster.nodes.erase(it);
    emit(cluster, node_name, EventKind::NodeRemoved, text + ".");
    return Ok{};
}

Result<Pod> add_pod(Cluster& cluster, std::string_view node_name, std::string_view pod_name) {
    Node* n = find_node(cluster, node_name);
    if (n == nullptr) return no_node(cluster, node_name);
    std::string name(pod_name);
    int next_pod_id = cluster.next_pod_id;
    if (name.empty()) {
        do {
            name = "pod-" + num(next_pod_id++);
        } while (find_pod(*n, name) != nullptr);
    } else {
        if (auto s = check_name("pod", name); !s) return s.error();
        if (find_pod(*n, name) != nullptr) {
            return make_error(n->name + " already has a pod named '" + name + "'.");
        }
    }
    const long long on_node =
        static_cast<long long>(n->pods.size() + n->pending.size()) + kHostNetworkPods;
    if (on_node >= n->max_pods) {
        std::string text = "max-pods is " + num(n->max_pods) + " on this " + n->type.name + " (" +
                           n->name + "): " + count(on_node - kHostNetworkPods, "pod", "pods") +
                           " and the 2 host-network pods (aws-node, kube-proxy) already count "
                           "against it, so kubelet admits no more and the scheduler reports "
                           "'Too many pods'.";
        const long long capacity = address_capacity(*n);
        if (prefix_delegation_active(n->type, n->config) && n->config.max_pods_override == 0 &&
            n->config.node_group == NodeGroupKind::SelfManaged &&
            capacity + kHostNetworkPods > n->max_pods) {
            text += " Prefix delegation leaves space for " + num(capacity + kHostNetworkPods) +
                    " pods, but on a self-managed node max-pods is still nodeadm's value: raise "
                    "max-pods.";
        }
        return make_error(text, ErrorCode::TooManyPods);
    }
    cluster.next_pod_id = next_pod_id;

    Pod p;
    p.name = name;
    if (!assign_address(*n, p)) {
        settle_and_place(cluster, *n);
        (void)assign_address(*n, p);
    }
    if (!p.eni_id.empty()) {
        n->pods.push_back(p);
        emit(cluster, n->name, EventKind::PodIp,
             p.name + " got " + format_ipv4(p.ip) + where_pod_is(*n, p) + ".", {},
             pod_facts(*n, p));
        settle_and_place(cluster, *n);
        return p;
    }
    ErrorCode code = ErrorCode::None;
    std::string why = why_no_address(*n, code);
    while (!why.empty() && why.back() == '.')
        why.pop_back();  // the subnet's message ends a sentence
    p.waiting = "failed to assign an IP address to container: " + why + ".";
    n->pending.push_back(p);
    const std::string text = p.name + " on " + n->name +
                             " stays in ContainerCreating: failed to assign an IP address to "
                             "container; " +
                             why + ".";
    emit(cluster, n->name, EventKind::PodFailed, text, code, pod_facts(*n, p));
    return make_error(text, code);
}

Status remove_pod(Cluster& cluster, std::string_view node_name, std::string_view pod_name) {
    Node* n = find_node(cluster, node_name);
    if (n == nullptr) return no_node(cluster, node_name);
    auto running = std::find_if(n->pods.begin(), n->pods.end(),
                                [&](const Pod& p) { return p.name == pod_name; });
    if (running != n->pods.end()) {
        const Pod p = *running;
        n->pods.erase(running);
        const Eni* e = find_eni(*n, p.eni_id);
        emit(cluster, n->name, EventKind::PodReleased,
             p.name + " deleted: " + format_ipv4(p.ip) + " on " +
                 (e != nullptr ? eni_name(*e) : p.eni_id) +
                 " is free again (the real ipamd first keeps it 30 s in cooldown).",
             {}, pod_facts(*n, p));
        settle_and_place(cluster, *n);
        return Ok{};
    }
    auto waiting = std::find_if(n->pending.begin(), n->pending.end(),
                                [&](const Pod& p) { return p.name == pod_name; });
    if (waiting != n->pending.end()) {
        const Pod gone = *waiting;
        n->pending.erase(waiting);
        emit(cluster, n->name, EventKind::PodReleased,
             gone.name + " deleted while it was still waiting for an address.", {},
             pod_facts(*n, gone));
        settle_and_place(cluster, *n);
        return Ok{};
    }
    return make_error(n->name + " has no pod named '" + std::string(pod_name) + "'.");
}

Status reconcile(Cluster& cluster, std::string_view node_name) {
    Node* n = find_node(cluster, node_name);
    if (n == nullptr) return no_node(cluster, node_name);
    settle_and_place(cluster, *n);
    return Ok{};
}

Status set_node_config(Cluster& cluster, std::string_view node_name, const NodeConfig& config) {
    Node* n = find_node(cluster, node_name);
    if (n == nullptr) return no_node(cluster, node_name);
    const NodeConfig& old = n->config;
    const char* fixed = nullptr;
    if (config.prefix_delegation != old.prefix_delegation) fixed = "Prefix delegation";
    if (config.custom_networking != old.custom_networking) fixed = "Custom networking";
    if (config.custom_networking && config.pod_subnet_id != old.pod_subnet_id) {
        fixed = "The ENIConfig subnet";
    }
    if (config.security_groups_for_pods != old.security_groups_for_pods) {
        fixed = "Security groups for pods";
    }
    if (config.node_group != old.node_group) fixed = "The node group kind";
    // ipamd decides which ENIs are excluded (kubernetes.io/role/cni=0) when it sets them up;
    // the model re-decides only for a new node.
    if (config.subnet_discovery != old.subnet_discovery) fixed = "Subnet discovery";
    if (fixed != nullptr) {
        return make_error(std::string(fixed) + " cannot change on a running node: replace " +
                          n->name + " (remove it and add it again with the new setting).");
    }
    if (auto s = validate_node_config(cluster, n->type, n->subnet_id, config); !s) return s;
    const int new_max = kubelet_max_pods(n->type, config);
    const long long on_node =
        static_cast<long long>(n->pods.size() + n->pending.size()) + kHostNetworkPods;
    if (on_node > new_max) {
        return make_error("max-pods " + num(new_max) + " is below the " + num(on_node) +
                          " pods already on " + n->name +
                          " (the 2 host-network pods included); delete pods first.");
    }
    std::string changes, words;  // words: the same with {term} tokens (event_words.h)
    auto note = [&](const char* what, long long from, long long to) {
        if (from == to) return;
        const std::string change = " " + num(from) + " -> " + num(to);
        if (!changes.empty()) changes += ", ";
        if (!words.empty()) words += ", ";
        changes += what + change;
        words += (std::string(what) == "max-pods" ? "{maxpods}" : what) + change;
    };
    note("WARM_ENI_TARGET", old.warm.warm_eni_target, config.warm.warm_eni_target);
    note("WARM_IP_TARGET", old.warm.warm_ip_target, config.warm.warm_ip_target);
    note("MINIMUM_IP_TARGET", old.warm.minimum_ip_target, config.warm.minimum_ip_target);
    note("WARM_PREFIX_TARGET", old.warm.warm_prefix_target, config.warm.warm_prefix_target);
    note("max-pods", n->max_pods, new_max);
    const std::string pod_subnet = old.pod_subnet_id;
    n->config = config;
    n->config.pod_subnet_id = config.custom_networking ? pod_subnet : std::string();
    n->max_pods = new_max;
    EventFacts f;
    f.known = true;
    f.what = words;
    emit(cluster, n->name, EventKind::Config,
         changes.empty() ? "Configuration applied; nothing changed." : changes + ".", {}, f);
    settle_and_place(cluster, *n);
    return Ok{};
}

Status hold_addresses(Cluster& cluster, std::string_view subnet_id, int count_wanted,
                      std::string_view label) {
    if (auto s = check_name("holder", label); !s) return s;
    if (count_wanted < 1 || count_wanted > 65536) {
        return make_error("Hold between 1 and 65536 addresses, got " + num(count_wanted) + ".");
    }
    Subnet* s = find_subnet(cluster.vpc, subnet_id);
    if (s == nullptr) return no_subnet(cluster.vpc, subnet_id, std::string(label));
    Result<std::vector<Ipv4>> ips = take_ips(*s, count_wanted);
    if (!ips) return ips.error();
    OtherUse use;
    use.label = std::string(label);
    use.subnet_id = s->id;
    use.ips = std::move(ips).value();
    emit(cluster, "", EventKind::Note,
         use.label + " now holds " + count(count_wanted, "address", "addresses") + " in " + s->id +
             " (" + list_ips(use.ips) + ").");
    cluster.others.push_back(std::move(use));
    return Ok{};
}

Status release_held(Cluster& cluster, std::string_view label) {
    long long released = 0;
    for (const OtherUse& use : cluster.others) {
        if (use.label != label) continue;
        Subnet* s = find_subnet(cluster.vpc, use.subnet_id);
        if (s == nullptr) continue;
        for (Ipv4 ip : use.ips)
            (void)release_ip(*s, ip);
        released += static_cast<long long>(use.ips.size());
    }
    const auto gone = std::remove_if(cluster.others.begin(), cluster.others.end(),
                                     [&](const OtherUse& u) { return u.label == label; });
    if (gone == cluster.others.end()) {
        return make_error("Nothing holds addresses under the label '" + std::string(label) + "'.");
    }
    cluster.others.erase(gone, cluster.others.end());
    emit(cluster, "", EventKind::Note,
         std::string(label) + " released " + count(released, "address", "addresses") + ".");
    return Ok{};
}

void record_event(Cluster& cluster, std::string_view node, EventKind kind, std::string_view text,
                  ErrorCode code) {
    emit(cluster, std::string(node), kind, std::string(text), code);
}

bool operator==(const PodCounts& a, const PodCounts& b) {
    return a.wanted == b.wanted && a.running == b.running && a.waiting == b.waiting &&
           a.pending == b.pending;
}

PodCounts pod_counts(const Cluster& cluster) {
    PodCounts c;
    for (const Node& n : cluster.nodes) {
        c.running += static_cast<int>(n.pods.size());
        c.waiting += static_cast<int>(n.pending.size());
    }
    c.wanted = c.running + c.waiting;
    return c;
}

namespace {

// What every address of every subnet is held as, built up while the invariants are checked:
// an address may be held once (by an ENI's IPs or prefixes, or by another user).
struct Holdings {
    enum : uint8_t { kFree = 0, kIp = 1, kPrefix = 2 };
    const Vpc& vpc;
    std::unordered_map<std::string, size_t> subnet_at;
    std::vector<std::vector<uint8_t>> held;

    explicit Holdings(const Vpc& v) : vpc(v), held(v.subnets.size()) {}

    // Indexes the subnets; an id twice or a use map of the wrong size is an error.
    Status index_subnets() {
        for (size_t i = 0; i < vpc.subnets.size(); ++i) {
            const Subnet& s = vpc.subnets[i];
            if (!subnet_at.emplace(s.id, i).second) return make_error("Subnet id twice: " + s.id);
            if (s.use.size() != cidr_size(s.cidr)) {
                return make_error(s.id + ": use map size does not match its CIDR");
            }
            held[i].assign(s.use.size(), kFree);
        }
        return Ok{};
    }

    Status mark_ip(const std::string& who, const std::string& sid, Ipv4 ip) {
        auto at = subnet_at.find(sid);
        if (at == subnet_at.end()) return make_error(who + ": unknown subnet " + sid);
        const Subnet& s = vpc.subnets[at->second];
        if (!cidr_contains(s.cidr, ip)) {
            return make_error(who + ": " + format_ipv4(ip) + " is outside " + subnet_label(s));
        }
        const size_t i = ip.value - s.cidr.base;
        if (s.use[i] == AddressUse::Reserved) {
            return make_error(who + ": " + format_ipv4(ip) + " is AWS-reserved");
        }
        // A single address may lie inside a prefix reservation: one made after the address
        // was assigned unassigns nothing (VPC user guide, "Subnet CIDR reservations";
        // vpc.h reserve_prefixes). allocate_ip never hands one out (tests/vpc_test.cpp).
        if (held[at->second][i] != kFree) {
            return make_error(who + ": " + format_ipv4(ip) + " is held twice");
        }
        held[at->second][i] = kIp;
        return Ok{};
    }

    Status mark_prefix(const std::string& who, const std::string& sid, const Cidr& p) {
        auto at = subnet_at.find(sid);
        if (at == subnet_at.end()) return make_error(who + ": unknown subnet " + sid);
        const Subnet& s = vpc.subnets[at->second];
        if (p.prefix != 28 || (p.base & 15u) != 0) {
            return make_error(who + ": " + format_cidr(p) + " is not an aligned /28");
        }
        if (!cidr_contains(s.cidr, p)) {
            return make_error(who + ": " + format_cidr(p) + " is outside " + subnet_label(s));
        }
        for (uint32_t k = 0; k < 16; ++k) {
            const size_t i = p.base + k - s.cidr.base;
            if (s.use[i] == AddressUse::Reserved) {
                return make_error(who + ": prefix " + format_cidr(p) + " holds a reserved address");
            }
            if (held[at->second][i] != kFree) {
                return make_error(who + ": " + format_ipv4(Ipv4{p.base + k}) + " is held twice");
            }
            held[at->second][i] = kPrefix;
        }
        return Ok{};
    }

    // Every subnet's use map says what the ENIs and other users hold, and AWS's reserved
    // addresses are the reserved ones.
    Status check_use_maps() const {
        for (size_t si = 0; si < vpc.subnets.size(); ++si) {
            const Subnet& s = vpc.subnets[si];
            std::vector<uint8_t> reserved(s.use.size(), 0);
            for (const ReservedAddress& r : aws_reserved_addresses(s.cidr)) {
                reserved[r.ip.value - s.cidr.base] = 1;
            }
            for (size_t i = 0; i < s.use.size(); ++i) {
                const AddressUse u = s.use[i];
                const uint8_t h = held[si][i];
                const bool ok = (u == AddressUse::Reserved && reserved[i] != 0 && h == kFree) ||
                                (u == AddressUse::Free && reserved[i] == 0 && h == kFree) ||
                                (u == AddressUse::Ip && h == kIp) ||
                                (u == AddressUse::Prefix && h == kPrefix);
                if (!ok) {
                    return make_error(s.id + ": " +
                                      format_ipv4(Ipv4{s.cidr.base + static_cast<uint32_t>(i)}) +
                                      " is marked in the subnet differently from what ENIs hold");
                }
            }
        }
        return Ok{};
    }
};

// The node as a whole: a primary plain ENI at device 0 in the node's subnet, no more ENIs
// than the type takes, max-pods as its configuration gives.
Status check_node_frame(const Node& n) {
    const std::string& nn = n.name;
    if (n.enis.empty() || n.enis[0].device_index != 0) {
        return make_error(nn + ": no primary ENI at device 0");
    }
    if (static_cast<int>(n.enis.size()) > n.type.max_enis) {
        return make_error(nn + ": " + num(static_cast<long long>(n.enis.size())) + " ENIs, limit " +
                          num(n.type.max_enis));
    }
    if (n.enis[0].subnet_id != n.subnet_id || n.enis[0].trunk) {
        return make_error(nn + ": the primary ENI is not a plain ENI in the node's subnet");
    }
    if (n.max_pods != kubelet_max_pods(n.type, n.config)) {
        return make_error(nn + ": max-pods does not match its configuration");
    }
    return Ok{};
}

// The k-th ENI of the node on its own: its slots, its kind of addresses, trunk rules and its
// subnet (holdings tell where each subnet is).
Status check_eni(const Node& n, size_t k, const Holdings& h, const std::string& who) {
    const Eni& e = n.enis[k];
    if (k > 0 && n.enis[k - 1].device_index >= e.device_index) {
        return make_error(who + ": device indices not strictly increasing");
    }
    const int slots = slots_per_eni(n.type);
    if (static_cast<int>(e.ips.size() + e.prefixes.size()) > slots) {
        return make_error(who + ": more than " + num(slots) + " slots used");
    }
    const bool pd = prefix_delegation_active(n.type, n.config);
    if (pd ? !e.ips.empty() : !e.prefixes.empty()) {
        return make_error(who + ": holds the wrong kind of address for its mode");
    }
    if (e.trunk) {
        if (!n.config.security_groups_for_pods) {
            return make_error(who + ": trunk without security groups for pods");
        }
        if (e.subnet_id != n.subnet_id) return make_error(who + ": trunk in wrong subnet");
    }
    const bool carries = carries_pod_addresses(n, e);
    if (!carries && (!e.ips.empty() || !e.prefixes.empty())) {
        return make_error(who + ": holds pod addresses it must not carry");
    }
    if (k > 0 && !e.trunk) {
        if (n.config.custom_networking || !n.config.subnet_discovery) {
            const std::string& want =
                n.config.custom_networking ? n.config.pod_subnet_id : n.subnet_id;
            if (e.subnet_id != want) return make_error(who + ": ENI in the wrong subnet");
        } else {
            const auto at = h.subnet_at.find(e.subnet_id);
            const auto home = h.subnet_at.find(n.subnet_id);
            if (at == h.subnet_at.end() || home == h.subnet_at.end() ||
                h.vpc.subnets[at->second].az != h.vpc.subnets[home->second].az) {
                return make_error(who + ": ENI outside the node's availability zone");
            }
        }
    }
    if (e.excluded && (!n.config.subnet_discovery || e.trunk)) {
        return make_error(who + ": excluded without subnet discovery, or a trunk");
    }
    return Ok{};
}

// The node's pods: each running pod on an address the node holds for pods (on the ENI it
// records), no two sharing one, waiting pods without one, names once, max-pods kept.
// `usable` is every pod-usable address with its ENI index, sorted.
Status check_pods(const Node& n, const std::vector<std::pair<uint32_t, size_t>>& usable) {
    const std::string& nn = n.name;
    std::vector<uint32_t> ips;
    ips.reserve(n.pods.size());
    std::unordered_set<std::string> pod_names;
    for (const Pod& p : n.pods) {
        if (!pod_names.insert(p.name).second) return make_error(nn + ": pod twice: " + p.name);
        auto at =
            std::lower_bound(usable.begin(), usable.end(), std::make_pair(p.ip.value, size_t{0}));
        if (at == usable.end() || at->first != p.ip.value) {
            return make_error(nn + " " + p.name + ": " + format_ipv4(p.ip) +
                              " is not an address the node holds for pods");
        }
        if (n.enis[at->second].id != p.eni_id) {
            return make_error(nn + " " + p.name + ": recorded on the wrong ENI");
        }
        if (!p.waiting.empty()) return make_error(nn + " " + p.name + ": running but waiting");
        ips.push_back(p.ip.value);
    }
    std::sort(ips.begin(), ips.end());
    if (std::adjacent_find(ips.begin(), ips.end()) != ips.end()) {
        return make_error(nn + ": two pods share an address");
    }
    for (const Pod& p : n.pending) {
        if (!pod_names.insert(p.name).second) return make_error(nn + ": pod twice: " + p.name);
        if (p.ip.value != 0 || !p.eni_id.empty()) {
            return make_error(nn + " " + p.name + ": waiting pod has an address");
        }
    }
    const long long on_node =
        static_cast<long long>(n.pods.size() + n.pending.size()) + kHostNetworkPods;
    if (on_node > n.max_pods) {
        return make_error(nn + ": " + num(on_node) + " pods exceed max-pods " + num(n.max_pods));
    }
    return Ok{};
}

}  // namespace

Status check_invariants(const Cluster& cluster) {
    Holdings held(cluster.vpc);
    if (auto s = held.index_subnets(); !s) return s;
    std::unordered_set<std::string> eni_ids;
    std::unordered_set<std::string> node_names;
    for (const Node& n : cluster.nodes) {
        const std::string& nn = n.name;
        if (!node_names.insert(nn).second) return make_error("Node name twice: " + nn);
        if (auto s = check_node_frame(n); !s) return s;
        int trunks = 0;
        std::vector<std::pair<uint32_t, size_t>> usable;  // pod-usable address, ENI index
        for (size_t k = 0; k < n.enis.size(); ++k) {
            const Eni& e = n.enis[k];
            const std::string who = nn + " " + e.id;
            if (!eni_ids.insert(e.id).second) return make_error(who + ": ENI id twice");
            if (auto s = check_eni(n, k, held, who); !s) return s;
            if (e.trunk) ++trunks;
            if (auto s = held.mark_ip(who, e.subnet_id, e.primary_ip); !s) return s;
            for (Ipv4 ip : e.ips) {
                if (auto s = held.mark_ip(who, e.subnet_id, ip); !s) return s;
                usable.emplace_back(ip.value, k);
            }
            for (const Cidr& p : e.prefixes) {
                if (auto s = held.mark_prefix(who, e.subnet_id, p); !s) return s;
                for (uint32_t a = 0; a < 16; ++a)
                    usable.emplace_back(p.base + a, k);
            }
        }
        if (trunks > 1) return make_error(nn + ": more than one trunk ENI");
        std::sort(usable.begin(), usable.end());
        if (auto s = check_pods(n, usable); !s) return s;
    }
    for (const OtherUse& use : cluster.others) {
        for (Ipv4 ip : use.ips) {
            if (auto s = held.mark_ip("held by " + use.label, use.subnet_id, ip); !s) return s;
        }
    }
    return held.check_use_maps();
}

}  // namespace core
