// vpc_cni_vs_overlay.cpp: step "vpc-cni-vs-overlay" (see vpc_cni_vs_overlay.h).
#include "steps/vpc_cni_vs_overlay.h"

#include <set>

#include "capacity.h"
#include "steps/campus.h"

namespace core {
namespace {

constexpr int kFirstNodes = 50;
constexpr const char* kBuildingRange = "10.0.0.0/20";  // "a /20 building", for its size

struct RowName {
    CompareRow row;
    const char* key;
};
constexpr RowName kRows[kCompareRows] = {
    {CompareRow::Numbers, "numbers"},     {CompareRow::Services, "services"},
    {CompareRow::Groups, "groups"},       {CompareRow::Debugging, "debugging"},
    {CompareRow::Addresses, "addresses"}, {CompareRow::BestFor, "best"},
};

std::string ip(Ipv4 a) {
    return format_ipv4(a);
}

// Counts the building numbers `nodes` full rooms of `type` take under each CNI; the model
// keeps what it had if either count is refused.
Status count(VpcCniVsOverlay& m, const InstanceType& type, int nodes) {
    Result<CniAddressUse> vpc = address_use(type, nodes, Cni::Vpc);
    if (!vpc) return vpc.error();
    Result<CniAddressUse> overlay = address_use(type, nodes, Cni::Overlay);
    if (!overlay) return overlay.error();
    m.type = type;
    m.nodes = nodes;
    m.use_vpc = *vpc;
    m.use_overlay = *overlay;
    return Ok{};
}

uint64_t building_size() {
    Result<Cidr> c = parse_cidr(kBuildingRange);
    return c ? aws_usable_addresses(*c) : 0;
}

size_t distinct_sources(const std::vector<FlowLogLine>& lines) {
    std::set<uint32_t> s;
    for (const FlowLogLine& l : lines)
        s.insert(l.source.value);
    return s.size();
}

}  // namespace

namespace {

Status apply_knob(VpcCniVsOverlay& m, const Setting& s, const Catalog& catalog) {
    Status ok = check_setting(step_info<VpcCniVsOverlay>(), s);
    if (!ok) return ok;
    if (s.name == "row") {
        for (const RowName& r : kRows) {
            if (s.text == r.key) show_row(m, r.row);
        }
        return Ok{};
    }
    if (s.name == "nodes") return count(m, m.type, static_cast<int>(s.number));
    Result<const InstanceType*> t = find_instance_type(catalog, s.text);
    if (!t) return t.error();
    return count(m, **t, m.nodes);
}

}  // namespace

void show_row(VpcCniVsOverlay& m, CompareRow row) {
    m.row = row;
}

const char* row_key(CompareRow row) {
    for (const RowName& r : kRows) {
        if (r.row == row) return r.key;
    }
    return "";
}

std::vector<DeskNumbers> desk_numbers(const VpcCniVsOverlay& m) {
    std::vector<DeskNumbers> out;
    for (size_t i = 0; i < m.campuses.vpc.pods.size() && i < m.campuses.overlay.pods.size(); ++i) {
        const PodRef& v = m.campuses.vpc.pods[i];
        out.push_back({v.name, v.node, v.ip, m.campuses.overlay.pods[i].ip});
    }
    return out;
}

uint64_t numbers_held(const TrafficCampus& campus) {
    std::set<std::string> homes;  // the rooms' buildings
    for (const Node& n : campus.cluster.nodes)
        homes.insert(n.subnet_id);
    uint64_t used = 0;
    for (const std::string& id : homes) {
        const Subnet* s = find_subnet(campus.cluster.vpc, id);
        if (s != nullptr) used += used_addresses(*s);
    }
    return used;
}

std::vector<FlowLogLine> flow_log(const TrafficCampus& campus) {
    std::vector<FlowLogLine> out;
    if (campus.pods.empty()) return out;
    const std::string first_room = campus.pods.front().node;
    for (const PodRef& p : campus.pods) {
        if (p.node != first_room) continue;
        Result<TrafficPath> t = trace_call(campus, p.name, Callee::Rds);
        if (t) out.push_back({t->seen_source, t->callee_ip, p.name});
    }
    return out;
}

TrafficPath database_call(const TrafficCampus& campus) {
    if (campus.pods.empty()) return {};
    Result<TrafficPath> t = trace_call(campus, campus.pods.front().name, Callee::Rds);
    return t ? *t : TrafficPath{};
}

std::vector<CompareRowText> compare_rows(const VpcCniVsOverlay& m) {
    const std::string n = std::to_string(m.nodes);
    return {
        {CompareRow::Numbers, "Where {desk} {nums} come from", "a {building}: real {campus} {nums}",
         "a private range the {campus} never sees"},
        {CompareRow::Services, "Reaching AWS services",
         "direct: RDS sees " + step_value(m, "rdsvpc"),
         "through the {switchboard}: RDS sees " + step_value(m, "rdsoverlay")},
        {CompareRow::Groups, "Security groups", "per {desk}, with security groups for {desks}",
         "per {room} only"},
        {CompareRow::Debugging, "Debugging", "flow logs show the {desk} itself",
         "flow logs show the {room}"},
        {CompareRow::Addresses, "{building} {nums} used",
         step_value(m, "vpcused") + " for " + n + " full {rooms}",
         step_value(m, "overlayused") + ": the {rooms}' own"},
        {CompareRow::BestFor, "Best for", "workloads that talk to AWS services",
         "tight address plans, the same network on any cloud"},
    };
}

namespace {

StepInfo info() {
    return {"vpc-cni-vs-overlay",
            {{"row",
              KnobKind::Choice,
              0,
              0,
              {"numbers", "services", "groups", "debugging", "addresses", "best"}},
             {"nodes", KnobKind::Number, 1, kMaxAddressUseNodes, {}},
             {"type", KnobKind::Choice, 0, 0, {}}},
            {"nodes", "type", "perroom", "pods", "vpcused", "overlayused", "buildingsize",
             "buildings", "vpcdesk", "overlayrange", "rdsvpc", "rdsoverlay", "branch", "vpcsources",
             "overlaysources"},
            {"numbers", "services", "groups", "debugging", "addresses", "best", "vpcused",
             "overlayused", "buildingsize", "vpcdesk", "overlayrange", "rdsvpc", "rdsoverlay",
             "vpcsources", "overlaysources", "rows"},
            {"beyond-a-building"},
            kTrafficRoomType};
}

void open(VpcCniVsOverlay& m, const Catalog& catalog) {
    m = VpcCniVsOverlay{};
    if (!traffic_campuses(catalog, m.campuses, m.message)) return;
    Result<const InstanceType*> type = find_instance_type(catalog, kTrafficRoomType);
    if (!type) {
        m.message = type.error().message;
        return;
    }
    Status st = count(m, **type, kFirstNodes);
    if (!st) m.message = st.error().message;
}

Status set_knob(VpcCniVsOverlay& m, const Setting& s, const Catalog& catalog) {
    Status st = apply_knob(m, s, catalog);
    m.refused = st ? std::string() : st.error().message;
    return st;
}

std::string value(const VpcCniVsOverlay& m, std::string_view name) {
    if (!m.message.empty() || m.campuses.vpc.pods.empty() || m.campuses.overlay.pods.empty())
        return {};
    const uint64_t size = building_size();
    if (name == "nodes") return std::to_string(m.nodes);
    if (name == "type") return m.type.name;
    if (name == "perroom") return std::to_string(m.use_vpc.pods_per_node);
    if (name == "pods") return std::to_string(m.use_vpc.pods);
    if (name == "vpcused") return std::to_string(m.use_vpc.vpc_addresses);
    if (name == "overlayused") return std::to_string(m.use_overlay.vpc_addresses);
    if (name == "buildingsize") return std::to_string(size);
    if (name == "buildings") {
        const uint64_t used = static_cast<uint64_t>(m.use_vpc.vpc_addresses);
        return std::to_string(size > 0 ? (used + size - 1) / size : 0);
    }
    if (name == "vpcdesk") return ip(m.campuses.vpc.pods.front().ip);
    if (name == "overlayrange") return format_cidr(m.campuses.overlay.overlay_range);
    if (name == "rdsvpc") return ip(database_call(m.campuses.vpc).seen_source);
    if (name == "rdsoverlay") return ip(database_call(m.campuses.overlay).seen_source);
    if (name == "branch") {
        CapacityOptions sgp;
        sgp.security_groups_for_pods = true;
        return std::to_string(max_pods(m.campuses.vpc.cluster.nodes.front().type, sgp).branch_enis);
    }
    if (name == "vpcsources") return std::to_string(distinct_sources(flow_log(m.campuses.vpc)));
    if (name == "overlaysources")
        return std::to_string(distinct_sources(flow_log(m.campuses.overlay)));
    return {};
}

bool goal(const VpcCniVsOverlay& m, std::string_view goal) {
    if (goal == "beyond-a-building")
        return m.message.empty() &&
               static_cast<uint64_t>(m.use_vpc.vpc_addresses) > building_size();
    return false;
}

}  // namespace

const StepCalls<VpcCniVsOverlay>& step_calls(StepTag<VpcCniVsOverlay>) {
    static const StepCalls<VpcCniVsOverlay> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
