// big_picture.cpp: step "big-picture" (see big_picture.h).
#include "steps/big_picture.h"

#include <algorithm>

#include "steps/campus.h"

namespace core {
namespace {

constexpr int kMaxHop = 9;

Result<BigPictureSide> side(TrafficCampus campus) {
    BigPictureSide s;
    s.campus = std::move(campus);
    if (s.campus.pods.empty()) return make_error("The example {campus} has no {desks}.");
    const std::string caller = s.campus.pods.front().name;
    Result<TrafficPath> desk = trace_call(s.campus, caller, Callee::OtherNode);
    if (!desk) return desk.error();
    Result<TrafficPath> db = trace_call(s.campus, caller, Callee::Rds);
    if (!db) return db.error();
    s.to_desk = std::move(desk).value();
    s.to_database = std::move(db).value();
    return s;
}

std::string ip(Ipv4 a) {
    return format_ipv4(a);
}

int hops_of(const TrafficPath& p) {
    return static_cast<int>(p.hops.size());
}

}  // namespace

void apply(BigPicture& m, BigPictureAction action) {
    switch (action) {
        case BigPictureAction::Step:
            m.hop = std::min(m.hop + 1, last_hop(m));
            break;
        case BigPictureAction::StepBack:
            m.hop = std::max(m.hop - 1, 0);
            break;
        case BigPictureAction::StartOver:
            m.hop = 0;
            break;
        case BigPictureAction::CallDesk:
            m.call = BigPictureCall::ToDesk;
            m.hop = 0;
            break;
        case BigPictureAction::CallDatabase:
            m.call = BigPictureCall::ToDatabase;
            m.hop = 0;
            break;
    }
}

const TrafficPath& shown_call(const BigPicture& m, const BigPictureSide& side) {
    return m.call == BigPictureCall::ToDesk ? side.to_desk : side.to_database;
}

int last_hop(const BigPicture& m) {
    const int n = std::max(hops_of(shown_call(m, m.overlay)), hops_of(shown_call(m, m.vpc)));
    return std::max(n - 1, 0);
}

bool arrived(const BigPicture& m) {
    return m.message.empty() && m.hop >= last_hop(m);
}

int side_hop(const BigPicture& m, const BigPictureSide& side) {
    return std::min(m.hop, std::max(hops_of(shown_call(m, side)) - 1, 0));
}

namespace {

StepInfo info() {
    return {"big-picture",
            {{"call", KnobKind::Choice, 0, 0, {"desk", "database"}},
             {"hop", KnobKind::Number, 0, kMaxHop, {}}},
            {"hop", "hops", "caller", "callee", "overlaydesk", "overlayrange", "overlayroom",
             "vpcdesk", "vpcbuilding", "overlayseen", "vpcseen"},
            {"overlay", "vpc", "desks", "caller", "callee", "switchboard", "panels", "network",
             "database", "overlaydesk", "overlayrange", "overlayroom", "vpcdesk", "vpcbuilding",
             "overlayseen", "vpcseen"},
            {"desk-call-arrived", "database-call-arrived"},
            ""};
}

void open(BigPicture& m, const Catalog& catalog) {
    m = BigPicture{};
    TrafficCampuses t;
    if (!traffic_campuses(catalog, t, m.message)) return;
    Result<BigPictureSide> overlay = side(std::move(t.overlay));
    Result<BigPictureSide> vpc = side(std::move(t.vpc));
    if (!overlay || !vpc) {
        m.message = (!overlay ? overlay.error() : vpc.error()).message;
        return;
    }
    m.overlay = std::move(overlay).value();
    m.vpc = std::move(vpc).value();
}

Status set_knob(BigPicture& m, const Setting& s, const Catalog&) {
    Status ok = check_setting(step_info<BigPicture>(), s);
    if (!ok) return ok;
    if (s.name == "call") {
        apply(m, s.text == "desk" ? BigPictureAction::CallDesk : BigPictureAction::CallDatabase);
        return Ok{};
    }
    const int hop = static_cast<int>(s.number);
    if (hop > last_hop(m))
        return make_error("This call has " + std::to_string(last_hop(m) + 1) + " hops (0 to " +
                          std::to_string(last_hop(m)) + "); there is no hop " +
                          std::to_string(hop) + ".");
    m.hop = hop;
    return Ok{};
}

std::string value(const BigPicture& m, std::string_view name) {
    if (!m.message.empty() || m.vpc.campus.pods.empty() || m.overlay.campus.pods.empty()) return {};
    const TrafficPath& ov = shown_call(m, m.overlay);
    const TrafficPath& vp = shown_call(m, m.vpc);
    if (name == "hop") return std::to_string(m.hop + 1);
    if (name == "hops") return std::to_string(last_hop(m) + 1);
    if (name == "caller") return vp.caller;
    if (name == "callee") return vp.callee_name;
    if (name == "overlaydesk") return ip(ov.caller_ip);
    if (name == "overlayrange") return format_cidr(m.overlay.campus.overlay_range);
    if (name == "overlayroom") {
        const Node* n = find_node(m.overlay.campus.cluster, m.overlay.campus.pods.front().node);
        return n != nullptr && !n->enis.empty() ? ip(n->enis.front().primary_ip) : std::string();
    }
    if (name == "vpcdesk") return ip(vp.caller_ip);
    if (name == "vpcbuilding") {
        const Subnet* s =
            find_subnet(m.vpc.campus.cluster.vpc, m.vpc.campus.pods.front().subnet_id);
        return s != nullptr ? format_cidr(s->cidr) : std::string();
    }
    if (name == "overlayseen") return ip(ov.seen_source);
    if (name == "vpcseen") return ip(vp.seen_source);
    return {};
}

bool goal(const BigPicture& m, std::string_view goal) {
    if (goal == "desk-call-arrived") return m.call == BigPictureCall::ToDesk && arrived(m);
    if (goal == "database-call-arrived") return m.call == BigPictureCall::ToDatabase && arrived(m);
    return false;
}

}  // namespace

const StepCalls<BigPicture>& step_calls(StepTag<BigPicture>) {
    static const StepCalls<BigPicture> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
