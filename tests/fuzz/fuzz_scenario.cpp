// fuzz_scenario.cpp: libFuzzer target for scenario files (core/scenario.h), the input a
// learner imports or a share link carries, against the embedded catalog.
//
// Properties: load_scenario never crashes, throws or hangs, and refuses with a message; what
// loads passes validate_scenario, saves to JSON that loads back to an equal scenario and
// saves again to the same bytes; build_cluster runs it into a cluster that keeps every
// invariant (core::check_invariants), has exactly the nodes the groups ask for and no more
// pods than the scenario lists, copies to an equal snapshot, and comes out the same when
// built twice (determinism).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cluster.h"
#include "fuzz_support.h"
#include "scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text(data, size);
    const core::Catalog& catalog = fuzz::catalog();

    core::Result<core::Scenario> loaded = core::load_scenario(text, catalog);
    if (!loaded) {
        const std::string& m = loaded.error().message;
        FUZZ_CHECK(!m.empty() && m.size() <= 4096,
                   "refusal message of " + std::to_string(m.size()) + " bytes");
        return 0;
    }
    const core::Scenario& s = *loaded;
    core::Status valid = core::validate_scenario(s, catalog);
    FUZZ_CHECK(valid.ok(), "loaded but invalid: " + (valid ? "" : valid.error().message));

    const std::string saved = core::save_scenario(s);
    core::Result<core::Scenario> again = core::load_scenario(saved, catalog);
    FUZZ_CHECK(again.ok(), "saved scenario does not load: " + (again ? "" : again.error().message) +
                               "\n" + saved);
    FUZZ_CHECK(*again == s, "save/load changed the scenario:\n" + saved);
    FUZZ_CHECK(core::save_scenario(*again) == saved, "save is not stable:\n" + saved);

    core::Result<core::Cluster> built = core::build_cluster(s, catalog);
    if (!built) {
        FUZZ_CHECK(!built.error().message.empty(), "build refusal without a message");
        return 0;
    }
    const core::Cluster& c = *built;
    core::Status inv = core::check_invariants(c);
    FUZZ_CHECK(inv.ok(), "built cluster breaks an invariant: " + (inv ? "" : inv.error().message) +
                             "\n" + saved);
    long long nodes = 0;
    long long pods = 0;
    for (const core::NodeGroup& g : s.node_groups)
        nodes += g.count;
    for (const core::PodGroup& p : s.pods)
        pods += p.count;
    FUZZ_CHECK(static_cast<long long>(c.nodes.size()) == nodes, "node count\n" + saved);
    long long placed = 0;
    for (const core::Node& n : c.nodes)
        placed += static_cast<long long>(n.pods.size() + n.pending.size());
    FUZZ_CHECK(placed <= pods, "more pods placed than the scenario lists\n" + saved);

    const core::Cluster snapshot = c;
    FUZZ_CHECK(snapshot == c, "a copy of the cluster differs from it");
    if (nodes <= 20 && pods <= 400) {  // keep the fuzzer fast: determinism on small ones
        core::Result<core::Cluster> twice = core::build_cluster(s, catalog);
        FUZZ_CHECK(twice.ok() && *twice == c, "building twice gives different clusters\n" + saved);
    }
    return 0;
}
