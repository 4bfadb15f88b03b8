// choosing.cpp: step "choosing" (see choosing.h).
#include "steps/choosing.h"

#include <algorithm>

namespace core {
namespace {

constexpr Fix kPuzzleSymptom = Fix::SubnetDiscovery;  // a subnet out, room in the VPC

// The path of node ids from "start" to `target` (empty if unreachable).
bool path_to(const std::string& at, const std::string& target, std::vector<std::string>& path,
             std::vector<int>& picks) {
    path.push_back(at);
    if (at == target) return true;
    const GuideNode* n = find_guide_node(at);
    if (n != nullptr) {
        for (size_t i = 0; i < n->answers.size(); ++i) {
            picks.push_back(static_cast<int>(i));
            if (path_to(n->answers[i].next, target, path, picks)) return true;
            picks.pop_back();
        }
    }
    path.pop_back();
    return false;
}

void apply_outcome(Choosing& m);

// Builds the demo of the outcome at the end of the path (once per outcome).
void build_demo(Choosing& m, const Catalog& catalog) {
    const GuideNode& n = current_node(m);
    if (!n.outcome) {
        m.demo_for.clear();
        return;
    }
    if (m.demo_for == n.id) return;
    m.demo_for = n.id;
    m.applied = false;
    m.steps.clear();
    m.error.clear();
    Result<DemoCampus> c = build_problem(n.fix, catalog);
    if (!c) {
        m.error = c.error().message;
        m.before = m.after = DemoCampus{};
        m.figures.clear();
        return;
    }
    m.before = m.after = *c;
    m.figures = fix_figures(n.fix, m.before, m.before);
    if (m.apply_on_arrival) apply_outcome(m);
}

void apply_outcome(Choosing& m) {
    const GuideNode& n = current_node(m);
    if (!n.outcome || m.demo_for != n.id || m.applied) return;
    DemoCampus fixed = m.before;
    Result<std::vector<std::string>> r = apply_fix(fixed, n.fix);
    m.applied = true;
    if (!r) {
        m.error = r.error().message;  // IPv6 on a running cluster: the figures of a new one
        m.figures = fix_figures(n.fix, m.before, m.before);
        return;
    }
    m.after = std::move(fixed);
    m.steps = std::move(r).value();
    m.figures = fix_figures(n.fix, m.before, m.after);
}

void undo_outcome(Choosing& m) {
    const GuideNode& n = current_node(m);
    if (!n.outcome) return;
    m.applied = false;
    m.after = m.before;
    m.steps.clear();
    m.error.clear();
    m.figures = fix_figures(n.fix, m.before, m.before);
}

void try_fix(Choosing& m, int fix) {
    if (fix < 0 || fix >= kFixCount) return;
    m.tried = fix;
    m.tried_after = m.puzzle;
    m.tried_error.clear();
    Result<std::vector<std::string>> r = apply_fix(m.tried_after, static_cast<Fix>(fix));
    if (!r) m.tried_error = r.error().message;
    m.tried_figures = fix_figures(static_cast<Fix>(fix), m.puzzle, m.tried_after);
}

int fix_named(std::string_view name) {
    for (int f = 0; f < kFixCount; ++f) {
        if (fix_name(static_cast<Fix>(f)) == name) return f;
    }
    return -1;
}

std::vector<std::string_view> node_choices() {
    std::vector<std::string_view> out{"puzzle"};
    for (const GuideNode& n : decision_guide())
        out.push_back(n.id);
    return out;
}

std::vector<std::string_view> fix_choices() {
    std::vector<std::string_view> out{"none"};
    for (int f = 0; f < kFixCount; ++f)
        out.push_back(fix_name(static_cast<Fix>(f)));
    return out;
}

}  // namespace

void apply(Choosing& m, const ChoosingPress& press, const Catalog& catalog) {
    switch (press.kind) {
        case ChoosingPress::TryFix:
            try_fix(m, press.index);
            return;
        case ChoosingPress::Answer: {
            if (m.path.empty()) m.path.push_back(decision_guide().front().id);
            const GuideNode& n = current_node(m);
            if (press.index < 0 || static_cast<size_t>(press.index) >= n.answers.size()) return;
            m.path.push_back(n.answers[static_cast<size_t>(press.index)].next);
            m.picks.push_back(press.index);
            build_demo(m, catalog);
            return;
        }
        case ChoosingPress::Back:
            if (m.path.size() > 1) {
                m.path.pop_back();
                m.picks.pop_back();
            }
            build_demo(m, catalog);
            return;
        case ChoosingPress::Guide:
            m.path = {decision_guide().front().id};
            m.picks.clear();
            build_demo(m, catalog);
            return;
        case ChoosingPress::Puzzle:
            m.path.clear();
            m.picks.clear();
            return;
        case ChoosingPress::Apply:
            apply_outcome(m);
            return;
        case ChoosingPress::Undo:
            undo_outcome(m);
            return;
    }
}

const GuideNode& current_node(const Choosing& m) {
    const GuideNode* n = m.path.empty() ? nullptr : find_guide_node(m.path.back());
    return n != nullptr ? *n : decision_guide().front();
}

bool puzzle_shown(const Choosing& m) {
    return m.path.empty();
}

namespace {

StepInfo info() {
    return {"choosing",
            {{"node", KnobKind::Choice, 0, 0, node_choices()},
             {"applied", KnobKind::Switch, 0, 1, {}},
             {"tried", KnobKind::Choice, 0, 0, fix_choices()}},
            {"waiting", "running", "wanted", "cures", "fixes", "rooms", "free", "ask"},
            {"puzzle", "fixes", "guide", "outcome", "figures", "cost"},
            {"puzzle-cured"},
            ""};
}

void open(Choosing& m, const Catalog& catalog) {
    m = Choosing{};
    Result<DemoCampus> p = build_problem(kPuzzleSymptom, catalog);
    if (p) m.puzzle = std::move(p).value();
    for (int f = 0; f < kFixCount; ++f) {
        DemoCampus c = m.puzzle;
        m.cures.push_back(p.ok() && apply_fix(c, static_cast<Fix>(f)).ok() && all_pods_run(c));
    }
}

Status set_knob(Choosing& m, const Setting& s, const Catalog& catalog) {
    Status ok = check_setting(step_info<Choosing>(), s);
    if (!ok) return ok;
    if (s.name == "node") {
        if (s.text == "puzzle") {
            m.path.clear();
            m.picks.clear();
            return Ok{};
        }
        std::vector<std::string> path;
        std::vector<int> picks;
        if (!path_to(decision_guide().front().id, s.text, path, picks))
            return make_error("'" + s.text + "' cannot be reached in the guide");
        m.path = std::move(path);
        m.picks = std::move(picks);
        build_demo(m, catalog);
    } else if (s.name == "applied") {
        m.apply_on_arrival = s.number != 0;
        if (s.number != 0) {
            apply_outcome(m);
        } else {
            undo_outcome(m);
        }
    } else if (s.name == "tried") {
        if (s.text == "none") {
            m.tried = -1;
            m.tried_error.clear();
            m.tried_figures.clear();
        } else {
            try_fix(m, fix_named(s.text));
        }
    }
    return Ok{};
}

std::string value(const Choosing& m, std::string_view name) {
    long long v = -1;
    if (name == "waiting") v = waiting_pods(m.puzzle);
    if (name == "running") v = running_pods(m.puzzle);
    if (name == "wanted") {
        v = 0;
        for (int w : m.puzzle.wanted)
            v += w;
    }
    if (name == "cures") v = std::count(m.cures.begin(), m.cures.end(), true);
    if (name == "fixes") v = kFixCount;
    const std::vector<Node>& nodes = m.puzzle.cluster.nodes;
    if (name == "rooms") v = static_cast<long long>(nodes.size());
    if (!nodes.empty()) {
        const Subnet* home = find_subnet(m.puzzle.cluster.vpc, nodes.front().subnet_id);
        if (name == "free" && home != nullptr) v = static_cast<long long>(free_addresses(*home));
        // A new ENI asks for its own address and every slot at once (ipamd's createENI).
        if (name == "ask") v = nodes.front().type.ipv4_per_eni;
    }
    return number_value(v);
}

bool goal(const Choosing& m, std::string_view goal) {
    if (goal == "puzzle-cured")
        return m.tried >= 0 && m.tried_error.empty() && all_pods_run(m.tried_after);
    return false;
}

}  // namespace

const StepCalls<Choosing>& step_calls(StepTag<Choosing>) {
    static const StepCalls<Choosing> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
