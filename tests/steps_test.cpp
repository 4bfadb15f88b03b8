// steps_test.cpp: the beat machinery (core/steps/steps.h, step_info.h) and the shipped
// lessons' beats: live tokens, knobs, moving between beats, the text as the page shows it.
#include <doctest/doctest.h>

#include <limits>
#include <sstream>

#include "format.h"
#include "steps/steps.h"
#include "test_support.h"

using namespace core;

TEST_CASE("live tokens: values, pointers and editable numbers; anything else stays text") {
    const std::vector<TextSpan> s =
        parse_live_text("A [[enis]] x ([[ips]] [[panelmain|- 1]]) [[~pods]].");
    REQUIRE(s.size() == 9);  // "A ", enis, " x (", ips, " ", the pointer, ") ", pods, "."
    CHECK(s[0].kind == TextSpan::Kind::Plain);
    CHECK(s[0].text == "A ");
    CHECK(s[1].kind == TextSpan::Kind::Value);
    CHECK(s[1].name == "enis");
    CHECK(s[5].kind == TextSpan::Kind::Point);
    CHECK(s[5].name == "panelmain");
    CHECK(s[5].text == "- 1");
    CHECK(s[7].kind == TextSpan::Kind::Edit);
    CHECK(s[7].name == "pods");
    CHECK(s[8].text == ".");
    // Not tokens: an unclosed one, an empty name, a name with a space, pointer words missing.
    for (const char* t : {"a [[enis", "a [[]] b", "[[two words]]", "[[part|]]"}) {
        const std::vector<TextSpan> p = parse_live_text(t);
        REQUIRE(p.size() == 1);
        CHECK(p[0].kind == TextSpan::Kind::Plain);
        CHECK(p[0].text == t);
    }
}

TEST_CASE("check_live_text names what the step shows instead of an unknown token") {
    const StepInfo* info = find_step_info("phone-panel");
    REQUIRE(info != nullptr);
    CHECK(check_live_text(info, "[[panels]] of [[maxpanels]], [[mainext|the main one]]").empty());
    CHECK(
        has(check_live_text(info, "[[eni]]"), "[[eni]] is not a number step 'phone-panel' shows"));
    check_messages([&](const char* input) { return check_live_text(info, input); },
                   {{"[[nowhere|x]]", "points at no part of the figure"},
                    {"[[~panels]]", "not a number the learner can change"},
                    {"a [[pods", "a '[[' without its ']]'"},
                    {"a ]] b", "a ']]' without its '[['"}});
    CHECK(has(check_live_text(nullptr, "[[pods]]"), "no model to fill it in"));
}

TEST_CASE("check_setting: known knob, kind, range") {
    const StepInfo& info = step_info<PhonePanel>();
    CHECK(check_setting(info, {"pods", false, 3, {}}).ok());
    CHECK(check_setting(info, {"pods", false, 251, {}}).error().message ==
          "251 is outside 0 to 250");
    CHECK(check_setting(info, {"pods", true, 0, "three"}).error().message ==
          "expected a whole number");
    CHECK(check_setting(info, {"type", false, 1, {}}).error().message == "expected a word");
    CHECK(has(check_setting(info, {"desks", false, 1, {}}).error().message,
              "'desks' is not a knob of step 'phone-panel' (it has: type, pods)"));
}

TEST_CASE("enter_beat: Next sets the new beat's knobs on top; a jump replays from the start") {
    const Catalog& cat = test_catalog();
    LessonStep step;
    step.id = "phone-panel";
    step.beats = {{"a", {}, {}, {}},
                  {"b", {{"pods", false, 2, {}}}, {}, {}},
                  {"c", {{"type", true, 0, "m5.large"}}, {}, {}}};
    StepModels m = make_step_models(cat);
    REQUIRE(enter_beat(m, step, -1, 0, cat).ok());
    CHECK(live_value(m, "phone-panel", "pods") == "0");
    REQUIRE(enter_beat(m, step, 0, 1, cat).ok());
    CHECK(live_value(m, "phone-panel", "pods") == "2");
    // The learner adds a desk; Next keeps the room size the beat did not set... and beat 2
    // sets a new room size, which empties the room.
    apply(m.phone_panel, DeskAction::AddDesk);
    CHECK(live_value(m, "phone-panel", "pods") == "3");
    REQUIRE(enter_beat(m, step, 1, 2, cat).ok());
    CHECK(m.phone_panel.type.name == "m5.large");
    CHECK(live_value(m, "phone-panel", "pods") == "0");
    // Back to beat 1 replays beats 0 and 1 from the opening state: t3.small with 2 desks.
    REQUIRE(enter_beat(m, step, 2, 1, cat).ok());
    CHECK(m.phone_panel.type.name == "t3.small");
    CHECK(live_value(m, "phone-panel", "pods") == "2");
    // A step without a model and unknown names give nothing, and never fail.
    LessonStep other;
    other.id = "no-model";
    other.beats = {{"x", {}, {}, {}}};
    CHECK(enter_beat(m, other, -1, 0, cat).ok());
    CHECK(live_value(m, "no-model", "pods").empty());
    CHECK(live_value(m, "phone-panel", "nothing").empty());
    CHECK_FALSE(goal_met(m, "phone-panel", "nothing"));
}

TEST_CASE("render_beat fills the live numbers as the step stands at that beat") {
    const Lessons& lessons = test_lessons();
    const int i = find_step(lessons, "phone-panel");
    REQUIRE(i >= 0);
    const LessonStep& step = lessons.steps[static_cast<size_t>(i)];
    for (size_t b = 0; b < step.beats.size(); ++b) {
        const std::string text =
            render_beat(lessons, step, static_cast<int>(b), Terms::Aws, test_catalog());
        CHECK_FALSE(text.empty());
        CHECK(text.find("[[") == std::string::npos);
        CHECK(text.find('{') == std::string::npos);
    }
    CHECK(render_beat(lessons, step, 99, Terms::Aws, test_catalog()).empty());
}

namespace {

std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (size_t i = 0; i < text.size(); ++i) {
        cur += text[i];
        const bool end = (text[i] == '.' || text[i] == '?' || text[i] == '!') &&
                         (i + 1 == text.size() || text[i + 1] == ' ');
        if (end) {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

int words(const std::string& text) {
    std::istringstream in(text);
    int n = 0;
    for (std::string w; in >> w;)
        ++n;
    return n;
}

}  // namespace

TEST_CASE("every beat of a step with a model is short: at most 65 words, no sentence over 30") {
    const Lessons& lessons = test_lessons();
    for (const LessonStep& step : lessons.steps) {
        if (!has_model(step.id)) continue;
        for (size_t b = 0; b < step.beats.size(); ++b) {
            // In the longer of the two vocabularies: campus words with the AWS term beside.
            const std::string text =
                render_beat(lessons, step, static_cast<int>(b), Terms::Aws, test_catalog());
            INFO(step.id << " beat " << b << ": " << text);
            CHECK(words(text) <= 65);
            for (const std::string& s : sentences(text))
                CHECK(words(s) <= 30);
        }
    }
}

TEST_CASE("a step with a model opens with something to do: its first beat has a goal") {
    for (const LessonStep& step : test_lessons().steps) {
        if (!has_model(step.id)) continue;
        INFO(step.id);
        CHECK_FALSE(step.beats.front().goal.empty());
    }
}

TEST_CASE("format: digits, commas every three, a count with its singular") {
    CHECK(core::num(0) == "0");
    CHECK(core::num(-12) == "-12");
    CHECK(core::with_commas(0) == "0");
    CHECK(core::with_commas(999) == "999");
    CHECK(core::with_commas(1000) == "1,000");
    CHECK(core::with_commas(131072) == "131,072");
    CHECK(core::with_commas(281474976710656LL) == "281,474,976,710,656");
    CHECK(core::with_commas(-1024) == "-1,024");
    CHECK(core::with_commas(std::numeric_limits<long long>::min()) == "-9,223,372,036,854,775,808");
    CHECK(core::count(1, "ENI", "ENIs") == "1 ENI");
    CHECK(core::count(3, "ENI", "ENIs") == "3 ENIs");
    CHECK(core::count(0, "pod", "pods") == "0 pods");
}

TEST_CASE("render_terms: the article before a term fits the word of each vocabulary") {
    const Lessons& l = test_lessons();
    CHECK(render_terms(l, "a {switchboard} and a {desk}", Terms::Analogy) ==
          "a switchboard and a desk");
    CHECK(render_terms(l, "a {switchboard} and a {desk}", Terms::Aws) ==
          "an overlay agent and a pod");
    CHECK(render_terms(l, "An {overlaycni} asks a {manager}", Terms::Analogy) ==
          "A private intercom asks a receptionist");
    CHECK(render_terms(l, "An {overlaycni} asks a {manager}", Terms::Aws) ==
          "An overlay CNI asks an ipamd");
    CHECK(render_terms(l, "a {panel}, a {natgw}, a {campus}, a {block}", Terms::Aws) ==
          "an ENI, a NAT gateway, a VPC, a /28 prefix");
    CHECK(render_terms(l, "an {ext} via a {ext}", Terms::Aws) == "an IP address via an IP address");
    // Only a whole word "a" changes: "via" and "data" stay as written.
    CHECK(render_terms(l, "via {ext}, data {ext}", Terms::Aws) ==
          "via IP address, data IP address");
}

TEST_CASE("find_unknown_term: skips {{ and known terms, stops at an unknown, unclosed or $") {
    const std::vector<Term> terms = {{"desk", "desk", "pod"}, {"panel", "phone panel", "ENI"}};
    TermScan s = find_unknown_term("a {desk} and a {panel+}, {{literal}", &terms);
    CHECK(s.kind == TermScan::Kind::None);
    s = find_unknown_term("a {desk} and a {panl+}", &terms);
    CHECK(s.kind == TermScan::Kind::Unknown);
    CHECK(s.pos == 15);
    CHECK(s.key == "panl");
    CHECK(s.raw == "panl+");
    s = find_unknown_term("a {desk", &terms);
    CHECK(s.kind == TermScan::Kind::Unclosed);
    CHECK(s.raw == "{desk");
    s = find_unknown_term("{desk} costs $free {nope}", &terms, 0, true);
    CHECK(s.kind == TermScan::Kind::Dollar);
    CHECK(s.pos == 13);
    CHECK(find_unknown_term("{desk} costs $free {nope}", &terms, 14, true).key == "nope");
    CHECK(find_unknown_term("{nope} $x", nullptr, 0, true).pos == 7);
}
