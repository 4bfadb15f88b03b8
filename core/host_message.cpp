// host_message.cpp: strict decoding of messages from the embedding page (see host_message.h).
#include "host_message.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "format.h"
#include "json_read.h"

namespace core {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxStepId = 40;

bool valid_step_id(std::string_view v) {
    if (v.empty() || v.size() > kMaxStepId) return false;
    return std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

Error bad(std::string message) {
    return make_error(std::move(message), ErrorCode::BadMessage);
}

// Shows a stranger's text in a message safely: printable ASCII only, at most 24 characters.
std::string quote(std::string_view v) {
    return safe_quote(v, 24);
}

}  // namespace

Result<HostMessage> decode_host_message(std::string_view text) {
    if (text.size() > kMaxHostMessageBytes)
        return bad("message refused: longer than " + std::to_string(kMaxHostMessageBytes) +
                   " bytes");
    // The parse reports the top-level keys in order of appearance, so a repeated key
    // cannot hide behind the parser keeping only its last value, and how deep it nests.
    json doc;
    JsonParseInfo info;
    if (!parse_json(text, doc, &info)) return bad("message refused: not valid JSON");
    const std::vector<std::string>& keys = info.top_keys;
    const bool nested = info.max_depth > 1;
    if (!doc.is_object()) return bad("message refused: expected an object");

    auto type = doc.find("type");
    if (type == doc.end() || !type->is_string())
        return make_error("message ignored: no text field 'type'", ErrorCode::NotOurs);
    const std::string& type_text = type->get_ref<const std::string&>();
    if (type_text.compare(0, kHostMessagePrefix.size(), kHostMessagePrefix) != 0)
        return make_error("message ignored: not a cni-campus message", ErrorCode::NotOurs);

    if (nested) return bad("message refused: fields must be plain values");
    std::vector<std::string> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
        return bad("message refused: a field appears twice");
    for (const std::string& k : keys) {
        if (k != "type" && k != "step" && k != "beat")
            return bad("message refused: unknown field " + quote(k));
    }
    if (type_text != "cni-campus:goTo")
        return bad("message refused: " + quote(type_text) +
                   " is unknown; the only message understood is cni-campus:goTo");

    auto step = doc.find("step");
    if (step == doc.end()) return bad("message refused: cni-campus:goTo needs a step");
    if (!step->is_string()) return bad("message refused: step must be text");
    const std::string& id = step->get_ref<const std::string&>();
    if (!valid_step_id(id))
        return bad("message refused: step must be a step id (a-z, 0-9, '-', at most 40)");
    HostMessage m;
    m.kind = HostMessageKind::GoTo;
    m.step = id;
    if (auto beat = doc.find("beat"); beat != doc.end()) {
        if (!beat->is_number_integer() || beat->get<long long>() < 0 ||
            beat->get<long long>() > kMaxHostMessageBeat)
            return bad("message refused: beat must be a whole number from 0 to " +
                       std::to_string(kMaxHostMessageBeat));
        m.beat = static_cast<int>(beat->get<long long>());
    }
    return m;
}

}  // namespace core
