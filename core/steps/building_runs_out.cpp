// building_runs_out.cpp: step "building-runs-out" (see building_runs_out.h).
#include "steps/building_runs_out.h"

#include <algorithm>

#include "occupancy.h"
#include "steps/campus.h"

namespace core {
namespace {

constexpr const char* kRoomType = "t3.small";
constexpr const char* kZone = "us-east-1a";
constexpr const char* kSecondCidr = "10.0.2.0/27";
constexpr const char* kOwnCidr = "10.0.3.0/25";
constexpr uint32_t kScatterSeed = 7;
constexpr size_t kMaxPresses = 200;
constexpr int kMaxRooms = 4;
constexpr int kMaxDesks = 40;
constexpr int kMaxOthers = 40;

Status add_building(Vpc& vpc, const char* id, const char* name, const std::string& cidr,
                    uint32_t scatter, const std::string& reservation = {}, Tags tags = {}) {
    return add_subnet(
        vpc, SubnetDesc{id, name, kZone, cidr, scatter, false, reservation, std::move(tags)});
}

// A's upper half ("10.0.1.16/28" of a /27), or "" for a /28, which has no half to keep.
std::string upper_half(const Cidr& whole) {
    if (whole.prefix >= 28) return {};
    Result<std::vector<Cidr>> halves = cidr_split(whole, whole.prefix + 1);
    return halves && halves->size() == 2 ? format_cidr(halves->back()) : std::string();
}

Result<Cluster> fresh_campus(const BuildingRunsOut& m) {
    Result<Vpc> made = make_vpc("10.0.0.0/16");
    if (!made) return made.error();
    Vpc vpc = std::move(made).value();
    const std::string a = "10.0.1.0/" + std::to_string(m.size);
    Result<Cidr> a_cidr = parse_cidr(a);
    if (!a_cidr) return a_cidr.error();
    const uint32_t scatter = m.scatter ? kScatterSeed : 0;
    Status st = add_building(vpc, kBuildingA, "Building A", a, scatter,
                             m.prefix && m.reserve ? upper_half(*a_cidr) : std::string());
    if (st && m.dedicated) st = add_building(vpc, kBuildingC, "Building C", kOwnCidr, scatter);
    if (!st) return st.error();
    return make_cluster(std::move(vpc));
}

// Lets every room's ipamd settle after something returned addresses.
void settle_all(Cluster& c) {
    for (const Node& n : c.nodes)
        (void)reconcile(c, n.name);
}

long long others_held(const Cluster& c) {
    long long n = 0;
    for (const OtherUse& o : c.others)
        n += static_cast<long long>(o.ips.size());
    return n;
}

int room_number(const Cluster& c) {
    int next = 1;
    for (const Node& n : c.nodes) {
        const size_t dash = n.name.rfind('-');
        if (dash != std::string::npos)
            next = std::max(next, std::stoi(n.name.substr(dash + 1)) + 1);
    }
    return next;
}

// Carries out one press on the campus; "" or why it was refused.
std::string run(BuildingRunsOut& m, const BuildingStep& s) {
    Cluster& c = m.cluster;
    switch (s.action) {
        case BuildingAction::AddRoom: {
            if (static_cast<int>(c.nodes.size()) >= kMaxRooms)
                return "This picture holds " + std::to_string(kMaxRooms) + " {rooms} at most.";
            NodeDesc d;
            d.name = "node-" + std::to_string(room_number(c));
            d.type = m.type;
            d.subnet_id = rooms_building(m);
            d.config.prefix_delegation = m.prefix;
            Status st = add_node(c, d);
            return st ? std::string() : st.error().message;
        }
        case BuildingAction::RemoveRoom: {
            if (c.nodes.empty()) return "There is no {room} to remove.";
            const std::string name = c.nodes.back().name;
            Status st = remove_node(c, name);
            if (!st) return st.error().message;
            settle_all(c);
            return {};
        }
        case BuildingAction::AddDesk:
            for (int i = 0; i < s.n; ++i) {
                const Node* n = least_loaded_node(c);
                if (n == nullptr) return c.nodes.empty() ? "no-room" : "max-pods";
                const std::string name = n->name;
                (void)add_pod(c, name);  // a desk without an address waits: the picture says so
            }
            return {};
        case BuildingAction::RemoveDesk: {
            // The newest waiting desk first, else a desk of the fullest room.
            const Node* pick = nullptr;
            for (const Node& n : c.nodes) {
                if (!n.pending.empty()) pick = &n;
            }
            for (const Node& n : c.nodes) {
                if (pick == nullptr || (pick->pending.empty() && n.pods.size() > pick->pods.size()))
                    pick = &n;
            }
            if (pick == nullptr || (pick->pods.empty() && pick->pending.empty()))
                return "There is no {desk} to remove.";
            const std::string room = pick->name;
            const std::string pod =
                pick->pending.empty() ? pick->pods.back().name : pick->pending.back().name;
            Status st = remove_pod(c, room, pod);
            if (!st) return st.error().message;
            settle_all(c);
            return {};
        }
        case BuildingAction::OthersTake: {
            const std::string label = "other-" + std::to_string(c.others.size() + 1);
            Status st = hold_addresses(c, kBuildingA, s.n, label);
            return st ? std::string() : st.error().message;
        }
        case BuildingAction::Second: {
            const SecondBuilding want = static_cast<SecondBuilding>(s.n);
            Tags tags;
            if (want == SecondBuilding::Tagged) tags[kSubnetRoleTag] = "1";
            Status st = Ok{};
            if (want == SecondBuilding::None) {
                if (find_subnet(c.vpc, kBuildingB) != nullptr)
                    return "Building B stays: {panels} may stand in it.";
            } else if (find_subnet(c.vpc, kBuildingB) == nullptr) {
                st = add_building(c.vpc, kBuildingB, "Building B", kSecondCidr,
                                  m.scatter ? kScatterSeed : 0, {}, tags);
            } else {
                st = set_subnet_tags(c.vpc, kBuildingB, tags);
            }
            if (!st) return st.error().message;
            m.second = want;
            settle_all(c);
            return {};
        }
        case BuildingAction::OthersLeave: {
            if (c.others.empty()) return "Nothing else holds {nums} here.";
            std::vector<std::string> labels;
            for (const OtherUse& o : c.others)
                labels.push_back(o.label);
            for (const std::string& l : labels)
                (void)release_held(c, l);
            settle_all(c);
            return {};
        }
    }
    return {};
}

std::string words_for(const std::string& refusal, const BuildingRunsOut& m) {
    if (refusal == "no-room") return "Add a {room} first: {desks} need a {room} to sit in.";
    if (refusal == "max-pods") {
        const int max_pods = m.cluster.nodes.empty() ? 0 : m.cluster.nodes.front().max_pods;
        return "Every {room} is at its {maxpods} (" + std::to_string(max_pods) +
               "), so no more {desks} are placed: add a {room}.";
    }
    return refusal;
}

// Whether a press that met `refusal` stays in the log: desks placed before kubelet said no
// stay (replaying places them again); anything else refused changed nothing.
bool kept(const BuildingStep& s, const std::string& refusal) {
    return refusal.empty() || (s.action == BuildingAction::AddDesk && refusal == "max-pods");
}

// What the presses ask for, whatever the building could give: rooms, desks and addresses
// for other things (a knob that sets one of them keeps the others as asked).
struct Asked {
    long long rooms = 0, desks = 0, others = 0;
};

Asked asked(const std::vector<BuildingStep>& log) {
    Asked a;
    for (const BuildingStep& s : log) {  // Second asks for nothing
        const BuildingAction x = s.action;
        if (x == BuildingAction::AddRoom) ++a.rooms;
        if (x == BuildingAction::RemoveRoom) a.rooms = std::max(0LL, a.rooms - 1);
        if (x == BuildingAction::AddDesk) a.desks += s.n;
        if (x == BuildingAction::RemoveDesk) a.desks = std::max(0LL, a.desks - 1);
        if (x == BuildingAction::OthersTake) a.others += s.n;
        if (x == BuildingAction::OthersLeave) a.others = 0;
    }
    return a;
}

// A fresh campus for the settings, then every press again. A press the campus refuses on
// replay (a smaller building holds fewer desks) changes nothing but stays in the log, so a
// larger building later gives it what it asked for.
void rebuild(BuildingRunsOut& m) {
    m.message.clear();
    Result<Cluster> c = fresh_campus(m);
    if (!c) {
        m.cluster = Cluster{};
        m.message = c.error().message;
        return;
    }
    m.cluster = std::move(c).value();
    m.second = SecondBuilding::None;
    for (const BuildingStep& s : m.log)
        (void)run(m, s);
}

// Presses that give `rooms` rooms, `desks` desks and `others` addresses held by other
// things (held first: they were in the building before the rooms came).
void canonical(BuildingRunsOut& m, long long rooms, long long desk_count, long long others) {
    const SecondBuilding second = m.second;
    m.log.clear();
    if (others > 0) m.log.push_back({BuildingAction::OthersTake, static_cast<int>(others)});
    if (second != SecondBuilding::None)
        m.log.push_back({BuildingAction::Second, static_cast<int>(second)});
    for (long long i = 0; i < rooms; ++i)
        m.log.push_back({BuildingAction::AddRoom, 1});
    if (desk_count > 0) m.log.push_back({BuildingAction::AddDesk, static_cast<int>(desk_count)});
    rebuild(m);
}

const Subnet* building(const BuildingRunsOut& m, const char* id) {
    return find_subnet(m.cluster.vpc, id);
}

// The step of the log a press asks for (apply starts over itself).
BuildingStep press_step(BuildingPress press) {
    using P = BuildingPress;
    using A = BuildingAction;
    if (press == P::AddRoom) return {A::AddRoom, 1};
    if (press == P::RemoveRoom) return {A::RemoveRoom, 1};
    if (press == P::AddDesk) return {A::AddDesk, 1};
    if (press == P::AddDesks) return {A::AddDesk, kDesksPerPress};
    if (press == P::RemoveDesk) return {A::RemoveDesk, 1};
    if (press == P::OthersTake) return {A::OthersTake, kOthersPerPress};
    if (press == P::SecondUntagged) return {A::Second, static_cast<int>(SecondBuilding::Untagged)};
    if (press == P::SecondTagged) return {A::Second, static_cast<int>(SecondBuilding::Tagged)};
    return {A::OthersLeave, 1};  // OthersLeave
}

}  // namespace

void apply(BuildingRunsOut& m, BuildingPress press) {
    if (press == BuildingPress::StartOver) {
        m.log.clear();
        canonical(m, 2, 0, 0);
        return;
    }
    if (m.log.size() >= kMaxPresses) {
        m.message = "That is a lot of presses: choose Start over to keep playing.";
        return;
    }
    const BuildingStep step = press_step(press);
    const BuildingRunsOut before = m;
    const std::string refused = run(m, step);
    if (!kept(step, refused)) {
        m = before;  // refused: nothing changes
        m.message = words_for(refused, m);
        return;
    }
    m.message = words_for(refused, m);
    m.log.push_back(step);
}

const char* rooms_building(const BuildingRunsOut& m) {
    return m.dedicated ? kBuildingC : kBuildingA;
}

ErrorCode blocking_error(const BuildingRunsOut& m) {
    for (const Node& n : m.cluster.nodes) {
        if (!n.pending.empty() && n.pool_error_code != ErrorCode::None) return n.pool_error_code;
    }
    for (const Node& n : m.cluster.nodes) {
        if (n.pool_error_code != ErrorCode::None) return n.pool_error_code;
    }
    return ErrorCode::None;
}

std::string blocking_code(const BuildingRunsOut& m) {
    return error_code_name(blocking_error(m));
}

std::vector<PanelPlace> panel_places(const BuildingRunsOut& m) {
    std::vector<PanelPlace> out;
    for (const Node& n : m.cluster.nodes) {
        for (const Eni& e : n.enis)
            out.push_back({n.name, e.id, e.device_index, e.subnet_id, e.placed, e.ranked});
    }
    return out;
}

bool second_eligible(const BuildingRunsOut& m) {
    const Subnet* b = building(m, kBuildingB);
    return b != nullptr && !m.dedicated && subnet_eligible_for_enis(*b, false, m.cluster.name);
}

namespace {

StepInfo info() {
    return {"building-runs-out",
            {{"size", KnobKind::Number, 24, 28, {}},
             {"rooms", KnobKind::Number, 0, kMaxRooms, {}},
             {"desks", KnobKind::Number, 0, kMaxDesks, {}},
             {"others", KnobKind::Number, 0, kMaxOthers, {}},
             {"prefix", KnobKind::Switch, 0, 1, {}},
             {"scatter", KnobKind::Switch, 0, 1, {}},
             {"dedicated", KnobKind::Switch, 0, 1, {}},
             {"reserve", KnobKind::Switch, 0, 1, {}},
             {"second", KnobKind::Choice, 0, 0, {"none", "untagged", "tagged"}}},
            {"size", "addresses", "usable", "reserved", "dns", "third", "used", "free", "rooms",
             "desks", "running", "waiting", "others", "panelsb", "freeb", "freeblocks",
             "brokenblocks", "maxdesks", "ask"},
            {"building", "reserved", "pool", "rooms", "waiting", "second", "placement", "blocks",
             "reservation", "own"},
            {"desk-waits", "desks-served", "blocks-refused"},
            kRoomType};
}

void open(BuildingRunsOut& m, const Catalog& catalog) {
    m = BuildingRunsOut{};
    m.type = catalog_type(catalog, kRoomType);
    canonical(m, 2, 0, 0);
}

Status set_knob(BuildingRunsOut& m, const Setting& s, const Catalog&) {
    Status ok = check_setting(step_info<BuildingRunsOut>(), s);
    if (!ok) return ok;
    const Asked now = asked(m.log);
    const long long rooms = now.rooms;
    const long long now_desks = now.desks;
    const long long others = now.others;
    const bool on = s.number != 0;
    if (s.name == "rooms") {
        canonical(m, s.number, now_desks, others);
    } else if (s.name == "desks") {
        canonical(m, rooms, s.number, others);
    } else if (s.name == "others") {
        canonical(m, rooms, now_desks, s.number);
    } else {
        if (s.name == "size") m.size = static_cast<int>(s.number);
        if (s.name == "prefix") m.prefix = on;
        if (s.name == "scatter") m.scatter = on;
        if (s.name == "dedicated") m.dedicated = on;
        if (s.name == "reserve") m.reserve = on;
        if (s.name == "second") {
            const SecondBuilding want = s.text == "tagged"     ? SecondBuilding::Tagged
                                        : s.text == "untagged" ? SecondBuilding::Untagged
                                                               : SecondBuilding::None;
            if (want == m.second) return Ok{};
            if (want == SecondBuilding::None) {  // no building to take away: start without it
                m.second = want;
                canonical(m, rooms, now_desks, others);
                return Ok{};
            }
            const BuildingStep step{BuildingAction::Second, static_cast<int>(want)};
            const std::string refused = run(m, step);
            if (!refused.empty()) return make_error(refused);
            m.log.push_back(step);
            return Ok{};
        }
        rebuild(m);
    }
    return Ok{};
}

std::string value(const BuildingRunsOut& m, std::string_view name) {
    const Subnet* a = building(m, kBuildingA);
    const Subnet* b = building(m, kBuildingB);
    const Subnet* home = building(m, rooms_building(m));
    const PodCounts pods = pod_counts(m.cluster);
    auto text = [](long long v) { return std::to_string(v); };
    if (name == "size") return text(m.size);
    // What ipamd's createENI asks EC2 for in one CreateNetworkInterface call under the
    // default WARM_ENI_TARGET=1: the ENI's own address and every slot's secondary IP.
    if (name == "ask") return text(m.type.ipv4_per_eni);
    if (a == nullptr) return {};
    const SubnetUsage ua = subnet_usage(*a);
    if (name == "addresses") return text(static_cast<long long>(ua.size));
    if (name == "usable") return text(static_cast<long long>(aws_usable_addresses(a->cidr)));
    if (name == "reserved") return text(static_cast<long long>(ua.reserved));
    if (name == "third") return format_ipv4(Ipv4{a->cidr.base + 2});
    if (name == "dns")
        return m.cluster.vpc.cidrs.empty() ? std::string()
                                           : format_ipv4(Ipv4{m.cluster.vpc.cidrs[0].base + 2});
    if (name == "used") return text(static_cast<long long>(used_addresses(*a)));
    if (name == "free") return text(static_cast<long long>(ua.free));
    if (name == "others") return text(others_held(m.cluster));
    if (name == "rooms") return text(static_cast<long long>(m.cluster.nodes.size()));
    if (name == "desks") return text(pods.running + pods.waiting);
    if (name == "running") return text(pods.running);
    if (name == "waiting") return text(pods.waiting);
    if (name == "maxdesks") {
        long long total = 0;
        for (const Node& n : m.cluster.nodes)
            total += std::max(0, n.max_pods - kHostNetworkPods);
        return text(total);
    }
    if (name == "panelsb") {
        long long n = 0;
        for (const PanelPlace& p : panel_places(m))
            n += p.building == kBuildingB ? 1 : 0;
        return text(n);
    }
    if (name == "freeb") return b ? text(static_cast<long long>(free_addresses(*b))) : "0";
    if (home == nullptr) return {};
    const SubnetUsage uh = subnet_usage(*home);
    if (name == "freeblocks") return text(static_cast<long long>(uh.free_blocks));
    if (name == "brokenblocks") return text(static_cast<long long>(uh.broken_blocks));
    return {};
}

bool goal(const BuildingRunsOut& m, std::string_view goal) {
    const PodCounts pods = pod_counts(m.cluster);
    const ErrorCode code = blocking_error(m);
    if (goal == "desk-waits")
        return pods.waiting > 0 && code == ErrorCode::InsufficientFreeAddressesInSubnet;
    if (goal == "desks-served")
        return pods.waiting == 0 && pods.running > 0 && step_value(m, "panelsb") != "0";
    if (goal == "blocks-refused") {
        const Subnet* home = building(m, rooms_building(m));
        return code == ErrorCode::InsufficientCidrBlocks && home != nullptr &&
               free_addresses(*home) >= 16;
    }
    return false;
}

}  // namespace

const StepCalls<BuildingRunsOut>& step_calls(StepTag<BuildingRunsOut>) {
    static const StepCalls<BuildingRunsOut> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
