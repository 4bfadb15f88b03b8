// fuzz_host_message.cpp: libFuzzer target for the postMessage decoder (core/host_message.h),
// the JSON text any script in an embedding page can send.
//
// Properties: decoding never crashes or throws; a refusal carries the code "not-ours" or
// "bad-message" and a short printable-ASCII message (it may be logged or shown); an accepted
// message is a goTo with a step id of 1 to 40 characters of a-z, 0-9 and '-'; encoding the
// decoded message again (as the embedding page would) decodes to the same step.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "host_message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text(data, size);
    core::Result<core::HostMessage> m = core::decode_host_message(text);
    if (!m) {
        const core::Error& e = m.error();
        FUZZ_CHECK(e.code == core::ErrorCode::NotOurs || e.code == core::ErrorCode::BadMessage,
                   "code '" + std::string(core::error_code_name(e.code)) + "'");
        FUZZ_CHECK(!e.message.empty() && e.message.size() <= 160, "message: " + e.message);
        for (char c : e.message)
            FUZZ_CHECK(c >= 32 && c < 127, "message not printable ASCII: " + e.message);
        return 0;
    }
    FUZZ_CHECK(size <= core::kMaxHostMessageBytes, "accepted an oversized message");
    FUZZ_CHECK(m->kind == core::HostMessageKind::GoTo, "kind");
    const std::string& step = m->step;
    FUZZ_CHECK(!step.empty() && step.size() <= 40, "step length: " + step);
    for (char c : step) {
        FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-', "step: " + step);
    }
    const std::string again = nlohmann::json{{"type", "cni-campus:goTo"}, {"step", step}}.dump();
    core::Result<core::HostMessage> back = core::decode_host_message(again);
    FUZZ_CHECK(back && back->step == step, "re-encoded message: " + again);
    return 0;
}
