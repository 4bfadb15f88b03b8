// exercises_test.cpp: the shipped exercise book, every generator over many seeds (solvable,
// the computed answer accepted, near misses rejected with their hints), known values for the
// classic confusions, the "make it so" checks, and strict loading.
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>
#include <utility>

#include "capacity.h"
#include "exercises.h"
#include "json_read.h"
#include "lessons.h"
#include "steps/steps.h"
#include "test_support.h"

namespace {

using core::Answer;
using core::Check;
using core::Exercise;
using core::ExerciseKind;

const core::Lessons& lessons() {
    static const core::Lessons l = [] {
        auto r = core::load_lessons(read_source_file("assets/lessons.json"));
        if (!r) throw std::runtime_error(r.error().message);
        return std::move(r).value();
    }();
    return l;
}

const core::ExerciseBook& book() {
    static const core::ExerciseBook b = [] {
        auto r = core::load_exercises(read_source_file("assets/exercises.json"), &lessons());
        if (!r) throw std::runtime_error(r.error().message);
        return std::move(r).value();
    }();
    return b;
}

Exercise make(const std::string& id, uint32_t seed) {
    auto r = core::generate_exercise(book(), id, seed, test_catalog());
    if (!r)
        throw std::runtime_error(id + " seed " + std::to_string(seed) + ": " + r.error().message);
    return std::move(r).value();
}

// The same book without the steps' example types, so that the known-answer cases below can
// reach the classic types (a t3.small) that the page's exercises leave to the lesson text.
const core::ExerciseBook& any_type_book() {
    static const core::ExerciseBook b = [] {
        core::ExerciseBook copy = book();
        copy.example_types.clear();
        return copy;
    }();
    return b;
}

// The first seed whose prompt contains `needle` (e.g. the instance type wanted).
Exercise find(const std::string& id, const std::string& needle) {
    for (uint32_t seed = 1; seed < 5000; ++seed) {
        auto r = core::generate_exercise(any_type_book(), id, seed, test_catalog());
        if (!r) throw std::runtime_error(id + ": " + r.error().message);
        if (has(r->prompt, needle)) return std::move(r).value();
    }
    throw std::runtime_error("no " + id + " exercise mentions " + needle);
}

// The text with its term tokens shown in AWS words.
std::string aws(const std::string& text) {
    return core::render_terms(lessons(), text, core::Terms::Aws);
}

bool filled(const std::string& text) {
    return !text.empty() && text.find('$') == std::string::npos;
}

Answer number(long long n) {
    Answer a;
    a.number = n;
    return a;
}

Answer choice(int i) {
    Answer a;
    a.choice = i;
    return a;
}

// A Setup answer that should fit: the first type where prefix delegation holds the pods,
// with max-pods raised to exactly pods + 2.
Answer setup_solution(const Exercise& ex) {
    for (size_t i = 0; i < ex.setup.types.size(); ++i) {
        const core::InstanceType& t = test_type(ex.setup.types[i].c_str());
        core::CapacityOptions pd;
        pd.prefix_delegation = true;
        const core::MaxPods m = core::max_pods(t, pd);
        if (m.prefix_delegation && m.pod_ips >= ex.setup.pods) {
            Answer a;
            a.type = static_cast<int>(i);
            a.prefix_delegation = true;
            a.max_pods = ex.setup.pods + 2;
            return a;
        }
    }
    throw std::runtime_error("no offered type fits");
}

// The feedback on the number n, which must be a wrong answer to ex.
std::string wrong(const Exercise& ex, long long n) {
    const Check c = core::check_answer(ex, number(n));
    CHECK_FALSE(c.correct);
    return c.feedback;
}

void check_number(const Exercise& ex) {
    REQUIRE(ex.answer >= ex.number.min);
    REQUIRE(ex.answer <= ex.number.max);
    CHECK(ex.number.start != ex.answer);
    CHECK(filled(ex.number.label));
    CHECK(filled(ex.hint_other));
    const Check right = core::check_answer(ex, number(ex.answer));
    CHECK(right.correct);
    CHECK(!right.derivation.empty());
    for (const std::string& d : right.derivation)
        CHECK(filled(d));
    for (long long near : {ex.answer - 1, ex.answer + 1})
        CHECK(filled(wrong(ex, near)));
    for (const core::Miss& m : ex.misses) {
        CHECK(m.value != ex.answer);
        CHECK(wrong(ex, m.value) == m.hint);
        CHECK(filled(m.hint));
    }
}

void check_choice(const Exercise& ex) {
    REQUIRE(ex.choices.size() >= 3);
    REQUIRE(ex.choice_hints.size() == ex.choices.size());
    REQUIRE(ex.correct_choice >= 0);
    REQUIRE(ex.correct_choice < static_cast<int>(ex.choices.size()));
    std::set<std::string> distinct(ex.choices.begin(), ex.choices.end());
    CHECK(distinct.size() == ex.choices.size());
    for (size_t i = 0; i < ex.choices.size(); ++i) {
        CHECK(filled(ex.choices[i]));
        const Check c = core::check_answer(ex, choice(static_cast<int>(i)));
        CHECK(c.correct == (static_cast<int>(i) == ex.correct_choice));
        CHECK(filled(c.feedback));
        if (c.correct) {
            CHECK(!c.derivation.empty());
        }
    }
    CHECK_FALSE(core::check_answer(ex, choice(-1)).correct);
    CHECK_FALSE(core::check_answer(ex, choice(static_cast<int>(ex.choices.size()))).correct);
}

void check_setup(const Exercise& ex) {
    REQUIRE(ex.setup.types.size() == 3);
    REQUIRE(ex.setup.ami_max_pods.size() == 3);
    const Answer good = setup_solution(ex);
    const Check right = core::check_answer(ex, good);
    CHECK(right.correct);
    CHECK(right.running == ex.setup.pods);
    CHECK(!right.derivation.empty());
    for (const std::string& d : right.derivation)
        CHECK(filled(d));
    // One short of what kubelet needs: refused, with the hint naming max-pods.
    Answer low = good;
    low.max_pods = ex.setup.pods + 1;
    const Check c = core::check_answer(ex, low);
    CHECK_FALSE(c.correct);
    CHECK(c.refused == 1);
    CHECK(filled(c.feedback));
    // Prefix delegation on, max-pods left at the AMI's value.
    Answer stays = good;
    stays.max_pods = ex.setup.ami_max_pods[static_cast<size_t>(good.type)];
    const Check s = core::check_answer(ex, stays);
    CHECK_FALSE(s.correct);
    CHECK(has(s.feedback, "stays at " + std::to_string(stays.max_pods)));
    // The same type without prefix delegation, max-pods raised: addresses run out.
    Answer plain = good;
    plain.prefix_delegation = false;
    const Check p = core::check_answer(ex, plain);
    CHECK_FALSE(p.correct);
    CHECK(p.waiting > 0);
    // No type chosen.
    CHECK_FALSE(core::check_answer(ex, Answer{}).correct);
}

void check_fix(const Exercise& ex) {
    REQUIRE(ex.fixes.size() == ex.choices.size());
    REQUIRE(ex.choices.size() == 4);
    CHECK(ex.target_pods > 0);
    CHECK(!ex.campus_built.nodes.empty());
    for (size_t i = 0; i < ex.choices.size(); ++i) {
        const Check c = core::check_answer(ex, choice(static_cast<int>(i)));
        CHECK(c.correct == (static_cast<int>(i) == ex.correct_choice));
        CHECK(filled(c.feedback));
        if (c.correct) {
            CHECK(c.running == ex.target_pods);
        } else {
            CHECK(c.running < ex.target_pods);
        }
    }
}

void check_any(const Exercise& ex) {
    CHECK(filled(ex.title));
    CHECK(filled(ex.prompt));
    const std::pair<ExerciseKind, void (*)(const Exercise&)> kinds[] = {
        {ExerciseKind::Number, check_number},
        {ExerciseKind::Choice, check_choice},
        {ExerciseKind::Setup, check_setup},
        {ExerciseKind::Fix, check_fix}};
    for (const auto& [kind, check] : kinds) {
        if (kind == ex.kind) check(ex);
    }
    if (ex.kind != ExerciseKind::Quiz) return;
    REQUIRE(ex.parts.size() == static_cast<size_t>(core::kQuizParts));
    for (const Exercise& part : ex.parts) {
        CHECK(part.kind != ExerciseKind::Quiz);
        check_any(part);
    }
}

}  // namespace

TEST_CASE("the shipped book covers every step from phone-panel on, with a final check") {
    const core::ExerciseBook& b = book();
    CHECK(b.specs.size() == core::exercise_generators().size());
    for (const std::string& id : core::exercise_generators())
        CHECK(core::find_exercise(b, id) != nullptr);
    const int first = core::find_step(lessons(), "phone-panel");
    REQUIRE(first >= 0);
    for (size_t i = static_cast<size_t>(first); i < lessons().steps.size(); ++i) {
        INFO(lessons().steps[i].id);
        CHECK(!core::exercises_for_step(b, lessons().steps[i].id).empty());
    }
    const auto last = core::exercises_for_step(b, "takeaways");
    REQUIRE(!last.empty());
    CHECK(last.back()->kind == ExerciseKind::Quiz);
    // Every kind the issue asks for is there.
    std::set<ExerciseKind> kinds;
    for (const core::ExerciseSpec& s : b.specs)
        kinds.insert(s.kind);
    CHECK(kinds.size() == 5);
}

TEST_CASE("every generator is solvable over 500 seeds; right answers pass, near misses fail") {
    for (const std::string& id : core::exercise_generators()) {
        const core::ExerciseSpec* spec = core::find_exercise(book(), id);
        REQUIRE(spec != nullptr);
        const uint32_t seeds = 500;
        std::set<std::string> prompts;
        for (uint32_t seed = 0; seed < seeds; ++seed) {
            INFO(id << " seed " << seed);
            auto r = core::generate_exercise(book(), id, seed, test_catalog());
            REQUIRE_MESSAGE(r.ok(), r.error().message);
            CHECK(r->kind == spec->kind);
            check_any(*r);
            std::string shown = r->prompt;
            for (const std::string& c : r->choices)
                shown += "|" + c;
            prompts.insert(shown);
        }
        INFO(id);
        // Parameters vary between seeds (the final check varies by its parts).
        if (spec->kind != ExerciseKind::Quiz) CHECK(prompts.size() >= 4);
    }
}

namespace {

// One generated exercise: its generator, its seed and what it made.
struct Generated {
    std::string id;
    uint32_t seed;
    Exercise exercise;
};

// The exercises every generator of kind makes for seeds 0 to seeds - 1.
std::vector<Generated> generated(ExerciseKind kind, uint32_t seeds) {
    std::vector<Generated> all;
    for (const std::string& id : core::exercise_generators()) {
        const core::ExerciseSpec* spec = core::find_exercise(book(), id);
        REQUIRE(spec != nullptr);
        if (spec->kind != kind) continue;
        for (uint32_t seed = 0; seed < seeds; ++seed)
            all.push_back({id, seed, make(id, seed)});
    }
    return all;
}

// `number` ("11") standing alone in `text`: not inside "110" or "10.0.1.11".
bool states_number(const std::string& text, const std::string& number) {
    for (size_t at = text.find(number); at != std::string::npos; at = text.find(number, at + 1)) {
        auto part = [&](size_t i) {
            return i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) ||
                                       text[i] == '.' || text[i] == ',' || text[i] == '/');
        };
        const bool before = at > 0 && part(at - 1);
        // A number may end a sentence: "stays at 11." still gives it away.
        const size_t end = at + number.size();
        const bool after = end < text.size() &&
                           (std::isdigit(static_cast<unsigned char>(text[end])) ||
                            ((text[end] == '.' || text[end] == ',') && end + 1 < text.size() &&
                             std::isdigit(static_cast<unsigned char>(text[end + 1]))));
        if (!before && !after) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a wrong choice's feedback never states the right answer's number") {
    for (const Generated& g : generated(ExerciseKind::Choice, 60)) {
        const Exercise& r = g.exercise;
        const std::string& right = r.choices[static_cast<size_t>(r.correct_choice)];
        // Only a choice that is a number ("11", "about 29") can be given away this way.
        const size_t digit = right.find_first_of("0123456789");
        if (digit == std::string::npos ||
            right.find_first_not_of("0123456789,", digit) != std::string::npos)
            continue;
        const std::string number = right.substr(digit);
        for (size_t i = 0; i < r.choice_hints.size(); ++i) {
            INFO(g.id << " seed " << g.seed << " choice " << i << ": " << r.choice_hints[i]);
            if (static_cast<int>(i) == r.correct_choice) continue;
            CHECK_FALSE(states_number(r.choice_hints[i], number));
        }
    }
}

TEST_CASE("a near miss's hint never states the right number") {
    for (const Generated& g : generated(ExerciseKind::Number, 60)) {
        const Exercise& r = g.exercise;
        const std::string number = std::to_string(r.answer);
        // A hint may repeat what the question says (MINIMUM_IP_TARGET=5 when 5 wait).
        if (states_number(r.prompt, number)) continue;
        for (const core::Miss& miss : r.misses) {
            INFO(g.id << " seed " << g.seed << " miss " << miss.value << ": " << miss.hint);
            CHECK_FALSE(states_number(miss.hint, number));
        }
        INFO(g.id << " seed " << g.seed << ": " << r.hint_other);
        CHECK_FALSE(states_number(r.hint_other, number));
    }
}

TEST_CASE("the same seed gives the same exercise; a new seed usually another") {
    const Exercise a = make("max-pods", 77);
    const Exercise b = make("max-pods", 77);
    CHECK(a.prompt == b.prompt);
    CHECK(a.answer == b.answer);
    CHECK(a.misses.size() == b.misses.size());
    const Exercise q1 = make("final-check", 5);
    const Exercise q2 = make("final-check", 5);
    REQUIRE(q1.parts.size() == q2.parts.size());
    for (size_t i = 0; i < q1.parts.size(); ++i)
        CHECK(q1.parts[i].prompt == q2.parts[i].prompt);
    std::set<std::string> firsts;
    for (uint32_t seed = 0; seed < 40; ++seed)
        firsts.insert(make("final-check", seed).parts.front().id);
    CHECK(firsts.size() >= 2);
}

TEST_CASE("max-pods of a t3.small: 11, and the two classic wrong answers get their hints") {
    const Exercise ex = find("max-pods", "of type t3.small ");
    CHECK(ex.answer == 11);
    CHECK(core::check_answer(ex, number(11)).correct);
    const std::string nine = aws(wrong(ex, 9));
    CHECK(has(nine, "9 is the number of pod IP addresses"));
    CHECK(has(nine, "kubelet adds the 2 host-network pods"));
    CHECK(has(aws(wrong(ex, 12)), "first IP address belongs to the ENI"));
    const Check right = core::check_answer(ex, number(11));
    REQUIRE(right.derivation.size() == 2);
    CHECK(aws(right.derivation[0]) == "3 ENIs × (4 - 1) IP address slots = 9 pod IP addresses.");
    CHECK(aws(right.derivation[1]).find("9 + 2") == 0);
}

TEST_CASE("prefix delegation on a t3.small: 146; ~189 is the seed's miscount, 11 is kubelet's") {
    const Exercise ex = find("pd-max-pods", "of type t3.small ");
    CHECK(ex.answer == 146);
    CHECK(core::check_answer(ex, number(146)).correct);
    const std::string seed = wrong(ex, 189);
    CHECK(has(seed, "(3 × 4 × 16) - 3"));
    CHECK(has(seed, "subtracts after multiplying"));
    CHECK(has(wrong(ex, 144), "2 {hostdesks}"));
    CHECK(has(wrong(ex, 11), "11 is what kubelet keeps"));
    CHECK(wrong(ex, 147) == ex.hint_other);

    const Exercise k = find("pd-kubelet", " of t3.small ");
    REQUIRE(k.correct_choice >= 0);
    CHECK(k.choices[static_cast<size_t>(k.correct_choice)] == "11");
    for (size_t i = 0; i < k.choices.size(); ++i) {
        if (k.choices[i] == "146") {
            // Why it is wrong, without giving the right number away.
            const std::string said = core::check_answer(k, choice(static_cast<int>(i))).feedback;
            CHECK(has(said, "keeps the value the AMI gave it"));
            CHECK(said.find("11") == std::string::npos);
        }
    }
}

TEST_CASE("custom networking on an m5.large: max-pods 20, and pods stuck past 18") {
    const Exercise ex = find("cn-max-pods", "of type m5.large ");
    CHECK(ex.answer == 20);
    CHECK(has(wrong(ex, 29), "29 is the usual value"));
    const Exercise stuck = find("cn-stuck", "of type m5.large ");
    CHECK(has(stuck.prompt, "runs 18 {desks} while 9 more"));
    CHECK(has(stuck.choices[static_cast<size_t>(stuck.correct_choice)], "still 29, but only 18"));
}

TEST_CASE("security groups for pods: the trunk takes a slot; t family cannot") {
    const Exercise ex = find("sgp-pod-addresses", "of type m5.large ");
    CHECK(ex.answer == 18);
    CHECK(has(wrong(ex, 27), "27 is the count without"));
    CHECK(has(wrong(ex, 27), "{trunk}"));
    for (uint32_t seed = 0; seed < 50; ++seed) {
        const Exercise w = make("sgp-which-type", seed);
        for (size_t i = 0; i < w.choices.size(); ++i) {
            const bool t = w.choices[i][0] == 't';
            if (t) {
                CHECK(has(w.choice_hints[i], "t family"));
            }
        }
    }
}

TEST_CASE("warm pool: two ENIs for one pod, targets override, a frozen minimum") {
    bool saw_one_pod = false;
    for (uint32_t seed = 0; seed < 400 && !saw_one_pod; ++seed) {
        const Exercise ex = make("enis-for-pods", seed);
        if (ex.prompt.find("running on it: 1.") == std::string::npos) continue;
        saw_one_pod = true;
        CHECK(ex.answer == 2);  // WARM_ENI_TARGET=1 attaches the second ENI ahead of need
        CHECK(has(wrong(ex, 1), "before it is needed"));
    }
    CHECK(saw_one_pod);
    for (uint32_t seed = 0; seed < 100; ++seed) {
        const Exercise ex = make("minimum-only", seed);
        CHECK(ex.answer > 0);
        CHECK(has(wrong(ex, 0), "Set WARM_IP_TARGET too"));
    }
}

TEST_CASE("fit-desks: prefix delegation without raising max-pods keeps max-pods at 11") {
    Exercise ex = make("fit-desks", 1);
    for (uint32_t seed = 1; seed < 500; ++seed) {
        ex = make("fit-desks", seed);
        bool small = false;
        for (const std::string& t : ex.setup.types)
            small = small || t == "t3.small";
        if (small) break;
    }
    int small = -1;
    for (size_t i = 0; i < ex.setup.types.size(); ++i) {
        if (ex.setup.types[i] == "t3.small") small = static_cast<int>(i);
    }
    REQUIRE(small >= 0);
    CHECK(ex.setup.ami_max_pods[static_cast<size_t>(small)] == 11);
    Answer a;
    a.type = small;
    a.prefix_delegation = true;
    a.max_pods = 11;
    const Check c = core::check_answer(ex, a);
    CHECK_FALSE(c.correct);
    CHECK(c.running == 9);
    CHECK(has(c.feedback, "stays at 11 when prefix delegation is switched on"));
    a.max_pods = 110;
    const Check ok = core::check_answer(ex, a);
    CHECK(ok.correct);
    CHECK(ok.running == ex.setup.pods);
    // A Xen type with prefix delegation: the switch does nothing there.
    for (size_t i = 0; i < ex.setup.types.size(); ++i) {
        if (test_type(ex.setup.types[i].c_str()).hypervisor != core::Hypervisor::Xen) continue;
        Answer x;
        x.type = static_cast<int>(i);
        x.prefix_delegation = true;
        x.max_pods = 110;
        const Check cx = core::check_answer(ex, x);
        CHECK_FALSE(cx.correct);
        CHECK(has(cx.feedback, "Xen hypervisor"));
    }
}

TEST_CASE("the fix exercises run each fix: the right one frees every pod") {
    const Exercise b = make("free-building", 3);
    CHECK(has(b.prompt, "InsufficientCidrBlocks"));
    for (size_t i = 0; i < b.choices.size(); ++i) {
        const Check c = core::check_answer(b, choice(static_cast<int>(i)));
        if (!c.correct) {
            CHECK(has(c.feedback, "After this change:"));
        }
    }
    // The broken campus: its building shows the five reserved addresses, the scattered
    // holders, and the node's primary address; no pod has an address.
    const auto roles = core::address_roles(b.campus_built, "subnet-a");
    REQUIRE(roles.size() == 256);
    int reserved = 0, other = 0, pods = 0, primary = 0;
    for (core::AddressRole r : roles) {
        reserved += r == core::AddressRole::Reserved;
        other += r == core::AddressRole::Other;
        pods += r == core::AddressRole::Pod;
        primary += r == core::AddressRole::EniPrimary;
    }
    CHECK(reserved == 5);
    CHECK(other == static_cast<int>(b.campus.other_addresses[0].count));
    CHECK(pods == 0);
    CHECK(primary == 1);
    CHECK(core::address_roles(b.campus_built, "no-such-subnet").empty());

    // An ENIConfig in another zone cannot even be built; the message says why.
    for (uint32_t seed = 0; seed < 200; ++seed) {
        const Exercise f = make("free-campus", seed);
        for (size_t i = 0; i < f.choices.size(); ++i) {
            if (f.choices[i].find("us-east-1b") == std::string::npos) continue;
            const Check c = core::check_answer(f, choice(static_cast<int>(i)));
            CHECK_FALSE(c.correct);
            CHECK(has(c.feedback, "This change cannot be made"));
            return;
        }
    }
    FAIL("no free-campus exercise offered the other-zone fix");
}

TEST_CASE("generate_exercise: unknown ids fail with a message") {
    auto r = core::generate_exercise(book(), "no-such-exercise", 1, test_catalog());
    REQUIRE_FALSE(r.ok());
    CHECK(has(r.error().message, "no exercise called 'no-such-exercise'"));
    // A catalog without the pool's types: a readable error, not a crash.
    core::Catalog empty;
    auto e = core::generate_exercise(book(), "max-pods", 1, empty);
    REQUIRE_FALSE(e.ok());
    CHECK(has(e.error().message, "which the instance catalog lacks"));
}

TEST_CASE("load_exercises is strict and names the problem") {
    const std::string good = read_source_file("assets/exercises.json");
    REQUIRE(core::load_exercises(good).ok());
    auto fails = [](const std::string& text, const char* needle) {
        auto r = core::load_exercises(text, &lessons());
        REQUIRE_FALSE(r.ok());
        INFO(r.error().message);
        CHECK(has(r.error().message, needle));
    };
    auto one = [](const std::string& entry) {
        return R"({"version": 1, "exercises": [)" + entry + "]}";
    };
    const std::string slots_lost_texts =
        R"("answer-label": "a", "hint-other": "b", "hint-one": "c", "hint-zero": "d",
           "hint-left": "e", "derive-1": "f", "derive-2": "g")";
    const std::string entry = R"({"id": "slots-lost", "step": "the-rules", "title": "T",
        "prompt": "P", "texts": {)" +
                              slots_lost_texts + "}}";
    REQUIRE(core::load_exercises(one(entry), &lessons()).ok());

    fails("{{{garbage", "not valid JSON");
    fails("[]", "expected an object");
    fails(R"({"version": 2, "exercises": []})", "version must be 1");
    fails(R"({"version": 1, "exercises": [], "extra": 1})", "unknown key 'extra'");
    fails(one(R"({"id": "nope", "step": "the-rules", "title": "T", "prompt": "P", "texts": {}})"),
          "no exercise generator has this id");
    fails(R"({"version": 1, "exercises": [)" + entry + "," + entry + "]}", "appears twice");
    std::string missing = entry;
    missing.replace(missing.find(R"("hint-zero": "d",)"), 17, "");
    fails(one(missing), "'hint-zero' is missing");
    std::string extra = entry;
    extra.replace(extra.find(R"("hint-one")"), 10, R"("hint-huh": "x", "hint-one")");
    fails(one(extra), "'hint-huh' is not used by this exercise");
    std::string step = entry;
    step.replace(step.find("the-rules"), 9, "nowhere");
    fails(one(step), "there is no step 'nowhere'");
    std::string term = entry;
    term.replace(term.find(R"("P")"), 3, R"("a {panl} here")");
    fails(one(term), "exercises[0] (slots-lost).prompt: unknown term {panl}");
    std::string empty_text = entry;
    empty_text.replace(empty_text.find(R"("b")"), 3, R"("")");
    fails(one(empty_text), "texts.hint-other: is empty");
    fails(std::string(core::kMaxExercisesBytes + 1, ' '), "the limit is");
}

TEST_CASE("pd-kubelet says which node group kind it means, and its answer follows that kind") {
    for (uint32_t seed = 1; seed <= 40; ++seed) {
        core::Result<Exercise> r =
            core::generate_exercise(book(), "pd-kubelet", seed, test_catalog());
        REQUIRE(r.ok());
        const Exercise& ex = *r;
        CAPTURE(ex.prompt);
        CHECK(has(ex.prompt, "self-managed node group"));
        // The right answer is what a self-managed node keeps: nodeadm's value.
        const std::string type = ex.prompt.substr(ex.prompt.find(" of ") + 4);
        const core::InstanceType& t = test_type(type.substr(0, type.find(' ')).c_str());
        core::CapacityOptions pd;
        pd.prefix_delegation = true;
        CHECK(ex.choices[static_cast<size_t>(ex.correct_choice)] ==
              std::to_string(core::default_kubelet_max_pods(t, pd).value));
        // The working names the managed node group's different value.
        pd.node_group = core::NodeGroupKind::Managed;
        const std::string managed = std::to_string(core::default_kubelet_max_pods(t, pd).value);
        bool named = false;
        for (const std::string& line : ex.derivation)
            named = named || has(line, "managed node group without a custom AMI gets " + managed);
        CHECK(named);
    }
}

TEST_CASE("reveal_answer gives an answer the check accepts, with its working, for every kind") {
    for (const std::string& id : core::exercise_generators()) {
        for (uint32_t seed = 0; seed < 40; ++seed) {
            INFO(id << " seed " << seed);
            const Exercise ex = make(id, seed);
            std::vector<const Exercise*> all;
            if (ex.kind == ExerciseKind::Quiz) {
                CHECK_FALSE(core::reveal_answer(ex).found);
                for (const Exercise& part : ex.parts)
                    all.push_back(&part);
            } else {
                all.push_back(&ex);
            }
            for (const Exercise* e : all) {
                const core::Reveal r = core::reveal_answer(*e);
                REQUIRE(r.found);
                CHECK(core::check_answer(*e, r.answer).correct);
                CHECK_FALSE(r.text.empty());
                CHECK_FALSE(r.derivation.empty());
            }
        }
    }
    // A fit-desks task is revealed with the fewest changes: prefix delegation stays off when
    // a bigger room alone fits the desks.
    for (uint32_t seed = 0; seed < 40; ++seed) {
        const Exercise ex = make("fit-desks", seed);
        const core::Reveal r = core::reveal_answer(ex);
        REQUIRE(r.found);
        Answer off = r.answer;
        off.prefix_delegation = false;
        if (core::check_answer(ex, off).correct) CHECK_FALSE(r.answer.prefix_delegation);
    }
}

// True if text names the instance type as a word ("t3.small" but not "t3.smaller").
bool mentions_type(const std::string& text, const std::string& type) {
    for (size_t at = text.find(type); at != std::string::npos; at = text.find(type, at + 1)) {
        const size_t end = at + type.size();
        const bool word_start =
            at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])));
        const bool word_end =
            end == text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) ||
                                    (text[end] == '.' && end + 1 < text.size() &&
                                     std::isalnum(static_cast<unsigned char>(text[end + 1]))));
        if (word_start && word_end) return true;
    }
    return false;
}

TEST_CASE("transfer: an exercise never draws the instance type its step's text uses as example") {
    const core::Lessons& l = lessons();
    for (const core::ExerciseSpec& spec : book().specs) {
        const int i = core::find_step(l, spec.step);
        REQUIRE(i >= 0);
        const std::vector<std::string> examples =
            core::example_instance_types(l.steps[static_cast<size_t>(i)]);
        if (examples.empty() || spec.id == "final-check") continue;
        for (uint32_t seed = 0; seed < 200; ++seed) {
            const Exercise ex = make(spec.id, seed);
            // The question and its answers to pick from; a "make it so" task's menu of room
            // sizes to try is not the example it asks about.
            std::string shown = ex.prompt;
            for (const std::string& c : ex.choices)
                shown += " | " + c;
            for (const std::string& t : examples) {
                INFO(spec.id << " seed " << seed << ": " << shown);
                CHECK_FALSE(mentions_type(shown, t));
            }
        }
    }
    // phone-panel opens on a t3.small: its exercises draw other rooms.
    const int pp = core::find_step(l, "phone-panel");
    REQUIRE(pp >= 0);
    CHECK(core::example_instance_types(l.steps[static_cast<size_t>(pp)]) ==
          std::vector<std::string>{"t3.small"});
}

TEST_CASE("ipv6-max-pods: the node group kind decides; never the step's own t3.medium") {
    bool saw_managed = false, saw_self = false;
    for (uint32_t seed = 0; seed < 200; ++seed) {
        const Exercise ex = make("ipv6-max-pods", seed);
        CAPTURE(ex.prompt);
        CHECK(ex.prompt.find("t3.medium") == std::string::npos);
        const std::string type = ex.prompt.substr(ex.prompt.find("runs ") + 5);
        const core::InstanceType& t = test_type(type.substr(0, type.find(' ')).c_str());
        core::CapacityOptions v6;
        v6.ipv6 = true;
        const bool managed = has(ex.prompt, "{managed+}");
        v6.node_group = managed ? core::NodeGroupKind::Managed : core::NodeGroupKind::SelfManaged;
        CHECK(ex.choices[static_cast<size_t>(ex.correct_choice)] ==
              std::to_string(core::default_kubelet_max_pods(t, v6).value));
        saw_managed = saw_managed || managed;
        saw_self = saw_self || !managed;
    }
    CHECK(saw_managed);
    CHECK(saw_self);
    // Known values: an m5.large gets 110 in a managed node group and nodeadm's 29 on a
    // self-managed node; 434 is the calculator before its cap.
    for (uint32_t seed = 0; seed < 2000; ++seed) {
        const Exercise ex = make("ipv6-max-pods", seed);
        if (ex.prompt.find("runs m5.large ") == std::string::npos) continue;
        const std::string right = ex.choices[static_cast<size_t>(ex.correct_choice)];
        const bool managed = has(ex.prompt, "{managed+}");
        CHECK(right == (managed ? "110" : "29"));
        for (size_t i = 0; i < ex.choices.size(); ++i) {
            if (ex.choices[i] == "434") {
                const std::string said =
                    core::check_answer(ex, choice(static_cast<int>(i))).feedback;
                CHECK(has(said, "before its cap"));
                CHECK_FALSE(has(said, "110"));  // the right answer here: not given away
            }
        }
        return;
    }
    FAIL("no ipv6-max-pods exercise drew an m5.large");
}

// Known answers: seed 1 of every generator against the shipped book and catalog, the
// question it asks and its answer worked out by hand from AWS's rules (not by the
// generator's code). A change of the draw or of the answer shows here.
TEST_CASE("known answers: seed 1 of every generator, worked out by hand") {
    struct Known {
        const char* id;
        const char* prompt;  // part of the question, in AWS words
        long long number;    // Number: the answer
        const char* choice;  // Choice and Fix: part of the right choice, in AWS words
    };
    const Known known[] = {
        // 12 pods > 10 - 1 = 9 secondary IPs of the first ENI: a second ENI.
        {"panels-needed", "c5.large can attach 3 ENIs, each with 10", 2, nullptr},
        {"main-extension", "t3.medium has 3 ENIs", 0, "first IP address slot of the primary ENI"},
        // One slot per ENI is the ENI's own primary IP: 3 ENIs, 3 slots.
        {"slots-lost", "m5.large has all 3 ENIs attached, 10", 3, nullptr},
        // 27 pods = 3 x (10 - 1): every secondary IP is taken.
        {"what-limits", "m5.large runs 27 pods", 0, "every secondary IP is taken"},
        // 2 x (10 - 1) + 2 = 20.
        {"max-pods", "m4.large has 2 ENIs with 10", 20, nullptr},
        // 3 x (10 - 1) = 27.
        {"pod-addresses", "m5.large has 3 ENIs with 10", 27, nullptr},
        // 3 x (10 - 1) x 16 + 2 = 434.
        {"pd-max-pods", "r5.large (3 ENIs, 10", 434, nullptr},
        // nodeadm ignores prefix delegation: 3 x (10 - 1) + 2 = 29.
        {"pd-kubelet", "self-managed node group of c5.large", 0, "29"},
        // /22 = 1,024 addresses, 5 kept by AWS.
        {"usable-addresses", "10.7.252.0/22", 1019, nullptr},
        {"free-ips-no-prefix", "225 free addresses", 0, "no 16 free in a row"},
        // Prefixes need whole aligned /28 blocks: a subnet nothing else has scattered over.
        {"free-building", "r5.large with prefix delegation", 0, "a new subnet of its own"},
        // The primary ENI carries no pods: (3 - 1) x (6 - 1) + 2 = 12.
        {"cn-max-pods", "t3.medium (3 ENIs, 6", 12, nullptr},
        // (3 - 1) x (10 - 1) = 18 pod addresses under nodeadm's 29.
        {"cn-stuck", "c5.large runs 18 pods while 9 more", 0, "still 29, but only 18"},
        // /20 + /18 = 4,096 + 16,384.
        {"vpc-addresses", "10.7.0.0/20 and now adds 100.64.0.0/18", 0, "20,480"},
        // 100.64.0.0/10 may join a 10.0.0.0/8 VPC; 10.0.128.0/17 overlaps it.
        {"allowed-cidr", "Your VPC is 10.0.0.0/16", 0, "100.107.0.0/16"},
        // 13 pods fill the first ENI's 9 and take 4 of the second's; one whole ENI kept spare
        // (WARM_ENI_TARGET=1) brings the third.
        {"enis-for-pods", "m5.large uses the default WARM_ENI_TARGET=1. The pods running on it: 13",
         3, nullptr},
        // max(17 + 5, 11) = 22.
        {"warm-ip-total", "c5.large runs 17 pods with WARM_IP_TARGET=5 and MINIMUM_IP_TARGET=11",
         22, nullptr},
        // The pool stays at MINIMUM_IP_TARGET 8: the ninth pod waits.
        {"minimum-only", "MINIMUM_IP_TARGET=8 and WARM_IP_TARGET unset. 9 pods", 1, nullptr},
        // The trunk ENI carries no pod addresses: (4 - 1) x (15 - 1) = 42.
        {"sgp-pod-addresses", "c5.xlarge (4 ENIs, 15", 42, nullptr},
        // t2 and t3 have no branch ENIs; m4 is Xen.
        {"sgp-which-type", "Which of these instance types", 0, "r5.large"},
        // A self-managed node gets nodeadm's IPv4 formula: 4 x (15 - 1) + 2 = 58.
        {"ipv6-max-pods", "c6i.2xlarge nodes (4 ENIs of 15", 0, "58"},
        {"symptom-fix", "Every subnet in the VPC 10.102.0.0/16 is full", 0,
         "secondary CIDR block from 100.64.0.0/10"},
        // t3.large with custom networking: (3 - 1) x (12 - 1) + 2 = 24.
        {"free-campus", "10.114.98.0/27 is full", 0, "custom networking with max-pods 24"},
        // Inside the VPC the VPC CNI does no SNAT: the pod's own address.
        {"snat-source", "database at 10.0.160.205 in the same VPC", 0, "10.0.92.226, the pod's"},
        // Overlay pods take addresses from a virtual range, none from the subnet.
        {"overlay-addresses", "3 nodes each run 17 pods", 0, "0"},
    };
    std::set<std::string> covered = {"fit-desks", "final-check"};  // checked below
    for (const Known& k : known) {
        const Exercise ex = make(k.id, 1);
        INFO(std::string(k.id) << ": " << aws(ex.prompt));
        covered.insert(k.id);
        CHECK(has(aws(ex.prompt), k.prompt));
        if (k.choice == nullptr) {
            REQUIRE(ex.kind == ExerciseKind::Number);
            CHECK(ex.answer == k.number);
            CHECK(core::check_answer(ex, number(k.number)).correct);
        } else {
            REQUIRE(ex.correct_choice >= 0);
            const std::string right = aws(ex.choices[static_cast<size_t>(ex.correct_choice)]);
            if (std::string(k.choice).size() <= 3) {
                CHECK(right == k.choice);  // a bare number: the whole choice
            } else {
                CHECK(has(right, k.choice));
            }
            CHECK(core::check_answer(ex, choice(ex.correct_choice)).correct);
        }
    }
    const std::vector<std::string>& all = core::exercise_generators();
    CHECK(covered == std::set<std::string>(all.begin(), all.end()));

    // fit-desks: 38 pods. m4.large is Xen (no prefix delegation) and holds 2 x 9 = 18;
    // a t3.small with prefix delegation holds 3 x 3 x 16 = 144, and max-pods must be at
    // least 38 + 2 = 40.
    const Exercise fit = make("fit-desks", 1);
    CHECK(fit.setup.pods == 38);
    REQUIRE(fit.setup.types == std::vector<std::string>{"m4.large", "t3.medium", "t3.small"});
    Answer small;
    small.type = 2;
    small.prefix_delegation = true;
    small.max_pods = 40;
    CHECK(core::check_answer(fit, small).correct);
    small.max_pods = 39;
    CHECK_FALSE(core::check_answer(fit, small).correct);
    Answer xen;
    xen.type = 0;
    xen.prefix_delegation = true;
    xen.max_pods = 40;
    CHECK_FALSE(core::check_answer(fit, xen).correct);

    // final-check: five parts drawn from the whole tutorial.
    const Exercise quiz = make("final-check", 1);
    REQUIRE(quiz.kind == ExerciseKind::Quiz);
    std::vector<std::string> parts;
    for (const Exercise& p : quiz.parts)
        parts.push_back(p.id);
    CHECK(parts == std::vector<std::string>{"slots-lost", "warm-ip-total", "sgp-pod-addresses",
                                            "ipv6-max-pods", "snat-source"});
}

TEST_CASE(
    "the shipped exercises' ids as json_list_ids reads them, for saved progress, are the book's") {
    std::vector<std::string> ids;
    for (const core::ExerciseSpec& s : book().specs)
        ids.push_back(s.id);
    CHECK(core::json_list_ids(read_source_file("assets/exercises.json"), "exercises") == ids);
}
