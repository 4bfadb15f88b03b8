// event_words.cpp: events, pool rules and refusals in words with {term} tokens (event_words.h).
#include "event_words.h"

#include "lookup.h"

namespace core {
namespace {

// Each event kind's name (event_kind_name) and its headline, in term tokens.
constexpr EnumNames<EventKind> kKinds[] = {
    {EventKind::NodeAdded, "node-added", "The {room} joined"},
    {EventKind::NodeRemoved, "node-removed", "The {room} left"},
    {EventKind::AttachEni, "attach-eni", "New {panel} attached"},
    {EventKind::DetachEni, "detach-eni", "{panel} detached"},
    {EventKind::AssignIps, "assign-ips", "{deskexts} added"},
    {EventKind::ReleaseIps, "release-ips", "Spare {exts} returned"},
    {EventKind::AssignPrefix, "assign-prefix", "{block} added"},
    {EventKind::ReleasePrefix, "release-prefix", "{block} returned"},
    {EventKind::PodIp, "pod-ip", "A {desk} got its {ext}"},
    {EventKind::PodFailed, "pod-failed", "A {desk} is waiting for an {ext}"},
    {EventKind::PodReleased, "pod-released", "A {desk} left"},
    {EventKind::PodUnschedulable, "pod-unschedulable", "{desk} refused: {maxpods} reached"},
    {EventKind::SubnetError, "subnet-error", "The {building} is out of {nums}"},
    {EventKind::PoolFlap, "pool-flap", "The {pool} went back and forth"},
    {EventKind::Config, "config", "Settings changed"},
    {EventKind::Note, "note", "Note"},
    {EventKind::AttachBranchEni, "attach-branch-eni", "A {desk} got its own {branch}"},
};

std::string num(long long v) {
    return std::to_string(v);
}

// "3 {deskexts}", "1 {block}", "2 {blocks}".
std::string amount(long long n, bool prefixes) {
    if (prefixes) return num(n) + (n == 1 ? " {block}" : " {blocks}");
    return num(n) + (n == 1 ? " {deskext}" : " {deskexts}");
}

// "{panel} 2": the panel's place on the wall (device index + 1).
std::string panel(const EventFacts& f) {
    return f.device < 0 ? std::string("a {panel}") : "{panel} " + num(f.device + 1);
}

std::string cmp(bool less) {
    return less ? " < " : " >= ";
}

// "desk 3" for core's own pod names ("pod-3"); another name as it is.
std::string desk(const std::string& pod) {
    if (pod.rfind("pod-", 0) == 0 && pod.size() > 4) return "{desk} " + pod.substr(4);
    return "{desk} " + pod;
}

std::string pool_flap_words(const EventFacts& f) {
    return "The {manager} gave spare {nums} back and then found the {pool} short again, "
           "over and over. With " +
           std::string(f.prefixes ? "WARM_PREFIX_TARGET " : "WARM_ENI_TARGET ") +
           num(f.why.target) + " nothing stays spare; a target of 1, or WARM_IP_TARGET, keeps " +
           "{nums} ready.";
}

}  // namespace

EventKind event_kind(std::string_view name) {
    const EnumNames<EventKind>* k = find_by(kKinds, name, &EnumNames<EventKind>::name);
    return k != nullptr ? k->key : EventKind::Other;
}

const char* event_kind_name(EventKind kind) {
    const EnumNames<EventKind>* k = names_of(kKinds, kind);
    return k != nullptr ? k->name : "other";
}

std::string event_headline(const Event& e) {
    const EnumNames<EventKind>* k = names_of(kKinds, e.kind);
    return k != nullptr ? k->label : event_kind_name(e.kind);
}

std::string pool_words(const PoolWhy& w) {
    const std::string settings =
        "WARM_IP_TARGET " + num(w.warm_ip) + ", MINIMUM_IP_TARGET " + num(w.min_ip);
    switch (w.rule) {
        case PoolRule::None:
            return {};
        case PoolRule::AtMaxPods:
            return "the {pool} holds " + num(w.total) + " {exts}, as many as the {maxpods} of " +
                   num(w.max_pods) + ": it grows no more";
        case PoolRule::WarmEni:
        case PoolRule::WarmPrefix: {
            const bool eni = w.rule == PoolRule::WarmEni;
            const std::string knob = eni ? "WARM_ENI_TARGET " : "WARM_PREFIX_TARGET ";
            if (w.target == 0)
                return num(w.free) + " spare {exts} with " + knob + "0" +
                       (w.low ? ": one more is fetched" : "");
            return num(w.free) + " spare {exts}" + cmp(w.low) + knob + num(w.target) +
                   " \xC3\x97 " + num(w.per) +
                   (eni ? " {slots} per {panel} = " : " {exts} per {block} = ") +
                   num(w.target * w.per) + (w.low ? "" : ": the {pool} is full enough");
        }
        case PoolRule::WarmIp:
            if (w.high)
                return "over = min(" + num(w.free) + " spare - WARM_IP_TARGET " + num(w.warm_ip) +
                       ", " + num(w.total) + " held - MINIMUM_IP_TARGET " + num(w.min_ip) +
                       ") = " + num(w.result);
            return "short = max(WARM_IP_TARGET " + num(w.warm_ip) + " - " + num(w.free) +
                   " spare, MINIMUM_IP_TARGET " + num(w.min_ip) + " - " + num(w.total) +
                   " held) = " + num(w.result);
        case PoolRule::MinimumFrozen:
            return "no spare {exts}, yet nothing is short: MINIMUM_IP_TARGET " + num(w.min_ip) +
                   " without WARM_IP_TARGET freezes the {pool} at the minimum";
        case PoolRule::FreePrefixes:
            return num(w.free) + " wholly free {blocks} > WARM_PREFIX_TARGET " + num(w.target);
        case PoolRule::PrefixesOverIp:
            return num(w.result) + " wholly free {blocks} more than " + settings + " need";
        case PoolRule::EniFree:
            return num(w.free) + " spare {exts} >= (WARM_ENI_TARGET " + num(w.target) +
                   " + 1) \xC3\x97 " + num(w.per) + " = " + num(w.result) +
                   ", and no {desk} uses it";
        case PoolRule::EniFreeIp:
            return "no {desk} uses it, and the other {panels} still meet " + settings;
        case PoolRule::EniFreePrefix:
            return "no {desk} uses it, and the other {panels} keep " + num(w.free) +
                   " wholly free {blocks} (WARM_PREFIX_TARGET " + num(w.target) + ")";
    }
    return {};
}

std::string event_words(const Event& e) {
    const EventFacts& f = e.facts;
    if (!f.known) return {};
    const std::string why = pool_words(f.why);
    const std::string because = why.empty() ? "." : ": " + why + ".";
    switch (e.kind) {
        case EventKind::NodeAdded:
            return "Its {maxpods} is " + num(f.why.max_pods) + ".";
        case EventKind::AttachEni:
            return panel(f) + " came with " + amount(f.count, f.prefixes) + " (" + f.what + ")" +
                   because;
        case EventKind::AssignIps:
        case EventKind::AssignPrefix:
            return panel(f) + " got " + amount(f.count, f.prefixes) + " (" + f.what + ")" + because;
        case EventKind::ReleaseIps:
        case EventKind::ReleasePrefix:
            return amount(f.count, f.prefixes) + " (" + f.what + ") went back from " + panel(f) +
                   " to the {building}" + because;
        case EventKind::DetachEni:
            return panel(f) + " went back to the {building} with its " +
                   amount(f.count, f.prefixes) + because;
        case EventKind::PodIp:
            return desk(f.pod) + " answers on " + f.what + ", " +
                   (f.prefixes ? "from a {block} of " : "a {deskext} of ") + panel(f) + ".";
        case EventKind::PodReleased:
            return f.what.empty() ? desk(f.pod) + " left before it got an {ext}."
                                  : desk(f.pod) + " left; " + f.what +
                                        " is spare again (the real {manager} rests it 30 s).";
        case EventKind::PodFailed: {
            const ErrorCode code =
                e.code == ErrorCode::None ? ErrorCode::NoAvailableIPAddresses : e.code;
            std::string words = desk(f.pod) + " waits for an {ext}.";
            if (code == ErrorCode::InsufficientFreeAddressesInSubnet)
                words += " The {building} has no free {nums}.";
            if (code == ErrorCode::InsufficientCidrBlocks)
                words += " The {building} has no whole free {block}.";
            if (code == ErrorCode::NoAvailableIPAddresses)
                words += " Every {slot} a {desk} may take is taken.";
            return words;
        }
        case EventKind::SubnetError:
            return "The {building} could not give the {nums} asked for (" +
                   std::string(error_code_name(e.code)) + "); the {pool} stays short.";
        case EventKind::PoolFlap:
            return pool_flap_words(f);
        case EventKind::Config:
            return f.what.empty() ? "Nothing changed." : f.what + ".";
        case EventKind::NodeRemoved:
        case EventKind::PodUnschedulable:
        case EventKind::Note:
        case EventKind::AttachBranchEni:
        case EventKind::Other:
            break;
    }
    return {};
}

std::string refusal_words(ErrorCode code, const Node& n) {
    const std::string on =
        num(static_cast<long long>(n.pods.size() + n.pending.size()) + kHostNetworkPods);
    if (code == ErrorCode::TooManyPods)
        return "No space for another {desk}: " + on + " {desks} count against the {room}'s " +
               "{maxpods} of " + num(n.max_pods) + ", its 2 {hostdesks} included.";
    if (code == ErrorCode::NoAvailableIPAddresses)
        return "The {desk} waits: every {slot} a {desk} may take is taken, and the {room} can "
               "hold no more {panels}.";
    if (code == ErrorCode::InsufficientFreeAddressesInSubnet)
        return "The {desk} waits: the {building} has no free {nums} left.";
    if (code == ErrorCode::InsufficientCidrBlocks)
        return "The {desk} waits: the {building} has free {nums}, but no whole free {block}.";
    return {};
}

}  // namespace core
