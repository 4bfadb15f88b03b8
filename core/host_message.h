// host_message.h: messages a page that embeds CNI Campus sends into the embed.
//
// An embed lives in a stranger's page: any script there, or in another frame of it, can
// post messages to the embed's window. The embed's JS acts only on messages from its
// direct parent, turns the message into JSON text (JSON.stringify) and hands the text to
// decode_host_message, which accepts exactly one shape and refuses everything else:
//   {"type": "cni-campus:goTo", "step": "prefix-delegation"}
//   {"type": "cni-campus:goTo", "step": "prefix-delegation", "beat": 2}   (0-based)
// A decoded step id is only ever used to look a step up; nothing from a message is shown
// as markup. Separate from the page so the decoder can be unit-tested and fuzzed natively.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "result.h"

namespace core {

// Longest JSON text accepted; a real message is about 60 bytes.
constexpr std::size_t kMaxHostMessageBytes = 512;
// Highest beat a message may ask for (steps have at most 16 beats and a practice beat).
constexpr int kMaxHostMessageBeat = 16;
// Every message type of this project starts with this.
constexpr std::string_view kHostMessagePrefix = "cni-campus:";

enum class HostMessageKind { GoTo };

struct HostMessage {
    HostMessageKind kind = HostMessageKind::GoTo;
    std::string step;  // a step id: lowercase letters, digits and '-', 1 to 40 characters
    int beat = -1;     // the beat of that step, 0-based; -1 when the message names none
};

// Decodes one host message from its JSON text. Refused, with a reason: more than
// kMaxHostMessageBytes, not a JSON object, a repeated or unknown field, a type that is
// not "cni-campus:goTo", a missing step or one that is not a step id, a beat that is not a
// whole number from 0 to kMaxHostMessageBeat. A message whose
// type is not a "cni-campus:" text gets the error code "not-ours" (other libraries talk
// to the same window; those are ignored silently), every other refusal "bad-message".
Result<HostMessage> decode_host_message(std::string_view json);

}  // namespace core
