// live_text.cpp: a paragraph with live numbers, pointers and editable numbers (live_text.h).
#include "live_text.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "draw_campus.h"
#include "locate.h"
#include "ui.h"

namespace web {
namespace {

constexpr float kPillPadX = 13.0f;    // room for the little arrows either side of a number
constexpr float kDragPxPerStep = 14;  // sideways pixels per unit when dragging a number
using color::kPill;
using color::kPillHot;

// A piece of the paragraph that never breaks: a word, a live number, a pill.
struct Word {
    std::string text;
    int span = -1;  // the live token it belongs to (index into spans), -1 for plain words
    bool space_before = false;
    float width = 0;
    ImVec2 at;  // top-left, screen pixels, once laid out
};

void add_words(std::vector<Word>& words, const std::string& text, int span, bool& space) {
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\n') {
            space = true;
            ++i;
            continue;
        }
        size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n')
            ++end;
        words.push_back({text.substr(i, end - i), span, space, 0, {}});
        space = false;
        i = end;
    }
}

// The little arrows of an editable number, pointing out of the pill on both sides.
void pill_arrows(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col) {
    const float cy = (a.y + b.y) * 0.5f, s = 3.5f;
    dl->AddTriangleFilled(ImVec2(a.x + 4, cy), ImVec2(a.x + 4 + s, cy - s),
                          ImVec2(a.x + 4 + s, cy + s), col);
    dl->AddTriangleFilled(ImVec2(b.x - 4, cy), ImVec2(b.x - 4 - s, cy - s),
                          ImVec2(b.x - 4 - s, cy + s), col);
}

}  // namespace

// The box a tap on an editable number opens: -, the number to type in, +.
std::optional<long long> edit_popup(const char* popup, const core::Knob& k, long long value) {
    std::optional<long long> changed;
    if (!ImGui::BeginPopup(popup)) return changed;
    long long v = value;
    ImGui::BeginDisabled(v <= k.min);
    if (ImGui::Button("-", ImVec2(ImGui::GetFrameHeight() * 1.3f, 0))) --v;
    ImGui::EndDisabled();
    ImGui::SameLine(0, 4);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    number_field("##type", v, k.min, k.max, ImGui::CalcTextSize("00000").x + 16);
    ImGui::SameLine(0, 4);
    ImGui::BeginDisabled(v >= k.max);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight() * 1.3f, 0))) ++v;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Done")) ImGui::CloseCurrentPopup();
    v = std::clamp(v, k.min, k.max);
    if (v != value) changed = v;
    ImGui::EndPopup();
    return changed;
}

namespace {

// The paragraph's words, in order; a live token is one word (a Point span's words each carry
// it), its text the step's live value.
std::vector<Word> collect_words(const std::vector<core::TextSpan>& spans,
                                const core::StepModels& models, std::string_view step_id) {
    std::vector<Word> words;
    bool space = false;
    for (size_t i = 0; i < spans.size(); ++i) {
        const core::TextSpan& s = spans[i];
        const int index = static_cast<int>(i);
        switch (s.kind) {
            case core::TextSpan::Kind::Plain:
                add_words(words, s.text, -1, space);
                break;
            case core::TextSpan::Kind::Point:
                add_words(words, s.text, index, space);
                break;
            case core::TextSpan::Kind::Value:
            case core::TextSpan::Kind::Edit: {
                std::string v = core::live_value(models, step_id, s.name);
                words.push_back({v.empty() ? "?" : v, index, space, 0, {}});
                space = false;
                break;
            }
        }
    }
    return words;
}

// Lays the words out from origin, greedy, breaking at spaces; a word wider than the line is
// cut. Returns the top of the last line, relative to origin.
float lay_out_words(std::vector<Word>& words, const std::vector<core::TextSpan>& spans,
                    ImVec2 origin, float width, float line_h) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float space_w = font->CalcTextSizeA(size, FLT_MAX, 0, " ").x;
    float x = 0, y = 0;
    for (size_t i = 0; i < words.size(); ++i) {
        Word& w = words[i];
        const bool pill =
            w.span >= 0 && spans[static_cast<size_t>(w.span)].kind == core::TextSpan::Kind::Edit;
        w.width =
            font->CalcTextSizeA(size, FLT_MAX, 0, w.text.c_str()).x + (pill ? 2 * kPillPadX : 0);
        const float lead = (x > 0 && w.space_before) ? space_w : 0;
        // A run of words with no space between them ("3" and ",") breaks as one.
        float run = w.width;
        for (size_t j = i + 1; j < words.size() && !words[j].space_before; ++j)
            run += font->CalcTextSizeA(size, FLT_MAX, 0, words[j].text.c_str()).x;
        if (!w.space_before && i > 0) run = 0;  // glued to the word before: never breaks here
        if (x > 0 && run > 0 && x + lead + std::min(run, width) > width) {
            x = 0;
            y += line_h;
        } else {
            x += lead;
        }
        if (w.width > width && !pill) {  // one word longer than the whole line
            const char* s = w.text.c_str();
            const char* cut = overlong_word_cut(font, size, width, s, s + w.text.size());
            Word tail = w;
            tail.text = std::string(cut);
            tail.space_before = false;
            w.text = std::string(s, cut);
            w.width = font->CalcTextSizeA(size, FLT_MAX, 0, w.text.c_str()).x;
            words.insert(words.begin() + static_cast<long>(i) + 1, tail);
        }
        words[i].at = ImVec2(origin.x + x, origin.y + y);
        x += words[i].width;
    }
    return y;
}

// Draws an editable number as a pill and makes it a control: drag it sideways, or tap it to
// type. A change goes to out.edit; hovering it makes it out.hot.
void edit_pill(const Word& w, const core::TextSpan& s, const core::StepInfo* info, bool hot,
               ImVec2 b, LiveTextOut& out) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    ImGuiStorage* store = ImGui::GetStateStorage();
    const core::Knob* k = info ? core::find_knob(*info, s.name) : nullptr;
    const ImVec2 a(w.at.x, w.at.y - 1);
    const ImVec2 bb(b.x, b.y + 1);
    dl->AddRectFilled(a, bb, hot ? kPillHot : kPill, 6);
    pill_arrows(dl, a, bb, hot ? color::kHighlight : color::kAccent);
    dl->AddText(font, size, ImVec2(w.at.x + kPillPadX, w.at.y),
                hot ? color::kHighlight : color::kAccent, w.text.c_str());
    if (k == nullptr) return;
    const std::string id = "##edit-" + s.name;
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton(id.c_str(), ImVec2(bb.x - a.x, bb.y - a.y));
    locate_note(id.c_str());
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        out.hot = s.name;
    }
    const ImGuiID start_id = ImGui::GetID("start");
    const ImGuiID dragged_id = ImGui::GetID("dragged");
    const long long value = std::atoll(w.text.c_str());
    if (ImGui::IsItemActivated()) {
        store->SetInt(start_id, static_cast<int>(value));
        store->SetBool(dragged_id, false);
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f)) {
        const float dx = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).x;
        const long long start = store->GetInt(start_id, static_cast<int>(value));
        const long long next = std::clamp(
            start + static_cast<long long>(std::lround(dx / kDragPxPerStep)), k->min, k->max);
        store->SetBool(dragged_id, true);
        if (next != value) out.edit = core::Setting{s.name, false, next, {}};
    }
    const std::string popup = "##popup-" + s.name;
    if (ImGui::IsItemDeactivated() && !store->GetBool(dragged_id)) ImGui::OpenPopup(popup.c_str());
    if (std::optional<long long> v = edit_popup(popup.c_str(), *k, value))
        out.edit = core::Setting{s.name, false, *v, {}};
}

}  // namespace

LiveTextOut live_text(const ViewContext& ctx, const core::StepModels& models,
                      std::string_view step_id, std::string_view text, std::string_view hot_in) {
    LiveTextOut out;
    const std::vector<core::TextSpan> spans = core::parse_live_text(ctx.text(text));
    const core::StepInfo* info = core::find_step_info(step_id);
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float line_h = std::round(size * 1.45f);
    const float width = std::max(40.0f, ImGui::GetContentRegionAvail().x);

    std::vector<Word> words = collect_words(spans, models, step_id);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float y = lay_out_words(words, spans, origin, width, line_h);
    const ImVec2 block(width, y + line_h);
    out.min = origin;
    out.max = ImVec2(origin.x + block.x, origin.y + block.y);

    // What the pointer is on: a word of a live token.
    const bool window_hovered =
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    for (const Word& w : words) {
        if (w.span < 0 || !window_hovered) continue;
        const ImVec2 b(w.at.x + w.width, w.at.y + line_h);
        if (ImGui::IsMouseHoveringRect(w.at, b)) out.hot = spans[static_cast<size_t>(w.span)].name;
    }

    // Draw, and give each editable number its button (drag sideways, or tap to type).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string_view lit = !out.hot.empty() ? std::string_view(out.hot) : hot_in;
    const float text_h = ImGui::GetTextLineHeight();
    for (const Word& w : words) {
        if (w.span < 0) {
            dl->AddText(font, size, w.at, color::kInk, w.text.c_str());
            continue;
        }
        const core::TextSpan& s = spans[static_cast<size_t>(w.span)];
        const bool hot = !lit.empty() && lit == s.name;
        const ImVec2 b(w.at.x + w.width, w.at.y + text_h);
        if (s.kind == core::TextSpan::Kind::Edit) {
            edit_pill(w, s, info, hot, b, out);
            continue;
        }
        const ImU32 col =
            hot ? color::kHighlight
                : (s.kind == core::TextSpan::Kind::Value ? color::kAccent : color::kInk);
        if (hot)
            dl->AddRectFilled(ImVec2(w.at.x - 2, w.at.y - 1), ImVec2(b.x + 2, b.y + 1), kPillHot,
                              3);
        dl->AddText(font, size, w.at, col, w.text.c_str());
        // A dotted underline says "point at me".
        for (float dx = 0; dx < w.width; dx += 4)
            dl->AddLine(ImVec2(w.at.x + dx, b.y), ImVec2(std::min(w.at.x + dx + 2, b.x), b.y),
                        hot ? color::kHighlight : color::kAccent, 1.0f);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(block);
    return out;
}

}  // namespace web
