// phone_panel.cpp: step "phone-panel" (see phone_panel.h).
#include "steps/phone_panel.h"

#include "ipam.h"
#include "steps/campus.h"

namespace core {
namespace {

StepInfo info() {
    return {"phone-panel",
            desk_room_knobs(),
            {"pods", "panels", "maxpanels", "ips", "deskslots", "capacity", "maxpods"},
            {"mainext", "slots", "deskslots", "panelmain", "panels", "desks"},
            {"second-panel", "full-room"},
            kOpeningRoomType};
}

std::string value(const PhonePanel& m, std::string_view name) {
    const Node* n = room(m);
    long long v = room_number(m, name);
    if (name == "capacity") v = static_cast<long long>(m.type.max_enis) * slots_per_eni(m.type);
    if (name == "maxpods") v = n ? n->max_pods : ami_max_pods(m.type);
    return number_value(v);
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

}  // namespace

const StepCalls<PhonePanel>& step_calls(StepTag<PhonePanel>) {
    static const StepCalls<PhonePanel> calls{info(), open_simple<PhonePanel>,
                                             set_simple_knob<PhonePanel>, value, goal};
    return calls;
}

}  // namespace core
