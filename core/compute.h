// compute.h: what a room full of desks does to the room's CPU and memory.
//
// The pod limit on EKS comes from IP address slots, not from CPU or memory: a small node can
// refuse a pod while most of its CPU sits idle. compute_use() puts the two side by side:
// for N pods that each request the same CPU and memory, how much of the instance they take,
// and how many such pods the CPU alone or the memory alone could hold. It counts the
// instance's whole vCPU and memory (1 vCPU = 1000 millicores, memory in MiB); kubelet's
// reservations (kube-reserved, system-reserved, eviction threshold) would lower the
// allocatable amount a little, which the note says. Types without a public vCPU or memory
// figure (catalog value 0) come back with known = false and a note saying so.
#pragma once

#include <string>

#include "catalog.h"
#include "result.h"

namespace core {

inline constexpr int kMaxCpuRequestMillis = 1000 * 1024;      // 1,024 vCPUs
inline constexpr int kMaxMemoryRequestMib = 1024 * 1024 * 4;  // 4 TiB

// Which limit a node reaches first as pods of one size arrive.
enum class PodLimit { Addresses, Cpu, Memory, Unknown };

struct ComputeUse {
    bool known = false;             // the catalog has both vCPU and memory for the type
    long long pods = 0;             // pods counted
    int cpu_request_millis = 0;     // per pod
    int memory_request_mib = 0;     // per pod
    long long cpu_millis = 0;       // the instance's CPU: vCPUs x 1000 (0 if unknown)
    long long memory_mib = 0;       // the instance's memory (0 if unknown)
    long long cpu_used_millis = 0;  // pods x request
    long long memory_used_mib = 0;
    double cpu_fraction = 0;       // used / instance; above 1 when the pods would not fit
    double memory_fraction = 0;    // used / instance
    long long pods_by_cpu = 0;     // pods of this size the CPU could hold (0 if unknown)
    long long pods_by_memory = 0;  // pods of this size the memory could hold (0 if unknown)
    std::string note;              // why the figures are missing or approximate
};

// CPU and memory taken by `pods` pods of one request size on an instance type. Fails for a
// negative pod count or a request that is not positive or beyond the sane bounds.
Result<ComputeUse> compute_use(const InstanceType& type, long long pods, int cpu_request_millis,
                               int memory_request_mib);
// The limit a node meets first: address slots (address_pods = the pods its addresses and
// max-pods allow), CPU or memory, for pods of this size; Unknown without vCPU or memory.
PodLimit first_limit(const ComputeUse& use, long long address_pods);
// How many of these pods the node really takes: the fewest of what its addresses allow, what
// its CPU holds and what its memory holds (address_pods when CPU or memory is unknown).
long long pods_that_fit(const ComputeUse& use, long long address_pods);
// "IP addresses", "CPU", "memory", "unknown"
const char* pod_limit_name(PodLimit limit);

}  // namespace core
