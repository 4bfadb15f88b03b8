// occupancy.cpp: who holds what in the campus (see occupancy.h).
#include "occupancy.h"

#include <algorithm>
#include <unordered_map>

namespace core {
namespace {

constexpr uint64_t kBlock = 16;  // addresses in a /28

// Index of ip in the subnet's allocation map, or -1 if outside.
long long index_in(const Subnet& s, Ipv4 ip) {
    if (!cidr_contains(s.cidr, ip)) return -1;
    const long long i = static_cast<long long>(ip.value - cidr_first(s.cidr).value);
    return i < static_cast<long long>(s.use.size()) ? i : -1;
}

std::string pod_or_spare(const AddressInfo& a) {
    return a.pod.empty() ? ", free in the warm pool" : ", used by " + a.pod;
}

}  // namespace

std::vector<AddressInfo> address_map(const Cluster& cluster, const Subnet& subnet) {
    std::vector<AddressInfo> map(subnet.use.size());
    const uint32_t base = cidr_first(subnet.cidr).value;
    for (size_t i = 0; i < map.size(); ++i) {
        map[i].ip = Ipv4{base + static_cast<uint32_t>(i)};
        map[i].holder = subnet.use[i] == AddressUse::Reserved ? Holder::Reserved : Holder::Free;
    }
    for (const ReservedAddress& r : aws_reserved_addresses(subnet.cidr)) {
        const long long i = index_in(subnet, r.ip);
        if (i >= 0) map[static_cast<size_t>(i)].label = r.role;
    }
    for (const Node& n : cluster.nodes) {
        std::unordered_map<uint32_t, const Pod*> pod_at;
        for (const Pod& p : n.pods)
            pod_at[p.ip.value] = &p;
        for (const Eni& e : n.enis) {
            if (e.subnet_id != subnet.id) continue;
            auto claim = [&](Ipv4 ip, Holder holder, const Cidr* prefix) {
                const long long i = index_in(subnet, ip);
                if (i < 0) return;
                AddressInfo& a = map[static_cast<size_t>(i)];
                a.holder = holder;
                a.node = n.name;
                a.eni_id = e.id;
                if (prefix != nullptr) a.prefix = *prefix;
                if (holder == Holder::EniIp && e.trunk) a.label = "trunk ENI";
                auto pod = pod_at.find(ip.value);
                if (pod != pod_at.end() && holder != Holder::NodeIp && holder != Holder::EniIp) {
                    a.pod = pod->second->name;
                    if (holder == Holder::SpareIp) a.holder = Holder::PodIp;
                    if (holder == Holder::SpareInPrefix) a.holder = Holder::PodInPrefix;
                }
            };
            claim(e.primary_ip, e.device_index == 0 ? Holder::NodeIp : Holder::EniIp, nullptr);
            for (Ipv4 ip : e.ips)
                claim(ip, Holder::SpareIp, nullptr);
            for (const Cidr& p : e.prefixes) {
                for (uint64_t k = 0; k < cidr_size(p); ++k) {
                    claim(Ipv4{p.base + static_cast<uint32_t>(k)}, Holder::SpareInPrefix, &p);
                }
            }
        }
    }
    for (const OtherUse& o : cluster.others) {
        if (o.subnet_id != subnet.id) continue;
        for (Ipv4 ip : o.ips) {
            const long long i = index_in(subnet, ip);
            if (i < 0) continue;
            map[static_cast<size_t>(i)].holder = Holder::Other;
            map[static_cast<size_t>(i)].label = o.label;
        }
    }
    for (size_t i = 0; i < map.size(); ++i) {
        const AddressUse u = subnet.use[i];
        if ((u == AddressUse::Ip || u == AddressUse::Prefix) && map[i].holder == Holder::Free) {
            map[i].holder = Holder::Other;
            map[i].label = "unknown";
        }
    }
    return map;
}

std::string describe_address(const AddressInfo& a) {
    const std::string ip = format_ipv4(a.ip) + ": ";
    switch (a.holder) {
        case Holder::Free:
            return ip + "free";
        case Holder::Reserved:
            return ip + "reserved by AWS (" + a.label + ")";
        case Holder::NodeIp:
            return ip + a.node + "'s own address (primary IP of its primary ENI " + a.eni_id + ")";
        case Holder::EniIp:
            return ip + "primary IP of " + (a.label.empty() ? "" : a.label + " ") + a.eni_id +
                   " on " + a.node + " (the ENI's own address, never a pod's)";
        case Holder::PodIp:
        case Holder::SpareIp:
            return ip + "secondary IP of " + a.eni_id + " on " + a.node + pod_or_spare(a);
        case Holder::PodInPrefix:
        case Holder::SpareInPrefix:
            return ip + "in prefix " + format_cidr(a.prefix) + " of " + a.eni_id + " on " + a.node +
                   pod_or_spare(a);
        case Holder::Other:
            return ip + "held by " + a.label;
    }
    return ip;
}

std::vector<BlockState> block_states(const Subnet& subnet) {
    const size_t blocks = subnet.use.size() / kBlock;
    std::vector<BlockState> out(blocks, BlockState::Free);
    for (size_t b = 0; b < blocks; ++b) {
        size_t free = 0;
        size_t prefix = 0;
        bool reserved = false;
        for (size_t i = b * kBlock; i < (b + 1) * kBlock; ++i) {
            const AddressUse u = subnet.use[i];
            if (u == AddressUse::Free) ++free;
            if (u == AddressUse::Prefix) ++prefix;
            if (u == AddressUse::Reserved) reserved = true;
        }
        if (reserved) {
            out[b] = BlockState::Reserved;
        } else if (prefix == kBlock) {
            out[b] = BlockState::Prefix;
        } else if (free == kBlock) {
            out[b] = BlockState::Free;
        } else if (free > 0) {
            out[b] = BlockState::Broken;
        } else {
            out[b] = BlockState::Full;
        }
    }
    return out;
}

SubnetUsage subnet_usage(const Subnet& subnet) {
    SubnetUsage u;
    u.size = subnet.use.size();
    for (AddressUse a : subnet.use) {
        if (a == AddressUse::Reserved) ++u.reserved;
        if (a == AddressUse::Free) ++u.free;
        if (a == AddressUse::Ip) ++u.single_ips;
        if (a == AddressUse::Prefix) ++u.prefix_addresses;
    }
    u.prefixes = u.prefix_addresses / kBlock;
    for (BlockState b : block_states(subnet)) {
        ++u.blocks;
        if (b != BlockState::Reserved) ++u.delegatable;
        if (b == BlockState::Free) ++u.free_blocks;
        if (b == BlockState::Broken) ++u.broken_blocks;
    }
    return u;
}

VpcSpace vpc_space(const Vpc& vpc) {
    VpcSpace v;
    v.quota = vpc.cidr_quota;
    v.blocks_left = std::max(0, vpc.cidr_quota - static_cast<int>(vpc.cidrs.size()));
    for (size_t i = 0; i < vpc.cidrs.size(); ++i) {
        CidrSpace c;
        c.cidr = vpc.cidrs[i];
        c.primary = i == 0;
        c.addresses = cidr_size(c.cidr);
        for (const Subnet& s : vpc.subnets) {
            if (!cidr_contains(c.cidr, s.cidr)) continue;
            SubnetSpan span;
            span.id = s.id;
            span.cidr = s.cidr;
            span.offset = uint64_t{cidr_first(s.cidr).value} - cidr_first(c.cidr).value;
            span.size = cidr_size(s.cidr);
            span.usable = aws_usable_addresses(s.cidr);
            span.free = free_addresses(s);
            c.in_subnets += span.size;
            c.usable += span.usable;
            c.free += span.free;
            c.subnets.push_back(std::move(span));
        }
        c.unassigned = c.addresses - std::min(c.addresses, c.in_subnets);
        v.addresses += c.addresses;
        v.in_subnets += c.in_subnets;
        v.usable += c.usable;
        v.free += c.free;
        v.unassigned += c.unassigned;
        v.blocks.push_back(std::move(c));
    }
    return v;
}

Result<Cidr> next_free_subnet_cidr(const Vpc& vpc, const Cidr& within, int prefix) {
    if (prefix < 16 || prefix > 28) {
        return make_error("A subnet is /16 to /28; /" + std::to_string(prefix) + " is not.");
    }
    if (prefix < within.prefix) {
        return make_error("A /" + std::to_string(prefix) + " subnet is larger than " +
                          format_cidr(within) + " itself.");
    }
    const uint64_t step = uint64_t{1} << (32 - prefix);
    const uint64_t end = uint64_t{cidr_first(within).value} + cidr_size(within);
    uint64_t at = cidr_first(within).value;
    while (at + step <= end) {
        const Cidr candidate{static_cast<uint32_t>(at), prefix};
        uint64_t skip_to = 0;
        for (const Subnet& s : vpc.subnets) {
            if (!cidr_overlaps(candidate, s.cidr)) continue;
            const uint64_t past = uint64_t{cidr_last(s.cidr).value} + 1;
            skip_to = std::max(skip_to, past);
        }
        if (skip_to == 0) return candidate;
        at = (skip_to + step - 1) / step * step;  // the next aligned block past the subnet
    }
    return make_error(format_cidr(within) + " has no free /" + std::to_string(prefix) +
                      " left: its subnets already cover every such block.");
}

const Node* least_loaded_node(const Cluster& cluster) {
    const Node* best = nullptr;
    size_t best_pods = 0;
    for (const Node& n : cluster.nodes) {
        const size_t on_node = n.pods.size() + n.pending.size();
        if (static_cast<long long>(on_node) + kHostNetworkPods >= n.max_pods) continue;
        if (best == nullptr || on_node < best_pods) {
            best = &n;
            best_pods = on_node;
        }
    }
    return best;
}

}  // namespace core
