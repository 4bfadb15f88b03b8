// json_read.cpp: see json_read.h.
#include "json_read.h"

#include <algorithm>

namespace core {
namespace {

using nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<json>;

// nlohmann's own DOM builder (told not to throw), plus depth and top-level key tracking
// and a copy of the error. sax_parse is a template on the handler type, so these
// members hide the base ones without virtual calls.
class Reader : public DomParser {
public:
    Reader(json& out, JsonParseInfo& info) : DomParser(out, false), info_(info) {}

    bool start_object(std::size_t n) {
        enter();
        return DomParser::start_object(n);
    }
    bool start_array(std::size_t n) {
        enter();
        return DomParser::start_array(n);
    }
    bool end_object() {
        --depth_;
        return DomParser::end_object();
    }
    bool end_array() {
        --depth_;
        return DomParser::end_array();
    }
    bool key(json::string_t& k) {
        if (depth_ == 1) info_.top_keys.push_back(k);
        return DomParser::key(k);
    }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
        info_.error_byte = position;
        info_.error = ex.what();
        return DomParser::parse_error(position, token, ex);  // records it; returns false
    }

private:
    void enter() {
        if (++depth_ > info_.max_depth) info_.max_depth = depth_;
    }

    JsonParseInfo& info_;
    int depth_ = 0;
};

}  // namespace

bool parse_json(std::string_view text, json& out, JsonParseInfo* info) {
    JsonParseInfo scratch;
    JsonParseInfo& i = info ? *info : scratch;
    i = JsonParseInfo{};
    out = json();
    Reader reader(out, i);
    const char* begin = text.data();
    const bool ok = json::sax_parse(begin, begin + text.size(), &reader) && !reader.is_errored();
    if (!ok && i.error.empty()) i.error = "not valid JSON";
    return ok;
}

namespace {

// Walks the brackets of `text` outside strings; calls on_open(depth, byte) for each opening
// one with the depth it opens, stopping when that returns false.
template <class OnOpen>
void walk_nesting(std::string_view text, OnOpen on_open) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (ch == '\\') {
                escaped = true;
            } else if (ch == '"') {
                in_string = false;
            }
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '{' || ch == '[') {
            if (!on_open(++depth, i)) return;
        } else if ((ch == '}' || ch == ']') && depth > 0) {
            --depth;
        }
    }
}

}  // namespace

int json_nesting(std::string_view text) {
    int deepest = 0;
    walk_nesting(text, [&](int depth, size_t) {
        deepest = std::max(deepest, depth);
        return true;
    });
    return deepest;
}

size_t json_too_deep_at(std::string_view text, int limit) {
    size_t at = std::string_view::npos;
    walk_nesting(text, [&](int depth, size_t byte) {
        if (depth <= limit) return true;
        at = byte;
        return false;
    });
    return at;
}

std::string json_error_detail(const std::string& what) {
    std::string detail = what;
    const std::size_t bracket = detail.find("] ");
    if (bracket != std::string::npos) detail.erase(0, bracket + 2);
    const std::size_t colon = detail.find(": ");
    if (detail.rfind("parse error", 0) == 0 && colon != std::string::npos)
        detail.erase(0, colon + 2);
    return detail;
}

std::vector<std::string> json_list_ids(std::string_view text, const char* list) {
    std::vector<std::string> ids;
    nlohmann::json doc;
    if (json_nesting(text) > 16 || !parse_json(text, doc) || !doc.is_object()) return ids;
    const auto entries = doc.find(list);
    if (entries == doc.end() || !entries->is_array()) return ids;
    for (const nlohmann::json& entry : *entries) {
        if (!entry.is_object()) continue;
        const auto id = entry.find("id");
        if (id != entry.end() && id->is_string()) ids.push_back(id->get<std::string>());
    }
    return ids;
}

}  // namespace core
