// the_rules.cpp: step "the-rules" (see the_rules.h).
#include "steps/the_rules.h"

#include "ipam.h"

namespace core {
namespace {

StepInfo info() {
    return {"the-rules",
            desk_room_knobs(),
            {"pods", "panels", "maxpanels", "ips", "allslots", "lost", "deskslots", "capacity"},
            {"mainext", "panelmain", "slots", "deskslots", "panels", "desks"},
            {"full-room", "more-panels"},
            kOpeningRoomType};
}

std::string value(const TheRules& m, std::string_view name) {
    const long long panels = m.type.max_enis;
    long long v = room_number(m, name);
    if (name == "allslots") v = panels * m.type.ipv4_per_eni;
    if (name == "lost") v = panels;
    if (name == "capacity") v = address_capacity(m.type, m.config);
    return number_value(v);
}

bool goal(const TheRules& m, std::string_view goal) {
    const Node* n = room(m);
    if (n == nullptr) return false;
    if (goal == "full-room")
        return static_cast<long long>(n->pods.size()) >= address_capacity(m.type, m.config);
    if (goal == "more-panels") return m.type.max_enis > 3;
    return false;
}

}  // namespace

const StepCalls<TheRules>& step_calls(StepTag<TheRules>) {
    static const StepCalls<TheRules> calls{info(), open_simple<TheRules>, set_simple_knob<TheRules>,
                                           value, goal};
    return calls;
}

}  // namespace core
