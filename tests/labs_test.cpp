// labs_test.cpp: the incident labs. Every shipped lab is broken at the start, its reference
// fix heals it in the model and each decoy does not; the symptoms follow the campus's state;
// fixes land as on a real cluster (aws-node's settings at once, launch-template and CNI
// settings only on new nodes); a bad labs file is refused with the field named.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cluster.h"
#include "json_read.h"
#include "labs.h"
#include "test_support.h"
#include "vpc.h"

namespace {

const core::Labs& shipped() {
    static const core::Labs labs = [] {
        core::Result<core::Labs> r =
            core::load_labs(read_source_file("assets/labs.json"), test_catalog(), &test_lessons());
        if (!r) throw std::runtime_error(r.error().message);
        return std::move(r).value();
    }();
    return labs;
}

const core::Lab& lab(const char* id) {
    const int i = core::find_lab(shipped(), id);
    if (i < 0) throw std::runtime_error(std::string("no lab ") + id);
    return shipped().labs[static_cast<size_t>(i)];
}

core::LabCheck check(const core::Lab& l, const std::vector<std::string>& ids) {
    core::Result<core::LabCheck> c = core::check_lab(l, ids, test_catalog());
    if (!c) throw std::runtime_error(c.error().message);
    return std::move(c).value();
}

std::vector<core::Symptom> of_kind(const core::LabCampus& c, core::SymptomKind kind) {
    std::vector<core::Symptom> out;
    for (const core::Symptom& s : core::lab_symptoms(c)) {
        if (s.kind == kind) out.push_back(s);
    }
    return out;
}

core::LabCampus start(const core::Lab& l) {
    core::Result<core::LabCampus> c = core::start_lab(l, test_catalog());
    if (!c) throw std::runtime_error(c.error().message);
    return std::move(c).value();
}

// The shipped file with one piece of text replaced (to break it on purpose).
std::string labs_with(const std::string& from, const std::string& to) {
    std::string text = read_source_file("assets/labs.json");
    const size_t at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("not in labs.json: " + from);
    return text.replace(at, from.size(), to);
}

std::string load_error(const std::string& text) {
    core::Result<core::Labs> r = core::load_labs(text, test_catalog(), &test_lessons());
    return r ? std::string() : r.error().message;
}

}  // namespace

TEST_CASE("labs: at least six, each broken at the start, healed by its reference only") {
    REQUIRE(shipped().labs.size() >= 6);
    for (const core::Lab& l : shipped().labs) {
        CAPTURE(l.id);
        const core::LabCampus c = start(l);
        CHECK(core::check_invariants(c.cluster));
        CHECK_FALSE(core::judge(l, c, 0).solved);
        const core::LabCheck ref = check(l, l.reference);
        CHECK(ref.solved);
        CHECK(ref.refused.empty());
        CHECK(has(ref.reason, "Healthy"));
        CHECK(ref.after.running == ref.after.wanted);
        CHECK(core::check_invariants(ref.after_campus.cluster));
        REQUIRE_FALSE(l.decoys.empty());
        for (const std::vector<std::string>& d : l.decoys) {
            const core::LabCheck c2 = check(l, d);
            CAPTURE(d.front());
            CHECK_FALSE(c2.solved);
            CHECK_FALSE(c2.reason.empty());
            CHECK(core::check_invariants(c2.after_campus.cluster));
        }
        CHECK(core::verify_lab(l, test_catalog()).empty());
    }
}

TEST_CASE("labs: every single fix keeps the pods accounted for and the model's rules") {
    for (const core::Lab& l : shipped().labs) {
        for (const core::LabFix& f : l.fixes) {
            CAPTURE(l.id);
            CAPTURE(f.id);
            const core::LabCheck c = check(l, {f.id});
            CHECK(c.after.wanted == c.after.running + c.after.waiting + c.after.pending);
            CHECK(c.before.wanted == c.after.wanted);
            CHECK(core::check_invariants(c.after_campus.cluster));
        }
    }
}

TEST_CASE("idle-but-full: prefix delegation alone leaves max-pods at 11; max-pods alone waits") {
    const core::Lab& l = lab("idle-but-full");
    const core::LabCheck none = check(l, {});
    CHECK(none.before == core::PodCounts{45, 27, 0, 18});
    const core::LabCheck pd = check(l, {"pd", "replace"});
    CHECK(pd.after.pending == 18);
    for (const core::Node& n : pd.after_campus.cluster.nodes) {
        CHECK(n.max_pods == 11);
        CHECK(core::address_capacity(n) == 3 * 3 * 16);
    }
    const core::LabCheck mp = check(l, {"max-pods", "replace"});
    CHECK(mp.after.waiting == 18);
    CHECK(mp.after.pending == 0);
    const core::LabCheck ref = check(l, {"replace", "max-pods", "pd"});  // any order
    CHECK(ref.solved);
    CHECK(ref.applied == std::vector<std::string>{"pd", "max-pods", "replace"});
    // Without replacing the nodes nothing reaches them.
    const core::LabCheck no_replace = check(l, {"pd", "max-pods"});
    CHECK(no_replace.after == none.before);
    // A bigger type is a fix too (and costs money, which the cost says).
    CHECK(check(l, {"m5-large"}).solved);
    const core::LabCampus c = start(l);
    const core::LabCost cost = core::fix_cost(c, l.fixes[5], test_catalog());
    CHECK(cost.nodes_replaced == 3);
    CHECK(has(cost.compute_before, "3 x t3.small (2 vCPUs, 2 GiB each)"));
    CHECK(has(cost.compute_after, "3 x m5.large (2 vCPUs, 8 GiB each)"));
}

TEST_CASE(
    "hoarding-warm-pool: WARM_IP_TARGET frees the building; a tagged subnet needs new nodes") {
    const core::Lab& l = lab("hoarding-warm-pool");
    const core::LabCampus c = start(l);
    const core::Subnet* a = core::find_subnet(c.cluster.vpc, "subnet-a");
    REQUIRE(a != nullptr);
    CHECK(core::free_addresses(*a) < 20);
    const core::LabCheck warm = check(l, {"warm-ip"});
    CHECK(warm.solved);
    for (const core::Node& n : warm.after_campus.cluster.nodes)
        CHECK(n.config.warm.warm_ip_target == 2);  // every running node, no replacement
    // The tagged subnet takes new ENIs only: the running nodes keep what they hoard.
    CHECK_FALSE(check(l, {"tagged-subnet"}).solved);
    CHECK(check(l, {"tagged-subnet", "replace"}).solved);
}

TEST_CASE("plenty-free-no-block: a reservation frees nothing in use; a tagged subnet does") {
    const core::Lab& l = lab("plenty-free-no-block");
    const core::LabCampus c = start(l);
    const core::Subnet* a = core::find_subnet(c.cluster.vpc, "subnet-a");
    REQUIRE(a != nullptr);
    CHECK(core::free_aligned_prefixes(*a) == 0);
    CHECK(core::free_addresses(*a) > 100);
    const core::LabCheck r = check(l, {"reservation"});
    const core::Subnet* after = core::find_subnet(r.after_campus.cluster.vpc, "subnet-a");
    REQUIRE(after != nullptr);
    REQUIRE(after->prefix_reservation.has_value());
    CHECK(core::free_addresses(*after) == core::free_addresses(*a));
    CHECK(r.after.waiting == 24);
    const core::LabCheck fresh = check(l, {"fresh-subnet"});
    CHECK(fresh.solved);
    bool in_b = false;
    for (const core::Eni& e : fresh.after_campus.cluster.nodes.front().enis)
        in_b = in_b || e.subnet_id == "subnet-b";
    CHECK(in_b);
}

TEST_CASE("custom-networking-did-nothing: the setting is there, the old nodes do not use it") {
    const core::Lab& l = lab("custom-networking-did-nothing");
    const core::LabCampus c = start(l);
    CHECK(c.groups.front().configured.custom_networking);
    for (const core::Node& n : c.cluster.nodes)
        CHECK_FALSE(n.config.custom_networking);
    CHECK(of_kind(c, core::SymptomKind::StaleNode).size() == 3);
    const core::LabCheck again = check(l, {"custom-networking"});
    CHECK(again.after == again.before);
    const core::LabCheck ref = check(l, {"replace"});
    CHECK(ref.solved);
    CHECK(of_kind(ref.after_campus, core::SymptomKind::StaleNode).empty());
    for (const core::Node& n : ref.after_campus.cluster.nodes) {
        CHECK(n.config.custom_networking);
        CHECK(n.name != "payments-1");  // new nodes
    }
}

TEST_CASE("too-many-desks-promised: 29 admitted, 18 addresses; pods in ContainerCreating stay") {
    const core::Lab& l = lab("too-many-desks-promised");
    const core::LabCampus c = start(l);
    for (const core::Node& n : c.cluster.nodes) {
        CHECK(n.max_pods == 29);
        CHECK(core::address_capacity(n) == 18);
    }
    // A third node gets none of the pods already bound to the first two.
    CHECK(check(l, {"scale-3"}).after.waiting == 14);
    // max-pods 20 keeps the promise, but 14 pods then find no node.
    const core::LabCheck mp = check(l, {"max-pods-20", "replace"});
    CHECK(mp.after.pending == 14);
    CHECK(mp.after.waiting == 0);
    CHECK(check(l, {"max-pods-20", "scale-3", "replace"}).solved);
}

TEST_CASE(
    "campus-full: a subnet outside the VPC is refused; the secondary CIDR alone does nothing") {
    const core::Lab& l = lab("campus-full");
    const core::LabCheck out = check(l, {"subnet-in-vpc"});
    REQUIRE(out.refused.size() == 1);
    CHECK(has(out.refused.front(), "lies outside the campus"));
    CHECK(has(out.reason, "could not be made: "));
    CHECK(out.reason.rfind("The change \"", 0) == 0);  // named by its label, not its id
    CHECK(!has(out.reason, "subnet-in-vpc"));
    const core::LabCheck cidr = check(l, {"secondary-cidr", "pod-subnet"});
    CHECK(cidr.after == cidr.before);
    CHECK(check(l, l.reference).solved);
}

TEST_CASE("labs: a refused fix leaves the campus as it was") {
    const core::Lab& l = lab("campus-full");
    core::LabCampus c = start(l);
    const core::LabCampus before = c;
    const core::LabFix* cn = nullptr;
    for (const core::LabFix& f : l.fixes) {
        if (f.id == "custom-networking") cn = &f;
    }
    REQUIRE(cn != nullptr);
    const core::Status st = core::apply_fix(c, *cn, test_catalog());
    REQUIRE_FALSE(st);
    CHECK(has(st.error().message, "subnet-pods-a"));
    CHECK(c.cluster == before.cluster);
    CHECK(c.applied == before.applied);
    CHECK(c.groups.front().configured == before.groups.front().configured);
}

TEST_CASE("labs: symptoms come from the campus's state and follow a change of scenario") {
    core::Lab l = lab("idle-but-full");
    std::vector<core::Symptom> pending = of_kind(start(l), core::SymptomKind::Unschedulable);
    REQUIRE(pending.size() == 1);
    CHECK(pending.front().count == 18);
    CHECK(has(pending.front().aws, "0/3 nodes are available: 3 Too many pods."));
    CHECK(has(pending.front().aws, "FailedScheduling"));
    l.campus.pods.front().count = 27;  // exactly what three t3.small nodes admit
    CHECK(of_kind(start(l), core::SymptomKind::Unschedulable).empty());
    l.campus.node_groups.front().count = 2;  // now 9 stay Pending on 2 nodes
    pending = of_kind(start(l), core::SymptomKind::Unschedulable);
    REQUIRE(pending.size() == 1);
    CHECK(pending.front().count == 9);
    CHECK(has(pending.front().aws, "0/2 nodes are available: 2 Too many pods."));

    core::Lab frag = lab("plenty-free-no-block");
    std::vector<core::Symptom> ec2 = of_kind(start(frag), core::SymptomKind::Ec2Error);
    REQUIRE(ec2.size() == 1);
    CHECK(ec2.front().code == "InsufficientCidrBlocks");
    CHECK(has(ec2.front().aws, "Consider using new subnet or carve a reserved range"));
    std::vector<core::Symptom> sandbox = of_kind(start(frag), core::SymptomKind::SandboxFailed);
    REQUIRE(sandbox.size() == 1);
    CHECK(has(sandbox.front().aws, "add cmd: failed to assign an IP address to container"));
    frag.campus.other_addresses.clear();  // no Lambda singles: whole /28 blocks again
    CHECK(of_kind(start(frag), core::SymptomKind::Ec2Error).empty());
    CHECK(of_kind(start(frag), core::SymptomKind::SandboxFailed).empty());

    core::Lab hoard = lab("hoarding-warm-pool");
    const core::Symptom a = of_kind(start(hoard), core::SymptomKind::SubnetFree).front();
    // Fewer other holders: ipamd's spare ENIs take what they leave (the hoarding itself).
    hoard.campus.other_addresses.front().count -= 10;
    CHECK(of_kind(start(hoard), core::SymptomKind::SubnetFree).front().count == a.count);
    hoard.campus.subnets.front().cidr = "10.0.0.0/23";  // a bigger building: the pool is full
    const core::Symptom b = of_kind(start(hoard), core::SymptomKind::SubnetFree).front();
    CHECK(a.subject == "subnet-a");
    CHECK(has(a.aws, "AvailableIpAddressCount " + std::to_string(a.count) + " of 251"));
    CHECK(b.count > 200);
    CHECK(has(b.aws, "AvailableIpAddressCount " + std::to_string(b.count) + " of 507"));
}

TEST_CASE("labs: symptoms, fixes, costs and the pager read in both vocabularies") {
    for (const core::Lab& l : shipped().labs) {
        CAPTURE(l.id);
        const core::LabCampus c = start(l);
        const std::string pager = core::lab_pager(l, c);
        CHECK(pager.find('$') == std::string::npos);
        for (core::Terms t : {core::Terms::Analogy, core::Terms::Aws}) {
            CHECK(core::render_terms(test_lessons(), pager, t).find('{') == std::string::npos);
            for (const core::Symptom& s : core::lab_symptoms(c)) {
                const std::string text = core::symptom_text(s, test_lessons(), t);
                CHECK_FALSE(text.empty());
                CHECK(text.find('{') == std::string::npos);
            }
            for (const core::LabFix& f : l.fixes) {
                const core::FixWords w = core::fix_words(f);
                CHECK(core::render_terms(test_lessons(), w.label, t).find('{') ==
                      std::string::npos);
                for (const std::string& line : core::fix_cost(c, f, test_catalog()).lines)
                    CHECK(core::render_terms(test_lessons(), line, t).find('{') ==
                          std::string::npos);
            }
        }
        const std::vector<std::string> working = core::reference_working(l, test_catalog());
        REQUIRE(working.size() >= 3);
        CHECK(has(working.front(), "Before:"));
        CHECK(has(working.back(), "Healthy"));
    }
    // Campus words name no AWS error code in the pod lines; AWS words quote them.
    const core::LabCampus frag = start(lab("plenty-free-no-block"));
    const core::Symptom s = of_kind(frag, core::SymptomKind::SandboxFailed).front();
    CHECK_FALSE(has(core::symptom_text(s, test_lessons(), core::Terms::Analogy), "aws-cni"));
    CHECK(has(core::symptom_text(s, test_lessons(), core::Terms::Aws), "aws-cni"));
}

TEST_CASE("labs: unknown or repeated fix ids are refused with the known ones") {
    const core::Lab& l = lab("idle-but-full");
    core::Result<core::LabCheck> bad = core::check_lab(l, {"pd", "nope"}, test_catalog());
    REQUIRE_FALSE(bad);
    CHECK(has(bad.error().message, "has no fix 'nope'; its fixes: pd, warm-ip, max-pods"));
    core::Result<core::LabCheck> twice = core::check_lab(l, {"pd", "pd"}, test_catalog());
    REQUIRE_FALSE(twice);
    CHECK(has(twice.error().message, "given twice"));
    CHECK(core::check_lab(l, std::vector<std::string>(4, "pd"), test_catalog()).ok() == false);
    // Over the budget: the goal says so even when the pods run.
    core::Lab small = l;
    small.goal.budget = 1;
    CHECK_FALSE(check(small, {"m5-large", "warm-ip"}).solved);
    CHECK(has(check(small, {"m5-large", "warm-ip"}).reason, "this incident allows 1"));
}

TEST_CASE("labs: reserve_prefixes keeps what is in use and takes one reservation") {
    core::Result<core::Vpc> made = core::make_vpc("10.0.0.0/16");
    REQUIRE(made);
    core::Vpc* vpc = &made.value();
    core::SubnetDesc d;
    d.id = "s";
    d.cidr = "10.0.1.0/24";
    REQUIRE(core::add_subnet(*vpc, d));
    core::Subnet* s = core::find_subnet(*vpc, "s");
    REQUIRE(core::allocate_ip(*s));  // 10.0.1.4, inside the range reserved next
    REQUIRE(core::reserve_prefixes(*vpc, "s", "10.0.1.0/26"));
    CHECK(s->use[4] == core::AddressUse::Ip);
    core::Result<core::Ipv4> next = core::allocate_ip(*s);
    REQUIRE(next);
    CHECK(core::format_ipv4(*next) == "10.0.1.64");  // singles stay out of the reservation
    core::Result<core::Cidr> p = core::allocate_prefix(*s);
    REQUIRE(p);
    CHECK(core::format_cidr(*p) == "10.0.1.16/28");  // the reservation's first free block
    CHECK(has(core::reserve_prefixes(*vpc, "s", "").error().message, "already has"));
    CHECK(has(core::reserve_prefixes(*vpc, "t", "").error().message, "no building 't'"));
    d.id = "u";
    d.cidr = "10.0.2.0/24";
    REQUIRE(core::add_subnet(*vpc, d));
    CHECK(has(core::reserve_prefixes(*vpc, "u", "10.0.3.0/28").error().message, "not inside"));
    CHECK(has(core::reserve_prefixes(*vpc, "u", "10.0.2.0/29").error().message,
              "smaller than one /28"));
}

TEST_CASE("labs file: refused with the lab and field named") {
    CHECK(load_error(read_source_file("assets/labs.json")).empty());
    CHECK(has(load_error("{"), "labs.json is not valid JSON at byte"));
    CHECK(has(load_error("[]"), "labs.json: expected an object"));
    CHECK(has(load_error(R"({"version": 2, "labs": []})"), "version must be 1"));
    CHECK(has(load_error(std::string(600 * 1024, ' ')), "the limit is 524,288"));
    CHECK(has(load_error(labs_with(R"("id": "idle-but-full")", R"("id": "Idle But Full")")),
              "labs[0].id: 'Idle But Full' is not an id"));
    CHECK(has(load_error(labs_with(R"("id": "hoarding-warm-pool")", R"("id": "idle-but-full")")),
              "labs[1].id: 'idle-but-full' appears twice"));
    CHECK(has(load_error(labs_with(R"("title": "Idle but full",)",
                                   R"("title": "Idle but full", "titel": 1,)")),
              "labs[0]: unknown key 'titel'"));
    CHECK(
        has(load_error(labs_with(R"("instanceType": "t3.small")", R"("instanceType": "t3.smal")")),
            "labs[0] (idle-but-full).campus: nodeGroups[0].instanceType: unknown instance type "
            "'t3.smal'"));
    CHECK(has(load_error(labs_with(R"("lever": "prefix-delegation", "on": true)",
                                   R"("lever": "prefix-delegations", "on": true)")),
              "labs[0] (idle-but-full).fixes[0].lever: unknown lever 'prefix-delegations'"));
    CHECK(has(load_error(labs_with(R"("lever": "prefix-delegation", "on": true)",
                                   R"("lever": "prefix-delegation", "on": "yes")")),
              "fixes[0] (pd).on: expected true or false"));
    CHECK(has(load_error(labs_with(R"("lever": "max-pods", "nodeGroup": "checkout", "value": 110)",
                                   R"("lever": "max-pods", "nodeGroup": "checkout", "value": 1)")),
              "max-pods).value: must be between 2 and 2000, got 1"));
    CHECK(has(load_error(labs_with(R"("nodeGroup": "checkout", "value": 110)",
                                   R"("nodeGroup": "checkot", "value": 110)")),
              "nodeGroup: there is no node group 'checkot' (checkout)"));
    CHECK(has(load_error(labs_with(R"("reference": ["pd", "max-pods", "replace"])",
                                   R"("reference": ["pd", "max-pod", "replace"])")),
              "labs[0] (idle-but-full).reference[1]: no fix has the id 'max-pod'"));
    CHECK(has(load_error(labs_with(R"("decoys": [["pd", "replace"],)",
                                   R"("decoys": [["replace", "max-pods", "pd"],)")),
              "decoys[0]: is the reference fix itself"));
    CHECK(has(load_error(labs_with(R"("goal": {"budget": 3})", R"("goal": {"budget": 2})")),
              "reference: 3 fixes, more than the goal's budget of 2"));
    CHECK(
        has(load_error(labs_with("Make all $wanted {desks} run.", "Make all $wantd {desks} run.")),
            "labs[0] (idle-but-full).pager: unknown variable $wantd"));
    CHECK(
        has(load_error(labs_with("Make all $wanted {desks} run.", "Make all $wanted {dseks} run.")),
            "labs[0] (idle-but-full).pager: unknown term {dseks}"));
    CHECK(has(load_error(labs_with(R"("cidr": "10.0.3.0/24", "tags")",
                                   R"("cidr": "10.0.3.1/24", "tags")")),
              "subnet.cidr: \"10.0.3.1/24\" has host bits set"));
    CHECK(has(load_error(labs_with(R"("goal": {"floors": [{"subnet": "subnet-a", "free": 20}])",
                                   R"("goal": {"floors": [{"subnet": "subnet-z", "free": 20}])")),
              "goal.floors[0].subnet: there is no subnet 'subnet-z'"));
    CHECK(has(load_error(labs_with(R"("podSubnet": "subnet-pods-a"}],)", R"("podSubnet": ""}],)")),
              "configured[0].podSubnet: is empty"));
}

TEST_CASE("a lab session: the campus shown moves on Check only; the last verdict stays") {
    const core::Labs& all = shipped();
    const int index = core::find_lab(all, "hoarding-warm-pool");
    REQUIRE(index >= 0);
    core::LabSession s = core::open_lab(all, index, test_catalog());
    REQUIRE(s.error.empty());
    const core::Lab& l = all.labs[static_cast<size_t>(index)];
    const core::PodCounts start = core::count_pods(core::shown_campus(s));
    REQUIRE(core::toggle_fix(s, l, "warm-ip"));
    CHECK(core::count_pods(core::shown_campus(s)) == start);  // picked, not yet run
    REQUIRE(core::check_session(s, l, test_catalog()).ok());
    CHECK(s.checked);
    CHECK(s.result.solved);
    const core::PodCounts healed = core::count_pods(core::shown_campus(s));
    CHECK(healed.waiting == 0);
    CHECK_FALSE(healed == start);
    // A change of picks makes the verdict old, not gone: the page keeps its place.
    REQUIRE(core::toggle_fix(s, l, "warm-ip"));
    CHECK_FALSE(s.checked);
    CHECK(s.has_result);
    CHECK(core::count_pods(core::shown_campus(s)) == healed);
    core::reset_session(s);
    CHECK_FALSE(s.has_result);
    CHECK(core::count_pods(core::shown_campus(s)) == start);
}

TEST_CASE(
    "the shipped labs' ids as json_list_ids reads them, for saved progress, are load_labs's") {
    const std::string text = read_source_file("assets/labs.json");
    const core::Result<core::Labs> labs = core::load_labs(text, test_catalog(), &test_lessons());
    REQUIRE(labs);
    CHECK(core::json_list_ids(text, "labs") == core::lab_ids(*labs));
}
