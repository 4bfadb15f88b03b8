// lab_symptoms.cpp: what a lab's campus shows an on-call engineer (see labs.h).
//
// Every line is made from the model's state. The AWS lines quote the messages where they are
// produced (sources read at these snapshots):
// - the scheduler: kubernetes pkg/scheduler/framework/types.go, NoNodeAvailableMsg
//   "0/%v nodes are available" and FitError.Error(): each reason counted as "%v %v", the list
//   sorted (sort.Strings), joined with ", " and closed with "."; the reason from
//   pkg/scheduler/framework/plugins/noderesources/fit.go: "Too many pods"; for nodes of
//   another group, nodeaffinity's "node(s) didn't match Pod's node affinity/selector". The
//   preemption message the default PostFilter appends is left out (no priorities modelled).
// - kubelet: pkg/kubelet/kuberuntime/kuberuntime_manager.go, event FailedCreatePodSandBox
//   "Failed to create pod sandbox: %v"; containerd's "failed to setup network for sandbox %q:
//   %w"; libcni's "plugin %s failed (add): %w" (pluginDescription: type="aws-cni"
//   name="aws-cni"); the VPC CNI's plugin, aws/amazon-vpc-cni-k8s
//   cmd/routed-eni-cni-plugin/cni.go (b5218838): "add cmd: failed to assign an IP address to
//   container".
// - ipamd: pkg/ipamd/ipamd.go (b5218838) logs for INSUFFICIENT_CIDR_BLOCKS
//   ("InsufficientCidrBlocks") and INSUFFICIENT_FREE_IP_SUBNET
//   ("InsufficientFreeAddressesInSubnet"): "Unable to attach IPs/Prefixes for the ENI, subnet
//   doesn't seem to have enough IPs/Prefixes. Consider using new subnet or carve a reserved
//   range using create-subnet-cidr-reservation".
#include <algorithm>

#include "format.h"
#include "ipam.h"
#include "labs.h"
#include "lookup.h"
#include "vpc.h"

namespace core {
namespace {

constexpr const char* kNoAddress = "add cmd: failed to assign an IP address to container";
constexpr const char* kIpamdLog =
    "Unable to attach IPs/Prefixes for the ENI, subnet doesn't seem to have enough "
    "IPs/Prefixes. Consider using new subnet or carve a reserved range using "
    "create-subnet-cidr-reservation";

std::string more(long long n, const std::string& where) {
    return n > 1 ? " (and " + num(n - 1) + " more" + where + ")" : "";
}

void unschedulable(const LabCampus& c, const LabGroup& g, std::vector<Symptom>& out) {
    if (g.unscheduled.empty()) return;
    Symptom s;
    s.kind = SymptomKind::Unschedulable;
    s.subject = g.unscheduled.front();
    s.count = static_cast<long long>(g.unscheduled.size());
    s.total = static_cast<long long>(c.cluster.nodes.size());
    s.extra = static_cast<long long>(g.nodes.size());
    s.code = g.name;
    std::vector<std::string> reasons;
    if (s.extra > 0) reasons.push_back(num(s.extra) + " Too many pods");
    if (s.total > s.extra) {
        reasons.push_back(num(s.total - s.extra) +
                          " node(s) didn't match Pod's node affinity/selector");
    }
    std::sort(reasons.begin(), reasons.end());
    std::string why;
    for (const std::string& r : reasons)
        why += (why.empty() ? "" : ", ") + r;
    s.aws = s.subject + " Pending" + more(s.count, "") +
            ": Warning FailedScheduling default-scheduler 0/" + num(s.total) +
            " nodes are available: " + why + ".";
    s.campus = count(s.count, "{desk}", "{desks}") + " of " + g.name +
               " found no {room}: every {room} is at its {maxpods}.";
    out.push_back(s);
}

void sandbox_failed(const Node& n, std::vector<Symptom>& out) {
    if (n.pending.empty()) return;
    Symptom s;
    s.kind = SymptomKind::SandboxFailed;
    s.subject = n.pending.front().name;
    s.count = static_cast<long long>(n.pending.size());
    s.detail = n.name;
    s.code = error_code_name(n.pool_error_code);
    s.aws = s.subject + " ContainerCreating" + more(s.count, " on " + n.name) +
            ": Warning FailedCreatePodSandBox kubelet Failed to create pod sandbox: rpc error: "
            "code = Unknown desc = failed to setup network for sandbox \"...\": plugin "
            "type=\"aws-cni\" name=\"aws-cni\" failed (add): " +
            kNoAddress;
    s.campus = count(s.count, "{desk}", "{desks}") + " in {room} " + n.name +
               (s.count == 1 ? " waits" : " wait") +
               " for an {ext}: the {manager} has none to "
               "give.";
    out.push_back(s);
}

void ec2_error(const Node& n, std::vector<Symptom>& out) {
    if (n.pool_error_code == ErrorCode::None) return;
    Symptom s;
    s.kind = SymptomKind::Ec2Error;
    s.subject = n.name;
    s.code = error_code_name(n.pool_error_code);
    s.detail = n.config.custom_networking ? n.config.pod_subnet_id : n.subnet_id;
    s.aws = "ipamd on " + n.name + ": " + s.code + ": " + kIpamdLog;
    s.campus = "The {manager} of {room} " + n.name + " asked {building} " + s.detail +
               " for more {exts} and was refused: " +
               (n.pool_error_code == ErrorCode::InsufficientCidrBlocks ? "no free {block} is left."
                                                                       : "no free {num} is left.");
    out.push_back(s);
}

void subnet_free(const Subnet& sub, std::vector<Symptom>& out) {
    Symptom s;
    s.kind = SymptomKind::SubnetFree;
    s.subject = sub.id;
    s.count = static_cast<long long>(free_addresses(sub));
    s.total = static_cast<long long>(aws_usable_addresses(sub.cidr));
    s.extra = static_cast<long long>(free_aligned_prefixes(sub));
    s.detail = format_cidr(sub.cidr);
    std::string tag;
    if (const auto t = sub.tags.find(kSubnetRoleTag); t != sub.tags.end()) {
        tag = ", tag " + std::string(kSubnetRoleTag) + "=" + t->second;
    }
    s.aws = sub.id + " (" + s.detail + ", " + sub.az + tag + "): AvailableIpAddressCount " +
            with_commas(static_cast<unsigned long long>(s.count)) + " of " +
            with_commas(static_cast<unsigned long long>(s.total)) + ", " + num(s.extra) +
            " free aligned /28 blocks" +
            (sub.prefix_reservation ? ", prefix reservation " + format_cidr(*sub.prefix_reservation)
                                    : "");
    s.campus = "{building} " + sub.id + ": " +
               with_commas(static_cast<unsigned long long>(s.count)) + " of " +
               with_commas(static_cast<unsigned long long>(s.total)) + " {nums} free, " +
               count(s.extra, "whole {block}", "whole {blocks}") + " free.";
    out.push_back(s);
}

void node_enis(const Node& n, std::vector<Symptom>& out) {
    const NodeStats st = node_stats(n);
    Symptom s;
    s.kind = SymptomKind::NodeEnis;
    s.subject = n.name;
    s.count = st.enis;
    s.total = st.max_enis;
    s.extra = st.max_pods;
    s.detail = n.type.name;
    s.aws = node_summary(n);
    std::string subnets;
    for (const Eni& e : n.enis) {
        if (subnets.find(e.subnet_id) == std::string::npos)
            subnets += (subnets.empty() ? "" : ", ") + e.subnet_id;
    }
    s.aws += "; ENIs in " + subnets;
    s.campus = "{room} " + n.name + " (" + n.type.name + "): " + num(st.enis) + " of " +
               num(st.max_enis) + " {panels} in " + subnets + ", " +
               count(st.ips, "{ext}", "{exts}") + " held (" + num(st.free_ips) + " spare), " +
               count(st.pods, "{desk}", "{desks}") + ", {maxpods} " + num(st.max_pods) + ".";
    out.push_back(s);
}

void aws_node(const LabGroup& g, std::vector<Symptom>& out) {
    const NodeConfig& k = g.configured;
    const WarmConfig& w = k.warm;
    Symptom s;
    s.kind = SymptomKind::AwsNodeSetting;
    s.subject = "aws-node";
    s.count = w.warm_eni_target;
    s.code = g.name;
    s.aws = "aws-node env: WARM_ENI_TARGET=" + num(w.warm_eni_target);
    s.campus = "The {manager}'s rules: keep " +
               count(w.warm_eni_target, "spare {panel}", "spare {panels}");
    if (w.warm_ip_target > 0) {
        s.aws += ", WARM_IP_TARGET=" + num(w.warm_ip_target);
        s.campus += ", keep " + count(w.warm_ip_target, "spare {ext}", "spare {exts}");
    }
    if (w.minimum_ip_target > 0) {
        s.aws += ", MINIMUM_IP_TARGET=" + num(w.minimum_ip_target);
        s.campus += ", at least " + count(w.minimum_ip_target, "{ext}", "{exts}");
    }
    s.aws += std::string(", ENABLE_PREFIX_DELEGATION=") + (k.prefix_delegation ? "true" : "false");
    s.campus += k.prefix_delegation ? ", {blocks} on" : ", single {exts}";
    if (k.prefix_delegation) s.aws += ", WARM_PREFIX_TARGET=" + num(w.warm_prefix_target);
    s.aws += std::string(", AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=") +
             (k.custom_networking ? "true (ENIConfig subnet " + k.pod_subnet_id + ")" : "false");
    if (k.custom_networking) {
        s.campus += ", {desks} get {exts} from " + k.pod_subnet_id + " ({eniconfig})";
    }
    s.aws += "; node group " + g.name + ": " + node_group_kind_name(k.node_group) +
             (k.max_pods_override > 0 ? ", kubelet maxPods " + num(k.max_pods_override) : "");
    s.campus += "; new {rooms} of " + g.name + ": " +
                (k.max_pods_override > 0 ? "{maxpods} " + num(k.max_pods_override)
                                         : "the usual {maxpods}") +
                ".";
    out.push_back(s);
}

void stale(const Node& n, const LabGroup& g, std::vector<Symptom>& out) {
    const NodeConfig& a = n.config;
    const NodeConfig& b = g.configured;
    std::string aws, campus;
    if (a.custom_networking != b.custom_networking) {
        aws = std::string("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=") +
              (a.custom_networking ? "true" : "false");
        campus = b.custom_networking ? "{desks} still get {exts} from the {room}'s own {building}"
                                     : "{desks} still get {exts} from the {eniconfig}";
    } else if (a.prefix_delegation != b.prefix_delegation) {
        aws = std::string("ENABLE_PREFIX_DELEGATION=") + (a.prefix_delegation ? "true" : "false");
        campus = b.prefix_delegation ? "it still hands out single {exts}"
                                     : "it still hands out {blocks}";
    } else if (a.max_pods_override != b.max_pods_override || a.node_group != b.node_group) {
        aws = "max-pods " + num(n.max_pods);
        campus = "its {maxpods} is still " + num(n.max_pods);
    }
    if (aws.empty()) return;
    Symptom s;
    s.kind = SymptomKind::StaleNode;
    s.subject = n.name;
    s.code = g.name;
    s.detail = aws;
    s.aws = n.name + " started before the change and still runs " + aws + " (new nodes of " +
            g.name + " get the new setting)";
    s.campus = "{room} " + n.name + " was set up before the change: " + campus + ".";
    out.push_back(s);
}

}  // namespace

const char* symptom_kind_name(SymptomKind kind) {
    static constexpr EnumWord<SymptomKind> kNames[] = {
        {SymptomKind::Unschedulable, "unschedulable"},
        {SymptomKind::SandboxFailed, "sandbox-failed"},
        {SymptomKind::Ec2Error, "ec2-error"},
        {SymptomKind::SubnetFree, "subnet-free"},
        {SymptomKind::NodeEnis, "node-enis"},
        {SymptomKind::AwsNodeSetting, "aws-node"},
        {SymptomKind::StaleNode, "stale-node"}};
    return word_for(kNames, kind, "subnet-free");
}

std::vector<Symptom> lab_symptoms(const LabCampus& c) {
    std::vector<Symptom> out;
    for (const LabGroup& g : c.groups)
        unschedulable(c, g, out);
    for (const Node& n : c.cluster.nodes)
        sandbox_failed(n, out);
    for (const Node& n : c.cluster.nodes)
        ec2_error(n, out);
    for (const Subnet& s : c.cluster.vpc.subnets)
        subnet_free(s, out);
    for (const LabGroup& g : c.groups) {
        for (const std::string& name : g.nodes) {
            if (const Node* n = find_node(c.cluster, name)) stale(*n, g, out);
        }
    }
    if (!c.groups.empty()) aws_node(c.groups.front(), out);
    for (const Node& n : c.cluster.nodes)
        node_enis(n, out);
    return out;
}

std::string symptom_text(const Symptom& s, const Lessons& lessons, Terms terms) {
    return terms == Terms::Aws ? s.aws : render_terms(lessons, s.campus, terms);
}

}  // namespace core
