// why_it_matters.cpp: step "why-it-matters" (see why_it_matters.h).
#include "steps/why_it_matters.h"

#include "steps/campus.h"

namespace core {
namespace {

struct CalleeName {
    Callee callee;
    const char* key;
};
constexpr CalleeName kCallees[] = {
    {Callee::SameNode, "same-room"},         {Callee::OtherNode, "other-room"},
    {Callee::OtherSubnet, "other-building"}, {Callee::Rds, "rds"},
    {Callee::ElastiCache, "elasticache"},    {Callee::Peered, "peered"},
    {Callee::Internet, "internet"},
};

struct ExcludeName {
    SnatExclude exclude;
    const char* key;
};
constexpr ExcludeName kExcludes[] = {
    {SnatExclude::None, "none"},
    {SnatExclude::Peered, "peered"},
    {SnatExclude::Internet, "internet"},
};

// Traces web-1's call as the model's settings stand.
void retrace(WhyItMatters& m) {
    const TrafficCampus& c = call_campus(m);
    if (c.pods.empty()) return;  // the campus could not be built: message says why
    SnatSettings snat;
    snat.external_snat = m.choice.external_snat;
    const std::string cidr = exclude_cidr(m, m.choice.exclude);
    if (!cidr.empty()) {
        Result<std::vector<Cidr>> list = parse_exclude_snat_cidrs(cidr);
        if (list) snat.exclude_cidrs = *list;
    }
    Result<TrafficPath> p = trace_call(c, c.pods.front().name, m.choice.callee, snat);
    if (p) {
        m.path = std::move(p).value();
        m.message.clear();
    } else {
        m.path = TrafficPath{};
        m.message = p.error().message;
    }
}

std::string ip(Ipv4 a) {
    return format_ipv4(a);
}

}  // namespace

void choose(WhyItMatters& m, const CallChoice& choice) {
    m.choice = choice;
    retrace(m);
}

void call(WhyItMatters& m, Callee callee) {
    CallChoice c = m.choice;
    c.callee = callee;
    choose(m, c);
}

const TrafficCampus& call_campus(const WhyItMatters& m) {
    return m.choice.own_groups ? m.campuses.vpc_own_groups : m.campuses.vpc;
}

std::string exclude_cidr(const WhyItMatters& m, SnatExclude exclude) {
    const std::vector<Cidr> choices = exclude_snat_choices(call_campus(m));
    if (exclude == SnatExclude::Peered && !choices.empty()) return format_cidr(choices[0]);
    if (exclude == SnatExclude::Internet && choices.size() > 1) return format_cidr(choices[1]);
    return {};
}

const char* callee_key(Callee callee) {
    for (const CalleeName& c : kCallees) {
        if (c.callee == callee) return c.key;
    }
    return "";
}

namespace {

StepInfo info() {
    return {"why-it-matters",
            {{"callee",
              KnobKind::Choice,
              0,
              0,
              {"same-room", "other-room", "other-building", "rds", "elasticache", "peered",
               "internet"}},
             {"externalsnat", KnobKind::Switch, 0, 1, {}},
             {"exclude", KnobKind::Choice, 0, 0, {"none", "peered", "internet"}},
             {"groups", KnobKind::Switch, 0, 1, {}},
             {"settings", KnobKind::Switch, 0, 1, {}}},
            {"caller", "own", "callee", "calleeip", "seen", "roomext", "public", "peer", "hops"},
            {"caller", "callee", "own", "seen", "room", "roomext", "panel", "network", "exchange",
             "public", "walkway", "settings", "peer"},
            {"swapped", "peer-sees-desk"},
            ""};
}

void open(WhyItMatters& m, const Catalog& catalog) {
    m = WhyItMatters{};
    if (!traffic_campuses(catalog, m.campuses, m.message)) return;
    retrace(m);
}

Status set_knob(WhyItMatters& m, const Setting& s, const Catalog&) {
    Status ok = check_setting(step_info<WhyItMatters>(), s);
    if (!ok) return ok;
    if (s.name == "settings") {
        m.show_settings = s.number != 0;
        return Ok{};
    }
    CallChoice c = m.choice;
    if (s.name == "callee") {
        for (const CalleeName& n : kCallees) {
            if (s.text == n.key) c.callee = n.callee;
        }
    } else if (s.name == "exclude") {
        for (const ExcludeName& e : kExcludes) {
            if (s.text == e.key) c.exclude = e.exclude;
        }
    } else if (s.name == "externalsnat") {
        c.external_snat = s.number != 0;
    } else {
        c.own_groups = s.number != 0;
    }
    choose(m, c);
    return Ok{};
}

std::string value(const WhyItMatters& m, std::string_view name) {
    const TrafficCampus& c = call_campus(m);
    if (c.pods.empty() || m.path.hops.empty()) return {};
    if (name == "caller") return m.path.caller;
    if (name == "own") return ip(m.path.caller_ip);
    if (name == "callee") return m.path.callee_name;
    if (name == "calleeip") return ip(m.path.callee_ip);
    if (name == "seen") return ip(m.path.seen_source);
    if (name == "roomext") {
        const Node* n = find_node(c.cluster, c.pods.front().node);
        return n != nullptr && !n->enis.empty() ? ip(n->enis.front().primary_ip) : std::string();
    }
    if (name == "public") return ip(c.nat_public_ip);
    if (name == "peer") return format_cidr(c.peer_cidr);
    if (name == "hops") return std::to_string(m.path.hops.size());
    return {};
}

bool goal(const WhyItMatters& m, std::string_view goal) {
    if (m.path.hops.empty()) return false;
    const bool own = m.path.seen_source == m.path.caller_ip;
    if (goal == "swapped") return !own;
    if (goal == "peer-sees-desk") return m.choice.callee == Callee::Peered && own;
    return false;
}

}  // namespace

const StepCalls<WhyItMatters>& step_calls(StepTag<WhyItMatters>) {
    static const StepCalls<WhyItMatters> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
