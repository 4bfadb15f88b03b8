// embed_button.cpp: the "Embed this step" button and its snippet panel (see embed_button.h).
#include "embed_button.h"

#include <algorithm>

#include "format.h"
#include "imgui.h"
#include "platform.h"
#include "ui.h"

namespace web {
namespace {

std::string fragment(const EmbedOptions& o) {
    std::string f = "step=" + o.step;
    if (o.beat > 0) f += "&beat=" + std::to_string(o.beat);
    if (o.aws_words) f += "&terms=aws";
    if (o.min_controls) f += "&controls=min";
    return f;
}

// One labelled snippet: the text, wrapped, in a framed box, and its Copy button.
void snippet_box(const char* id, const char* label, const std::string& text, bool& copied) {
    ImGui::PushID(id);
    ImGui::TextUnformatted(label);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, color::kBuilding);
    const float wrap = ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().WindowPadding.x;
    const float h = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y +
                    2 * ImGui::GetStyle().WindowPadding.y + 2;
    ImGui::BeginChild("##code", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (ImGui::Button("Copy")) {
        platform::copy_text(text);
        copied = true;
    }
    if (copied) {
        ImGui::SameLine();
        ImGui::TextColored(rgba(color::kGood), "Copied to the clipboard");
    }
    ImGui::PopID();
}

}  // namespace

std::string embed_snippet(const std::string& base, const EmbedOptions& o) {
    std::string out = "<script src=\"" + core::html_escape(base) + "embed.js\" defer></script>\n";
    out += "<div class=\"cni-campus\" data-step=\"" + core::html_escape(o.step) + "\"";
    if (o.beat > 0) out += " data-beat=\"" + std::to_string(o.beat) + "\"";
    if (o.aws_words) out += " data-terms=\"aws\"";
    if (o.min_controls) out += " data-controls=\"min\"";
    out += "></div>";
    return out;
}

std::string embed_iframe(const std::string& base, const EmbedOptions& o) {
    return "<iframe src=\"" + core::html_escape(base) + "embed.html#" +
           core::html_escape(fragment(o)) +
           "\" title=\"CNI Campus interactive tutorial\" width=\"100%\" height=\"560\" "
           "loading=\"lazy\"></iframe>";
}

void draw_embed_button(const ViewContext& ctx, const core::LessonStep& step) {
    ImGuiStorage* store = ImGui::GetStateStorage();
    const ImGuiID aws_id = ImGui::GetID("embed-aws");
    const ImGuiID min_id = ImGui::GetID("embed-min");
    const ImGuiID beat_id = ImGui::GetID("embed-beat");
    const ImGuiID copied_id = ImGui::GetID("embed-copied");
    if (ImGui::Button("Embed this step")) {
        store->SetBool(aws_id, ctx.aws());
        store->SetBool(min_id, false);
        store->SetBool(beat_id, ctx.beat > 0 && ctx.beat < static_cast<int>(step.beats.size()));
        store->SetInt(copied_id, 0);
        ImGui::OpenPopup("##embed");
        platform::request_frame();
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(580.0f, display.x - 24.0f);
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, display.y - 24.0f));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, color::kRoom);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kLine);
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    const bool open = ImGui::BeginPopup("##embed");
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    if (!open) return;
    ImGui::PushFont(ctx.fonts.strong);
    ImGui::TextUnformatted("Embed this step in your blog");
    ImGui::PopFont();
    wrapped_text(("Paste this where \"" + ctx.text(step.title) +
                  "\" should appear. Readers see a light picture first; the tutorial loads "
                  "only when they press Start.")
                     .c_str(),
                 color::kMuted);
    bool aws = store->GetBool(aws_id);
    bool min = store->GetBool(min_id);
    if (checkbox_wrapped("AWS words", &aws)) store->SetBool(aws_id, aws);
    ImGui::SameLine(0, 24);
    if (checkbox_wrapped("Only this step (no step list)", &min)) store->SetBool(min_id, min);
    // A beat past the first (never the practice beat) can be where the embed opens.
    bool at_beat = store->GetBool(beat_id);
    const bool beat_here = ctx.beat > 0 && ctx.beat < static_cast<int>(step.beats.size());
    if (beat_here) {
        const std::string label = "Open at this beat (" + std::to_string(ctx.beat + 1) + " of " +
                                  std::to_string(step.beats.size()) + ")";
        if (checkbox_wrapped(label.c_str(), &at_beat)) store->SetBool(beat_id, at_beat);
    }
    const EmbedOptions options{step.id, beat_here && at_beat ? ctx.beat : 0, aws, min};
    const std::string base = platform::page_base_url();
    int copied = store->GetInt(copied_id);
    bool copied_script = copied == 1, copied_frame = copied == 2;
    ImGui::Spacing();
    snippet_box("script", "With a start button (recommended):", embed_snippet(base, options),
                copied_script);
    ImGui::Spacing();
    snippet_box("iframe", "Or as a plain iframe (loads at once):", embed_iframe(base, options),
                copied_frame);
    if (copied_script && copied != 1) store->SetInt(copied_id, 1);
    if (copied_frame && copied != 2) store->SetInt(copied_id, 2);
    ImGui::Spacing();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace web
