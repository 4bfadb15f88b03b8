// warm_pool.cpp: step "warm-pool" (see warm_pool.h).
#include "steps/warm_pool.h"

#include <algorithm>

#include "event_words.h"
#include "ipam.h"

namespace core {
namespace {

constexpr const char* kFirstType = "t3.small";
constexpr int kMaxDesks = 250;

// The warm-pool setting a knob names, nullptr for another knob.
int* warm_setting(WarmConfig& w, std::string_view knob) {
    if (knob == "warmeni") return &w.warm_eni_target;
    if (knob == "warmip") return &w.warm_ip_target;
    if (knob == "minip") return &w.minimum_ip_target;
    if (knob == "warmprefix") return &w.warm_prefix_target;
    return nullptr;
}

// Adds or removes desks one by one until the room has `pods` (or refuses one).
void move_desks_to(WarmPool& m, int pods) {
    m.message.clear();
    m.code = ErrorCode::None;
    for (const Node* n = room(m); n != nullptr && desk_count(*n) != pods; n = room(m)) {
        const int before = desk_count(*n);
        change_desks(m, before < pods);
        if (!m.message.empty() || desk_count(*room(m)) == before) break;
    }
}

}  // namespace

namespace {

StepInfo info() {
    return {"warm-pool",
            {{"type", KnobKind::Choice, 0, 0, {}},
             {"pods", KnobKind::Number, 0, kMaxDesks, {}},
             {"warmeni", KnobKind::Number, 0, 8, {}},
             {"warmip", KnobKind::Number, 0, 64, {}},
             {"minip", KnobKind::Number, 0, 64, {}},
             {"warmprefix", KnobKind::Number, 0, 16, {}},
             {"prefix", KnobKind::Switch, 0, 1, {}}},
            {"pods", "panels", "maxpanels", "slots", "held", "free", "blocks", "maxpods", "warmeni",
             "warmip", "minip", "warmprefix", "need", "threshold"},
            {"free", "need", "threshold", "panels", "desks", "blocks", "maxpods", "rule"},
            {"two-panels", "lean", "panel-back"},
            kFirstType};
}

void open(WarmPool& m, const Catalog& catalog) {
    m.config = NodeConfig{};
    open_room(m, catalog, kFirstType, 0);
}

Status set_knob(WarmPool& m, const Setting& s, const Catalog& catalog) {
    Status ok = check_setting(step_info<WarmPool>(), s);
    if (!ok) return ok;
    const Node* n = room(m);
    const int desks = n ? desk_count(*n) : 0;
    if (s.name == "type") return choose_type(m, catalog, s.text, desks);
    if (s.name == "pods") {
        move_desks_to(m, static_cast<int>(s.number));
        return Ok{};
    }
    NodeConfig next = m.config;
    if (s.name == "prefix") {
        next.prefix_delegation = s.number != 0;
        const NodeConfig old = m.config;
        m.config = next;
        rebuild_room(m, desks);  // AWS: a new node with the setting
        if (room(m) != nullptr) return Ok{};
        const std::string why = m.message;
        m.config = old;
        rebuild_room(m, desks);
        return make_error(why);
    }
    int* setting = warm_setting(next.warm, s.name);
    if (*setting == s.number) return Ok{};  // as it is: nothing for ipamd to do
    *setting = static_cast<int>(s.number);
    if (n == nullptr) return make_error("There is no room to change.");
    const Node before = *n;
    ok = set_node_config(m.cluster, kOneRoomNode, next);
    if (!ok) return ok;
    m.config = next;
    m.message.clear();
    m.code = ErrorCode::None;
    m.fresh_eni = new_eni_id(&before, room(m));
    return Ok{};
}

std::string value(const WarmPool& m, std::string_view name) {
    const Node* n = room(m);
    if (n == nullptr) return {};
    const NodeStats st = node_stats(*n);
    const WarmConfig& w = m.config.warm;
    const long long slots = slots_per_eni(m.type);
    long long v = -1;
    if (name == "pods") v = desk_count(*n);
    if (name == "panels") v = st.enis;
    if (name == "maxpanels") v = st.max_enis;
    if (name == "slots") v = slots;
    if (name == "held") v = st.ips;
    if (name == "free") v = st.free_ips;
    if (name == "blocks") v = st.prefixes;
    if (name == "maxpods") v = st.max_pods;
    if (name == "need") v = w.warm_eni_target * slots;
    if (name == "threshold") v = (w.warm_eni_target + 1) * slots;
    WarmConfig copy = w;
    if (const int* setting = warm_setting(copy, name)) v = *setting;
    return number_value(v);
}

bool goal(const WarmPool& m, std::string_view goal) {
    const Node* n = room(m);
    if (n == nullptr) return false;
    if (goal == "two-panels") return desk_count(*n) == 1 && n->enis.size() == 2;
    if (goal == "lean") return m.config.warm.warm_ip_target > 0 && node_stats(*n).free_ips <= 2;
    if (goal == "panel-back")
        return std::any_of(m.cluster.events.begin(), m.cluster.events.end(),
                           [](const Event& e) { return e.kind == EventKind::DetachEni; });
    return false;
}

}  // namespace

const StepCalls<WarmPool>& step_calls(StepTag<WarmPool>) {
    static const StepCalls<WarmPool> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
