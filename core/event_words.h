// event_words.h: what ipamd, kubelet and EC2 did, and why a desk was refused, in words that
// read in either vocabulary.
//
// Core records events and errors with AWS text (Event::text, Error::message: the CLI and
// scenario logs print those). The views show the same happenings through this one table:
// words with {term} tokens and the event's values filled in, which the page renders in
// campus words or AWS words (core::render_terms, web's ctx.text):
//
//   core::refusal_words("TooManyPods", node)
//     -> "No room for another {desk}: 11 count against the {room}'s {maxpods} of 11, ..."
//   ctx.text(core::refusal_words(...))   // "...the room's desk limit of 11..." / "...max-pods..."
#pragma once

#include <string>
#include <string_view>

#include "ipam.h"

namespace core {

// Why a desk could not be added or got no address, from the error's code, with the node's
// numbers: "TooManyPods" (kubelet's max-pods), "NoAvailableIPAddresses",
// "InsufficientFreeAddressesInSubnet", "InsufficientCidrBlocks". "" for another code: show
// the error's own message then.
std::string refusal_words(std::string_view code, const Node& node);

}  // namespace core
