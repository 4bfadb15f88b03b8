// fuzz_lessons.cpp: libFuzzer target for the lesson loader and term rendering
// (core/lessons.h).
//
// Two uses of one input. As a lessons file: load_lessons never crashes; what loads has
// unique, findable step ids, known views, at least one paragraph per step, reading links
// that are https pages of AWS's documentation hosts, and renders in
// both vocabularies with every defined token replaced. As text: render_terms over the shipped
// lessons' glossary never crashes and leaves text without '{' unchanged.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "lessons.h"

namespace {

void check_rendered(const core::Lessons& l, const std::string& text, const std::string& where) {
    for (core::Terms t : {core::Terms::Analogy, core::Terms::Aws}) {
        const std::string out = core::render_terms(l, text, t);
        // Every token was validated at load time, so none may survive rendering unless the
        // text writes a literal brace ("{{") or a replacement text itself holds braces.
        bool braces_in_terms = text.find("{{") != std::string::npos;
        for (const core::Term& term : l.terms) {
            braces_in_terms = braces_in_terms || term.analogy.find('{') != std::string::npos ||
                              term.aws.find('{') != std::string::npos;
        }
        if (!braces_in_terms) {
            for (const core::Term& term : l.terms) {
                FUZZ_CHECK(out.find("{" + term.key + "}") == std::string::npos,
                           where + ": token {" + term.key + "} survived rendering");
            }
        }
    }
}

void check_loaded(const core::Lessons& l) {
    FUZZ_CHECK(!l.steps.empty() && l.steps.size() <= 64, "step count");
    for (size_t i = 0; i < l.steps.size(); ++i) {
        const core::LessonStep& s = l.steps[i];
        FUZZ_CHECK(core::find_step(l, s.id) == static_cast<int>(i), "step id not unique: " + s.id);
        FUZZ_CHECK(!s.beats.empty() && s.beats.size() <= core::kMaxBeats, "beat count: " + s.id);
        const core::StepInfo* info = core::find_step_info(s.id);
        check_rendered(l, s.title, s.id + ".title");
        for (const core::LessonBeat& b : s.beats) {
            check_rendered(l, b.text, s.id + ".beats");
            FUZZ_CHECK(core::check_live_text(info, b.text).empty(),
                       "unknown live token kept: " + s.id);
            for (const core::Setting& k : b.settings)
                FUZZ_CHECK(info != nullptr && core::check_setting(*info, k).ok(),
                           "unchecked setting kept: " + s.id + "." + k.name);
            FUZZ_CHECK(b.focus.empty() || (info && core::has_name(info->parts, b.focus)),
                       "unknown focus kept: " + s.id);
            FUZZ_CHECK(b.goal.empty() || (info && core::has_name(info->goals, b.goal)),
                       "unknown goal kept: " + s.id);
        }
        for (const std::string& p : s.takeaways)
            check_rendered(l, p, s.id + ".takeaways");
        FUZZ_CHECK(s.reading.size() <= core::kMaxReading, "reading count: " + s.id);
        for (const core::Reading& r : s.reading) {
            FUZZ_CHECK(core::check_reading_url(r.url).ok(), "unchecked link kept: " + r.url);
            FUZZ_CHECK(r.url.rfind("https://", 0) == 0, "a link that is not https: " + r.url);
            FUZZ_CHECK(!r.title.empty() && r.title.size() <= core::kMaxReadingTitle,
                       "reading title length: " + s.id);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text(data, size);

    core::Result<core::Lessons> l = core::load_lessons(text);
    if (l) {
        check_loaded(*l);
    } else {
        FUZZ_CHECK(!l.error().message.empty(), "a refusal without a message");
    }

    const core::Lessons& shipped = fuzz::lessons();
    for (core::Terms t : {core::Terms::Analogy, core::Terms::Aws}) {
        const std::string out = core::render_terms(shipped, text, t);
        if (text.find('{') == std::string_view::npos) {
            FUZZ_CHECK(out == text, "text without tokens changed by rendering");
        }
    }
    FUZZ_CHECK(core::find_step(shipped, text) < 0 ||
                   shipped.steps[static_cast<size_t>(core::find_step(shipped, text))].id == text,
               "find_step found the wrong step");
    return 0;
}
