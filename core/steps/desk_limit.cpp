// desk_limit.cpp: step "desk-limit" (see desk_limit.h).
#include "steps/desk_limit.h"

#include <cmath>

#include "capacity.h"
#include "ipam.h"

namespace core {
namespace {

long long percent(double fraction) {
    return std::llround(fraction * 100.0);
}

// Refills the room: as many desks as its addresses allow, and once the step looks at CPU
// and memory (m.compute), as many as those allow too. Before that the room shows the
// formula's count: every pod address taken.
void refill(DeskLimit& m) {
    const long long addresses = address_capacity(m.type, m.config);
    Result<ComputeUse> full = compute_use(m.type, addresses, m.cpu_millis, m.memory_mib);
    m.limit = full ? first_limit(*full, addresses) : PodLimit::Unknown;
    const long long placed = full && m.compute ? pods_that_fit(*full, addresses) : addresses;
    Result<ComputeUse> use = compute_use(m.type, placed, m.cpu_millis, m.memory_mib);
    m.use = use ? *use : ComputeUse{};
    rebuild_room(m, static_cast<int>(placed));
}

}  // namespace

namespace {

StepInfo info() {
    return {"desk-limit",
            {{"type", KnobKind::Choice, 0, 0, {}},
             {"cpu", KnobKind::Number, kDeskCpuMin, kDeskCpuMax, {}},
             {"memory", KnobKind::Number, kDeskMemoryMin, kDeskMemoryMax, {}},
             {"exact", KnobKind::Switch, 0, 1, {}},
             {"compute", KnobKind::Switch, 0, 1, {}}},
            {"panels", "ips", "allslots", "lost", "capacity", "maxpods", "hostdesks", "cpu",
             "memory", "placed", "cpupct", "mempct", "freeexts"},
            {"panels", "slots", "panelmain", "hostdesks", "desks", "cpu", "memory"},
            {"over-50", "cpu-first"},
            kOpeningRoomType};
}

void open(DeskLimit& m, const Catalog& catalog) {
    m.cpu_millis = 100;
    m.memory_mib = 128;
    m.exact = false;
    m.compute = false;
    open_simple_room(m, catalog);
    refill(m);
}

Status set_knob(DeskLimit& m, const Setting& s, const Catalog& catalog) {
    Status ok = check_setting(step_info<DeskLimit>(), s);
    if (!ok) return ok;
    if (s.name == "type") {
        ok = choose_type(m, catalog, s.text, 0);
        if (!ok) return ok;
    } else if (s.name == "cpu") {
        m.cpu_millis = static_cast<int>(s.number);
    } else if (s.name == "memory") {
        m.memory_mib = static_cast<int>(s.number);
    } else if (s.name == "exact") {
        m.exact = s.number != 0;
        return Ok{};
    } else {
        m.compute = s.number != 0;  // the room refills: CPU and memory now count, or not
    }
    refill(m);
    return Ok{};
}

std::string value(const DeskLimit& m, std::string_view name) {
    const long long panels = m.type.max_enis;
    const long long capacity = address_capacity(m.type, m.config);
    const Node* n = room(m);
    const long long placed = n ? desk_count(*n) : 0;
    long long v = -1;
    if (name == "panels" || name == "lost") v = panels;
    if (name == "ips") v = m.type.ipv4_per_eni;
    if (name == "allslots") v = panels * m.type.ipv4_per_eni;
    if (name == "capacity") v = capacity;
    if (name == "maxpods") v = ami_max_pods(m.type);
    if (name == "hostdesks") v = kHostNetworkPods;
    if (name == "cpu") v = m.cpu_millis;
    if (name == "memory") v = m.memory_mib;
    if (name == "placed") v = placed;
    if (name == "freeexts") v = capacity - placed;
    if (m.use.known && name == "cpupct") v = percent(m.use.cpu_fraction);
    if (m.use.known && name == "mempct") v = percent(m.use.memory_fraction);
    return number_value(v);
}

bool goal(const DeskLimit& m, std::string_view goal) {
    if (goal == "over-50") return address_capacity(m.type, m.config) > 50;
    if (goal == "cpu-first") return m.limit == PodLimit::Cpu;
    return false;
}

}  // namespace

const StepCalls<DeskLimit>& step_calls(StepTag<DeskLimit>) {
    static const StepCalls<DeskLimit> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
