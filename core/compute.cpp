// compute.cpp: CPU and memory used by a number of equal pods (see compute.h).
#include "compute.h"
#include "format.h"
#include "lookup.h"

#include <algorithm>
#include <string>

namespace core {

namespace {}  // namespace

Result<ComputeUse> compute_use(const InstanceType& type, long long pods, int cpu_request_millis,
                               int memory_request_mib) {
    if (pods < 0) return make_error("The pod count cannot be negative (" + num(pods) + ").");
    if (cpu_request_millis <= 0 || cpu_request_millis > kMaxCpuRequestMillis)
        return make_error("A pod's CPU request must be between 1m and " +
                          num(kMaxCpuRequestMillis) + "m; " + num(cpu_request_millis) +
                          "m is not.");
    if (memory_request_mib <= 0 || memory_request_mib > kMaxMemoryRequestMib)
        return make_error("A pod's memory request must be between 1 MiB and " +
                          num(kMaxMemoryRequestMib) + " MiB; " + num(memory_request_mib) +
                          " MiB is not.");
    ComputeUse u;
    u.pods = pods;
    u.cpu_request_millis = cpu_request_millis;
    u.memory_request_mib = memory_request_mib;
    u.cpu_used_millis = pods * cpu_request_millis;
    u.memory_used_mib = pods * memory_request_mib;
    u.known = type.vcpus > 0 && type.memory_mib > 0;
    if (!u.known) {
        std::string missing = type.vcpus <= 0 && type.memory_mib <= 0 ? "vCPU or memory"
                              : type.vcpus <= 0                       ? "vCPU"
                                                                      : "memory";
        u.note = "No public " + missing + " figure for " + type.name +
                 ", so its CPU and memory use cannot be shown.";
        return u;
    }
    u.cpu_millis = static_cast<long long>(type.vcpus) * 1000;
    u.memory_mib = type.memory_mib;
    u.cpu_fraction = static_cast<double>(u.cpu_used_millis) / static_cast<double>(u.cpu_millis);
    u.memory_fraction = static_cast<double>(u.memory_used_mib) / static_cast<double>(u.memory_mib);
    u.pods_by_cpu = u.cpu_millis / cpu_request_millis;
    u.pods_by_memory = u.memory_mib / memory_request_mib;
    u.note =
        "Counted against the whole instance; kubelet keeps a little CPU and memory for "
        "the system, so the allocatable amount is slightly lower.";
    return u;
}

PodLimit first_limit(const ComputeUse& use, long long address_pods) {
    if (!use.known) return PodLimit::Unknown;
    long long best = address_pods;
    PodLimit limit = PodLimit::Addresses;
    if (use.pods_by_cpu < best) {
        best = use.pods_by_cpu;
        limit = PodLimit::Cpu;
    }
    if (use.pods_by_memory < best) limit = PodLimit::Memory;
    return limit;
}

long long pods_that_fit(const ComputeUse& use, long long address_pods) {
    if (!use.known) return address_pods;
    return std::min({address_pods, use.pods_by_cpu, use.pods_by_memory});
}

const char* pod_limit_name(PodLimit limit) {
    static constexpr EnumWord<PodLimit> kNames[] = {{PodLimit::Addresses, "IP addresses"},
                                                    {PodLimit::Cpu, "CPU"},
                                                    {PodLimit::Memory, "memory"}};
    return word_for(kNames, limit, "unknown");
}

}  // namespace core
