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

int json_nesting(std::string_view text) {
    int depth = 0;
    int deepest = 0;
    bool in_string = false;
    bool escaped = false;
    for (char ch : text) {
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
            deepest = std::max(deepest, ++depth);
        } else if ((ch == '}' || ch == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
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

}  // namespace core
