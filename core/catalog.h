// catalog.h: the EC2 instance types and their network limits.
//
// Loaded from assets/catalog.json (generated from the reference table by
// tools/gen_catalog.py). Lookups by name return a Result whose error suggests close
// matches ("unknown instance type 'm5.lage'; did you mean m5.large?").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace core {

enum class Hypervisor { Nitro, Xen, Unknown };

struct InstanceType {
    std::string name;      // "m5.large"
    int vcpus = 0;         // 0 where no public figure exists
    int memory_mib = 0;    // 0 where no public figure exists
    int max_enis = 0;      // ENIs on the default network card (what the CNI uses)
    int ipv4_per_eni = 0;  // IPv4 addresses per ENI, the ENI's primary included
    Hypervisor hypervisor = Hypervisor::Unknown;
    bool bare_metal = false;
    int branch_enis = -1;  // security-groups-for-pods branch ENIs; 0 unsupported; -1 unlisted
    int network_cards = 1;
    int enis_all_cards = 0;
    // Listed in misc/eni-max-pods.txt of aws/amazon-vpc-cni-k8s (the published max-pods table).
    bool in_eni_max_pods = false;
    // Listed in nodeadm's instance table (awslabs/amazon-eks-ami
    // nodeadm/internal/kubelet/instance-info.jsonl): the AL2023 AMI computes max-pods from it
    // at boot; for other types nodeadm asks ec2:DescribeInstanceTypes.
    bool in_nodeadm = false;
};

// Every field equal (tests, fuzzing and the IPAM's change detection compare types).
bool operator==(const InstanceType& a, const InstanceType& b);
inline bool operator!=(const InstanceType& a, const InstanceType& b) {
    return !(a == b);
}

struct Catalog {
    std::vector<InstanceType> types;  // sorted by name
};

// Parses and validates the catalog JSON. Errors name the entry and field.
Result<Catalog> load_catalog(std::string_view json);

namespace detail {
// The two readers behind load_catalog, for tests and fuzzing. The fast one reads only the
// shipped file's exact shape and declines (nullopt) anything else; when it does not decline
// it returns what the general one returns. load_catalog tries the fast one first.
std::optional<Result<Catalog>> load_catalog_fast(std::string_view json);
Result<Catalog> load_catalog_general(std::string_view json);
}  // namespace detail
// Finds a type by exact name (case-insensitive, no trimming: " m5.large" is unknown).
// Unknown names get up to three suggestions by edit distance in the message. The
// pointer stays valid as long as the catalog is not modified.
Result<const InstanceType*> find_instance_type(const Catalog& catalog, std::string_view name);
// Names in the catalog closest to `name` (edit distance), best first.
std::vector<std::string> suggest_instance_types(const Catalog& catalog, std::string_view name,
                                                int max = 3);
// Types whose name starts with `prefix` (case-insensitive), in name order, at most `max`.
std::vector<const InstanceType*> instance_types_with_prefix(const Catalog& catalog,
                                                            std::string_view prefix, int max = 20);
// Where a size comes in its family, smallest first: nano, micro, small, medium, large,
// xlarge, 2xlarge, ..., 48xlarge, then metal, metal-24xl, ... ("m5.2xlarge" before
// "m5.12xlarge", which plain name order puts the other way round).
int instance_size_rank(std::string_view name);
// The catalog's indices in reading order: by family name, then size (instance_size_rank).
std::vector<size_t> instance_types_by_size(const Catalog& catalog);
// Levenshtein distance between two names, compared case-insensitively.
int edit_distance(std::string_view a, std::string_view b);
// The family of a type: "m5" for "m5.large".
std::string instance_family(std::string_view name);
// "nitro", "xen", "unknown"
const char* hypervisor_name(Hypervisor h);

}  // namespace core
