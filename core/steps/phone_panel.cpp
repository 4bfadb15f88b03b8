// phone_panel.cpp: step "phone-panel" (see phone_panel.h).
#include "steps/phone_panel.h"

#include "ipam.h"
#include "steps/campus.h"

namespace core {
namespace {

constexpr const char* kFirstType = "t3.small";
constexpr int kMaxDesks = 250;

// The simple picture: another panel when the attached ones are full. WARM_IP_TARGET=1
// keeps just one address ready, so ipamd asks for the next panel as the last slot is taken
// (with WARM_ENI_TARGET=0 alone the real ipamd attaches and detaches a spare ENI in a loop).
NodeConfig simple_config() {
    NodeConfig c;
    c.warm.warm_eni_target = 0;
    c.warm.warm_ip_target = 1;
    return c;
}

// Rebuilds the room of the model's type with `pods` desks.
void rebuild(PhonePanel& m, int pods) {
    m.message.clear();
    m.fresh_eni.clear();
    Result<Cluster> c = one_room(m.type, simple_config(), pods);
    if (c) {
        m.cluster = std::move(c).value();
    } else {
        m.cluster = Cluster{};
        m.message = c.error().message;
    }
}

int desks(const Node& n) {
    return static_cast<int>(n.pods.size() + n.pending.size());
}

}  // namespace

const StepInfo& phone_panel_info() {
    static const StepInfo info{
        "phone-panel",
        {{"type", KnobKind::Choice, 0, 0, {}}, {"pods", KnobKind::Number, 0, kMaxDesks, {}}},
        {"pods", "panels", "maxpanels", "ips", "deskslots", "capacity", "maxpods"},
        {"mainext", "slots", "deskslots", "panelmain", "panels", "desks"},
        {"second-panel", "full-room"}};
    return info;
}

PhonePanel make_phone_panel(const Catalog& catalog) {
    PhonePanel m;
    reset(m, catalog);
    return m;
}

void reset(PhonePanel& m, const Catalog& catalog) {
    m.type = catalog_type(catalog, kFirstType);
    rebuild(m, 0);
}

Status set(PhonePanel& m, const Setting& s, const Catalog& catalog) {
    Status ok = check_setting(phone_panel_info(), s);
    if (!ok) return ok;
    if (s.name == "type") {
        Result<const InstanceType*> t = find_instance_type(catalog, s.text);
        if (!t) return t.error();
        m.type = **t;
        rebuild(m, 0);
    } else {
        rebuild(m, static_cast<int>(s.number));
    }
    return Ok{};
}

void apply(PhonePanel& m, PhonePanelAction action) {
    const Node* n = room(m);
    if (n == nullptr || action == PhonePanelAction::StartOver) {
        rebuild(m, 0);
        return;
    }
    const Node before = *n;
    m.message.clear();
    m.fresh_eni.clear();
    if (action == PhonePanelAction::AddDesk) {
        Result<Pod> p = add_pod(m.cluster, kOneRoomNode);
        if (!p) m.message = p.error().message;
    } else {
        std::string name;
        if (!n->pending.empty()) {
            name = n->pending.back().name;
        } else if (!n->pods.empty()) {
            name = n->pods.back().name;
        }
        if (!name.empty()) {
            Status st = remove_pod(m.cluster, kOneRoomNode, name);
            if (!st) m.message = st.error().message;
        }
    }
    m.fresh_eni = new_eni_id(&before, room(m));
}

const Node* room(const PhonePanel& m) {
    return find_node(m.cluster, kOneRoomNode);
}

std::string phone_panel_value(const PhonePanel& m, std::string_view name) {
    const Node* n = room(m);
    const int slots = slots_per_eni(m.type);
    long long v = -1;
    if (name == "pods") v = n ? desks(*n) : 0;
    if (name == "panels") v = n ? static_cast<long long>(n->enis.size()) : 0;
    if (name == "maxpanels") v = m.type.max_enis;
    if (name == "ips") v = m.type.ipv4_per_eni;
    if (name == "deskslots") v = slots;
    if (name == "capacity") v = static_cast<long long>(m.type.max_enis) * slots;
    if (name == "maxpods") v = n ? n->max_pods : ami_max_pods(m.type);
    return v < 0 ? std::string() : std::to_string(v);
}

bool goal_met(const PhonePanel& m, std::string_view goal) {
    const Node* n = room(m);
    if (n == nullptr) return false;
    if (goal == "second-panel") return n->enis.size() >= 2;
    if (goal == "full-room")
        return static_cast<long long>(n->pods.size()) >=
               static_cast<long long>(m.type.max_enis) * slots_per_eni(m.type);
    return false;
}

}  // namespace core
