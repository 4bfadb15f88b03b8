// ui.cpp: the ui kit (see ui.h).
#include "ui.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "draw_campus.h"
#include "event_words.h"
#include "format.h"
#include "keyboard.h"
#include "locate.h"
#include "platform.h"
#include "steps/campus.h"

namespace web {

void draw_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const char* text,
               const char* end, float wrap_width) {
    dl->AddText(font, size, pos, col, text, end, wrap_width);
    if (end == nullptr) end = text + std::strlen(text);
    ImGui::LogText("%.*s\n", static_cast<int>(end - text), text);  // nothing unless logging
}

namespace {

// The dark theme: each palette colour's dark value (ui.h holds the light ones). Meaning colours
// (desks green, panel-own orange, spare blue, prefix purple, bad red, good green, accent blue,
// highlight magenta) keep their hue, lifted where they are words on the dark paper (WCAG AA:
// 4.5:1 or more for text); surfaces become dark blue-greys a step apart.
struct DarkColor {
    ImU32* color;
    ImU32 dark;
};
const DarkColor kDark[] = {
    {&color::kInk, IM_COL32(226, 232, 242, 255)},
    {&color::kMuted, IM_COL32(158, 168, 188, 255)},
    {&color::kLine, IM_COL32(62, 72, 92, 255)},
    {&color::kPaper, IM_COL32(18, 22, 30, 255)},
    {&color::kBuilding, IM_COL32(30, 38, 54, 255)},
    {&color::kRoom, IM_COL32(26, 31, 42, 255)},
    {&color::kPanel, IM_COL32(62, 98, 160, 255)},
    {&color::kSlotFree, IM_COL32(58, 66, 84, 255)},
    {&color::kSlotMain, IM_COL32(240, 164, 60, 255)},
    {&color::kSlotDesk, IM_COL32(46, 160, 110, 255)},
    {&color::kSlotWarm, IM_COL32(130, 184, 232, 255)},
    {&color::kAccent, IM_COL32(110, 160, 255, 255)},
    {&color::kAccentFill, IM_COL32(37, 99, 235, 255)},
    {&color::kAccentHover, IM_COL32(56, 118, 245, 255)},
    {&color::kBad, IM_COL32(248, 113, 113, 255)},
    {&color::kGood, IM_COL32(74, 190, 120, 255)},
    {&color::kOwnNumber, IM_COL32(74, 190, 130, 255)},
    {&color::kPrivateNumber, IM_COL32(178, 142, 245, 255)},
    {&color::kRoomNumber, IM_COL32(232, 156, 64, 255)},
    {&color::kPublicNumber, IM_COL32(110, 160, 255, 255)},
    {&color::kSwap, IM_COL32(240, 164, 60, 255)},
    {&color::kFrame, IM_COL32(34, 41, 56, 255)},
    {&color::kFrameHover, IM_COL32(44, 54, 74, 255)},
    {&color::kFrameActive, IM_COL32(54, 68, 94, 255)},
    {&color::kButton, IM_COL32(40, 50, 70, 255)},
    {&color::kButtonHover, IM_COL32(54, 70, 102, 255)},
    {&color::kButtonActive, IM_COL32(68, 88, 128, 255)},
    {&color::kHeader, IM_COL32(40, 58, 94, 255)},
    {&color::kHeaderHover, IM_COL32(50, 70, 112, 255)},
    {&color::kHeaderActive, IM_COL32(62, 84, 132, 255)},
    {&color::kPopup, IM_COL32(30, 36, 48, 250)},
    {&color::kCardBg, IM_COL32(26, 31, 42, 255)},
    {&color::kCardLine, IM_COL32(66, 77, 99, 255)},
    {&color::kOption, IM_COL32(34, 39, 50, 255)},
    {&color::kOptionHover, IM_COL32(50, 52, 58, 255)},
    {&color::kOptionChosen, IM_COL32(30, 52, 96, 255)},
    {&color::kOptionRight, IM_COL32(22, 66, 44, 255)},
    {&color::kOptionWrong, IM_COL32(86, 32, 34, 255)},
    {&color::kResultGood, IM_COL32(24, 58, 40, 255)},
    {&color::kResultBad, IM_COL32(76, 30, 32, 255)},
    {&color::kStepper, IM_COL32(44, 54, 76, 255)},
    {&color::kStepperHover, IM_COL32(56, 70, 100, 255)},
    {&color::kStepperActive, IM_COL32(70, 88, 126, 255)},
    {&color::kRefused, IM_COL32(112, 118, 132, 255)},
    {&color::kPill, IM_COL32(34, 56, 100, 255)},
    {&color::kPillHot, IM_COL32(104, 32, 70, 255)},
    {&color::kPager, IM_COL32(58, 48, 26, 255)},
    {&color::kMarkedRow, IM_COL32(96, 80, 22, 255)},
    {&color::kChosenRow, IM_COL32(70, 60, 26, 255)},
    {&color::kBadCell, IM_COL32(120, 48, 50, 255)},
    {&color::kAddrReserved, IM_COL32(128, 136, 152, 255)},
    {&color::kAddrIp, IM_COL32(82, 142, 216, 255)},
    {&color::kAddrPrefix, IM_COL32(160, 122, 222, 255)},
    {&color::kAddrOther, IM_COL32(168, 122, 92, 255)},
    {&color::kAddrFree, IM_COL32(44, 52, 70, 255)},
    {&color::kPending, IM_COL32(240, 96, 96, 255)},
    {&color::kHighlight, IM_COL32(255, 84, 164, 255)},
    {&color::kTrunk, IM_COL32(124, 98, 176, 255)},
    {&color::kDashed, IM_COL32(104, 116, 140, 255)},
    {&color::kGhostCell, IM_COL32(54, 62, 80, 255)},
};
constexpr size_t kThemed = sizeof(kDark) / sizeof(kDark[0]);
ImU32 g_light[kThemed];  // the light values, read from the palette before the first switch
bool g_light_saved = false;
bool g_dark = false;

void style_colors() {
    ImGuiStyle& s = ImGui::GetStyle();
    const ImVec4 nav = s.Colors[ImGuiCol_NavHighlight];  // the keyboard's own (keyboard_init)
    if (g_dark) {
        ImGui::StyleColorsDark(&s);
    } else {
        ImGui::StyleColorsLight(&s);
    }
    ImVec4* c = s.Colors;
    c[ImGuiCol_NavHighlight] = nav;
    c[ImGuiCol_Text] = rgba(color::kInk);
    c[ImGuiCol_TextDisabled] = rgba(color::kMuted);
    c[ImGuiCol_WindowBg] = rgba(color::kPaper);
    c[ImGuiCol_ChildBg] = rgba(color::kRoom);
    c[ImGuiCol_Border] = rgba(color::kLine);
    c[ImGuiCol_FrameBg] = rgba(color::kFrame);
    c[ImGuiCol_FrameBgHovered] = rgba(color::kFrameHover);
    c[ImGuiCol_FrameBgActive] = rgba(color::kFrameActive);
    c[ImGuiCol_Button] = rgba(color::kButton);
    c[ImGuiCol_ButtonHovered] = rgba(color::kButtonHover);
    c[ImGuiCol_ButtonActive] = rgba(color::kButtonActive);
    c[ImGuiCol_Header] = rgba(color::kHeader);
    c[ImGuiCol_HeaderHovered] = rgba(color::kHeaderHover);
    c[ImGuiCol_HeaderActive] = rgba(color::kHeaderActive);
    c[ImGuiCol_SliderGrab] = rgba(color::kAccent);
    c[ImGuiCol_SliderGrabActive] = rgba(color::kAccentHover);
    c[ImGuiCol_CheckMark] = rgba(color::kAccent);
    c[ImGuiCol_PopupBg] = rgba(color::kPopup);
    if (g_dark) {  // the light theme keeps StyleColorsLight's separators and tables
        c[ImGuiCol_Separator] = rgba(color::kLine);
        c[ImGuiCol_TableHeaderBg] = rgba(color::kBuilding);
        c[ImGuiCol_TableBorderStrong] = rgba(color::kLine);
        c[ImGuiCol_TableBorderLight] = rgba(color::kLine);
        c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.04f);
    }
}

}  // namespace

void set_theme(bool dark) {
    if (!g_light_saved) {
        for (size_t i = 0; i < kThemed; ++i)
            g_light[i] = *kDark[i].color;
        g_light_saved = true;
    }
    for (size_t i = 0; i < kThemed; ++i)
        *kDark[i].color = dark ? kDark[i].dark : g_light[i];
    g_dark = dark;
    style_colors();
}

bool theme_dark() {
    return g_dark;
}

void apply_theme() {
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 0;
    s.ChildRounding = 6;
    s.FrameRounding = 5;
    s.GrabRounding = 5;
    s.PopupRounding = 6;
    s.TabRounding = 5;
    s.WindowPadding = ImVec2(16, 12);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 8);
    s.ScrollbarSize = 12;
    s.GrabMinSize = 14;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 1;
    s.FrameBorderSize = 1;  // an empty checkbox or field must show its edge on white
    style_colors();
}

// The end of the longest head of the word [s, word_end) that fits in width, never empty:
// after the last '_', '=', '/' or '.' in its second half if there is one, else at a
// character. ImFont::CalcTextSizeA with a max width stops before the first glyph that
// would pass it, keeping UTF-8 sequences whole.
const char* overlong_word_cut(ImFont* font, float size, float width, const char* s,
                              const char* word_end) {
    const char* cut = s;
    font->CalcTextSizeA(size, width, 0.0f, s, word_end, &cut);
    if (cut == s) {  // not even one glyph fits: take it anyway, the line must move on
        ++cut;
        while (cut < word_end && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80)
            ++cut;
    }
    for (const char* q = cut; q > s + (cut - s) / 2; --q) {
        const char c = q[-1];
        if (c == '_' || c == '=' || c == '/' || c == '.') return q;
    }
    return cut;
}

// ImGui's own wrapping also breaks after '.', ',' and '-', which splits numbers and
// addresses across lines ("131,|072", "192.168.|x"). This breaks at spaces and newlines
// only; a single word wider than the line is cut where it fits (overlong_word_cut) and
// its tail starts the next line. The lines are a group, so after a bullet (SameLine)
// they all start where the first one did, and they sit as close as ImGui's own
// multi-line text.
void refusal_text(const ViewContext& ctx, const std::string& message, core::ErrorCode code,
                  const core::Node* room) {
    const std::string words = room ? core::refusal_words(code, *room) : std::string();
    wrapped_text(words.empty() ? message.c_str() : ctx.text(words).c_str(), color::kBad);
}

void wrapped_text(const char* text, ImU32 col) {
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const char* end = text + std::strlen(text);
    const char* s = text;
    while (s <= end) {
        const char* nl =
            static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(end - s)));
        if (nl == nullptr) nl = end;
        // Greedy: take words while the line still fits.
        const char* fit = nullptr;  // end of the last word that fits
        const char* p = s;
        while (p < nl) {
            const char* word_end = p;
            while (word_end < nl && *word_end != ' ')
                ++word_end;
            if (fit != nullptr && font->CalcTextSizeA(size, FLT_MAX, 0.0f, s, word_end).x > width)
                break;
            fit = word_end;
            p = word_end;
            while (p < nl && *p == ' ')
                ++p;
        }
        if (fit == nullptr) fit = s;  // an empty line
        if (font->CalcTextSizeA(size, FLT_MAX, 0.0f, s, fit).x > width) {
            // One word longer than the line (AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true on a
            // phone): cut it where it fits, after a '_', '=', '/' or '.' when one is in the
            // second half, and let the rest of it flow on with the words that follow.
            fit = overlong_word_cut(font, size, width, s, fit);
            p = fit;
        }
        ImGui::TextUnformatted(s, fit);
        if (p < nl) {
            s = p;  // the same paragraph goes on
        } else if (nl < end) {
            s = nl + 1;
        } else {
            break;
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::PopStyleColor();
}

void number_cards(const NumberCard* cards, int count, int per_row, ImFont* big,
                  ImFont* caption_font) {
    per_row = std::max(1, per_row);
    const float x0 = ImGui::GetCursorPosX();
    const float col = ImGui::GetContentRegionAvail().x / static_cast<float>(per_row);
    const float wrap = std::max(1.0f, col - 12.0f);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    for (int first = 0; first < count; first += per_row) {
        const int last = std::min(count, first + per_row);
        float label_h = 0;
        for (int i = first; i < last; ++i) {
            const char* label = cards[i].label.c_str();
            label_h = std::max(label_h, ImGui::CalcTextSize(label, nullptr, false, wrap).y);
        }
        for (int i = first; i < last; ++i) {
            const NumberCard& c = cards[i];
            if (i != first) ImGui::SameLine(x0 + col * static_cast<float>(i - first));
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            const float y = ImGui::GetCursorPosY();
            ImGui::PushStyleColor(ImGuiCol_Text, color::kMuted);
            ImGui::TextUnformatted(c.label.c_str());
            ImGui::SetCursorPosY(y + label_h + spacing);
            ImGui::PushFont(big);
            ImGui::PushStyleColor(ImGuiCol_Text, c.value_color);
            ImGui::TextUnformatted(c.value.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
            if (!c.caption.empty()) {
                if (caption_font) ImGui::PushFont(caption_font);
                ImGui::TextUnformatted(c.caption.c_str());
                if (caption_font) ImGui::PopFont();
            }
            ImGui::PopStyleColor();
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
        }
    }
}

void four_number_cards(const ViewContext& ctx, const NumberCard (&cards)[4],
                       const std::vector<std::string_view> (&lit)[4]) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const int per_row = avail >= 560 ? 4 : 2;
    number_cards(cards, 4, per_row, ctx.fonts.big, ctx.fonts.small);
    const float col = avail / static_cast<float>(per_row);
    const float bottom = ImGui::GetCursorScreenPos().y;
    const float mid = per_row == 4 ? top.y : (top.y + bottom) / 2;
    for (int i = 0; i < 4; ++i) {
        if (!core::has_name(lit[i], ctx.lit())) continue;
        const bool first_row = i < per_row;
        const ImVec2 a(top.x + static_cast<float>(i % per_row) * col, first_row ? top.y : mid);
        draw_lit_outline(a, ImVec2(a.x + col - 8, first_row && per_row == 2 ? mid : bottom));
    }
}

namespace {
bool g_number_editing = false;      // a number_field was active in the frame being drawn
bool g_answer_entered = false;      // an answer was sent with Enter in this frame
bool g_number_was_editing = false;  // a number_field was being edited in the last frame
long long g_number_nudge = 0;       // added to the field being edited in the next frame

// Up and Down in a number field nudge its number by one, as in a page's number input (and the
// keyboard's focus stays in the field): ImGui calls this for them with CallbackHistory.
struct NumberRange {
    long long lo, hi;
};
int number_field_keys(ImGuiInputTextCallbackData* d) {
    long long by = 0;
    if (d->EventFlag == ImGuiInputTextFlags_CallbackHistory) {
        by = d->EventKey == ImGuiKey_UpArrow ? 1 : -1;
    } else if (d->EventFlag == ImGuiInputTextFlags_CallbackAlways && g_number_nudge != 0) {
        by = std::exchange(g_number_nudge, 0);  // Page Up / Page Down (number_field_nudge)
    }
    if (by == 0) return 0;
    const NumberRange& r = *static_cast<const NumberRange*>(d->UserData);
    const long long now = std::strtoll(d->Buf, nullptr, 10);
    const long long to = std::clamp(now + by, r.lo, r.hi);
    char text[24];
    std::snprintf(text, sizeof text, "%lld", to);
    d->DeleteChars(0, d->BufTextLen);
    d->InsertChars(0, text);
    return 0;
}
}  // namespace

bool number_field(const char* id, long long& value, long long lo, long long hi, float width) {
    ImGui::SetNextItemWidth(width);
    char text[24];
    std::snprintf(text, sizeof text, "%lld", value);
    NumberRange range{lo, hi};
    bool changed = false;
    if (ImGui::InputText(id, text, sizeof text,
                         ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll |
                             ImGuiInputTextFlags_CallbackHistory |
                             ImGuiInputTextFlags_CallbackAlways,
                         number_field_keys, &range)) {
        char* end = nullptr;
        const long long typed = std::strtoll(text, &end, 10);
        if (end != text) {  // an empty field or a lone sign keeps the number
            const long long kept = std::clamp(typed, lo, hi);
            changed = kept != value;
            value = kept;
        }
    }
    if (ImGui::IsItemActive()) g_number_editing = true;
    if (ImGui::IsItemDeactivated() &&
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))) {
        g_answer_entered = true;
        // As in a page's form, Enter sends the answer and the field keeps the keyboard: the
        // next digits or arrows correct it (from the keyboard; a touch's keyboard goes down).
        keyboard_take_focus_again();
    }
    return changed;
}

bool number_field_editing() {
    const bool was = g_number_editing;
    g_number_was_editing = was;
    g_number_editing = false;
    g_answer_entered = false;  // an Enter no form took in its frame is not kept for later
    return was;
}

bool scroll_down_to(float bottom) {
    const float visible_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (bottom <= visible_bottom) return false;
    ImGui::SetScrollY(ImGui::GetScrollY() + bottom - visible_bottom);
    return true;
}

bool number_field_nudge(long long by) {
    if (!g_number_was_editing) return false;
    g_number_nudge += by;
    return true;
}

void send_answer() {
    g_answer_entered = true;
}

bool answer_entered() {
    const bool was = g_answer_entered;
    g_answer_entered = false;
    return was;
}

bool checkbox_wrapped(const char* label, bool* value) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float box = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x;
    if (ImGui::CalcTextSize(label, nullptr, true).x + box <= ImGui::GetContentRegionAvail().x)
        return ImGui::Checkbox(label, value);
    ImGui::PushID(label);
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    // SameLine after the box carries its text offset (FramePadding.y) to the label's
    // first line; adding it again here set the label half a line low.
    ImGui::BeginGroup();
    wrapped_text(label);
    ImGui::EndGroup();
    // Like the box, the label toggles when a press that began on it is released on it.
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 at = ImGui::GetIO().MouseClickedPos[0];
    const bool pressed_here = at.x >= a.x && at.x < b.x && at.y >= a.y && at.y < b.y;
    if (pressed_here && ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        *value = !*value;
        changed = true;
    }
    ImGui::PopID();
    locate_note(label);  // cniCampus.locate finds it by its label either way
    return changed;
}

bool room_size_row(const ViewContext& ctx, const char* id, const std::string& current, char* filter,
                   int filter_size, std::string& picked) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(capitalized(ctx.text("{instance}")).c_str());
    ImGui::SameLine();
    int type = catalog_index(ctx, current.c_str());
    if (!instance_type_picker(ctx, id, type, filter, filter_size)) return false;
    picked = ctx.catalog.types[static_cast<size_t>(type)].name;
    return true;
}

int catalog_index(const ViewContext& ctx, const char* name) {
    const auto& types = ctx.catalog.types;
    for (size_t i = 0; i < types.size(); ++i) {
        if (types[i].name == name) return static_cast<int>(i);
    }
    return 0;
}

namespace {

bool matches(const std::string& name, const char* filter) {
    if (!*filter) return true;
    std::string f;
    for (const char* p = filter; *p; ++p)
        f += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
    return name.find(f) != std::string::npos;
}

}  // namespace

bool instance_type_picker(const ViewContext& ctx, const char* id, int& type, char* filter,
                          int filter_size, const std::vector<std::string>& step_types) {
    const auto& types = ctx.catalog.types;
    if (types.empty()) {
        ImGui::TextDisabled("(no instance catalog)");
        return false;
    }
    bool changed = false;
    const char* preview = type >= 0 ? types[static_cast<size_t>(type)].name.c_str() : "choose...";
    auto choice = [&](size_t i) {
        const bool selected = static_cast<int>(i) == type;
        if (ImGui::Selectable(types[i].name.c_str(), selected)) {
            type = static_cast<int>(i);
            changed = true;
        }
        if (selected && ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
    };
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(std::min(260.0f, ImGui::GetContentRegionAvail().x));
    const bool open = ImGui::BeginCombo("##type", preview, ImGuiComboFlags_HeightLarge);
    locate_note((std::string("##picker-") + id).c_str());  // the tests open it by this name
    if (open) {
        // Each opening starts from the short list, not from the last search.
        if (ImGui::IsWindowAppearing() && filter_size > 0) filter[0] = '\0';
        // A finger gets the short list first; the keyboard would cover it.
        if (ImGui::IsWindowAppearing() && !platform::touch_input()) {
            ImGui::SetKeyboardFocusHere();
            platform::request_frame();  // the focus lands next frame, before the first key
        }
        ImGui::SetNextItemWidth(-1);
        const std::string hint =
            "search all " + core::with_commas(static_cast<long long>(types.size())) + ", e.g. c7g";
        ImGui::InputTextWithHint("##filter", hint.c_str(), filter,
                                 static_cast<size_t>(filter_size));
        if (filter[0] == '\0') {
            // The short list: the tutorial's own types, those of this step, the one chosen.
            std::vector<std::string> names = core::tutorial_instance_types();
            for (const std::string& n : step_types)
                names.push_back(n);
            if (type >= 0) names.push_back(types[static_cast<size_t>(type)].name);
            std::vector<size_t> shown;
            for (const std::string& n : names) {
                core::Result<const core::InstanceType*> t =
                    core::find_instance_type(ctx.catalog, n);
                if (!t) continue;
                const size_t i = static_cast<size_t>(*t - types.data());
                if (std::find(shown.begin(), shown.end(), i) == shown.end()) shown.push_back(i);
            }
            for (size_t i : shown)
                choice(i);
        } else {
            // In reading order (m5.2xlarge before m5.12xlarge), made once per catalog.
            static const core::Catalog* sorted_for = nullptr;
            static std::vector<size_t> order;
            if (sorted_for != &ctx.catalog || order.size() != types.size()) {
                order = core::instance_types_by_size(ctx.catalog);
                sorted_for = &ctx.catalog;
            }
            int count = 0;
            for (size_t k = 0; k < order.size() && count < 400; ++k) {
                const size_t i = order[k];
                if (!matches(types[i].name, filter)) continue;
                ++count;
                choice(i);
            }
            if (count == 0) ImGui::TextDisabled("no instance type matches");
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    return changed;
}

// "-  3  +": no typing (phones get no keyboard for the canvas).
bool flow_button(const char* label, bool first) {
    if (!first) {
        const float w =
            ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    return ImGui::Button(label);
}

bool stepper(const char* id, int& value, int lo, int hi) {
    bool changed = false;
    ImGui::PushID(id);
    ImGui::BeginDisabled(value <= lo);
    if (ImGui::Button("-", ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) {
        --value;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, 4);
    // The value, centred in a fixed width (screen coordinates: safe inside groups).
    const std::string v = std::to_string(value);
    const float w = ImGui::CalcTextSize("0000").x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, ImGui::GetFrameHeight()));
    const ImVec2 size = ImGui::CalcTextSize(v.c_str());
    draw_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(),
              ImVec2(at.x + (w - size.x) * 0.5f, at.y + (ImGui::GetFrameHeight() - size.y) * 0.5f),
              ImGui::GetColorU32(ImGuiCol_Text), v.c_str());
    ImGui::SameLine(0, 4);
    ImGui::BeginDisabled(value >= hi);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight() * 1.2f, 0))) {
        ++value;
        changed = true;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
    return changed;
}

bool room_not_built(const std::string& message, const char* start_over) {
    wrapped_text(message.empty() ? "The room could not be built." : message.c_str(), color::kBad);
    return start_over != nullptr && ImGui::Button(start_over);
}

bool node_group_picker(const ViewContext& ctx, const char* id, core::NodeGroupKind& kind) {
    const core::NodeGroupKind kinds[2] = {core::NodeGroupKind::SelfManaged,
                                          core::NodeGroupKind::Managed};
    const char* words[2] = {"{selfmanaged}", "{managed}"};
    bool changed = false;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    for (int i = 0; i < 2; ++i) {
        const std::string label = capitalized(ctx.text(words[i]));
        if (i > 0) {
            const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFrameHeight() * 2;
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
        }
        if (ImGui::RadioButton(label.c_str(), kind == kinds[i]) && kind != kinds[i]) {
            kind = kinds[i];
            changed = true;
        }
    }
    ImGui::PopID();
    if (ctx.lit() == "nodegroup")
        draw_lit_outline(
            top, ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y));
    return changed;
}

void show_math(const ViewContext& ctx, const core::MaxPods& r, bool& open) {
    ImGui::PushID(&r);
    if (ImGui::Button(open ? "Hide the math" : "Show the math")) open = !open;
    if (open) {
        if (ImGui::BeginTable("##steps", 3,
                              ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_PadOuterX)) {
            for (const core::DerivationStep& s : r.steps) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0);
                ImGui::TextUnformatted(s.label.c_str());
                ImGui::PopTextWrapPos();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0);
                ImGui::TextDisabled("%s", s.formula.c_str());
                ImGui::PopTextWrapPos();
                ImGui::TableNextColumn();
                ImGui::PushFont(ctx.fonts.strong);
                ImGui::Text("%lld", s.value);
                ImGui::PopFont();
            }
            ImGui::EndTable();
        }
        for (const std::string& n : r.notes)
            wrapped_text(n.c_str(), color::kMuted);
    }
    ImGui::PopID();
}

float chip_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void flow(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right)
        ImGui::SameLine();
}

bool chip(const char* label, bool selected) {
    if (selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, color::kAccentFill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kAccent);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    }
    const bool pressed = ImGui::Button(label);
    if (selected) ImGui::PopStyleColor(3);
    return pressed;
}

}  // namespace web
