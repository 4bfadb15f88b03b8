// exercises.cpp: exercise generators and checks (see exercises.h, assets/exercises.json).
//
// Each generator draws its parameters from the seed, asks the model for the answer (and for
// the values the known misunderstandings give), sets $variables and fills the texts in. A
// generator may turn a draw down ("retry") when the model shows it would make a poor
// exercise, e.g. a fragmented subnet that still has a free /28; the next attempt uses
// another stream of the same seed.
#include "exercises.h"

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>

#include "capacity.h"
#include "cidr.h"
#include "format.h"
#include "ipam.h"
#include "json_read.h"
#include "lookup.h"
#include "steps/steps.h"
#include "traffic.h"
#include "vpc.h"

namespace core {
namespace {

using nlohmann::json;

constexpr int kAttempts = 24;  // draws per seed before giving up (never reached in tests)
constexpr ErrorCode kRetry = ErrorCode::Retry;

// ---- numbers, random draws and texts --------------------------------------------------------

// splitmix64: small, fast and identical on every platform.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi] (lo if hi < lo).
    int range(int lo, int hi) {
        if (hi <= lo) return lo;
        const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
        return lo + static_cast<int>(next() % span);
    }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<size_t>(range(0, static_cast<int>(v.size()) - 1))];
    }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) {
            const size_t j = static_cast<size_t>(next() % i);
            std::swap(v[i - 1], v[j]);
        }
    }

private:
    uint64_t state_;
};

uint64_t fnv1a(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (const char ch : s) {
        h ^= static_cast<unsigned char>(ch);
        h *= 1099511628211ull;
    }
    return h;
}

using Vars = std::map<std::string, std::string>;

bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Replaces each $name by its value; unknown names stay as written (a check fills them).
std::string fill(std::string_view text, const Vars& vars) {
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '$') {
            out += text[i];
            continue;
        }
        size_t j = i + 1;
        while (j < text.size() && ident_char(text[j]))
            ++j;
        const std::string name(text.substr(i + 1, j - i - 1));
        const auto it = vars.find(name);
        if (name.empty() || it == vars.end()) {
            out.append(text.substr(i, j - i));
        } else {
            out += it->second;
        }
        i = j - 1;
    }
    return out;
}

// A catalog holding just these types (sorted by name, as load_catalog keeps them).
Catalog mini_catalog(std::vector<InstanceType> types) {
    std::sort(types.begin(), types.end(),
              [](const InstanceType& a, const InstanceType& b) { return a.name < b.name; });
    types.erase(
        std::unique(types.begin(), types.end(),
                    [](const InstanceType& a, const InstanceType& b) { return a.name == b.name; }),
        types.end());
    return Catalog{std::move(types)};
}

// ---- running a campus -----------------------------------------------------------------------

struct Outcome {
    bool built = false;
    std::string error;
    int running = 0;
    int waiting = 0;
    int refused = 0;
    ErrorCode code = ErrorCode::None;  // the AWS code the waiting pods got, if any
    Cluster cluster;
};

// Builds the scenario and counts how the pods of one node group fared.
Outcome run_campus(const Scenario& scenario, const Catalog& catalog, const std::string& group) {
    Outcome o;
    Result<Cluster> built = build_cluster(scenario, catalog);
    if (!built) {
        o.error = built.error().message;
        return o;
    }
    o.built = true;
    o.cluster = std::move(built).value();
    const std::string prefix = group + "-";
    for (const Node& n : o.cluster.nodes) {
        if (n.name.rfind(prefix, 0) != 0) continue;
        o.running += static_cast<int>(n.pods.size());
        o.waiting += static_cast<int>(n.pending.size());
    }
    for (const Event& e : o.cluster.events) {
        if (e.kind == EventKind::PodUnschedulable) ++o.refused;
        if (e.kind == EventKind::PodFailed && e.code != ErrorCode::None) o.code = e.code;
    }
    return o;
}

bool all_run(const Outcome& o, int pods) {
    return o.built && o.running == pods && o.waiting == 0 && o.refused == 0;
}

ScenarioSubnet scenario_subnet(const std::string& id, const std::string& cidr,
                               const std::string& az = "us-east-1a", uint32_t scatter = 0) {
    ScenarioSubnet s;
    s.id = id;
    s.cidr = cidr;
    s.az = az;
    s.scatter = scatter;
    return s;
}

// Exercise campuses run self-managed nodes: nodeadm's max-pods, which the words assume
// ("stays at $ami when prefix delegation is switched on").
NodeGroup node_group(const std::string& name, const std::string& type, const std::string& subnet) {
    NodeGroup g;
    g.name = name;
    g.instance_type = type;
    g.subnet = subnet;
    g.config.node_group = NodeGroupKind::SelfManaged;
    return g;
}

// A campus of one VPC range and these buildings, with no nodes yet.
Scenario exercise_campus(const std::string& name, const std::string& vpc_cidr,
                         std::vector<ScenarioSubnet> subnets) {
    Scenario s;
    s.name = name;
    s.vpc_cidrs = {vpc_cidr};
    s.subnets = std::move(subnets);
    return s;
}

// Makes `group` the campus's one node group, with `pods` pods to run on it.
void set_group(Scenario& s, const NodeGroup& group, int pods) {
    s.node_groups = {group};
    s.pods = {PodGroup{group.name, pods}};
}

// A one-node campus for questions about a node on its own.
Scenario single_node(const std::string& type, const NodeConfig& config, int pods) {
    Scenario s =
        exercise_campus("exercise", "10.0.0.0/16", {scenario_subnet("subnet-a", "10.0.0.0/20")});
    NodeGroup g = node_group("node", type, "subnet-a");
    g.config = config;
    set_group(s, g, pods);
    return s;
}

// ---- the generators -------------------------------------------------------------------------

struct Ctx {
    const ExerciseSpec& spec;
    const ExerciseBook& book;
    const Catalog& catalog;
    Rng rng;
    Exercise ex;
    Vars vars;

    void n(const std::string& key, long long value) { vars[key] = with_commas(value); }
    void s(const std::string& key, std::string value) { vars[key] = std::move(value); }
    // A text of the spec with the variables set so far filled in.
    std::string text(const std::string& key) const {
        const auto it = spec.texts.find(key);
        return it == spec.texts.end() ? std::string() : fill(it->second, vars);
    }
    void derive(const std::string& key) { ex.derivation.push_back(text(key)); }
};

Error retry() {
    return make_error("draw turned down", kRetry);
}

// The pool without the instance types the step's own text uses as its examples (transfer,
// not recall); the whole pool if nothing else is left.
std::vector<std::string> without_examples(const Ctx& c, const std::vector<std::string>& pool) {
    const auto examples = c.book.example_types.find(c.spec.step);
    if (examples == c.book.example_types.end()) return pool;
    std::vector<std::string> fresh;
    for (const std::string& n : pool) {
        if (std::find(examples->second.begin(), examples->second.end(), n) ==
            examples->second.end())
            fresh.push_back(n);
    }
    return fresh.empty() ? pool : fresh;
}

// An instance type from the pool, not one the step's own text uses as its example.
Result<const InstanceType*> pick_type(Ctx& c, const std::vector<std::string>& pool) {
    const std::vector<std::string> fresh = without_examples(c, pool);
    const std::string& name = c.rng.pick(fresh);
    Result<const InstanceType*> t = find_instance_type(c.catalog, name);
    if (!t) {
        return make_error("Exercise '" + c.spec.id + "' draws from " + name +
                          ", which the instance catalog lacks.");
    }
    c.s("type", (*t)->name);
    return t;
}

void miss(Ctx& c, long long value, const std::string& key) {
    if (value == c.ex.answer) return;
    for (const Miss& m : c.ex.misses) {
        if (m.value == value) return;
    }
    c.ex.misses.push_back(Miss{value, c.text(key)});
}

// A wrong number and the text key of the hint it gets.
struct MissKey {
    long long value;
    const char* hint;
};

// Makes a number question of the exercise: the answer, the input's top (the input starts at
// 0, or at the top when the answer is 0), the wrong numbers that reveal a known
// misunderstanding (one equal to the answer or to an earlier miss is left out) and the
// working's text keys.
Status number_answer(Ctx& c, long long answer, long long max, std::initializer_list<MissKey> misses,
                     std::initializer_list<const char*> working) {
    c.ex.answer = answer;
    c.n("answer", answer);
    c.ex.number.label = c.text("answer-label");
    c.ex.number.min = 0;
    c.ex.number.max = max;
    c.ex.number.start = answer == 0 ? max : 0;
    for (const MissKey& m : misses)
        miss(c, m.value, m.hint);
    for (const char* key : working)
        c.derive(key);
    return Ok{};
}

struct Option {
    std::string text;
    std::string hint;  // "" for the right one
    bool correct = false;
};

// Makes a choice question of the exercise: the working's text keys, then the options,
// shuffled; fails if two read the same.
Status choice_answer(Ctx& c, const std::vector<std::string>& working, std::vector<Option> options) {
    for (const std::string& key : working)
        c.derive(key);
    c.rng.shuffle(options);
    std::set<std::string> seen;
    int correct = 0;
    for (const Option& o : options) {
        if (!seen.insert(o.text).second) return retry();
        if (o.correct) {
            c.ex.correct_choice = static_cast<int>(c.ex.choices.size());
            ++correct;
        }
        c.ex.choices.push_back(o.text);
        c.ex.choice_hints.push_back(o.correct ? std::string() : o.hint);
    }
    if (correct != 1) {
        return make_error("Exercise '" + c.spec.id + "' must have exactly one right choice.");
    }
    return Ok{};
}

// The options "choice-<key>" in this order, each wrong one with its "why-<key>".
std::vector<Option> keyed_options(const Ctx& c, const std::string& right,
                                  std::initializer_list<const char*> keys) {
    std::vector<Option> options;
    for (const std::string key : keys) {
        const bool correct = key == right;
        options.push_back(Option{c.text("choice-" + key),
                                 correct ? std::string() : c.text("why-" + key), correct});
    }
    return options;
}

// Keeps the texts a check fills in later (Setup, Fix), with today's variables filled.
void keep_texts(Ctx& c) {
    for (const auto& [key, value] : c.spec.texts)
        c.ex.texts[key] = fill(value, c.vars);
}

const std::vector<std::string> kSmallPool = {"t3.small", "t3.medium", "t3a.medium", "t3.large",
                                             "m5.large", "c5.large",  "m5.xlarge",  "c5.xlarge"};
const std::vector<std::string> kMaxPodsPool = {"t3.small",  "t3.medium", "t3.large",  "t3a.medium",
                                               "m5.large",  "c5.large",  "r5.large",  "m6i.large",
                                               "m5.xlarge", "c5.xlarge", "t2.medium", "m4.large"};
const std::vector<std::string> kNitroPool = {"t3.small", "t3.medium", "t3.large",  "m5.large",
                                             "c5.large", "r5.large",  "m5.xlarge", "c5.xlarge"};
const std::vector<std::string> kCustomPool = {"t3.medium", "t3.large",  "m5.large",  "c5.large",
                                              "r5.large",  "m6i.large", "m5.xlarge", "c5.xlarge"};
const std::vector<std::string> kSgpPool = {"m5.large",  "c5.large",  "r5.large",  "m6i.large",
                                           "m5.xlarge", "c5.xlarge", "m5.2xlarge"};
const std::vector<std::string> kWarmPool = {"m5.large", "c5.large", "r5.large", "m5.xlarge"};
const std::vector<std::string> kRoomyPool = {"t3.large", "m5.large", "c5.large", "r5.large",
                                             "m5.xlarge"};

Status gen_panels_needed(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kSmallPool);
    if (!t) return t.error();
    const InstanceType& type = **t;
    const MaxPods m = max_pods(type);
    const int slots = slots_per_eni(type);
    const int cap = static_cast<int>(m.pod_ips);
    int pods = c.rng.range(2, cap);
    for (int i = 0; i < 6 && (pods % slots == 0 || pods <= slots); ++i)
        pods = c.rng.range(2, cap);
    c.n("enis", m.enis);
    c.n("ips", m.ips_per_eni);
    c.n("slots", slots);
    c.n("pods", pods);
    return number_answer(c, (pods + slots - 1) / slots, 12,
                         {{(pods + m.ips_per_eni - 1) / m.ips_per_eni, "hint-first-slot"},
                          {pods / slots, "hint-partial"},
                          {m.enis, "hint-all"}},
                         {"derive-slots", "derive-count"});
}

Status gen_main_extension(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kSmallPool);
    if (!t) return t.error();
    c.n("enis", (*t)->max_enis);
    return choice_answer(c, {"derive"},
                         keyed_options(c, "first", {"first", "every", "last", "outside"}));
}

Status gen_slots_lost(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kSmallPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t);
    const long long total = static_cast<long long>(m.enis) * m.ips_per_eni;
    c.n("enis", m.enis);
    c.n("ips", m.ips_per_eni);
    c.n("total", total);
    c.n("pod_ips", m.pod_ips);
    return number_answer(c, total - m.pod_ips, 20,
                         {{1, "hint-one"}, {0, "hint-zero"}, {m.pod_ips, "hint-left"}},
                         {"derive-1", "derive-2"});
}

Status gen_what_limits(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kSmallPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t);
    c.n("enis", m.enis);
    c.n("ips", m.ips_per_eni);
    c.n("pods", m.pod_ips);
    c.n("cpu", c.rng.range(6, 25));
    c.n("free", c.rng.range(90, 230));
    return choice_answer(c, {"derive"},
                         keyed_options(c, "slots", {"slots", "cpu", "memory", "building"}));
}

// Variables every capacity question shares.
void capacity_vars(Ctx& c, const MaxPods& m) {
    c.n("enis", m.enis);
    c.n("ips", m.ips_per_eni);
    c.n("slots", m.ips_per_eni - 1);
    c.n("pod_enis", m.pod_enis);
    c.n("pod_ips", m.pod_ips);
    c.n("ami", m.ami_max_pods);
    c.n("recommended", m.recommended_max_pods);
    c.n("cap", m.recommended_cap);
    c.n("seed", m.seed_figure);
    c.n("branch", m.branch_enis);
}

Status gen_max_pods(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kMaxPodsPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t);
    capacity_vars(c, m);
    const long long all = static_cast<long long>(m.enis) * m.ips_per_eni;
    return number_answer(c, m.max_pods, 100,
                         {{m.pod_ips, "hint-no-two"},
                          {all, "hint-primary"},
                          {all + 2, "hint-primary"},
                          {all - 1 + 2, "hint-one-per-panel"},
                          {all - 1, "hint-one-per-panel"}},
                         {"derive-pods", "derive-max"});
}

Status gen_pod_addresses(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kMaxPodsPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t);
    capacity_vars(c, m);
    const long long all = static_cast<long long>(m.enis) * m.ips_per_eni;
    return number_answer(
        c, m.pod_ips, 100,
        {{m.max_pods, "hint-max-pods"}, {all, "hint-primary"}, {all - 1, "hint-one-per-panel"}},
        {"derive-1"});
}

Status gen_pd_max_pods(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kNitroPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t, with_prefix_delegation());
    const MaxPods plain = max_pods(**t);
    if (!m.prefix_delegation) return retry();
    capacity_vars(c, m);
    const long long every_slot =
        static_cast<long long>(m.enis) * m.ips_per_eni * kAddressesPerPrefix;
    Status st = number_answer(c, m.max_pods, 1000,
                              {{m.seed_figure, "hint-seed"},
                               {m.pod_ips, "hint-no-two"},
                               {m.ami_max_pods, "hint-ami"},
                               {every_slot + 2, "hint-primary"},
                               {every_slot, "hint-primary"},
                               {plain.pod_ips, "hint-no-sixteen"}},
                              {"derive-pods", "derive-max"});
    if (m.recommended_max_pods < m.max_pods) c.derive("derive-cap");
    return st;
}

// The question is about a self-managed node group (the words say so): nodeadm's value stays.
// A managed node group would get m.managed_max_pods, which the texts mention.
Status gen_pd_kubelet(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kNitroPool);
    if (!t) return t.error();
    CapacityOptions pd = with_prefix_delegation();
    pd.node_group = NodeGroupKind::SelfManaged;
    const MaxPods m = max_pods(**t, pd);
    NodeConfig config;
    config.prefix_delegation = true;
    config.node_group = NodeGroupKind::SelfManaged;
    capacity_vars(c, m);
    c.n("ami", kubelet_max_pods(**t, config));  // what kubelet really enforces
    c.n("pd_max", m.max_pods);
    c.n("managed", m.managed_max_pods);
    if (m.managed_max_pods == kubelet_max_pods(**t, config)) return retry();
    return choice_answer(c, {"derive"},
                         keyed_options(c, "ami", {"ami", "pd", "recommended", "seed"}));
}

Status gen_fit_desks(Ctx& c) {
    std::vector<std::string> nitro = {"t3.small", "t3.medium", "t3.large",
                                      "m5.large", "c5.large",  "r5.large"};
    const std::vector<std::string> xen = {"m4.large", "t2.medium", "t2.large", "c4.large"};
    c.rng.shuffle(nitro);
    std::vector<std::string> offered = {nitro[0], nitro[1], c.rng.pick(xen)};
    c.rng.shuffle(offered);
    std::vector<InstanceType> types;
    long long biggest_plain = 0;
    bool pd_fits = false;
    for (const std::string& name : offered) {
        Result<const InstanceType*> t = find_instance_type(c.catalog, name);
        if (!t)
            return make_error("Exercise 'fit-desks' draws from " + name +
                              ", which the catalog lacks.");
        types.push_back(**t);
        biggest_plain = std::max(biggest_plain, max_pods(**t).pod_ips);
    }
    const int pods = c.rng.range(static_cast<int>(biggest_plain) + 1, 100);
    for (const InstanceType& t : types) {
        const MaxPods pd = max_pods(t, with_prefix_delegation());
        if (pd.prefix_delegation && pd.pod_ips >= pods) pd_fits = true;
    }
    if (!pd_fits) return retry();
    c.n("pods", pods);
    SetupTask& task = c.ex.setup;
    task.pods = pods;
    task.types = offered;
    for (const std::string& name : offered) {
        for (const InstanceType& t : types) {
            if (t.name == name) task.ami_max_pods.push_back(ami_max_pods(t));
        }
    }
    task.max_pods_min = kHostNetworkPods + 1;
    task.max_pods_max = 250;
    task.base = exercise_campus("fit " + with_commas(pods) + " pods", "10.0.0.0/16",
                                {scenario_subnet("subnet-a", "10.0.0.0/20")});
    c.ex.group = "room";
    c.ex.target_pods = pods;
    c.ex.catalog = mini_catalog(types);
    keep_texts(c);
    return Ok{};
}

Status gen_usable_addresses(Ctx& c) {
    const int prefix = c.rng.range(22, 28);
    const uint32_t mask = ~0u << (32 - prefix);
    const uint32_t base =
        ((10u << 24) | (static_cast<uint32_t>(c.rng.next()) & 0x00FFFFFFu)) & mask;
    const Cidr cidr{base, prefix};
    const long long size = static_cast<long long>(cidr_size(cidr));
    std::string reserved;
    for (const ReservedAddress& r : aws_reserved_addresses(cidr)) {
        if (!reserved.empty()) reserved += ", ";
        reserved += format_ipv4(r.ip) + " (" + r.role + ")";
    }
    c.s("cidr", format_cidr(cidr));
    c.n("prefix", prefix);
    c.n("size", size);
    c.s("reserved", reserved);
    return number_answer(c, static_cast<long long>(aws_usable_addresses(cidr)), 1100,
                         {{size, "hint-all"}, {size - 2, "hint-two"}},
                         {"derive-size", "derive-reserved", "derive-usable"});
}

// Scatters single addresses over a subnet until no aligned /28 is wholly free. Returns how
// many it took, or -1 if the subnet could not be made.
int fragment_subnet(const std::string& cidr, uint32_t scatter, Subnet* out) {
    Result<Vpc> vpc = make_vpc("10.0.0.0/16");
    if (!vpc) return -1;
    SubnetDesc d;
    d.id = "subnet-a";
    d.cidr = cidr;
    d.scatter = scatter;
    if (!add_subnet(vpc.value(), d)) return -1;
    Subnet& s = vpc.value().subnets[0];
    int used = 0;
    while (free_aligned_prefixes(s) > 0) {
        if (!allocate_ip(s)) return -1;
        ++used;
    }
    if (out != nullptr) *out = s;
    return used;
}

Status gen_free_ips_no_prefix(Ctx& c) {
    const std::string cidr = "10.0." + std::to_string(c.rng.range(1, 250)) + ".0/24";
    Subnet s;
    const int used = fragment_subnet(cidr, static_cast<uint32_t>(c.rng.next()) | 1u, &s);
    if (used < 0) return retry();
    c.s("cidr", cidr);
    c.n("free", static_cast<long long>(free_addresses(s)));
    c.n("used", used);
    c.n("blocks", static_cast<long long>(delegatable_prefixes(s.cidr)));
    return choice_answer(
        c, {"derive-1", "derive-2"},
        keyed_options(c, "fragmented", {"fragmented", "reserved", "max-pods", "quota"}));
}

// A Fix exercise's campus: its one node group, of one instance type, must run all its pods.
// Returns how the campus runs as it is.
Outcome broken_campus(Ctx& c, const Scenario& campus, const InstanceType& type) {
    c.ex.group = campus.node_groups[0].name;
    c.ex.target_pods = campus.pods[0].count;
    c.ex.catalog = mini_catalog({type});
    return run_campus(campus, c.ex.catalog, c.ex.group);
}

// The campus with one change made to its node group.
template <typename Change>
Scenario changed(Scenario campus, Change change) {
    change(campus.node_groups[0]);
    return campus;
}

// Shows the broken campus as it ran, with its working, and offers the right fix and three
// wrong ones: runs each, and keeps the draw only if exactly the right one lets every pod run.
Status set_fixes(Ctx& c, const Scenario& campus, Outcome base, const std::string& right,
                 std::vector<std::string> wrong, const std::map<std::string, Scenario>& fixes) {
    c.ex.campus = campus;
    c.ex.campus_built = std::move(base.cluster);
    c.derive("derive-1");
    c.derive("derive-2");
    keep_texts(c);
    c.rng.shuffle(wrong);
    wrong.resize(std::min<size_t>(wrong.size(), 3));
    std::vector<std::string> ids = wrong;
    ids.push_back(right);
    c.rng.shuffle(ids);
    for (const std::string& id : ids) {
        const Scenario& s = fixes.at(id);
        const bool works = all_run(run_campus(s, c.ex.catalog, c.ex.group), c.ex.target_pods);
        if (works != (id == right)) return retry();
        if (id == right) c.ex.correct_choice = static_cast<int>(c.ex.choices.size());
        c.ex.choices.push_back(c.text("fix-" + id));
        c.ex.choice_hints.push_back(id == right ? std::string() : c.text("why-" + id));
        c.ex.fixes.push_back(s);
    }
    return Ok{};
}

Status gen_free_building(Ctx& c) {
    Result<const InstanceType*> t =
        pick_type(c, {"m5.large", "c5.large", "r5.large", "m5.xlarge", "c5.xlarge"});
    if (!t) return t.error();
    const MaxPods plain = max_pods(**t);
    const int pods = c.rng.range(static_cast<int>(plain.pod_ips) + 1, 100);
    const int third = c.rng.range(1, 120);
    const std::string cidr = "10.0." + std::to_string(third) + ".0/24";
    const std::string new_cidr = "10.0." + std::to_string(third + 128) + ".0/24";
    const uint32_t scatter = static_cast<uint32_t>(c.rng.next()) | 1u;
    const int held = fragment_subnet(cidr, scatter, nullptr);
    if (held < 0) return retry();

    Scenario s = exercise_campus("fragmented building", "10.0.0.0/16",
                                 {scenario_subnet("subnet-a", cidr, "us-east-1a", scatter)});
    s.other_addresses = {OtherAddresses{"subnet-a", held, "lambda"}};
    NodeGroup g = node_group("web", (*t)->name, "subnet-a");
    g.config.prefix_delegation = true;
    g.config.max_pods_override = 110;
    set_group(s, g, pods);
    Outcome base = broken_campus(c, s, **t);
    if (!base.built || base.running != 0 || base.waiting != pods ||
        base.code != ErrorCode::InsufficientCidrBlocks) {
        return retry();
    }
    std::map<std::string, Scenario> fixes;
    Scenario f = s;
    f.subnets.push_back(scenario_subnet("subnet-b", new_cidr));
    f.node_groups[0].subnet = "subnet-b";
    fixes["own-building"] = f;
    fixes["pd-off"] = changed(s, [](NodeGroup& n) { n.config.prefix_delegation = false; });
    fixes["max-pods"] = changed(s, [](NodeGroup& n) { n.config.max_pods_override = 250; });
    fixes["second-room"] = changed(s, [](NodeGroup& n) { n.count = 2; });
    fixes["warm-prefix"] = changed(s, [](NodeGroup& n) { n.config.warm.warm_prefix_target = 0; });
    f = s;
    f.vpc_cidrs.push_back("100.64.0.0/16");
    f.subnets.push_back(scenario_subnet("subnet-pods", "100.64.0.0/24"));
    fixes["secondary-only"] = f;

    c.s("cidr", cidr);
    c.s("new_cidr", new_cidr);
    c.n("held", held);
    c.n("pods", pods);
    c.n("max_pods", 110);
    c.n("cap_no_pd", plain.pod_ips);
    return set_fixes(c, s, std::move(base), "own-building",
                     {"pd-off", "max-pods", "second-room", "warm-prefix", "secondary-only"}, fixes);
}

Status gen_cn_max_pods(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kCustomPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t, with_custom_networking());
    const MaxPods plain = max_pods(**t);
    capacity_vars(c, m);
    c.n("normal", plain.max_pods);
    return number_answer(
        c, m.max_pods, 100,
        {{plain.max_pods, "hint-primary-eni"},
         {m.pod_ips, "hint-no-two"},
         {static_cast<long long>(m.pod_enis) * m.ips_per_eni + 2, "hint-first-slot"}},
        {"derive-pods", "derive-max"});
}

Status gen_cn_stuck(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kRoomyPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t, with_custom_networking());
    const int ami = ami_max_pods(**t);
    const int pods = ami - kHostNetworkPods;
    Scenario s = exercise_campus("custom networking, max-pods unchanged", "10.0.0.0/16",
                                 {scenario_subnet("subnet-a", "10.0.1.0/24"),
                                  scenario_subnet("subnet-pods", "100.64.0.0/22")});
    s.vpc_cidrs.push_back("100.64.0.0/16");
    NodeGroup g = node_group("app", (*t)->name, "subnet-a");
    g.config.custom_networking = true;
    g.config.pod_subnet_id = "subnet-pods";
    set_group(s, g, pods);
    const Outcome o = run_campus(s, mini_catalog({**t}), "app");
    if (!o.built || o.running != m.pod_ips || o.waiting != pods - m.pod_ips) return retry();
    const Subnet* pod_subnet = find_subnet(o.cluster.vpc, "subnet-pods");
    if (pod_subnet == nullptr) return retry();
    capacity_vars(c, m);
    c.n("ami", ami);
    c.n("cap", m.pod_ips);
    c.n("running", o.running);
    c.n("waiting", o.waiting);
    c.n("admitted", pods);
    c.n("cn_max", m.max_pods);
    c.n("free", static_cast<long long>(free_addresses(*pod_subnet)));
    c.s("zone", "us-east-1a");
    return choice_answer(c, {"derive-1", "derive-2"},
                         keyed_options(c, "max-pods", {"max-pods", "zone", "full", "pd"}));
}

Status gen_vpc_addresses(Ctx& c) {
    const int p = c.rng.range(16, 20);
    const int q = 16 + (p - 16 + c.rng.range(1, 4)) % 5;  // never equal to p
    const std::string primary =
        "10." + std::to_string(c.rng.range(0, 200)) + ".0.0/" + std::to_string(p);
    const std::string secondary = "100.64.0.0/" + std::to_string(q);
    Result<Vpc> vpc = make_vpc(primary);
    if (!vpc) return vpc.error();
    if (auto st = add_vpc_cidr(vpc.value(), secondary); !st) return st.error();
    const long long a = static_cast<long long>(cidr_size(vpc->cidrs[0]));
    const long long b = static_cast<long long>(cidr_size(vpc->cidrs[1]));
    c.s("primary", primary);
    c.s("secondary", secondary);
    c.n("primary_size", a);
    c.n("secondary_size", b);
    c.n("total", a + b);
    c.n("minus_five", a + b - 5);
    c.n("double", 2 * a);
    return choice_answer(c, {"derive"},
                         keyed_options(c, "total", {"total", "primary", "five", "double"}));
}

Status gen_allowed_cidr(Ctx& c) {
    const std::string primary =
        c.rng.pick(std::vector<std::string>{"10.0.0.0/16", "10.1.0.0/16", "10.20.0.0/16",
                                            "172.16.0.0/16", "172.20.0.0/16", "192.168.0.0/16"});
    const std::string valid = "100." + std::to_string(c.rng.range(64, 127)) + ".0.0/16";
    std::string other_family;
    if (primary.rfind("10.", 0) == 0) {
        other_family = c.rng.pick(std::vector<std::string>{"192.168.0.0/16", "172.16.0.0/16"});
    } else if (primary.rfind("172.", 0) == 0) {
        other_family = c.rng.pick(std::vector<std::string>{"10.0.0.0/16", "192.168.0.0/16"});
    } else {
        other_family = c.rng.pick(std::vector<std::string>{"10.0.0.0/16", "172.16.0.0/16"});
    }
    Result<Cidr> pc = parse_cidr(primary);
    if (!pc) return pc.error();
    Result<std::vector<Cidr>> halves = cidr_split(*pc, pc->prefix + 1);
    if (!halves) return halves.error();
    std::vector<std::string> wrong = {"169.254.0.0/16", other_family, "198.19.0.0/16",
                                      "100.64.0.0/15", format_cidr(halves->back())};
    c.rng.shuffle(wrong);
    wrong.resize(3);
    std::vector<Option> options;
    for (const std::string& candidate : wrong) {
        Result<Vpc> vpc = make_vpc(primary);
        if (!vpc) return vpc.error();
        Status st = add_vpc_cidr(vpc.value(), candidate);
        if (st) return retry();  // the model allows it after all: not a wrong choice
        c.s("error", st.error().message);
        options.push_back(Option{candidate, c.text("why-refused"), false});
    }
    Result<Vpc> vpc = make_vpc(primary);
    if (!vpc) return vpc.error();
    if (auto st = add_vpc_cidr(vpc.value(), valid); !st) return retry();
    options.push_back(Option{valid, "", true});
    c.s("primary", primary);
    c.s("valid", valid);
    return choice_answer(c, {"derive"}, options);
}

Status gen_enis_for_pods(Ctx& c) {
    Result<const InstanceType*> t =
        pick_type(c, {"t3.small", "t3.medium", "t3.large", "m5.large", "c5.large"});
    if (!t) return t.error();
    const MaxPods m = max_pods(**t);
    const int slots = slots_per_eni(**t);
    const Catalog cat = mini_catalog({**t});
    int pods = 0;
    NodeStats stats;
    for (int i = 0; i < 8; ++i) {
        pods = c.rng.range(1, static_cast<int>(m.pod_ips) - 1);
        const Outcome o = run_campus(single_node((*t)->name, NodeConfig{}, pods), cat, "node");
        if (!o.built || o.running != pods || o.cluster.nodes.empty()) return retry();
        stats = node_stats(o.cluster.nodes[0]);
        if (stats.enis != (pods + slots - 1) / slots) break;
    }
    c.n("slots", slots);
    c.n("pods", pods);
    c.n("total", stats.ips);
    c.n("free", stats.free_ips);
    return number_answer(c, stats.enis, 10, {{(pods + slots - 1) / slots, "hint-as-needed"}},
                         {"derive-warm", "derive-count"});
}

Status gen_warm_ip_total(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kWarmPool);
    if (!t) return t.error();
    const Catalog cat = mini_catalog({**t});
    const int w = c.rng.range(1, 5);
    const int m = c.rng.range(6, 24);
    const int pods = c.rng.range(2, 20);
    if (pods + w == m) return retry();
    NodeConfig config;
    config.warm.warm_ip_target = w;
    config.warm.minimum_ip_target = m;
    const Outcome o = run_campus(single_node((*t)->name, config, pods), cat, "node");
    const Outcome eni = run_campus(single_node((*t)->name, NodeConfig{}, pods), cat, "node");
    if (!o.built || !eni.built || o.running != pods || o.cluster.nodes.empty() ||
        eni.cluster.nodes.empty()) {
        return retry();
    }
    const long long total = node_stats(o.cluster.nodes[0]).ips;
    if (total != std::max(pods + w, m)) return retry();  // the rule the working states
    c.n("w", w);
    c.n("m", m);
    c.n("pods", pods);
    c.n("with_warm", pods + w);
    return number_answer(c, total, 60,
                         {{pods + w, "hint-warm-only"},
                          {m, "hint-minimum-only"},
                          {node_stats(eni.cluster.nodes[0]).ips, "hint-eni"},
                          {pods, "hint-pods"}},
                         {"derive-1", "derive-2", "derive-3"});
}

Status gen_minimum_only(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kWarmPool);
    if (!t) return t.error();
    const int m = c.rng.range(5, 15);
    const int pods = m + c.rng.range(1, 6);
    NodeConfig config;
    config.warm.minimum_ip_target = m;
    const Outcome o =
        run_campus(single_node((*t)->name, config, pods), mini_catalog({**t}), "node");
    if (!o.built || o.waiting == 0 || o.refused != 0 || o.cluster.nodes.empty()) return retry();
    const long long total = node_stats(o.cluster.nodes[0]).ips;
    c.n("m", m);
    c.n("pods", pods);
    c.n("total", total);
    return number_answer(c, o.waiting, 30, {{0, "hint-frozen"}}, {"derive-1", "derive-2"});
}

Status gen_sgp_pod_addresses(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kSgpPool);
    if (!t) return t.error();
    CapacityOptions sgp;
    sgp.security_groups_for_pods = true;
    const MaxPods m = max_pods(**t, sgp);
    if (!m.security_groups_for_pods) return retry();
    const MaxPods plain = max_pods(**t);
    capacity_vars(c, m);
    c.n("normal", plain.pod_ips);
    return number_answer(c, m.pod_ips, 100,
                         {{plain.pod_ips, "hint-trunk"},
                          {m.pod_ips + m.branch_enis, "hint-branch"},
                          {m.max_pods, "hint-max-pods"}},
                         {"derive-1", "derive-2"});
}

Status gen_sgp_which_type(Ctx& c) {
    std::vector<std::string> names = {c.rng.pick(without_examples(
        c, {"m5.large", "c5.large", "r5.large", "m5.xlarge", "m6i.large", "c6i.large"}))};
    std::vector<std::string> small =
        without_examples(c, {"t3.small", "t3.medium", "t3.large", "t3a.medium", "t2.medium"});
    c.rng.shuffle(small);
    names.push_back(small[0]);
    names.push_back(small[1]);
    names.push_back(c.rng.pick(without_examples(c, {"m4.large", "c4.large"})));
    std::vector<Option> options;
    for (const std::string& name : names) {
        Result<const InstanceType*> t = find_instance_type(c.catalog, name);
        if (!t)
            return make_error("Exercise 'sgp-which-type' draws from " + name +
                              ", which the catalog lacks.");
        const bool ok = supports_security_groups_for_pods(**t);
        if (ok != (&name == &names[0])) return retry();
        c.s("name", (*t)->name);
        if (ok) {
            c.s("valid", (*t)->name);
            c.n("branch", (*t)->branch_enis);
        }
        options.push_back(Option{
            (*t)->name,
            ok ? std::string() : c.text(burstable_t_family(**t) ? "why-t-family" : "why-no-branch"),
            ok});
    }
    return choice_answer(c, {"derive"}, options);
}

// An IPv6 cluster's max-pods depends on who starts the node: a managed node group gets the
// calculator's value with prefix delegation, capped; self-managed nodes keep nodeadm's IPv4
// formula (core/capacity.h default_kubelet_max_pods). The step uses a t3.medium: not here.
Status gen_ipv6_max_pods(Ctx& c) {
    Result<const InstanceType*> t =
        pick_type(c, {"m5.large", "r5.large", "t3.large", "c5.xlarge", "m6i.xlarge", "c6i.2xlarge",
                      "m5.4xlarge", "c5.12xlarge", "m5.24xlarge"});
    if (!t) return t.error();
    const InstanceType& type = **t;
    const bool managed = c.rng.range(0, 1) == 1;
    CapacityOptions v6;
    v6.ipv6 = true;
    v6.node_group = NodeGroupKind::Managed;
    const long long managed_value = default_kubelet_max_pods(type, v6).value;
    v6.node_group = NodeGroupKind::SelfManaged;
    const long long nodeadm = default_kubelet_max_pods(type, v6).value;
    const MaxPods m = max_pods(type, v6);
    c.n("enis", type.max_enis);
    c.n("ips", type.ipv4_per_eni);
    c.n("vcpus", type.vcpus);
    c.n("nodeadm", nodeadm);
    c.n("managed", managed_value);
    c.n("uncapped", calculator_max_pods(type, true, false, false));
    c.n("cap", m.recommended_cap);
    c.n("v6addrs", ipv6_node(type).prefix_addresses);
    c.n("answer", managed ? managed_value : nodeadm);
    c.s("kind", c.text(managed ? "kind-managed" : "kind-self"));
    return choice_answer(c, {managed ? "derive-managed" : "derive-self"},
                         keyed_options(c, managed ? "managed" : "nodeadm",
                                       {"nodeadm", "managed", "uncapped", "nolimit"}));
}

Status gen_symptom_fix(Ctx& c) {
    const std::vector<std::pair<std::string, std::string>> symptoms = {
        {"full-room", "pd"}, {"building", "custom"}, {"campus", "secondary"}, {"isolate", "sgp"}};
    const auto& [symptom, right] = c.rng.pick(symptoms);
    Result<const InstanceType*> t = pick_type(c, kSmallPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t);
    capacity_vars(c, m);
    c.n("pods", m.pod_ips);
    c.n("cpu", c.rng.range(5, 20));
    c.s("cidr", "10.0." + std::to_string(c.rng.range(1, 200)) + ".0/24");
    c.s("primary", "10." + std::to_string(c.rng.range(0, 200)) + ".0.0/16");
    c.s("symptom", c.text("symptom-" + symptom));
    std::vector<Option> options;
    for (const std::string fix : {"pd", "custom", "secondary", "sgp"}) {
        // A wrong fix is told what it does and what this symptom needs instead; a fix for
        // addresses, chosen to keep desks apart, why it cannot.
        std::string why;
        if (fix != right) {
            why = symptom == "isolate" ? c.text("miss-isolate")
                                       : c.text("what-" + fix) + " " + c.text("need-" + symptom);
        }
        options.push_back(Option{c.text("fix-" + fix), why, fix == right});
    }
    return choice_answer(c, {"derive-" + symptom}, options);
}

Status gen_free_campus(Ctx& c) {
    Result<const InstanceType*> t = pick_type(c, kRoomyPool);
    if (!t) return t.error();
    const MaxPods m = max_pods(**t, with_custom_networking());
    const int prefix = c.rng.pick(std::vector<int>{26, 27});
    // One draw per statement: the operands of + are unsequenced, and gcc and clang (the web
    // build) would draw them in different orders, so one seed would make two exercises.
    const int second = c.rng.range(0, 200);
    const int third = c.rng.range(0, 255);
    const int fourth = c.rng.range(0, 3) * 64;
    const std::string cidr = "10." + std::to_string(second) + "." + std::to_string(third) + "." +
                             std::to_string(fourth) + "/" + std::to_string(prefix);
    Result<Cidr> parsed = parse_cidr(cidr);
    if (!parsed) return retry();  // host bits set for this size: draw again
    const int usable = static_cast<int>(aws_usable_addresses(*parsed));
    const int free_left = c.rng.range(3, 12);
    const int held = usable - free_left;
    const int pods = c.rng.range(free_left, static_cast<int>(m.pod_ips));

    Scenario s = exercise_campus("exhausted building", cidr, {scenario_subnet("subnet-a", cidr)});
    s.other_addresses = {OtherAddresses{"subnet-a", held, "lambda"}};
    set_group(s, node_group("app", (*t)->name, "subnet-a"), pods);
    Outcome base = broken_campus(c, s, **t);
    if (!base.built || base.waiting < 2 || base.refused != 0 ||
        base.code != ErrorCode::InsufficientFreeAddressesInSubnet) {
        return retry();
    }

    // The pod subnet in 100.64.0.0/16, in `az`; with custom networking pointing at it.
    auto with_pod_subnet = [&s](const std::string& az, bool custom) {
        Scenario f = s;
        f.vpc_cidrs.push_back("100.64.0.0/16");
        f.subnets.push_back(scenario_subnet("subnet-pods", "100.64.0.0/22", az));
        f.node_groups[0].config.custom_networking = custom;
        if (custom) f.node_groups[0].config.pod_subnet_id = "subnet-pods";
        return f;
    };
    std::map<std::string, Scenario> fixes;
    Scenario f = with_pod_subnet("us-east-1a", true);
    f.node_groups[0].config.max_pods_override = static_cast<int>(m.max_pods);
    fixes["cn"] = f;
    fixes["secondary-only"] = with_pod_subnet("us-east-1a", false);
    fixes["pd"] = changed(s, [](NodeGroup& n) {
        n.config.prefix_delegation = true;
        n.config.max_pods_override = 110;
    });
    fixes["max-pods"] = changed(s, [](NodeGroup& n) { n.config.max_pods_override = 110; });
    fixes["second-room"] = changed(s, [](NodeGroup& n) { n.count = 2; });
    fixes["other-zone"] = with_pod_subnet("us-east-1b", true);

    c.s("cidr", cidr);
    c.s("primary", cidr);
    c.n("held", held);
    c.n("pods", pods);
    c.n("waiting", base.waiting);
    c.n("cn_max", m.max_pods);
    c.s("zone", "us-east-1a");
    c.s("other_zone", "us-east-1b");
    return set_fixes(c, s, std::move(base), "cn",
                     {"secondary-only", "pd", "max-pods", "second-room", "other-zone"}, fixes);
}

Status gen_snat_source(Ctx& c) {
    const int third = c.rng.range(1, 100);
    Scenario s =
        exercise_campus("one pod", "10.0.0.0/16",
                        {scenario_subnet("subnet-a", "10.0." + std::to_string(third) + ".0/24",
                                         "us-east-1a", static_cast<uint32_t>(c.rng.next()) | 1u)});
    set_group(s, node_group("node", "m5.large", "subnet-a"), 1);
    Result<const InstanceType*> t = find_instance_type(c.catalog, "m5.large");
    if (!t) return t.error();
    const Outcome o = run_campus(s, mini_catalog({**t}), "node");
    if (!o.built || o.cluster.nodes.empty() || o.cluster.nodes[0].pods.empty()) return retry();
    const Node& node = o.cluster.nodes[0];
    const Ipv4 pod_ip = node.pods[0].ip;

    struct Destination {
        std::string name;
        std::string ip;
        bool external_snat = false;
        bool excluded = false;
    };
    // An address drawn octet by octet, in order (the operands of + are unsequenced: drawn in
    // one expression, gcc and clang would give one seed two addresses).
    auto dotted = [&c](std::string text, std::initializer_list<std::pair<int, int>> octets) {
        for (const auto& [lo, hi] : octets)
            text += "." + std::to_string(c.rng.range(lo, hi));
        return text;
    };
    const std::vector<Destination> destinations = {
        {"database", dotted("10.0", {{150, 200}, {4, 250}})},
        {"other-building", dotted("10.0", {{201, 250}, {4, 250}})},
        {"internet", dotted("52", {{0, 95}, {0, 255}, {1, 254}})},
        {"external-snat", dotted("18", {{0, 255}, {0, 255}, {1, 254}}), true},
        {"on-prem", dotted("192.168", {{0, 255}, {1, 254}})},
        {"excluded", dotted("172.20", {{0, 255}, {1, 254}}), false, true}};
    const Destination& d = c.rng.pick(destinations);
    Result<Ipv4> dest = parse_ipv4(d.ip);
    if (!dest) return dest.error();
    SnatSettings snat;
    snat.external_snat = d.external_snat;
    if (d.excluded) {
        Result<Cidr> office = parse_cidr("172.20.0.0/16");
        if (!office) return office.error();
        snat.exclude_cidrs.push_back(*office);
    }
    const bool to_node = vpc_cni_snats(o.cluster.vpc, *dest, snat, false);

    c.s("pod_ip", format_ipv4(pod_ip));
    c.s("node_ip", format_ipv4(node.enis[0].primary_ip));
    c.s("dest_ip", d.ip);
    c.s("overlay_ip", dotted("10.244", {{0, 255}, {2, 254}}));
    c.s("destination", c.text("dest-" + d.name));
    return choice_answer(
        c, {"derive-" + d.name},
        keyed_options(c, to_node ? "node" : "pod", {"pod", "node", "natgw", "overlay"}));
}

Status gen_overlay_addresses(Ctx& c) {
    const int nodes = c.rng.range(2, 5);
    const int pods = c.rng.range(5, 20);
    Result<const InstanceType*> t = find_instance_type(c.catalog, "m5.large");
    if (!t) return t.error();
    Scenario s = single_node("m5.large", NodeConfig{}, nodes * pods);
    s.node_groups[0].count = nodes;
    const Outcome o = run_campus(s, mini_catalog({**t}), "node");
    if (!all_run(o, nodes * pods)) return retry();
    long long held = 0;
    for (const Node& n : o.cluster.nodes)
        held += node_stats(n).ips;
    c.n("nodes", nodes);
    c.n("pods", pods);
    c.n("all_pods", nodes * pods);
    c.n("pods_and_nodes", nodes * pods + nodes);
    c.n("vpc_used", held);
    return choice_answer(c, {"derive"},
                         keyed_options(c, "zero", {"zero", "pods", "pods-nodes", "vpc"}));
}

Result<Exercise> generate(const ExerciseBook& book, const ExerciseSpec& spec, uint32_t seed,
                          const Catalog& catalog);

// The questions the final check draws from (numbers and choices, one per concept).
const std::vector<std::string> kQuizPool = {
    "slots-lost",   "max-pods",          "pod-addresses",      "pd-max-pods",
    "pd-kubelet",   "usable-addresses",  "free-ips-no-prefix", "cn-max-pods",
    "cn-stuck",     "allowed-cidr",      "enis-for-pods",      "warm-ip-total",
    "minimum-only", "sgp-pod-addresses", "sgp-which-type",     "ipv6-max-pods",
    "symptom-fix",  "snat-source"};

Status gen_final_check(Ctx& c) {
    std::vector<const ExerciseSpec*> pool;
    for (const std::string& id : kQuizPool) {
        if (const ExerciseSpec* s = find_exercise(c.book, id)) pool.push_back(s);
    }
    if (pool.size() < static_cast<size_t>(kQuizParts)) {
        return make_error("The final check needs " + with_commas(kQuizParts) +
                          " questions to draw from.");
    }
    c.rng.shuffle(pool);
    pool.resize(static_cast<size_t>(kQuizParts));
    std::vector<size_t> order;
    for (const ExerciseSpec* s : pool)
        order.push_back(static_cast<size_t>(s - c.book.specs.data()));
    std::sort(order.begin(), order.end());
    for (size_t i : order) {
        Result<Exercise> part =
            generate(c.book, c.book.specs[i], static_cast<uint32_t>(c.rng.next()), c.catalog);
        if (!part) return part.error();
        c.ex.parts.push_back(std::move(part).value());
    }
    c.ex.kind = ExerciseKind::Quiz;
    c.n("count", kQuizParts);
    return Ok{};
}

// ---- the generator table --------------------------------------------------------------------

struct Generator {
    const char* id;
    ExerciseKind kind;
    Status (*make)(Ctx&);
    std::vector<std::string> texts;  // the texts the generator uses, all required
};

// The generators about one room: its panels, slots and max-pods.
std::vector<Generator> room_generators() {
    using K = ExerciseKind;
    return {
        {"panels-needed",
         K::Number,
         gen_panels_needed,
         {"answer-label", "hint-other", "hint-first-slot", "hint-partial", "hint-all",
          "derive-slots", "derive-count"}},
        {"main-extension",
         K::Choice,
         gen_main_extension,
         {"choice-first", "choice-every", "choice-last", "choice-outside", "why-every", "why-last",
          "why-outside", "derive"}},
        {"slots-lost",
         K::Number,
         gen_slots_lost,
         {"answer-label", "hint-other", "hint-one", "hint-zero", "hint-left", "derive-1",
          "derive-2"}},
        {"what-limits",
         K::Choice,
         gen_what_limits,
         {"choice-slots", "choice-cpu", "choice-memory", "choice-building", "why-cpu", "why-memory",
          "why-building", "derive"}},
        {"max-pods",
         K::Number,
         gen_max_pods,
         {"answer-label", "hint-other", "hint-no-two", "hint-primary", "hint-one-per-panel",
          "derive-pods", "derive-max"}},
        {"pod-addresses",
         K::Number,
         gen_pod_addresses,
         {"answer-label", "hint-other", "hint-max-pods", "hint-primary", "hint-one-per-panel",
          "derive-1"}},
        {"pd-max-pods",
         K::Number,
         gen_pd_max_pods,
         {"answer-label", "hint-other", "hint-seed", "hint-no-two", "hint-ami", "hint-primary",
          "hint-no-sixteen", "derive-pods", "derive-max", "derive-cap"}},
        {"pd-kubelet",
         K::Choice,
         gen_pd_kubelet,
         {"choice-ami", "choice-pd", "choice-recommended", "choice-seed", "why-pd",
          "why-recommended", "why-seed", "derive"}},
        {"fit-desks",
         K::Setup,
         gen_fit_desks,
         {"hint-choose", "hint-xen", "hint-stays", "hint-low", "hint-no-pd", "hint-other",
          "derive-capacity", "derive-max-pods", "derive-recommended"}},
    };
}

// The generators about buildings, the campus, the warm pool, security groups, IPv6 and calls.
std::vector<Generator> campus_generators() {
    using K = ExerciseKind;
    return {
        {"usable-addresses",
         K::Number,
         gen_usable_addresses,
         {"answer-label", "hint-other", "hint-all", "hint-two", "derive-size", "derive-reserved",
          "derive-usable"}},
        {"free-ips-no-prefix",
         K::Choice,
         gen_free_ips_no_prefix,
         {"choice-fragmented", "choice-reserved", "choice-max-pods", "choice-quota", "why-reserved",
          "why-max-pods", "why-quota", "derive-1", "derive-2"}},
        {"free-building",
         K::Fix,
         gen_free_building,
         {"fix-own-building", "fix-pd-off", "fix-max-pods", "fix-second-room", "fix-warm-prefix",
          "fix-secondary-only", "why-pd-off", "why-max-pods", "why-second-room", "why-warm-prefix",
          "why-secondary-only", "outcome", "outcome-error", "derive-1", "derive-2"}},
        {"cn-max-pods",
         K::Number,
         gen_cn_max_pods,
         {"answer-label", "hint-other", "hint-primary-eni", "hint-no-two", "hint-first-slot",
          "derive-pods", "derive-max"}},
        {"cn-stuck",
         K::Choice,
         gen_cn_stuck,
         {"choice-max-pods", "choice-zone", "choice-full", "choice-pd", "why-zone", "why-full",
          "why-pd", "derive-1", "derive-2"}},
        {"vpc-addresses",
         K::Choice,
         gen_vpc_addresses,
         {"choice-total", "choice-primary", "choice-five", "choice-double", "why-primary",
          "why-five", "why-double", "derive"}},
        {"allowed-cidr", K::Choice, gen_allowed_cidr, {"why-refused", "derive"}},
        {"enis-for-pods",
         K::Number,
         gen_enis_for_pods,
         {"answer-label", "hint-other", "hint-as-needed", "derive-warm", "derive-count"}},
        {"warm-ip-total",
         K::Number,
         gen_warm_ip_total,
         {"answer-label", "hint-other", "hint-warm-only", "hint-minimum-only", "hint-eni",
          "hint-pods", "derive-1", "derive-2", "derive-3"}},
        {"minimum-only",
         K::Number,
         gen_minimum_only,
         {"answer-label", "hint-other", "hint-frozen", "derive-1", "derive-2"}},
        {"sgp-pod-addresses",
         K::Number,
         gen_sgp_pod_addresses,
         {"answer-label", "hint-other", "hint-trunk", "hint-branch", "hint-max-pods", "derive-1",
          "derive-2"}},
        {"sgp-which-type",
         K::Choice,
         gen_sgp_which_type,
         {"why-t-family", "why-no-branch", "derive"}},
        {"ipv6-max-pods",
         K::Choice,
         gen_ipv6_max_pods,
         {"kind-managed", "kind-self", "choice-nodeadm", "choice-managed", "choice-uncapped",
          "choice-nolimit", "why-nodeadm", "why-managed", "why-uncapped", "why-nolimit",
          "derive-managed", "derive-self"}},
        {"symptom-fix",
         K::Choice,
         gen_symptom_fix,
         {"symptom-full-room", "symptom-building", "symptom-campus",
          "symptom-isolate",   "fix-pd",           "fix-custom",
          "fix-secondary",     "fix-sgp",          "what-pd",
          "what-custom",       "what-secondary",   "what-sgp",
          "need-full-room",    "need-building",    "need-campus",
          "miss-isolate",      "derive-full-room", "derive-building",
          "derive-campus",     "derive-isolate"}},
        {"free-campus",
         K::Fix,
         gen_free_campus,
         {"fix-cn", "fix-secondary-only", "fix-pd", "fix-max-pods", "fix-second-room",
          "fix-other-zone", "why-secondary-only", "why-pd", "why-max-pods", "why-second-room",
          "why-other-zone", "outcome", "outcome-error", "derive-1", "derive-2"}},
        {"snat-source",
         K::Choice,
         gen_snat_source,
         {"dest-database",   "dest-other-building",  "dest-internet",   "dest-external-snat",
          "dest-on-prem",    "dest-excluded",        "choice-pod",      "choice-node",
          "choice-natgw",    "choice-overlay",       "why-pod",         "why-node",
          "why-natgw",       "why-overlay",          "derive-database", "derive-other-building",
          "derive-internet", "derive-external-snat", "derive-on-prem",  "derive-excluded"}},
        {"overlay-addresses",
         K::Choice,
         gen_overlay_addresses,
         {"choice-zero", "choice-pods", "choice-pods-nodes", "choice-vpc", "why-pods",
          "why-pods-nodes", "why-vpc", "derive"}},
        {"final-check", K::Quiz, gen_final_check, {}},
    };
}

const std::vector<Generator>& generators() {
    static const std::vector<Generator> table = [] {
        std::vector<Generator> all = room_generators();
        for (Generator& g : campus_generators())
            all.push_back(std::move(g));
        return all;
    }();
    return table;
}

const Generator* find_generator(std::string_view id) {
    for (const Generator& g : generators()) {
        if (id == g.id) return &g;
    }
    return nullptr;
}

Result<Exercise> generate(const ExerciseBook& book, const ExerciseSpec& spec, uint32_t seed,
                          const Catalog& catalog) {
    const Generator* gen = find_generator(spec.id);
    if (gen == nullptr)
        return make_error("There is no exercise generator called '" + spec.id + "'.");
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const uint64_t stream = (static_cast<uint64_t>(seed) << 32) ^ fnv1a(spec.id) ^
                                (static_cast<uint64_t>(attempt) * 0xD1B54A32D192ED03ull);
        Ctx c{spec, book, catalog, Rng(stream), Exercise{}, Vars{}};
        c.ex.id = spec.id;
        c.ex.step = spec.step;
        c.ex.seed = seed;
        c.ex.kind = gen->kind;
        Status st = gen->make(c);
        if (!st) {
            if (st.error().code == kRetry) continue;
            return st.error();
        }
        c.ex.kind = gen->kind;
        c.ex.title = fill(spec.title, c.vars);
        c.ex.prompt = fill(spec.prompt, c.vars);
        if (c.ex.kind == ExerciseKind::Number) c.ex.hint_other = c.text("hint-other");
        return std::move(c.ex);
    }
    return make_error("No sound '" + spec.id + "' exercise was found for seed " +
                      std::to_string(seed) + ".");
}

// ---- checking -------------------------------------------------------------------------------

std::string kept(const Exercise& ex, const std::string& key, const Vars& vars) {
    const auto it = ex.texts.find(key);
    return it == ex.texts.end() ? std::string() : fill(it->second, vars);
}

Check check_setup(const Exercise& ex, const Answer& a) {
    Check ch;
    Vars v;
    if (a.type < 0 || a.type >= static_cast<int>(ex.setup.types.size())) {
        ch.feedback = kept(ex, "hint-choose", v);
        return ch;
    }
    Result<const InstanceType*> t =
        find_instance_type(ex.catalog, ex.setup.types[static_cast<size_t>(a.type)]);
    if (!t) {
        ch.feedback = t.error().message;
        return ch;
    }
    const InstanceType& type = **t;
    Scenario s = ex.setup.base;
    NodeGroup g = node_group(ex.group, type.name, s.subnets.empty() ? "" : s.subnets[0].id);
    g.config.prefix_delegation = a.prefix_delegation;
    g.config.max_pods_override = a.max_pods;
    s.node_groups = {g};
    s.pods = {PodGroup{ex.group, ex.target_pods}};
    const Outcome o = run_campus(s, ex.catalog, ex.group);
    if (!o.built) {
        ch.feedback = o.error;
        return ch;
    }
    ch.running = o.running;
    ch.waiting = o.waiting;
    ch.refused = o.refused;
    CapacityOptions options;
    options.prefix_delegation = a.prefix_delegation;
    const MaxPods m = max_pods(type, options);
    const int effective = kubelet_max_pods(type, g.config);
    v["type"] = type.name;
    v["pods"] = with_commas(ex.target_pods);
    v["max_pods"] = with_commas(effective);
    v["ami"] = with_commas(m.ami_max_pods);
    v["cap"] = with_commas(m.pod_ips);
    v["need"] = with_commas(ex.target_pods + kHostNetworkPods);
    v["fit"] = with_commas(std::max(0, effective - kHostNetworkPods));
    v["running"] = with_commas(o.running);
    v["waiting"] = with_commas(o.waiting);
    v["refused"] = with_commas(o.refused);
    v["pod_enis"] = with_commas(m.pod_enis);
    v["ips"] = with_commas(m.ips_per_eni);
    v["recommended"] = with_commas(m.recommended_max_pods);
    ch.correct = all_run(o, ex.target_pods);
    if (ch.correct) {
        ch.feedback = "Right.";
        if (m.prefix_delegation) ch.derivation.push_back(kept(ex, "derive-capacity", v));
        ch.derivation.push_back(kept(ex, "derive-max-pods", v));
        if (effective > m.recommended_max_pods) {
            ch.derivation.push_back(kept(ex, "derive-recommended", v));
        }
        return ch;
    }
    if (a.prefix_delegation && !m.prefix_delegation) {
        ch.feedback = kept(ex, "hint-xen", v);
    } else if (o.refused > 0 && m.prefix_delegation && effective == m.ami_max_pods) {
        ch.feedback = kept(ex, "hint-stays", v);
    } else if (o.refused > 0) {
        ch.feedback = kept(ex, "hint-low", v);
    } else if (o.waiting > 0 && !m.prefix_delegation) {
        ch.feedback = kept(ex, "hint-no-pd", v);
    } else {
        ch.feedback = kept(ex, "hint-other", v);
    }
    return ch;
}

Check check_fix(const Exercise& ex, const Answer& a) {
    Check ch;
    if (a.choice < 0 || a.choice >= static_cast<int>(ex.fixes.size())) {
        ch.feedback = "Pick a change first.";
        return ch;
    }
    const size_t i = static_cast<size_t>(a.choice);
    const Outcome o = run_campus(ex.fixes[i], ex.catalog, ex.group);
    ch.running = o.running;
    ch.waiting = o.waiting;
    ch.refused = o.refused;
    ch.correct = all_run(o, ex.target_pods);
    if (ch.correct) {
        ch.feedback = "Right.";
        ch.derivation = ex.derivation;
        return ch;
    }
    Vars v;
    v["running"] = with_commas(o.running);
    v["waiting"] = with_commas(o.waiting);
    v["refused"] = with_commas(o.refused);
    v["error"] = o.error;
    const std::string outcome = kept(ex, o.built ? "outcome" : "outcome-error", v);
    ch.feedback = ex.choice_hints[i].empty() ? outcome : ex.choice_hints[i] + " " + outcome;
    return ch;
}

// ---- loading --------------------------------------------------------------------------------

Status check_terms(std::string_view text, const Lessons& lessons, const std::string& where) {
    const TermScan scan = find_unknown_term(text, &lessons.terms);
    if (scan.kind == TermScan::Kind::Unclosed) return make_error(where + ": a '{' is never closed");
    if (scan.kind == TermScan::Kind::Unknown)
        return make_error(where + ": unknown term {" + std::string(scan.key) + "}");
    return Ok{};
}

Result<std::string> read_text(const json& v, const std::string& where) {
    if (!v.is_string()) return make_error(where + ": expected text");
    const std::string& s = v.get_ref<const std::string&>();
    if (s.empty()) return make_error(where + ": is empty");
    if (s.size() > 2000) return make_error(where + ": longer than 2,000 characters");
    return s;
}

}  // namespace

const std::vector<std::string>& exercise_generators() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        for (const Generator& g : generators())
            out.emplace_back(g.id);
        return out;
    }();
    return ids;
}

const char* exercise_kind_name(ExerciseKind kind) {
    static constexpr EnumWord<ExerciseKind> kNames[] = {{ExerciseKind::Number, "number"},
                                                        {ExerciseKind::Choice, "choice"},
                                                        {ExerciseKind::Setup, "setup"},
                                                        {ExerciseKind::Fix, "fix"},
                                                        {ExerciseKind::Quiz, "quiz"}};
    return word_for(kNames, kind, "number");
}

Result<ExerciseBook> load_exercises(std::string_view text, const Lessons* lessons) {
    if (text.size() > kMaxExercisesBytes) {
        return make_error("exercises.json is " + with_commas(static_cast<long long>(text.size())) +
                          " bytes; the limit is " +
                          with_commas(static_cast<long long>(kMaxExercisesBytes)) + ".");
    }
    json doc;
    JsonParseInfo info;
    if (!parse_json(text, doc, &info))
        return make_error("exercises.json is not valid JSON: " + info.error);
    if (!doc.is_object()) return make_error("exercises.json: expected an object");
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() != "version" && it.key() != "exercises") {
            return make_error("exercises.json: unknown key '" + it.key().substr(0, 40) + "'");
        }
    }
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() ||
        version->get<long long>() != kExercisesVersion) {
        return make_error("exercises.json: version must be " + with_commas(kExercisesVersion));
    }
    const auto list = doc.find("exercises");
    if (list == doc.end() || !list->is_array()) {
        return make_error("exercises.json: 'exercises' must be a list");
    }
    ExerciseBook book;
    std::set<std::string> ids;
    for (size_t i = 0; i < list->size(); ++i) {
        const json& e = (*list)[i];
        std::string where = "exercises[" + std::to_string(i) + "]";
        if (!e.is_object()) return make_error(where + ": expected an object");
        for (auto it = e.begin(); it != e.end(); ++it) {
            const std::string& k = it.key();
            if (k != "id" && k != "step" && k != "title" && k != "prompt" && k != "texts") {
                return make_error(where + ": unknown key '" + k.substr(0, 40) + "'");
            }
        }
        ExerciseSpec spec;
        for (const char* key : {"id", "step", "title", "prompt"}) {
            if (!e.contains(key)) return make_error(where + ": '" + key + "' is missing");
        }
        Result<std::string> id = read_text(e["id"], where + ".id");
        if (!id) return id.error();
        spec.id = *id;
        where += " (" + spec.id.substr(0, 40) + ")";
        const Generator* gen = find_generator(spec.id);
        if (gen == nullptr) return make_error(where + ": no exercise generator has this id");
        if (!ids.insert(spec.id).second) return make_error(where + ": the id appears twice");
        spec.kind = gen->kind;
        Result<std::string> step = read_text(e["step"], where + ".step");
        if (!step) return step.error();
        spec.step = *step;
        Result<std::string> title = read_text(e["title"], where + ".title");
        if (!title) return title.error();
        spec.title = *title;
        Result<std::string> prompt = read_text(e["prompt"], where + ".prompt");
        if (!prompt) return prompt.error();
        spec.prompt = *prompt;
        if (!e.contains("texts") || !e["texts"].is_object()) {
            return make_error(where + ".texts: expected an object");
        }
        for (auto it = e["texts"].begin(); it != e["texts"].end(); ++it) {
            const std::string& key = it.key();
            if (std::find(gen->texts.begin(), gen->texts.end(), key) == gen->texts.end()) {
                return make_error(where + ".texts: '" + key.substr(0, 40) +
                                  "' is not used by this exercise");
            }
            Result<std::string> t = read_text(it.value(), where + ".texts." + key);
            if (!t) return t.error();
            spec.texts[key] = *t;
        }
        for (const std::string& key : gen->texts) {
            if (spec.texts.count(key) == 0)
                return make_error(where + ".texts: '" + key + "' is missing");
        }
        if (lessons != nullptr) {
            if (find_step(*lessons, spec.step) < 0) {
                return make_error(where + ".step: there is no step '" + spec.step.substr(0, 40) +
                                  "'");
            }
            if (auto s = check_terms(spec.title, *lessons, where + ".title"); !s) return s.error();
            if (auto s = check_terms(spec.prompt, *lessons, where + ".prompt"); !s)
                return s.error();
            for (const auto& [key, value] : spec.texts) {
                if (auto s = check_terms(value, *lessons, where + ".texts." + key); !s) {
                    return s.error();
                }
            }
        }
        book.specs.push_back(std::move(spec));
    }
    if (lessons != nullptr) {
        for (const LessonStep& step : lessons->steps)
            book.example_types[step.id] = example_instance_types(step);
    }
    return book;
}

std::vector<const ExerciseSpec*> exercises_for_step(const ExerciseBook& book,
                                                    std::string_view step) {
    std::vector<const ExerciseSpec*> out;
    for (const ExerciseSpec& s : book.specs) {
        if (s.step == step) out.push_back(&s);
    }
    return out;
}

const ExerciseSpec* find_exercise(const ExerciseBook& book, std::string_view id) {
    return find_by(book.specs, id, &ExerciseSpec::id);
}

Result<Exercise> generate_exercise(const ExerciseBook& book, std::string_view id, uint32_t seed,
                                   const Catalog& catalog) {
    const ExerciseSpec* spec = find_exercise(book, id);
    if (spec == nullptr)
        return make_error("There is no exercise called '" + std::string(id) + "'.");
    return generate(book, *spec, seed, catalog);
}

Check check_answer(const Exercise& ex, const Answer& a) {
    Check ch;
    switch (ex.kind) {
        case ExerciseKind::Number: {
            ch.correct = a.number == ex.answer;
            if (ch.correct) {
                ch.feedback = "Right.";
                ch.derivation = ex.derivation;
                return ch;
            }
            ch.feedback = ex.hint_other;
            for (const Miss& m : ex.misses) {
                if (m.value == a.number) ch.feedback = m.hint;
            }
            return ch;
        }
        case ExerciseKind::Choice: {
            if (a.choice < 0 || a.choice >= static_cast<int>(ex.choices.size())) {
                ch.feedback = "Pick an answer first.";
                return ch;
            }
            ch.correct = a.choice == ex.correct_choice;
            if (ch.correct) {
                ch.feedback = "Right.";
                ch.derivation = ex.derivation;
            } else {
                ch.feedback = ex.choice_hints[static_cast<size_t>(a.choice)];
            }
            return ch;
        }
        case ExerciseKind::Setup:
            return check_setup(ex, a);
        case ExerciseKind::Fix:
            return check_fix(ex, a);
        case ExerciseKind::Quiz:
            ch.feedback = "Each question is checked on its own.";
            return ch;
    }
    return ch;
}

Reveal reveal_answer(const Exercise& ex) {
    Reveal r;
    auto accept = [&](const Answer& a, std::string text) {
        const Check c = check_answer(ex, a);
        if (!c.correct) return false;
        r.found = true;
        r.answer = a;
        r.text = std::move(text);
        r.derivation = c.derivation.empty() ? ex.derivation : c.derivation;
        return true;
    };
    switch (ex.kind) {
        case ExerciseKind::Number: {
            Answer a;
            a.number = ex.answer;
            accept(a, with_commas(ex.answer) + " (" + ex.number.label + ")");
            break;
        }
        case ExerciseKind::Choice:
        case ExerciseKind::Fix: {
            if (ex.correct_choice < 0 || ex.correct_choice >= static_cast<int>(ex.choices.size()))
                break;
            Answer a;
            a.choice = ex.correct_choice;
            accept(a, ex.choices[static_cast<size_t>(ex.correct_choice)]);
            break;
        }
        case ExerciseKind::Setup: {
            const int need = ex.target_pods + kHostNetworkPods;
            for (int pd = 0; pd < 2 && !r.found; ++pd) {
                for (size_t t = 0; t < ex.setup.types.size() && !r.found; ++t) {
                    Answer a;
                    a.type = static_cast<int>(t);
                    a.prefix_delegation = pd == 1;
                    a.max_pods = std::clamp(std::max(ex.setup.ami_max_pods[t], need),
                                            ex.setup.max_pods_min, ex.setup.max_pods_max);
                    accept(a, "{instance} " + ex.setup.types[t] + ", prefix delegation " +
                                  (pd == 1 ? "on" : "off") + ", kubelet's {maxpods} " +
                                  with_commas(a.max_pods));
                }
            }
            break;
        }
        case ExerciseKind::Quiz:
            break;
    }
    return r;
}

std::vector<AddressRole> address_roles(const Cluster& cluster, std::string_view subnet_id) {
    const Subnet* s = find_subnet(cluster.vpc, subnet_id);
    if (s == nullptr) return {};
    std::vector<AddressRole> roles(s->use.size(), AddressRole::Free);
    auto mark = [&](Ipv4 ip, AddressRole role) {
        if (!cidr_contains(s->cidr, ip)) return;
        roles[static_cast<size_t>(ip.value - s->cidr.base)] = role;
    };
    for (size_t i = 0; i < s->use.size(); ++i) {
        if (s->use[i] == AddressUse::Reserved) roles[i] = AddressRole::Reserved;
    }
    for (const OtherUse& o : cluster.others) {
        if (o.subnet_id != s->id) continue;
        for (Ipv4 ip : o.ips)
            mark(ip, AddressRole::Other);
    }
    for (const Node& n : cluster.nodes) {
        std::set<uint32_t> pod_ips;
        for (const Pod& p : n.pods)
            pod_ips.insert(p.ip.value);
        for (const Eni& e : n.enis) {
            if (e.subnet_id != s->id) continue;
            mark(e.primary_ip, AddressRole::EniPrimary);
            for (Ipv4 ip : e.ips)
                mark(ip, pod_ips.count(ip.value) ? AddressRole::Pod : AddressRole::Spare);
            for (const Cidr& p : e.prefixes) {
                for (uint64_t k = 0; k < cidr_size(p); ++k) {
                    const Ipv4 ip{p.base + static_cast<uint32_t>(k)};
                    mark(ip, pod_ips.count(ip.value) ? AddressRole::Pod : AddressRole::Spare);
                }
            }
        }
    }
    return roles;
}

}  // namespace core
