// embed_button.h: "Embed this step": a button that opens a small panel with the HTML a
// blog author pastes to show the current step in their page (embed.js + a div, or a plain
// iframe), with a Copy button (platform::copy_text). Options (AWS words, minimal
// controls) live in ImGui's own state storage; the App holds nothing for it.
#pragma once

#include <string>

#include "context.h"

namespace web {

// What an embed shows: a step, the beat it opens at (0: the first), its words and controls.
struct EmbedOptions {
    std::string step;
    int beat = 0;
    bool aws_words = false;
    bool min_controls = false;
};

// The snippet for one step: the embed.js script tag and the placeholder div. base is the
// folder the tutorial is served from ("https://example.org/campus/").
std::string embed_snippet(const std::string& base, const EmbedOptions& options);
// The same step as a plain iframe, for sites that allow no scripts.
std::string embed_iframe(const std::string& base, const EmbedOptions& options);
// Draws the "Embed this step" button at the cursor and, once pressed, its panel.
void draw_embed_button(const ViewContext& ctx, const core::LessonStep& step);

}  // namespace web
