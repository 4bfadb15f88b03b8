// lessons.cpp: loading, validating and rendering lesson text (see lessons.h).
#include "lessons.h"

#include <cctype>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "json_read.h"

namespace core {
namespace {

using nlohmann::json;

constexpr size_t kMaxLessonBytes = 1u << 20;
constexpr size_t kMaxSteps = 64;
constexpr size_t kMaxParagraphs = 40;  // takeaways

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 40) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// Checks every {token} in text against the glossary; returns the first unknown one.
std::string unknown_token(const std::vector<Term>& terms, std::string_view text) {
    const TermScan scan = find_unknown_term(text, &terms);
    if (scan.kind == TermScan::Kind::Unclosed) return std::string(scan.raw);
    if (scan.kind == TermScan::Kind::Unknown) return "{" + std::string(scan.raw) + "}";
    return {};
}

Result<std::string> get_string(const json& obj, const char* key, const std::string& path,
                               bool required = true) {
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (!required) return std::string();
        return make_error(path + "." + key + ": missing");
    }
    if (!it->is_string()) return make_error(path + "." + key + ": expected text");
    return it->get<std::string>();
}

// Refuses a field of `obj` outside `keys` ("path.field: unknown field").
Status known_fields(const json& obj, std::initializer_list<const char*> keys,
                    const std::string& path) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
            return make_error(path + "." + it.key() + ": unknown field");
    }
    return Ok{};
}

Result<std::vector<std::string>> get_strings(const json& obj, const char* key,
                                             const std::string& path) {
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end()) return out;
    if (!it->is_array()) return make_error(path + "." + key + ": expected a list of texts");
    if (it->size() > kMaxParagraphs)
        return make_error(path + "." + key + ": more than " + std::to_string(kMaxParagraphs) +
                          " entries");
    for (size_t i = 0; i < it->size(); ++i) {
        const json& v = (*it)[i];
        if (!v.is_string())
            return make_error(path + "." + key + "[" + std::to_string(i) + "]: expected text");
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace

namespace {

// "set": {"pods": 3, "type": "m5.large", "pd": true}, each checked against the step's knobs.
Result<std::vector<Setting>> get_settings(const json& beat, const StepInfo* info,
                                          const std::string& step_id, const std::string& path) {
    std::vector<Setting> out;
    auto it = beat.find("set");
    if (it == beat.end()) return out;
    if (!it->is_object()) return make_error(path + ".set: expected an object of knob values");
    for (auto k = it->begin(); k != it->end(); ++k) {
        const std::string at = path + ".set." + k.key();
        Setting s;
        s.name = k.key();
        if (k->is_boolean()) {
            s.number = k->get<bool>() ? 1 : 0;
        } else if (k->is_number_integer()) {
            s.number = k->get<long long>();
        } else if (k->is_string()) {
            s.is_text = true;
            s.text = k->get<std::string>();
        } else {
            return make_error(at + ": expected a whole number, true/false or a word");
        }
        if (info == nullptr)
            return make_error(at + ": step '" + step_id + "' has no model to set it on");
        Status ok = check_setting(*info, s);
        if (!ok) return make_error(at + ": " + ok.error().message);
        out.push_back(std::move(s));
    }
    return out;
}

// "focus" or "goal": a name from the step's list.
Result<std::string> get_name(const json& beat, const char* key,
                             const std::vector<std::string_view>* names, const std::string& step_id,
                             const std::string& path) {
    auto value = get_string(beat, key, path, false);
    if (!value) return value.error();
    if (value->empty()) return value;
    if (names == nullptr || !has_name(*names, *value)) {
        std::string known;
        if (names != nullptr) {
            for (std::string_view n : *names)
                known += (known.empty() ? "" : ", ") + std::string(n);
        }
        return make_error(path + "." + key + ": '" + *value + "' is not one step '" + step_id +
                          "' knows" + (known.empty() ? "" : " (it knows: " + known + ")"));
    }
    return value;
}

Result<LessonBeat> get_beat(const json& b, const std::vector<Term>& terms, const StepInfo* info,
                            const std::string& step_id, const std::string& path) {
    if (!b.is_object()) return make_error(path + ": expected an object");
    if (Status st = known_fields(b, {"text", "set", "focus", "goal"}, path); !st) return st.error();
    LessonBeat beat;
    auto text = get_string(b, "text", path);
    if (!text) return text.error();
    beat.text = *text;
    if (beat.text.empty()) return make_error(path + ".text: a beat needs words");
    std::string bad = unknown_token(terms, beat.text);
    if (!bad.empty()) return make_error(path + ".text: unknown term " + bad);
    bad = check_live_text(info, beat.text);
    if (!bad.empty()) return make_error(path + ".text: " + bad);
    auto settings = get_settings(b, info, step_id, path);
    if (!settings) return settings.error();
    beat.settings = *settings;
    auto focus = get_name(b, "focus", info ? &info->parts : nullptr, step_id, path);
    if (!focus) return focus.error();
    beat.focus = *focus;
    auto goal = get_name(b, "goal", info ? &info->goals : nullptr, step_id, path);
    if (!goal) return goal.error();
    beat.goal = *goal;
    return beat;
}

// "reading": [{"title": "...", "url": "https://docs.aws.amazon.com/..."}], each checked.
Result<std::vector<Reading>> get_reading(const json& step, const std::string& path) {
    std::vector<Reading> out;
    auto it = step.find("reading");
    if (it == step.end()) return out;
    const std::string at = path + ".reading";
    if (!it->is_array()) return make_error(at + ": expected a list of {title, url}");
    if (it->size() > kMaxReading)
        return make_error(at + ": more than " + std::to_string(kMaxReading) + " links");
    for (size_t i = 0; i < it->size(); ++i) {
        const json& r = (*it)[i];
        const std::string here = at + "[" + std::to_string(i) + "]";
        if (!r.is_object()) return make_error(here + ": expected {\"title\": ..., \"url\": ...}");
        if (Status st = known_fields(r, {"title", "url"}, here); !st) return st.error();
        Reading link;
        auto title = get_string(r, "title", here);
        if (!title) return title.error();
        link.title = *title;
        if (link.title.empty() || link.title.size() > kMaxReadingTitle)
            return make_error(here + ".title: 1 to " + std::to_string(kMaxReadingTitle) +
                              " bytes of text");
        if (std::any_of(link.title.begin(), link.title.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
            return make_error(here + ".title: no control characters");
        auto url = get_string(r, "url", here);
        if (!url) return url.error();
        Status ok = check_reading_url(*url);
        if (!ok) return make_error(here + ".url: " + ok.error().message);
        link.url = *url;
        out.push_back(std::move(link));
    }
    return out;
}

}  // namespace

Status check_reading_url(std::string_view url) {
    constexpr std::string_view kScheme = "https://";
    if (url.size() > kMaxReadingUrl)
        return make_error("longer than " + std::to_string(kMaxReadingUrl) + " bytes");
    if (url.substr(0, kScheme.size()) != kScheme) return make_error("must start with https://");
    const std::string_view rest = url.substr(kScheme.size());
    const size_t slash = rest.find('/');
    const std::string_view host = rest.substr(0, slash);
    static const std::string_view kHosts[] = {"docs.aws.amazon.com", "github.com", "aws.github.io"};
    if (std::none_of(std::begin(kHosts), std::end(kHosts),
                     [&](std::string_view h) { return h == host; }))
        return make_error("the host must be docs.aws.amazon.com, github.com or aws.github.io");
    if (slash == std::string_view::npos || slash + 1 >= rest.size())
        return make_error("expected a page after the host");
    for (char c : rest) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') ||
                        std::string_view("-._~/#?=&%+:").find(c) != std::string_view::npos;
        if (!ok) {
            const unsigned char u = static_cast<unsigned char>(c);
            std::string shown =
                u >= 0x20 && u < 0x7f ? std::string(1, c) : "a byte " + std::to_string(u);
            return make_error("'" + shown + "' is not allowed in a link");
        }
    }
    return Ok{};
}

Result<Lessons> load_lessons(std::string_view text) {
    if (text.size() > kMaxLessonBytes) return make_error("lessons: file larger than 1 MiB");
    json doc;
    if (!parse_json(text, doc)) return make_error("lessons: not valid JSON");
    if (!doc.is_object()) return make_error("lessons: expected an object at the top");
    Lessons out;

    auto terms = doc.find("terms");
    if (terms == doc.end() || !terms->is_object())
        return make_error("terms: expected an object of {\"key\": [analogy, aws]}");
    for (auto it = terms->begin(); it != terms->end(); ++it) {
        const std::string path = "terms." + it.key();
        if (!valid_id(it.key())) return make_error(path + ": keys are lowercase words");
        const json& v = it.value();
        if (!v.is_array() || v.size() != 2 || !v[0].is_string() || !v[1].is_string())
            return make_error(path + ": expected [\"analogy words\", \"AWS words\"]");
        out.terms.push_back({it.key(), v[0].get<std::string>(), v[1].get<std::string>()});
    }

    auto steps = doc.find("steps");
    if (steps == doc.end() || !steps->is_array() || steps->empty())
        return make_error("steps: expected a non-empty list");
    if (steps->size() > kMaxSteps) return make_error("steps: more than 64 steps");
    for (size_t i = 0; i < steps->size(); ++i) {
        const json& s = (*steps)[i];
        const std::string path = "steps[" + std::to_string(i) + "]";
        if (!s.is_object()) return make_error(path + ": expected an object");
        if (Status st = known_fields(s, {"id", "title", "beats", "takeaways", "reading"}, path);
            !st)
            return st.error();
        LessonStep step;
        auto id = get_string(s, "id", path);
        if (!id) return id.error();
        step.id = *id;
        if (!valid_id(step.id))
            return make_error(path + ".id: '" + step.id +
                              "' must be lowercase letters, digits and '-', at most 40");
        if (find_step(out, step.id) >= 0)
            return make_error(path + ".id: '" + step.id + "' is used twice");
        auto title = get_string(s, "title", path);
        if (!title) return title.error();
        step.title = *title;
        std::string bad = unknown_token(out.terms, step.title);
        if (!bad.empty()) return make_error(path + ".title: unknown term " + bad);

        const StepInfo* info = find_step_info(step.id);
        auto beats = s.find("beats");
        if (beats == s.end() || !beats->is_array() || beats->empty())
            return make_error(path + ".beats: a step needs a list of at least one beat");
        if (beats->size() > kMaxBeats)
            return make_error(path + ".beats: more than " + std::to_string(kMaxBeats) + " beats");
        for (size_t b = 0; b < beats->size(); ++b) {
            auto beat = get_beat((*beats)[b], out.terms, info, step.id,
                                 path + ".beats[" + std::to_string(b) + "]");
            if (!beat) return beat.error();
            step.beats.push_back(std::move(beat).value());
        }

        auto takeaways = get_strings(s, "takeaways", path);
        if (!takeaways) return takeaways.error();
        step.takeaways = *takeaways;
        for (size_t p = 0; p < step.takeaways.size(); ++p) {
            bad = unknown_token(out.terms, step.takeaways[p]);
            if (bad.empty()) bad = check_live_text(nullptr, step.takeaways[p]);
            if (!bad.empty())
                return make_error(path + ".takeaways[" + std::to_string(p) +
                                  "]: " + (bad[0] == '{' ? "unknown term " + bad : bad));
        }
        auto reading = get_reading(s, path);
        if (!reading) return reading.error();
        step.reading = std::move(reading).value();
        out.steps.push_back(std::move(step));
    }
    return out;
}

int find_step(const Lessons& lessons, std::string_view id) {
    for (size_t i = 0; i < lessons.steps.size(); ++i) {
        if (lessons.steps[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

namespace {

// True if a word is said with a vowel sound first: "an ENI", "an overlay agent", "an IPv6
// address", but "a NAT gateway", "a /28 prefix", "a desk".
bool vowel_sound(std::string_view word) {
    if (word.empty()) return false;
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    if (word.size() >= 2 && std::isupper(static_cast<unsigned char>(word[0])) &&
        std::isupper(static_cast<unsigned char>(word[1]))) {
        // An initialism is read letter by letter: "an SNAT", "an ENI", "a VPC", "a CIDR".
        return std::string_view("aefhilmnorsx").find(c) != std::string_view::npos &&
               word.rfind("NAT", 0) != 0;
    }
    return std::string_view("aeio").find(c) != std::string_view::npos ||
           (c == 'u' && word.rfind("use", 0) != 0 && word.rfind("uni", 0) != 0);
}

// Makes the article just written before a term ("a {x}", "An {x}") fit the word the
// vocabulary puts there: one sentence reads right in both vocabularies.
void fit_article(std::string& out, std::string_view word) {
    const size_t n = out.size();
    const auto starts_word = [&](size_t at) {
        return at == 0 || out[at - 1] == ' ' || out[at - 1] == '(';
    };
    const bool an = vowel_sound(word);
    if (n >= 2 && (out[n - 2] == 'a' || out[n - 2] == 'A') && out[n - 1] == ' ' &&
        starts_word(n - 2)) {
        if (an) out.insert(n - 1, "n");
    } else if (n >= 3 && (out[n - 3] == 'a' || out[n - 3] == 'A') && out[n - 2] == 'n' &&
               out[n - 1] == ' ' && starts_word(n - 3)) {
        if (!an) out.erase(n - 2, 1);
    }
}

}  // namespace

std::string render_terms(const Lessons& lessons, std::string_view text, Terms terms) {
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        size_t end = text.find('}', i);
        if (end == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        std::string_view key = text.substr(i + 1, end - i - 1);
        bool with_aws = !key.empty() && key.back() == '+';
        if (with_aws) key.remove_suffix(1);
        const Term* term = nullptr;
        for (const Term& t : lessons.terms) {
            if (t.key == key) term = &t;
        }
        if (!term) {
            out.append(text.substr(i, end - i + 1));
        } else {
            const std::string& word = terms == Terms::Aws ? term->aws : term->analogy;
            fit_article(out, word);
            out += word;
            if (terms == Terms::Analogy && with_aws && term->aws != term->analogy)
                out += " (" + term->aws + ")";
        }
        i = end;
    }
    return out;
}

TermScan find_unknown_term(std::string_view text, const std::vector<Term>* terms, size_t from,
                           bool stop_at_dollar) {
    for (size_t i = from; i < text.size(); ++i) {
        if (stop_at_dollar && text[i] == '$') return {TermScan::Kind::Dollar, i, {}, {}};
        if (text[i] != '{' || terms == nullptr) continue;
        if (i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        const size_t end = text.find('}', i);
        if (end == std::string_view::npos) return {TermScan::Kind::Unclosed, i, {}, text.substr(i)};
        const std::string_view raw = text.substr(i + 1, end - i - 1);
        std::string_view key = raw;
        if (!key.empty() && key.back() == '+') key.remove_suffix(1);
        const bool known =
            std::any_of(terms->begin(), terms->end(), [&](const Term& t) { return t.key == key; });
        if (!known) return {TermScan::Kind::Unknown, i, key, raw};
        i = end;
    }
    return {TermScan::Kind::None, text.size(), {}, {}};
}

const char* terms_name(Terms terms) {
    return terms == Terms::Aws ? "aws" : "analogy";
}

}  // namespace core
