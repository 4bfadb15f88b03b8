// takeaways.cpp: step "takeaways", the playground (see takeaways.h).
#include "steps/takeaways.h"

#include "fragment.h"
#include "scenario.h"
#include "scenario_export.h"
#include "steps/campus.h"
#include "subnet_plan.h"

namespace core {
namespace {

constexpr const char* kStartVpc = "10.0.0.0/16";
constexpr const char* kScenarioName = "my campus";
constexpr int kFirstTarget = 30;

void keep_for_undo(Takeaways& m, Cluster before) {
    m.undo.push_back(std::move(before));
    if (m.undo.size() > kTakeawaysUndo) m.undo.erase(m.undo.begin());
}

// Runs a change on the campus: the campus before it goes to undo when anything changed; a
// refusal is kept in message. Every change clears the last notice.
void clear_refusal(Takeaways& m) {
    m.message.clear();
    m.code = ErrorCode::None;
    m.room.clear();
}

// `room`: the room the change is about, kept with a refusal so that the view can say it in
// the learner's words (event_words.h refusal_words).
template <typename F>
Status change(Takeaways& m, F action, std::string_view room = {}) {
    Cluster before = m.cluster;
    m.notice = TakeawaysNotice::None;
    m.exported.clear();
    Status st = action();
    clear_refusal(m);
    if (!st) {
        m.message = st.error().message;
        m.code = st.error().code;
        m.room = std::string(room);
    }
    if (m.cluster != before) keep_for_undo(m, std::move(before));
    return st;
}

// Replaces the campus by another one, keeping the old one for undo.
void swap_in(Takeaways& m, Cluster next) {
    keep_for_undo(m, std::move(m.cluster));
    m.cluster = std::move(next);
    clear_refusal(m);
    m.exported.clear();
}

// A scenario's text built into a campus, or why not.
Result<Cluster> built(std::string_view json, const Catalog& catalog, std::string* name) {
    Result<Scenario> s = load_scenario(json, catalog);
    if (!s) return s.error();
    Result<Cluster> c = build_cluster(*s, catalog);
    if (c && name != nullptr) *name = s->name;
    return c;
}

int desks_of(const Node& n) {
    return static_cast<int>(n.pods.size() + n.pending.size());
}

}  // namespace

Status start_over(Takeaways& m, std::string_view vpc_cidr, const Catalog& catalog) {
    Result<Cluster> fresh = starter_campus(catalog, vpc_cidr);
    Status st = change(m, [&]() -> Status {
        if (!fresh) return fresh.error();
        m.cluster = std::move(fresh).value();
        return Ok{};
    });
    if (st) {
        m.linked.reset();
        m.notice = TakeawaysNotice::StartedOver;
    }
    return st;
}

Status add_cidr(Takeaways& m, std::string_view cidr) {
    return change(m, [&]() -> Status {
        Status st = add_vpc_cidr(m.cluster.vpc, cidr);
        if (st)
            record_event(m.cluster, "", EventKind::Note,
                         "Added the CIDR block " + std::string(cidr) + " to the VPC.");
        return st;
    });
}

Status add_building(Takeaways& m, std::string_view cidr, std::string_view zone) {
    return change(m, [&]() -> Status {
        SubnetDesc d;
        d.id = next_subnet_id(m.cluster.vpc);
        std::string letter = d.id.substr(d.id.find('-') + 1);
        for (char& c : letter)
            c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        d.name = "Building " + letter;
        d.az = std::string(zone);
        d.cidr = std::string(cidr);
        Status st = add_subnet(m.cluster.vpc, d);
        if (st)
            record_event(m.cluster, "", EventKind::Note,
                         "Added subnet " + d.id + " (" + d.cidr + ") in " + d.az + ".");
        return st;
    });
}

Status add_room(Takeaways& m, const RoomChoice& room) {
    return change(m, [&]() -> Status {
        NodeDesc d;
        d.name = next_group_name(m.cluster) + "-1";
        d.type = room.type;
        d.subnet_id = room.subnet_id;
        d.config = room.config;
        if (!d.config.custom_networking) d.config.pod_subnet_id.clear();
        return add_node(m.cluster, d);
    });
}

Status remove_room(Takeaways& m, std::string_view room) {
    return change(m, [&]() -> Status { return remove_node(m.cluster, room); });
}

Status set_desks(Takeaways& m, std::string_view room, int desks) {
    if (desks < 0 || desks > kMaxDesksPerRoom)
        return make_error("A room takes 0 to " + std::to_string(kMaxDesksPerRoom) + " desks; got " +
                          std::to_string(desks) + ".");
    return change(
        m,
        [&]() -> Status {
            for (;;) {
                const Node* n = find_node(m.cluster, room);
                if (n == nullptr)
                    return make_error("There is no node '" + std::string(room) + "'.");
                const int have = desks_of(*n);
                if (have == desks) return Ok{};
                if (have < desks) {
                    Result<Pod> p = add_pod(m.cluster, room);
                    if (!p) return p.error();
                    continue;
                }
                const std::string pod =
                    !n->pending.empty() ? n->pending.back().name : n->pods.back().name;
                if (Status st = remove_pod(m.cluster, room, pod); !st) return st;
            }
        },
        room);
}

Status set_room_config(Takeaways& m, std::string_view room, const NodeConfig& config) {
    return change(
        m, [&]() -> Status { return set_node_config(m.cluster, room, config); }, room);
}

bool undo(Takeaways& m) {
    if (m.undo.empty()) return false;
    m.cluster = std::move(m.undo.back());
    m.undo.pop_back();
    clear_refusal(m);
    m.exported.clear();
    m.notice = TakeawaysNotice::Undone;
    return true;
}

Status import_scenario(Takeaways& m, std::string_view json, const Catalog& catalog) {
    std::string name;
    Result<Cluster> c = built(json, catalog, &name);
    if (!c) return c.error();  // the campus, its message and its notice stay as they were
    swap_in(m, std::move(c).value());
    m.scenario_name = name;
    m.notice = TakeawaysNotice::Imported;
    return Ok{};
}

Status open_link(Takeaways& m, std::string_view encoded, const Catalog& catalog) {
    Result<std::string> text = decode_campus(encoded);
    if (!text) return text.error();
    std::string name;
    Result<Cluster> c = built(*text, catalog, &name);
    if (!c) return c.error();
    swap_in(m, *c);
    m.linked = std::move(c).value();
    m.scenario_name = name;
    m.notice = TakeawaysNotice::Opened;
    return Ok{};
}

Result<std::string> export_scenario(Takeaways& m, const Catalog& catalog) {
    Result<Scenario> s = scenario_from_cluster(m.cluster, kScenarioName, catalog);
    if (!s) return s.error();
    m.exported = save_scenario(*s);
    m.notice = TakeawaysNotice::Exported;
    clear_refusal(m);
    return m.exported;
}

Result<std::string> share_code(Takeaways& m, const Catalog& catalog) {
    Result<Scenario> s = scenario_from_cluster(m.cluster, kScenarioName, catalog);
    if (!s) return s.error();
    Result<std::string> code = encode_campus(save_scenario_compact(*s));
    if (!code) return code.error();
    m.exported = *code;
    m.notice = TakeawaysNotice::Linked;
    clear_refusal(m);
    return code;
}

int seated_desks(const Takeaways& m) {
    int n = 0;
    for (const Node& node : m.cluster.nodes)
        n += static_cast<int>(node.pods.size());
    return n;
}

int waiting_desks(const Takeaways& m) {
    int n = 0;
    for (const Node& node : m.cluster.nodes)
        n += static_cast<int>(node.pending.size());
    return n;
}

namespace {

StepInfo info() {
    return {
        "takeaways",
        {{"target", KnobKind::Number, 10, 500, {}}},
        {"pods", "waiting", "target", "rooms", "buildings", "ranges", "maxpods", "room", "undo"},
        {"rooms", "addroom", "features", "buildings", "log", "tools"},
        {"seat"},
        ""};
}

void open(Takeaways& m, const Catalog& catalog) {
    std::optional<Cluster> linked = std::move(m.linked);
    m = Takeaways{};
    m.target = kFirstTarget;
    if (linked) {
        m.cluster = *linked;
        m.linked = std::move(linked);
        return;
    }
    Result<Cluster> c = starter_campus(catalog, kStartVpc);
    if (c) {
        m.cluster = std::move(c).value();
    } else {
        m.message = c.error().message;
    }
}

Status set_knob(Takeaways& m, const Setting& s, const Catalog&) {
    if (Status ok = check_setting(step_info<Takeaways>(), s); !ok) return ok;
    m.target = static_cast<int>(s.number);
    return Ok{};
}

std::string value(const Takeaways& m, std::string_view name) {
    const Node* first = m.cluster.nodes.empty() ? nullptr : &m.cluster.nodes.front();
    if (name == "pods") return std::to_string(seated_desks(m));
    if (name == "waiting") return std::to_string(waiting_desks(m));
    if (name == "target") return std::to_string(m.target);
    if (name == "rooms") return std::to_string(m.cluster.nodes.size());
    if (name == "buildings") return std::to_string(m.cluster.vpc.subnets.size());
    if (name == "ranges") return std::to_string(m.cluster.vpc.cidrs.size());
    if (name == "maxpods") return first ? std::to_string(first->max_pods) : "0";
    if (name == "room") return first ? first->type.name : std::string();
    if (name == "undo") return std::to_string(m.undo.size());
    return {};
}

bool goal(const Takeaways& m, std::string_view goal) {
    if (goal == "seat") return seated_desks(m) >= m.target;
    return false;
}

}  // namespace

const StepCalls<Takeaways>& step_calls(StepTag<Takeaways>) {
    static const StepCalls<Takeaways> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
