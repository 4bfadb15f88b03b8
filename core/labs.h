// labs.h: incident labs: a campus in trouble, what it shows, and the levers an engineer has.
//
// A lab (assets/labs.json) is a starting campus (a scenario, core/scenario.h, checked
// strictly), a page from the pager, a goal, the fixes an engineer could make (each one lever
// with its values: an instance type, prefix delegation, kubelet's max-pods, the node group
// kind, a WARM_* target, a new or tagged subnet, a secondary CIDR, custom networking with its
// ENIConfig, a subnet CIDR reservation, replacing or adding nodes), a reference fix, tempting
// fixes that do not work (decoys) and hints. Nothing in the file says whether a fix works: the
// model applies the chosen fixes to the running campus and runs it.
//
//   core::Result<core::Labs> labs = core::load_labs(core::asset("labs.json"), catalog, &lessons);
//   const core::Lab& lab = labs->labs[0];
//   core::Result<core::LabCheck> c = core::check_lab(lab, {"pd", "max-pods", "replace"}, catalog);
//   c->solved;            // true or false, from the model
//   c->reason;            // one sentence, term tokens ("{desks}")
//   core::lab_symptoms(c->after);   // what the campus shows: events, EC2 errors, counts
//
// How a fix lands (as on a real cluster):
// - aws-node's environment (WARM_ENI_TARGET, WARM_IP_TARGET, MINIMUM_IP_TARGET,
//   WARM_PREFIX_TARGET) is read again when aws-node restarts: it applies to every running
//   node at once (set_node_config) and to new nodes;
// - ENABLE_PREFIX_DELEGATION, custom networking with its ENIConfig, and kubelet's max-pods in
//   the launch template apply to NEW nodes only (the model refuses them on a running node, as
//   AWS says to replace the nodes): until the nodes are replaced nothing changes;
// - a new instance type or node group kind is a new node group: its nodes replace the old;
// - VPC changes (a secondary CIDR, a subnet, a tag, a subnet CIDR reservation) apply at once;
//   subnet discovery places new ENIs in tagged subnets; a reservation frees nothing in use.
// After each fix every node's ipamd settles and Pending pods are scheduled again, onto the
// node of their group with the fewest pods that is under its max-pods.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "capacity.h"
#include "catalog.h"
#include "cluster.h"
#include "lessons.h"
#include "result.h"
#include "scenario.h"

namespace core {

inline constexpr int kLabsVersion = 1;
inline constexpr std::size_t kMaxLabsBytes = 512 * 1024;
inline constexpr std::size_t kMaxLabs = 32;
inline constexpr std::size_t kMaxLabFixes = 16;
inline constexpr std::size_t kMaxLabDecoys = 8;
inline constexpr std::size_t kMaxLabHints = 6;
inline constexpr std::size_t kMaxLabIdLength = 40;
inline constexpr std::size_t kMaxLabText = 2000;  // a pager page, a hint, a title

// What one fix changes.
enum class LeverKind {
    InstanceType,      // a new node group of another instance type replaces the old
    NodeGroupKind,     // a new node group of the other kind (managed / self-managed)
    Scale,             // the node group's desired size
    ReplaceNodes,      // replace every node of the group (new nodes take the new settings)
    MaxPods,           // kubelet max-pods in the launch template (new nodes)
    PrefixDelegation,  // ENABLE_PREFIX_DELEGATION (new nodes)
    WarmEniTarget,     // WARM_ENI_TARGET (every node, at once)
    WarmIpTarget,      // WARM_IP_TARGET
    MinimumIpTarget,   // MINIMUM_IP_TARGET
    WarmPrefixTarget,  // WARM_PREFIX_TARGET
    CustomNetworking,  // AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true and an ENIConfig (new nodes)
    NewSubnet,         // a new subnet (with tags, e.g. kubernetes.io/role/cni=1)
    TagSubnet,         // tag a subnet kubernetes.io/role/cni for subnet discovery
    VpcCidr,           // a secondary CIDR block for the VPC
    Reservation,       // a subnet CIDR reservation of type prefix
};
// "instance-type", "node-group-kind", "scale", "replace-nodes", "max-pods", "prefix-delegation",
// "warm-eni-target", "warm-ip-target", "minimum-ip-target", "warm-prefix-target",
// "custom-networking", "new-subnet", "tag-subnet", "vpc-cidr", "reservation"
const char* lever_name(LeverKind kind);

struct Lever {
    LeverKind kind = LeverKind::ReplaceNodes;
    std::string node_group;     // the node group (instance-type .. max-pods)
    std::string instance_type;  // InstanceType, as the catalog spells it
    NodeGroupKind group_kind = NodeGroupKind::SelfManaged;  // NodeGroupKind
    int value = 0;              // Scale, MaxPods, the WARM_* targets; PrefixDelegation 0 or 1
    std::string subnet;         // CustomNetworking (the ENIConfig's subnet), TagSubnet, Reservation
    std::string cidr;           // VpcCidr; Reservation ("" reserves the whole subnet)
    std::string tag_value;      // TagSubnet: the kubernetes.io/role/cni value
    ScenarioSubnet new_subnet;  // NewSubnet
};

struct LabFix {
    std::string id;  // "pd": the CLI's --apply names it
    Lever lever;
};

// A building that must keep free addresses (for the next node, a load balancer...).
struct SubnetFloor {
    std::string subnet;
    int free = 0;
};

// What "healthy" means for a lab: every pod running (none waiting, none Pending), plus these.
struct LabGoal {
    std::vector<SubnetFloor> floors;
    bool kept_promises = false;  // no node admits more pods than it has addresses for
    int budget = 3;              // at most this many fixes
};

// Settings a node group's NEW nodes get that its running nodes were started without (the
// aws-node DaemonSet or launch template changed after they started): "configured" in the file.
struct LabConfigured {
    std::string node_group;
    bool custom_networking = false;
    std::string pod_subnet;  // the ENIConfig's subnet
    bool prefix_delegation = false;
    int max_pods = 0;  // 0 keeps the kind's default
};

struct Lab {
    std::string id;     // "idle-but-full": deep links, progress, the CLI
    std::string title;  // term tokens
    std::string pager;  // the page from the pager: term tokens and $variables (lab_pager)
    Scenario campus;
    std::vector<LabConfigured> configured;
    LabGoal goal;
    std::vector<LabFix> fixes;                     // as offered (ordered_fixes applies them)
    std::vector<std::string> reference;            // fix ids of the reference fix
    std::vector<std::vector<std::string>> decoys;  // fix id lists that look right and are not
    std::vector<std::string> hints;                // in stages; the reference fix comes last
};

struct Labs {
    std::vector<Lab> labs;
};

// Parses and validates labs JSON: version, unique lab and fix ids (lowercase letters, digits,
// '-'), every campus a valid scenario ("labs[2].campus: nodeGroups[0].instanceType: unknown
// instance type 'm5.lage'; ..."), every fix's keys and values for its lever, node groups and
// subnets that exist (or that an earlier fix of the lab creates), reference and decoys naming
// known fixes, the reference within the budget; with lessons given, only defined {term}
// tokens. Errors name the lab and field.
Result<Labs> load_labs(std::string_view json, const Catalog& catalog,
                       const Lessons* lessons = nullptr);
// Index of the lab with this id, or -1.
int find_lab(const Labs& labs, std::string_view id);
// The ids of every lab, in file order.
std::vector<std::string> lab_ids(const Labs& labs);

// ---- a lab's campus as it runs ------------------------------------------------------------

// One node group as the lab tracks it.
struct LabGroup {
    std::string name;
    std::string instance_type;
    std::string subnet;
    int count = 0;                         // nodes wanted
    int pods = 0;                          // pods the team runs on the group
    NodeConfig configured;                 // what a new node of the group starts with
    int next_node = 1;                     // new nodes are "<name>-<next_node>", ...
    int next_pod = 1;                      // new pods are "<name>-pod-<next_pod>", ...
    std::vector<std::string> nodes;        // the group's nodes, oldest first
    std::vector<std::string> unscheduled;  // pods the scheduler could place on no node
};

struct LabCampus {
    Cluster cluster;
    std::vector<LabGroup> groups;
    std::vector<std::string> applied;  // ids of the fixes applied, in order
};

// The lab's starting campus, run: its scenario built, with the settings new nodes would get.
Result<LabCampus> start_lab(const Lab& lab, const Catalog& catalog);
// Applies one fix to the running campus and lets it settle. A refused fix (the model's message:
// a subnet outside the VPC, a max-pods out of range) leaves the campus as it was.
Status apply_fix(LabCampus& campus, const LabFix& fix, const Catalog& catalog);
// Pods wanted, running, waiting and Pending.
PodCounts count_pods(const LabCampus& campus);

// What a fix costs on this campus, as an engineer would count it.
struct LabCost {
    int nodes_replaced = 0;  // nodes drained and started again (their pods restart)
    int nodes_added = 0;     // more nodes billed
    int nodes_removed = 0;
    int subnets_added = 0;
    int vpc_cidrs_added = 0;
    bool aws_node_restart = false;   // aws-node restarts on every node (seconds; pods keep IPs)
    bool new_nodes_only = false;     // takes effect only on nodes started after it
    bool vpc_change = false;         // a tag or reservation: no node touched
    std::string compute_before;      // "3 x t3.small (2 vCPUs, 2 GiB each)"
    std::string compute_after;       // "3 x m5.large (2 vCPUs, 8 GiB each)"
    std::vector<std::string> lines;  // the above as sentences, term tokens
};
LabCost fix_cost(const LabCampus& campus, const LabFix& fix, const Catalog& catalog);
// The fix in words: term tokens ("Switch {blocks} on"); `aws_detail` the setting as AWS names it
// ("ENABLE_PREFIX_DELEGATION=true").
struct FixWords {
    std::string label;       // term tokens
    std::string aws_detail;  // the setting, resource or command
};
FixWords fix_words(const LabFix& fix);

// ---- checking ------------------------------------------------------------------------------

struct LabCheck {
    bool solved = false;
    std::string reason;  // one sentence, term tokens
    PodCounts before, after;
    std::vector<std::string> applied;  // fix ids applied, in the order made
    std::vector<std::string> refused;  // "fix-id: the model's message"
    LabCampus after_campus;
};
// The chosen fixes in the order an engineer makes them, whatever order they were picked in:
// VPC changes (CIDR blocks, subnets, tags, reservations), then aws-node's settings and the
// launch template, then new node groups, sizes, and replacing nodes last.
std::vector<LabFix> ordered_fixes(const Lab& lab, const std::vector<std::string>& ids);
// Starts the lab, applies the chosen fixes (ordered_fixes) and checks the goal. Unknown fix
// ids (or one given twice) are an error naming the known ones.
Result<LabCheck> check_lab(const Lab& lab, const std::vector<std::string>& fix_ids,
                           const Catalog& catalog);
// Whether a campus meets the lab's goal after `changes` fixes, and why (term tokens).
struct Verdict {
    bool solved = false;
    std::string reason;
};
Verdict judge(const Lab& lab, const LabCampus& campus, int changes);
// The reference fix's working: what changed in the model, line by line (term tokens).
std::vector<std::string> reference_working(const Lab& lab, const Catalog& catalog);
// The pager page with its $variables filled in from the starting campus: $wanted, $running,
// $waiting, $pending, $nodes, and of the first node group $type, $group, $maxpods (its first
// node's) and $free (free addresses in its subnet).
std::string lab_pager(const Lab& lab, const LabCampus& start);
// Checks that the reference fix solves the lab and each decoy does not: "" if so, else what
// the model says (the build runs it through tools/gen_static_lessons).
std::string verify_lab(const Lab& lab, const Catalog& catalog);

// ---- symptoms ------------------------------------------------------------------------------

enum class SymptomKind {
    Unschedulable,   // the scheduler: "0/3 nodes are available: 3 Too many pods."
    SandboxFailed,   // kubelet: "Failed to create pod sandbox: ... failed to assign an IP ..."
    Ec2Error,        // ipamd's log: an EC2 call failed (InsufficientFreeAddressesInSubnet, ...)
    SubnetFree,      // a subnet's free count (what the console shows)
    NodeEnis,        // a node's ENIs, addresses and max-pods
    AwsNodeSetting,  // aws-node's environment
    StaleNode,       // a node started before a setting changed (it runs without it)
};
const char* symptom_kind_name(SymptomKind kind);

// One thing the campus shows, as data; the two lines are made from these fields.
struct Symptom {
    SymptomKind kind = SymptomKind::SubnetFree;
    std::string subject;  // pod, node, subnet or setting
    long long count = 0;  // pods affected, free addresses, ENIs attached, the setting's value
    long long total = 0;  // nodes, usable addresses, the ENI limit
    long long extra = 0;  // free /28 blocks, addresses held, max-pods
    std::string code;     // EC2 error code; the node group
    std::string detail;   // another name: the subnet, the configured value
    std::string campus;   // in campus words (term tokens)
    std::string aws;      // as the cluster shows it (kubectl, ipamd's log, the console)
};
// Everything the campus shows: Pending and waiting pods with their events, ipamd's EC2
// errors, each subnet's free count, each node's ENIs, aws-node's settings, nodes that run
// without a setting their group now has.
std::vector<Symptom> lab_symptoms(const LabCampus& campus);
// The line in the vocabulary chosen: campus words (terms rendered) or the cluster's own text.
std::string symptom_text(const Symptom& symptom, const Lessons& lessons, Terms terms);

// ---- a lab as the page plays it ------------------------------------------------------------

// The learner's session with one lab: the campus from the pager, the fixes picked, the last
// Check and the hints shown. Copying it is a snapshot.
struct LabSession {
    int lab = -1;                     // index into Labs::labs; -1: none
    LabCampus start;                  // the campus as the pager found it
    std::string error;                // the lab could not start (the model's message)
    std::vector<std::string> chosen;  // fix ids picked, in the order picked
    bool checked = false;             // Check ran on exactly the fixes picked now
    bool has_result = false;          // a Check ran since the lab opened or started over
    LabCheck result;                  // what the last Check found (kept while picks change)
    int hints = 0;                    // hint stages shown; hints.size() + 1 shows the reference fix
};
// Opens a lab (index into labs.labs) at its starting campus; error says why if it cannot run.
LabSession open_lab(const Labs& labs, int index, const Catalog& catalog);
// Picks or unpicks a fix (the last Check no longer applies); false for an unknown fix id.
bool toggle_fix(LabSession& session, const Lab& lab, std::string_view fix_id);
// True if the fix is picked.
bool fix_chosen(const LabSession& session, std::string_view fix_id);
// Runs the campus with the picked fixes (check_lab) and keeps the result.
Status check_session(LabSession& session, const Lab& lab, const Catalog& catalog);
// Back to the pager's campus: nothing picked, no result (hints already shown stay shown).
void reset_session(LabSession& session);
// Shows the next hint stage (the last one is the reference fix with its working).
void next_hint(LabSession& session, const Lab& lab);
// The campus to draw: after the last Check (picks changed since do not move it until the
// next Check), else the starting one.
const LabCampus& shown_campus(const LabSession& session);

}  // namespace core
