// context.h: what a view is handed, and what it hands back (DESIGN.md point 5).
//
// A view draws its step from a small context: the catalog, the fonts, the vocabulary, the
// beat of the step being shown and the live term the learner points at in the text. It
// never sees the App. What the frame needs from it comes back as a ViewOut: the sentence of
// live numbers mirrored for screen readers and how long an animation it started runs.
//
//   web::ViewOut draw_phone_panel(const web::ViewContext& ctx, core::PhonePanel& m, ...) {
//       web::ViewOut out;
//       if (ImGui::Button(ctx.text("Add a {desk}").c_str())) ...;
//       out.live = "...";
//       return out;
//   }
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "catalog.h"
#include "fonts.h"
#include "imgui.h"
#include "lessons.h"

namespace web {

struct ViewContext {
    const core::Catalog& catalog;
    const core::Lessons& lessons;  // the vocabulary: {term} tokens in either words
    const Fonts& fonts;
    core::Terms terms = core::Terms::Analogy;
    int beat = 0;                 // the beat of the step being shown (0 when a step has one)
    std::string_view focus;       // the part of the figure the beat points at ("" if none)
    std::string_view hot;         // the live token of the text under the pointer ("" if none)
    double beat_ms = 0;           // when the beat was entered (platform::now_ms), to animate it
    bool reduced_motion = false;  // the visitor asks for less motion: draw end states at once

    // The part of the figure to light: what the learner points at, else the beat's focus.
    std::string_view lit() const { return hot.empty() ? focus : hot; }
    // How far a beat's change has come, 0 to 1 over `ms` after the beat was entered (eased;
    // 1 at once with reduced motion). A view that animates with it keeps frames coming with
    // ViewOut::animate(beat_ms + ms).
    float beat_ease(double now_ms, double ms = 450) const {
        if (reduced_motion || now_ms >= beat_ms + ms) return 1.0f;
        const float t = static_cast<float>((now_ms - beat_ms) / ms);
        return t <= 0 ? 0.0f : t * t * (3 - 2 * t);
    }

    // Text with its {term} tokens in the current vocabulary.
    std::string text(std::string_view with_tokens) const {
        return core::render_terms(lessons, with_tokens, terms);
    }
    // True when the learner reads AWS words rather than the campus analogy.
    bool aws() const { return terms == core::Terms::Aws; }
};

struct ViewOut {
    bool drawn = true;              // false: the view had nothing to draw (the text stands alone)
    std::string live;               // the view's key numbers in a sentence (screen readers)
    double animate_until_ms = 0;    // frames keep coming until then (platform::now_ms)
    ImVec2 figure_min, figure_max;  // the drawing the beat talks about (screen pixels; empty:
                                    // none), kept in sight on a beat change

    // Keeps frames coming until `until_ms` at least.
    void animate(double until_ms) { animate_until_ms = std::max(animate_until_ms, until_ms); }
    // A view with nothing to draw.
    static ViewOut nothing() {
        ViewOut out;
        out.drawn = false;
        return out;
    }
};

}  // namespace web
