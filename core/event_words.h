// event_words.h: what ipamd, kubelet and EC2 did, and why, in words that read in either
// vocabulary. One table for every view's event log and refusal.
//
// Core records events and errors with AWS text (Event::text, Error::message: the CLI and the
// scenario logs print those) and with their values (Event::facts, PoolState::why). The views
// word them through this table: words with {term} tokens and the values filled in, which the
// page renders in campus words or AWS words (core::render_terms, web's ctx.text):
//
//   core::event_headline(e)   // "New {panel} attached"
//   core::event_words(e)      // "{panel} 2 came with 3 {deskexts}: 2 spare {exts} < ..."
//   ctx.text(core::event_words(e))   // "phone panel 2 came with 3 desk extensions: ..."
#pragma once

#include <string>
#include <string_view>

#include "ipam.h"

namespace core {

// The event's headline with {term} tokens: "New {panel} attached".
std::string event_headline(const Event& event);
// What happened and why, with {term} tokens and the event's values ("" when the event was
// recorded with text only: show its AWS text, Event::text, in AWS words then).
std::string event_words(const Event& event);
// ipamd's pool rule with its numbers, with {term} tokens: "2 spare {exts} < WARM_ENI_TARGET 1
// x 3 {slots} per {panel} = 3". Setting names stay as ipamd spells them in both vocabularies.
std::string pool_words(const PoolWhy& why);
// Why a desk could not be added or got no address, from the error's code, with the node's
// numbers: "TooManyPods" (kubelet's max-pods), "NoAvailableIPAddresses",
// "InsufficientFreeAddressesInSubnet", "InsufficientCidrBlocks". "" for another code: show
// the error's own message then.
std::string refusal_words(ErrorCode code, const Node& node);

}  // namespace core
