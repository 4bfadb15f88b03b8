// phone_panel.cpp: step "phone-panel" (see phone_panel.h).
#include "steps/phone_panel.h"

#include "ipam.h"
#include "steps/campus.h"

namespace core {
namespace {

void open(PhonePanel& m, const Catalog& catalog) {
    open_simple_room(m, catalog);
}

Status set_knob(PhonePanel& m, const Setting& s, const Catalog& catalog) {
    return set_room_knob(m, step_info<PhonePanel>(), s, catalog);
}

std::string value(const PhonePanel& m, std::string_view name) {
    const Node* n = room(m);
    long long v = room_number(m, name);
    if (name == "capacity") v = static_cast<long long>(m.type.max_enis) * slots_per_eni(m.type);
    if (name == "maxpods") v = n ? n->max_pods : ami_max_pods(m.type);
    return v < 0 ? std::string() : std::to_string(v);
}

bool goal(const PhonePanel& m, std::string_view goal) {
    const Node* n = room(m);
    if (n == nullptr) return false;
    if (goal == "second-panel") return n->enis.size() >= 2;
    if (goal == "full-room")
        return static_cast<long long>(n->pods.size()) >=
               static_cast<long long>(m.type.max_enis) * slots_per_eni(m.type);
    return false;
}

StepInfo info() {
    return {"phone-panel",
            desk_room_knobs(),
            {"pods", "panels", "maxpanels", "ips", "deskslots", "capacity", "maxpods"},
            {"mainext", "slots", "deskslots", "panelmain", "panels", "desks"},
            {"second-panel", "full-room"},
            kOpeningRoomType};
}

}  // namespace

const StepCalls<PhonePanel>& step_calls(StepTag<PhonePanel>) {
    static const StepCalls<PhonePanel> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
