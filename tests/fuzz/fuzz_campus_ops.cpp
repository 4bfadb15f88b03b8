// fuzz_campus_ops.cpp: stateful libFuzzer target: random operation sequences on a campus
// (core/cluster.h, core/vpc.h).
//
// The input is read as a list of operations (at most 96): add or remove nodes of catalog
// types in any mode (secondary IPs, prefix delegation, custom networking, security groups for
// pods), replace a node to switch its mode, add and remove pods, change warm targets and
// max-pods with set_node_config, add VPC CIDRs and subnets, tag subnets for subnet discovery
// (kubernetes.io/role/cni, cluster tags), hold and release other addresses, run ipamd's pool,
// take a snapshot and restore it. Nodes come in both node group kinds, with subnet discovery
// on or off. Each operation is decoded first and then
// applied. After each one:
// - core::check_invariants holds;
// - a failed call left the campus exactly as it was (compared with a copy taken before),
//   except add_pod when the pod was admitted and waits for an address (cluster.h): then
//   exactly that pod was added to the node's pending list and the error carries an AWS code.
// At the end the decoded operations are replayed on a copy of the starting campus: the result
// must equal the campus (determinism; snapshots are faithful copies).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cluster.h"
#include "fuzz_support.h"
#include "vpc.h"

namespace {

enum class OpKind {
    AddNode,
    RemoveNode,
    ReplaceNode,
    AddPod,
    RemovePod,
    SetConfig,
    AddVpcCidr,
    AddSubnet,
    Hold,
    Release,
    Reconcile,
    PoolPass,
    Snapshot,
    Restore,
    SetTags,
    kCount
};

struct Op {
    OpKind kind = OpKind::Reconcile;
    std::string node;  // node name
    std::string name;  // pod name, label, subnet id, CIDR text
    core::NodeDesc desc;
    core::NodeConfig config;
    core::SubnetDesc subnet;
    core::Tags tags;
    int count = 0;
};

const char* const kSubnets[] = {"subnet-a", "subnet-b", "subnet-c", "subnet-d", "subnet-x"};
const char* const kTypes[] = {"t3.nano",   "t3.small", "m5.large", "m4.large",
                              "c5.xlarge", "t2.micro", "m5.metal", "c6gn.16xlarge"};

std::string pick_name(FuzzedDataProvider& in, const char* prefix, int n) {
    switch (in.ConsumeIntegralInRange<int>(0, 15)) {
        case 0:
            return "";  // automatic name where allowed, refused elsewhere
        case 1:
            return std::string(70, 'x');  // longer than 63
        case 2:
            return "bad name<script>";
        default:
            return prefix + std::to_string(in.ConsumeIntegralInRange<int>(0, n - 1));
    }
}

std::string existing_node(FuzzedDataProvider& in, const core::Cluster& c) {
    if (c.nodes.empty() || in.ConsumeIntegralInRange<int>(0, 7) == 0) {
        return pick_name(in, "n", 6);
    }
    return c.nodes[in.ConsumeIntegralInRange<size_t>(0, c.nodes.size() - 1)].name;
}

int small_or_wild(FuzzedDataProvider& in, int typical) {
    switch (in.ConsumeIntegralInRange<int>(0, 9)) {
        case 0:
            return in.ConsumeIntegral<int>();  // anything, mostly refused
        case 1:
            return 0;
        default:
            return in.ConsumeIntegralInRange<int>(0, typical);
    }
}

core::NodeConfig decode_config(FuzzedDataProvider& in) {
    core::NodeConfig cfg;
    const uint8_t flags = in.ConsumeIntegral<uint8_t>();
    cfg.prefix_delegation = (flags & 1) != 0;
    cfg.security_groups_for_pods = (flags & 6) == 6;
    if ((flags & 24) == 24) {
        cfg.custom_networking = true;
        cfg.pod_subnet_id = kSubnets[in.ConsumeIntegralInRange<size_t>(0, 4)];
    }
    cfg.warm.warm_eni_target = small_or_wild(in, 3);
    if ((flags & 32) != 0) cfg.warm.warm_ip_target = small_or_wild(in, 20);
    if ((flags & 64) != 0) cfg.warm.minimum_ip_target = small_or_wild(in, 40);
    cfg.warm.warm_prefix_target = small_or_wild(in, 3);
    if ((flags & 128) != 0) cfg.max_pods_override = small_or_wild(in, 250);
    const uint8_t more = in.ConsumeIntegral<uint8_t>();
    cfg.node_group =
        (more & 1) != 0 ? core::NodeGroupKind::Managed : core::NodeGroupKind::SelfManaged;
    cfg.subnet_discovery = (more & 6) != 6;
    return cfg;
}

core::NodeDesc decode_node(FuzzedDataProvider& in, const core::Catalog& catalog) {
    core::NodeDesc d;
    d.name = pick_name(in, "n", 6);
    if (in.ConsumeBool()) {
        d.type = **core::find_instance_type(
            catalog, kTypes[in.ConsumeIntegralInRange<size_t>(0, std::size(kTypes) - 1)]);
    } else {
        d.type = catalog.types[in.ConsumeIntegralInRange<size_t>(0, catalog.types.size() - 1)];
    }
    d.subnet_id = kSubnets[in.ConsumeIntegralInRange<size_t>(0, 4)];
    d.config = decode_config(in);
    return d;
}

// A CIDR text near the campus's ranges, sometimes malformed or restricted.
std::string decode_cidr(FuzzedDataProvider& in) {
    static const char* const kBases[] = {"10.0", "10.1", "100.64", "172.16", "192.168", "169.254"};
    const uint8_t form = in.ConsumeIntegral<uint8_t>();
    if (form < 8) return in.ConsumeRandomLengthString(24);
    const std::string base = kBases[in.ConsumeIntegralInRange<size_t>(0, 5)];
    const int third = in.ConsumeIntegral<uint8_t>();
    const int fourth = in.ConsumeBool() ? 0 : in.ConsumeIntegral<uint8_t>() & 0xF0;
    // Mostly /22 to /28: check_invariants walks every address of every subnet after each
    // operation (over half the time goes there), so big subnets only come now and then.
    const int prefix = in.ConsumeIntegralInRange<int>(0, 15) == 0
                           ? in.ConsumeIntegralInRange<int>(14, 30)
                           : in.ConsumeIntegralInRange<int>(22, 28);
    return base + "." + std::to_string(third) + "." + std::to_string(fourth) + "/" +
           std::to_string(prefix);
}

Op decode(FuzzedDataProvider& in, const core::Cluster& c, const core::Catalog& catalog) {
    Op op;
    op.kind = static_cast<OpKind>(
        in.ConsumeIntegralInRange<int>(0, static_cast<int>(OpKind::kCount) - 1));
    switch (op.kind) {
        case OpKind::AddNode:
            op.desc = decode_node(in, catalog);
            break;
        case OpKind::ReplaceNode:
            op.node = existing_node(in, c);
            op.desc = decode_node(in, catalog);
            op.desc.name = op.node;
            break;
        case OpKind::RemoveNode:
        case OpKind::Reconcile:
        case OpKind::PoolPass:
            op.node = existing_node(in, c);
            break;
        case OpKind::AddPod:
            op.node = existing_node(in, c);
            op.name = pick_name(in, "p", 12);
            break;
        case OpKind::RemovePod: {
            op.node = existing_node(in, c);
            const core::Node* n = core::find_node(c, op.node);
            const bool from_node = n != nullptr && !(n->pods.empty() && n->pending.empty()) &&
                                   in.ConsumeIntegralInRange<int>(0, 5) != 0;
            if (from_node) {
                const size_t i =
                    in.ConsumeIntegralInRange<size_t>(0, n->pods.size() + n->pending.size() - 1);
                op.name =
                    i < n->pods.size() ? n->pods[i].name : n->pending[i - n->pods.size()].name;
            } else {
                op.name = pick_name(in, "p", 12);
            }
            break;
        }
        case OpKind::SetConfig: {
            op.node = existing_node(in, c);
            const core::Node* n = core::find_node(c, op.node);
            if (n != nullptr && in.ConsumeIntegralInRange<int>(0, 3) != 0) {
                op.config = n->config;  // knobs only: what a running node may change
                op.config.warm.warm_eni_target = small_or_wild(in, 3);
                op.config.warm.warm_ip_target = in.ConsumeBool() ? 0 : small_or_wild(in, 20);
                op.config.warm.minimum_ip_target = in.ConsumeBool() ? 0 : small_or_wild(in, 40);
                op.config.warm.warm_prefix_target = small_or_wild(in, 3);
                op.config.max_pods_override = in.ConsumeBool() ? 0 : small_or_wild(in, 250);
            } else {
                op.config = decode_config(in);  // may switch a mode: must be refused
            }
            break;
        }
        case OpKind::AddVpcCidr:
            op.name = decode_cidr(in);
            break;
        case OpKind::AddSubnet:
            op.subnet.id = pick_name(in, "subnet-", 12);
            op.subnet.az = in.ConsumeBool() ? "us-east-1a" : "us-east-1b";
            op.subnet.cidr = decode_cidr(in);
            op.subnet.scatter = in.ConsumeBool() ? 0 : in.ConsumeIntegral<uint32_t>();
            switch (in.ConsumeIntegralInRange<int>(0, 7)) {
                case 0:  // the whole subnet reserved for prefixes
                    op.subnet.prefix_reservation = true;
                    break;
                case 1:  // any range: mostly refused (outside, too small, both given)
                    op.subnet.prefix_reservation = in.ConsumeBool() && in.ConsumeBool();
                    op.subnet.prefix_reservation_cidr = decode_cidr(in);
                    break;
                case 2:  // the upper half, as the building-runs-out step's cure does
                    if (core::Result<core::Cidr> block = core::parse_cidr(op.subnet.cidr);
                        block && block->prefix < 28) {
                        const uint32_t half = static_cast<uint32_t>(core::cidr_size(*block) / 2);
                        op.subnet.prefix_reservation_cidr =
                            core::format_cidr(core::Cidr{block->base + half, block->prefix + 1});
                    }
                    break;
                default:
                    break;
            }
            break;
        case OpKind::Hold:
            op.name = kSubnets[in.ConsumeIntegralInRange<size_t>(0, 4)];
            op.count = small_or_wild(in, 40);
            op.node = pick_name(in, "label-", 3);  // the label
            break;
        case OpKind::Release:
            op.node = pick_name(in, "label-", 3);
            break;
        case OpKind::SetTags: {
            op.name = kSubnets[in.ConsumeIntegralInRange<size_t>(0, 4)];
            static const char* const kValues[] = {"1", "0", "", "shared"};
            if (in.ConsumeBool()) {
                op.tags[core::kSubnetRoleTag] = kValues[in.ConsumeIntegralInRange<size_t>(0, 3)];
            }
            if (in.ConsumeIntegralInRange<int>(0, 3) == 0) {
                op.tags[std::string(core::kClusterTagPrefix) +
                        (in.ConsumeBool() ? "blue" : "red")] = "1";
            }
            if (in.ConsumeIntegralInRange<int>(0, 15) == 0) op.tags["aws:reserved"] = "x";
            break;
        }
        case OpKind::Snapshot:
        case OpKind::Restore:
        case OpKind::kCount:
            break;
    }
    return op;
}

// Applies one operation to the campus (saved: the snapshot slot); returns its status.
core::Status apply(core::Cluster& c, core::Cluster& saved, const Op& op) {
    switch (op.kind) {
        case OpKind::AddNode:
            return core::add_node(c, op.desc);
        case OpKind::RemoveNode:
            return core::remove_node(c, op.node);
        case OpKind::ReplaceNode: {
            // Switching a mode on AWS means a new node: remove, then add with the new config.
            core::Cluster before = c;
            if (core::Status s = core::remove_node(c, op.node); !s) return s;
            core::Status s = core::add_node(c, op.desc);
            if (!s) c = before;  // the replacement as a whole failed: nothing changes
            return s;
        }
        case OpKind::AddPod: {
            core::Result<core::Pod> p = core::add_pod(c, op.node, op.name);
            if (!p) return p.error();
            return core::Ok{};
        }
        case OpKind::RemovePod:
            return core::remove_pod(c, op.node, op.name);
        case OpKind::SetConfig:
            return core::set_node_config(c, op.node, op.config);
        case OpKind::AddVpcCidr:
            return core::add_vpc_cidr(c.vpc, op.name);
        case OpKind::AddSubnet:
            return core::add_subnet(c.vpc, op.subnet);
        case OpKind::Hold:
            return core::hold_addresses(c, op.name, op.count, op.node);
        case OpKind::Release:
            return core::release_held(c, op.node);
        case OpKind::Reconcile:
            return core::reconcile(c, op.node);
        case OpKind::PoolPass:  // one ipamd pass is no longer public: a whole reconcile
            return core::reconcile(c, op.node);
        case OpKind::Snapshot:
            saved = c;
            return core::Ok{};
        case OpKind::Restore:
            c = saved;
            return core::Ok{};
        case OpKind::SetTags:
            return core::set_subnet_tags(c.vpc, op.name, op.tags);
        case OpKind::kCount:
            break;
    }
    return core::Ok{};
}

core::Cluster initial_campus() {
    core::Result<core::Vpc> vpc = core::make_vpc("10.0.0.0/16");
    FUZZ_CHECK(vpc.ok(), "make_vpc");
    core::Cluster c = core::make_cluster(std::move(vpc).value());
    c.name = "blue";  // CLUSTER_NAME: cluster tags for "red" exclude a subnet
    struct {
        const char* id;
        const char* az;
        const char* cidr;
        uint32_t scatter;
    } const subnets[] = {{"subnet-a", "us-east-1a", "10.0.1.0/24", 0},
                         {"subnet-b", "us-east-1a", "10.0.2.0/26", 0},
                         {"subnet-c", "us-east-1b", "10.0.3.0/27", 7},
                         {"subnet-d", "us-east-1a", "10.0.16.0/22", 0}};
    for (const auto& s : subnets) {
        core::SubnetDesc d;
        d.id = s.id;
        d.az = s.az;
        d.cidr = s.cidr;
        d.scatter = s.scatter;
        core::Status st = core::add_subnet(c.vpc, d);
        FUZZ_CHECK(st.ok(), std::string("initial subnet ") + s.id);
    }
    return c;
}

const char* kind_name(OpKind k) {
    static const char* const names[] = {"add-node",   "remove-node", "replace-node", "add-pod",
                                        "remove-pod", "set-config",  "add-vpc-cidr", "add-subnet",
                                        "hold",       "release",     "reconcile",    "pool-pass",
                                        "snapshot",   "restore",     "set-tags"};
    return names[static_cast<int>(k)];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const core::Catalog& catalog = fuzz::catalog();
    static const core::Cluster start = initial_campus();
    // CAMPUS_FUZZ_TRACE=1 build/fuzz/fuzz_campus_ops INPUT prints every operation.
    static const bool trace = std::getenv("CAMPUS_FUZZ_TRACE") != nullptr;
    FuzzedDataProvider in(data, size);
    core::Cluster c = start;
    core::Cluster saved = start;
    std::vector<Op> ops;
    for (int step = 0; step < 96 && in.remaining_bytes() > 0; ++step) {
        ops.push_back(decode(in, c, catalog));
        const Op& op = ops.back();
        const std::string what = std::string("step ") + std::to_string(step) + " " +
                                 kind_name(op.kind) + " node='" + op.node + "' name='" + op.name +
                                 "'";
        const core::Cluster before = c;
        const core::Status s = apply(c, saved, op);
        if (trace) {
            std::fprintf(stderr, "%s desc='%s' %s -> %s\n", what.c_str(), op.desc.name.c_str(),
                         op.desc.type.name.c_str(), s ? "ok" : s.error().message.c_str());
        }

        core::Status inv = core::check_invariants(c);
        FUZZ_CHECK(inv.ok(), what + ": " + (inv ? "" : inv.error().message) +
                                 (s ? "" : " (after failing: " + s.error().message + ")"));
        if (s) continue;
        FUZZ_CHECK(!s.error().message.empty(), what + ": failed without a message");
        if (c == before) continue;
        // The one documented exception: add_pod admitted the pod, which now waits.
        FUZZ_CHECK(op.kind == OpKind::AddPod,
                   what + ": failed call changed the campus: " + s.error().message);
        const core::Node* was = core::find_node(before, op.node);
        const core::Node* now = core::find_node(c, op.node);
        FUZZ_CHECK(
            was != nullptr && now != nullptr && now->pending.size() == was->pending.size() + 1,
            what + ": add_pod failed and changed something other than pending");
        FUZZ_CHECK(op.name.empty() || now->pending.back().name == op.name,
                   what + ": the waiting pod has another name");
        FUZZ_CHECK(!now->pending.back().waiting.empty(), what + ": waiting pod without a reason");
        FUZZ_CHECK(s.error().code != core::ErrorCode::None &&
                       s.error().code != core::ErrorCode::TooManyPods,
                   what + ": a waiting pod's error needs an address code, got '" +
                       std::string(core::error_code_name(s.error().code)) + "'");
    }

    // Determinism: the same operations on a fresh copy of the start give an equal campus
    // (and an equal snapshot), so a copy is a faithful snapshot and replay reproduces a run.
    core::Cluster replay = start;
    core::Cluster replay_saved = start;
    for (const Op& op : ops)
        (void)apply(replay, replay_saved, op);
    FUZZ_CHECK(replay == c && replay_saved == saved,
               "replaying " + std::to_string(ops.size()) + " operations gave another campus");
    return 0;
}
