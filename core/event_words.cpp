// event_words.cpp: events and refusals in words with {term} tokens (event_words.h).
#include "event_words.h"

namespace core {

std::string refusal_words(std::string_view code, const Node& n) {
    const std::string on = std::to_string(n.pods.size() + n.pending.size() + kHostNetworkPods);
    if (code == "TooManyPods")
        return "No room for another {desk}: " + on + " {desks} count against the {room}'s " +
               "{maxpods} of " + std::to_string(n.max_pods) + ", its 2 {hostdesks} included.";
    if (code == "NoAvailableIPAddresses")
        return "The {desk} waits: every {slot} a {desk} may take is taken, and the {room} can "
               "hold no more {panels}.";
    if (code == "InsufficientFreeAddressesInSubnet")
        return "The {desk} waits: the {building} has no free {nums} left.";
    if (code == "InsufficientCidrBlocks")
        return "The {desk} waits: the {building} has free {nums}, but no whole free {block}.";
    return {};
}

}  // namespace core
