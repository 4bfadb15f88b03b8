// step_info.cpp: live tokens and knob checks (see step_info.h). The table of steps lives in
// steps.cpp beside the models.
#include "steps/step_info.h"

#include <algorithm>

namespace core {
namespace {

std::string list(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::string_view n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out.empty() ? "nothing" : out;
}

std::vector<std::string_view> knob_names(const StepInfo& info, bool numbers_only) {
    std::vector<std::string_view> out;
    for (const Knob& k : info.knobs) {
        if (!numbers_only || k.kind == KnobKind::Number) out.push_back(k.name);
    }
    return out;
}

bool valid_name(std::string_view name) {
    if (name.empty() || name.size() > 40) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

}  // namespace

bool has_name(const std::vector<std::string_view>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

const Knob* find_knob(const StepInfo& info, std::string_view name) {
    for (const Knob& k : info.knobs) {
        if (k.name == name) return &k;
    }
    return nullptr;
}

std::vector<TextSpan> parse_live_text(std::string_view text) {
    std::vector<TextSpan> out;
    auto plain = [&out](std::string_view words) {
        if (words.empty()) return;
        if (!out.empty() && out.back().kind == TextSpan::Kind::Plain) {
            out.back().text += words;
        } else {
            out.push_back({TextSpan::Kind::Plain, std::string(words), {}});
        }
    };
    size_t i = 0;
    while (i < text.size()) {
        const size_t open = text.find("[[", i);
        if (open == std::string_view::npos) {
            plain(text.substr(i));
            break;
        }
        const size_t close = text.find("]]", open + 2);
        if (close == std::string_view::npos) {
            plain(text.substr(i));
            break;
        }
        plain(text.substr(i, open - i));
        std::string_view inner = text.substr(open + 2, close - open - 2);
        TextSpan span;
        if (!inner.empty() && inner.front() == '~') {
            span.kind = TextSpan::Kind::Edit;
            span.name = std::string(inner.substr(1));
        } else if (const size_t bar = inner.find('|'); bar != std::string_view::npos) {
            span.kind = TextSpan::Kind::Point;
            span.name = std::string(inner.substr(0, bar));
            span.text = std::string(inner.substr(bar + 1));
        } else {
            span.kind = TextSpan::Kind::Value;
            span.name = std::string(inner);
        }
        if (!valid_name(span.name) || (span.kind == TextSpan::Kind::Point && span.text.empty())) {
            plain(text.substr(open, close + 2 - open));
        } else {
            out.push_back(std::move(span));
        }
        i = close + 2;
    }
    return out;
}

std::string check_live_text(const StepInfo* info, std::string_view text) {
    size_t open = text.find("[[");
    const size_t stray = text.find("]]");
    if (open == std::string_view::npos && stray != std::string_view::npos)
        return "a ']]' without its '[['";
    while (open != std::string_view::npos) {
        const size_t close = text.find("]]", open + 2);
        if (close == std::string_view::npos) return "a '[[' without its ']]'";
        const std::string token(text.substr(open, close + 2 - open));
        const std::vector<TextSpan> spans = parse_live_text(token);
        if (spans.size() != 1 || spans[0].kind == TextSpan::Kind::Plain)
            return token + " is not a live token ([[name]], [[name|words]] or [[~name]])";
        const TextSpan& s = spans[0];
        if (info == nullptr) return token + ": this text has no model to fill it in";
        const std::string step = "step '" + std::string(info->id) + "'";
        switch (s.kind) {
            case TextSpan::Kind::Value:
                if (!has_name(info->values, s.name))
                    return token + " is not a number " + step +
                           " shows; it shows: " + list(info->values);
                break;
            case TextSpan::Kind::Point:
                if (!has_name(info->parts, s.name))
                    return token + " points at no part of the figure of " + step +
                           "; its parts: " + list(info->parts);
                break;
            case TextSpan::Kind::Edit: {
                const Knob* k = find_knob(*info, s.name);
                if (k == nullptr || k->kind != KnobKind::Number)
                    return token + " is not a number the learner can change in " + step +
                           "; those are: " + list(knob_names(*info, true));
                if (!has_name(info->values, s.name))
                    return token + ": " + step + " does not show the value of '" + s.name + "'";
                break;
            }
            case TextSpan::Kind::Plain:
                break;
        }
        open = text.find("[[", close + 2);
    }
    return {};
}

Status check_setting(const StepInfo& info, const Setting& s) {
    const Knob* k = find_knob(info, s.name);
    if (k == nullptr)
        return make_error("'" + s.name + "' is not a knob of step '" + std::string(info.id) +
                          "' (it has: " + list(knob_names(info, false)) + ")");
    switch (k->kind) {
        case KnobKind::Number:
            if (s.is_text) return make_error("expected a whole number");
            if (s.number < k->min || s.number > k->max)
                return make_error(std::to_string(s.number) + " is outside " +
                                  std::to_string(k->min) + " to " + std::to_string(k->max));
            break;
        case KnobKind::Switch:
            if (s.is_text || (s.number != 0 && s.number != 1))
                return make_error("expected true or false");
            break;
        case KnobKind::Choice:
            if (!s.is_text) return make_error("expected a word");
            if (!k->choices.empty() && !has_name(k->choices, s.text))
                return make_error("'" + s.text + "' is not one of: " + list(k->choices));
            if (s.text.empty() || s.text.size() > 64) return make_error("expected a word");
            break;
    }
    return Ok{};
}

}  // namespace core
