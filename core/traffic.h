// traffic.h: who can call whom: the path of one call from a pod, hop by hop, and the
// source address its callee sees, with the VPC CNI or with an overlay CNI.
//
// make_traffic_campus() builds a small example campus with the real allocators: a VPC
// 10.0.0.0/16 with two pod subnets in two zones ("buildings" A and B, two nodes each, two
// pods per node), a database subnet where RDS and ElastiCache hold addresses, a public
// subnet where the NAT gateway holds one, a peered VPC (192.168.0.0/16, a server with an
// address allocated in it) and a server on the internet. With the VPC CNI the pods'
// addresses come from add_pod; with an overlay CNI the nodes keep only their own address
// (no ipamd, no warm pool) and pods get addresses from the node's /24 block of an overlay range
// (172.16.0.0/16; .1 is the node's bridge, pods from .2). trace_call() follows one call.
//
// Rules (shared/reference/vpc-cni-facts.md, "Traffic"; EKS user guide for the rest):
// - VPC CNI, destination inside one of the VPC's CIDRs (a pod anywhere, RDS, ElastiCache):
//   no NAT, no encapsulation; the callee sees the pod's own address.
// - VPC CNI, destination outside the VPC: the node SNATs to its primary IP (and sends the
//   call out of its primary ENI), unless AWS_VPC_K8S_CNI_EXTERNALSNAT=true, the
//   destination lies in AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS, or the pod has its own security
//   groups (EKS disables SNAT for such pods so that their outbound rules apply).
// - The nodes live in private subnets: internet calls go through the NAT gateway, which
//   translates whatever source it gets to its Elastic IP. The internet never sees a node or
//   a pod address. (In a public subnet, external SNAT would cut pods off the internet; the
//   example campus does not model public node subnets.)
// - Overlay CNI: pod to pod on another node is encapsulated (VXLAN-style) between the
//   nodes: the VPC sees only node addresses, the callee pod the caller's overlay address.
//   Every call to anything else is masqueraded to the node's primary IP by the node.
// - Security groups: VPC CNI with security groups for pods: the pod's own groups (its
//   branch ENI); otherwise the groups of the node's ENIs, shared by every pod on the node;
//   an overlay never per pod. (The model keeps the pod's address on a regular ENI even with
//   security groups for pods: cluster.h does not model branch ENIs.)
//
// Text fields hold lesson term tokens ("{desk}", "{mainext}"); render them with
// render_terms (lessons.h) in the learner's vocabulary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"
#include "cidr.h"
#include "cluster.h"
#include "result.h"

namespace core {

enum class Cni { Vpc, Overlay };

// Whom the caller pod calls, relative to the caller.
enum class Callee { SameNode, OtherNode, OtherSubnet, Rds, ElastiCache, Peered, Internet };
inline constexpr int kCalleeCount = 7;

struct TrafficOptions {
    Cni cni = Cni::Vpc;
    bool security_groups_for_pods = false;  // ENABLE_POD_ENI, every pod with its own groups
    // Overlay: each node's own address in kNodes order (the rooms of another campus, so that
    // two CNIs are compared on the same rooms); empty: the subnet's next free ones.
    std::vector<Ipv4> node_ips;
};

// The aws-node SNAT settings.
struct SnatSettings {
    bool external_snat = false;       // AWS_VPC_K8S_CNI_EXTERNALSNAT
    std::vector<Cidr> exclude_cidrs;  // AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS
};

// A pod of the example campus, whichever CNI gave it its address.
struct PodRef {
    std::string name;       // "web-1"
    std::string node;       // "A1"
    std::string subnet_id;  // the node's subnet
    std::string eni_id;     // VPC CNI: the ENI holding the pod's address; overlay: ""
    Ipv4 ip;                // VPC CNI: a subnet address; overlay: an overlay address
};

// Something with an address that is not a pod.
struct Endpoint {
    std::string name;   // "RDS database"
    std::string where;  // "the databases' {building} (10.0.3.0/24)", "the {peered} ..." (tokens)
    Ipv4 ip;
};

struct TrafficCampus {
    TrafficOptions options;
    Cluster cluster;                   // VPC, subnets, nodes; VPC CNI: pods with VPC addresses
    Cidr overlay_range;                // overlay CNI: the pods' private range
    std::vector<Cidr> overlay_blocks;  // overlay CNI: one /24 per node, as cluster.nodes
    std::vector<PodRef> pods;          // every pod, in node order
    Endpoint rds;
    Endpoint elasticache;
    Endpoint nat_gateway;  // its private address in the public subnet
    Ipv4 nat_public_ip;    // the NAT gateway's Elastic IP
    Endpoint peer;         // a server in the peered VPC
    Cidr peer_cidr;
    Endpoint internet;  // a server on the internet
};

// What a place on the call's way is.
enum class HopKind {
    Pod,
    Node,
    Eni,
    VpcRouter,
    NatGateway,
    InternetGateway,
    Peering,
    Service,
    Internet
};

// One place the call passes.
struct Hop {
    HopKind kind = HopKind::Pod;
    std::string name;    // "web-1", "{room} A1", "RDS" (term tokens)
    std::string detail;  // a sentence for a tooltip
    Ipv4 source;         // the call's source address after this hop (inner, if wrapped); at the
                         // callee: the source it sees
    Ipv4 outer_source;   // encapsulated: the outer (node) source; 0 otherwise
    std::string change;  // what this hop does to the call ("swaps the caller ... for ..."), ""
                         // if nothing
};

struct TrafficPath {
    Cni cni = Cni::Vpc;
    Callee callee = Callee::SameNode;
    std::string caller;       // pod name
    std::string callee_name;  // "api-1", "RDS database"
    Ipv4 caller_ip;
    Ipv4 callee_ip;
    Ipv4 seen_source;             // what the callee sees as the caller
    bool inside_vpc = false;      // the callee's address lies in a VPC CIDR
    bool translated = false;      // some hop rewrote the source address
    bool encapsulated = false;    // wrapped between nodes (overlay)
    bool node_snat = false;       // the node rewrote the source to its primary IP
    std::string translated_by;    // "{room} A1", "the {natgw}", "{room} A1, then the {natgw}"
    bool sg_per_pod = false;      // security groups apply to this pod alone
    std::string security_groups;  // which groups filter the call, in a sentence
    std::string seen_as;          // "the {desk}'s own {ext}", "the {mainext} of {room} A1"...
    std::string verdict;          // "Direct: RDS database sees 10.0.3.4, the {desk}'s own {ext}."
    std::vector<Hop> hops;        // caller first, callee last
};

// What a cluster of `nodes` nodes, each running as many pods as max-pods allows, takes from
// the VPC under each CNI. The nodes share one /16 subnet, which kMaxAddressUsePods keeps from
// running out.
struct CniAddressUse {
    Cni cni = Cni::Vpc;
    int nodes = 0;
    int pods_per_node = 0;            // kubelet max-pods minus the 2 host-network pods
    long long pods = 0;               // running pods (with an address)
    long long vpc_addresses = 0;      // subnet addresses held: node ENIs, secondary IPs, prefixes
    long long overlay_addresses = 0;  // overlay CNI: pod addresses from the overlay range
};
inline constexpr int kMaxAddressUseNodes = 200;
inline constexpr long long kMaxAddressUsePods = 10000;  // pods simulated in one call

// Builds the example campus for a node instance type (see the purpose block). Fails if the
// type cannot run the options (security groups for pods on a t-family type).
Result<TrafficCampus> make_traffic_campus(const InstanceType& type,
                                          const TrafficOptions& options = {});
// Follows one call from a pod of the campus to a callee picked relative to it.
Result<TrafficPath> trace_call(const TrafficCampus& campus, std::string_view caller, Callee callee,
                               const SnatSettings& snat = {});
// The pod a callee kind resolves to for this caller ("" for services): the first other pod
// on the same node, on another node of the same subnet, or on a node of another subnet.
Result<PodRef> callee_pod(const TrafficCampus& campus, std::string_view caller, Callee callee);
// Finds a pod by name, nullptr if absent.
const PodRef* find_traffic_pod(const TrafficCampus& campus, std::string_view name);
// True if the VPC CNI's node SNATs a call from a pod to this destination: outside every VPC
// CIDR, not excluded, external SNAT off, and the pod without its own security groups.
bool vpc_cni_snats(const Vpc& vpc, Ipv4 destination, const SnatSettings& snat,
                   bool pod_has_security_groups);
// Parses AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS: comma-separated CIDRs, spaces allowed around
// commas; "" is an empty list.
Result<std::vector<Cidr>> parse_exclude_snat_cidrs(std::string_view text);
// CIDRs worth excluding in the example campus: the peered VPC and the internet server's /24.
std::vector<Cidr> exclude_snat_choices(const TrafficCampus& campus);
// "a {desk} in the same {room}", "RDS", ... (term tokens).
const char* callee_label(Callee callee);
// "pod", "node", "eni", "vpc-router", "nat-gateway", "internet-gateway", "peering",
// "service", "internet": a hop kind's name in the model's own words (tests, logs).
const char* hop_kind_name(HopKind kind);
// What a hop kind is, in term tokens: "{desk}", "{room}", "{panel}", "{campus} router"...
const char* hop_kind_label(HopKind kind);
// Runs `nodes` nodes of a type at full pods (kubelet max-pods minus the two host-network
// pods) and counts the VPC addresses they take (1 to kMaxAddressUseNodes nodes, at most
// kMaxAddressUsePods pods in all).
Result<CniAddressUse> address_use(const InstanceType& type, int nodes, Cni cni);

}  // namespace core
