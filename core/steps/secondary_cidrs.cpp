// secondary_cidrs.cpp: step "secondary-cidrs" (see secondary_cidrs.h).
#include "steps/secondary_cidrs.h"

#include <algorithm>

#include "format.h"
#include "occupancy.h"
#include "steps/campus.h"

namespace core {
namespace {

constexpr const char* kFirstPrimary = "10.0.0.0/16";
constexpr int kPrimaryBuildingPrefix = 18;  // four buildings fill a /16
constexpr int kPrimaryBuildings = 4;
constexpr uint32_t kFirstAddress = (100u << 24) | (64u << 16);  // 100.64.0.0
constexpr int kFirstPrefix = 10;
constexpr int kMinQuota = 5;   // AWS's default
constexpr int kMaxQuota = 50;  // the most AWS raises it to

const Cidr kRfc6598{kFirstAddress, 10};

uint32_t mask(int prefix) {
    return prefix <= 0 ? 0u : ~uint32_t{0} << (32 - prefix);
}

// The campus of this primary, carved into its four buildings, with these secondaries added.
Result<Vpc> build_campus(std::string_view primary, const std::vector<std::string>& secondaries,
                         int quota) {
    Result<Cidr> p = parse_cidr(primary);
    if (!p) return p.error();
    Result<Vpc> vpc =
        carved_campus(primary, std::max(p->prefix + 2, kPrimaryBuildingPrefix), kPrimaryBuildings);
    if (!vpc) return vpc.error();
    vpc.value().cidr_quota = quota;
    for (const std::string& s : secondaries) {
        if (Status st = add_vpc_cidr(vpc.value(), s); !st) return st.error();
    }
    return vpc;
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    if (text == "none") return out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        const size_t end = comma == std::string_view::npos ? text.size() : comma;
        out.emplace_back(text.substr(start, end - start));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

void remember(SecondaryCidrs& m, const Cidr& c, const CidrVerdict& v) {
    m.tried.push_back({c, v});
    if (m.tried.size() > kMaxTries) m.tried.erase(m.tried.begin());
}

bool in_secondary(const Vpc& vpc, const Subnet& s) {
    for (size_t i = 1; i < vpc.cidrs.size(); ++i) {
        if (cidr_contains(vpc.cidrs[i], s.cidr)) return true;
    }
    return false;
}

}  // namespace

SecondaryCidrs make_secondary_cidrs() {
    SecondaryCidrs m;
    m.address = Ipv4{kFirstAddress};
    m.prefix = kFirstPrefix;
    Result<Vpc> vpc = build_campus(kFirstPrimary, {}, kMinQuota);
    if (vpc) m.vpc = std::move(vpc).value();
    return m;
}

Status set_octet(SecondaryCidrs& m, int index, int value) {
    if (index < 0 || index > 3) return make_error("An address has octets 1 to 4.");
    if (value < 0 || value > 255)
        return make_error(std::to_string(value) + " is not an octet (0-255).");
    const int shift = 8 * (3 - index);
    m.address.value =
        (m.address.value & ~(uint32_t{255} << shift)) | (static_cast<uint32_t>(value) << shift);
    return Ok{};
}

Cidr candidate(const SecondaryCidrs& m) {
    return Cidr{m.address.value & mask(m.prefix), m.prefix};
}

CidrVerdict verdict(const SecondaryCidrs& m) {
    return check_secondary_cidr(m.vpc, candidate(m));
}

int octet(const SecondaryCidrs& m, int index) {
    if (index < 0 || index > 3) return 0;
    return static_cast<int>((m.address.value >> (8 * (3 - index))) & 255u);
}

bool address_bit(const SecondaryCidrs& m, int index) {
    if (index < 0 || index > 31) return false;
    return ((m.address.value >> (31 - index)) & 1u) != 0;
}

int building_prefix(const Cidr& block) {
    return std::max(block.prefix, kPrimaryBuildingPrefix);
}

const Cidr* building_block(const SecondaryCidrs& m) {
    for (size_t i = m.vpc.cidrs.size(); i-- > 0;) {
        const Cidr& b = m.vpc.cidrs[i];
        if (next_free_subnet_cidr(m.vpc, b, building_prefix(b))) return &b;
    }
    return nullptr;
}

void apply(SecondaryCidrs& m, SecondaryCidrsAction action) {
    m.message.clear();
    if (action == SecondaryCidrsAction::StartOver) {
        const Ipv4 address = m.address;
        const int prefix = m.prefix;
        m = make_secondary_cidrs();
        m.address = address;
        m.prefix = prefix;
        return;
    }
    if (action == SecondaryCidrsAction::Add) {
        const Cidr c = candidate(m);
        const CidrVerdict v = check_secondary_cidr(m.vpc, c);
        remember(m, c, v);
        Status st = add_vpc_cidr(m.vpc, format_cidr(c));
        if (!st) m.message = st.error().message;
        return;
    }
    const Cidr* block = building_block(m);
    if (block == nullptr) {
        m.message = "Every CIDR block of the campus is full of subnets: add a block first.";
        return;
    }
    const Cidr where = *block;
    Result<Cidr> b = add_next_building(m.vpc, where, building_prefix(where));
    if (!b) m.message = b.error().message;
}

namespace {

StepInfo info() {
    return {
        "secondary-cidrs",
        {{"primary", KnobKind::Choice, 0, 0, {"10.0.0.0/16", "172.16.0.0/16", "192.168.0.0/16"}},
         {"address", KnobKind::Choice, 0, 0, {}},
         {"prefix", KnobKind::Number, kBarMinPrefix, kBarMaxPrefix, {}},
         {"quota", KnobKind::Number, kMinQuota, kMaxQuota, {}},
         {"secondaries", KnobKind::Choice, 0, 0, {}}},
        {"candidate", "prefix", "size", "first", "last", "primary", "start", "total", "blocks",
         "quota", "left", "usable", "buildings", "newest"},
        {"bar", "octets", "bits", "prefix", "verdict", "add", "campus", "primary", "secondary",
         "quota", "buildings", "newbuilding"},
        {"grow", "rfc6598", "refused", "build", "quota-full"},
        ""};
}

void open(SecondaryCidrs& m, const Catalog&) {
    m = make_secondary_cidrs();
}

Status set_knob(SecondaryCidrs& m, const Setting& s, const Catalog&) {
    if (Status ok = check_setting(step_info<SecondaryCidrs>(), s); !ok) return ok;
    const std::string primary = m.vpc.cidrs.empty() ? kFirstPrimary : format_cidr(m.vpc.cidrs[0]);
    if (s.name == "address") {
        Result<Ipv4> ip = parse_ipv4(s.text);
        if (!ip) return ip.error();
        m.address = *ip;
    } else if (s.name == "prefix") {
        m.prefix = static_cast<int>(s.number);
    } else if (s.name == "quota") {
        if (s.number < static_cast<long long>(m.vpc.cidrs.size()))
            return make_error("The campus already has " + std::to_string(m.vpc.cidrs.size()) +
                              " CIDR blocks; a quota of " + std::to_string(s.number) +
                              " cannot hold them.");
        m.vpc.cidr_quota = static_cast<int>(s.number);
    } else {
        const bool is_primary = s.name == "primary";
        Result<Vpc> vpc = build_campus(is_primary ? s.text : primary,
                                       is_primary ? std::vector<std::string>{} : split_list(s.text),
                                       std::max(m.vpc.cidr_quota, kMinQuota));
        if (!vpc) return vpc.error();
        m.vpc = std::move(vpc).value();
        m.tried.clear();
        m.message.clear();
    }
    return Ok{};
}

std::string value(const SecondaryCidrs& m, std::string_view name) {
    const Cidr c = candidate(m);
    if (name == "candidate") return format_cidr(c);
    if (name == "prefix") return std::to_string(m.prefix);
    if (name == "size") return with_commas(cidr_size(c));
    if (name == "first") return format_ipv4(cidr_first(c));
    if (name == "last") return format_ipv4(cidr_last(c));
    if (m.vpc.cidrs.empty()) return {};
    const VpcSpace space = vpc_space(m.vpc);
    if (name == "primary") return format_cidr(m.vpc.cidrs.front());
    if (name == "start") return with_commas(cidr_size(m.vpc.cidrs.front()));
    if (name == "total") return with_commas(space.addresses);
    if (name == "blocks") return std::to_string(m.vpc.cidrs.size());
    if (name == "quota") return std::to_string(m.vpc.cidr_quota);
    if (name == "left") return std::to_string(space.blocks_left);
    if (name == "usable") return with_commas(space.usable);
    if (name == "buildings") return std::to_string(m.vpc.subnets.size());
    if (name == "newest") return format_cidr(m.vpc.cidrs.back());
    return {};
}

bool goal(const SecondaryCidrs& m, std::string_view goal) {
    if (goal == "grow") return m.vpc.cidrs.size() > 1;
    if (goal == "rfc6598") {
        for (size_t i = 1; i < m.vpc.cidrs.size(); ++i) {
            if (cidr_contains(kRfc6598, m.vpc.cidrs[i])) return true;
        }
        return false;
    }
    if (goal == "refused") {
        for (const CidrTry& t : m.tried) {
            if (t.verdict.refusal != CidrRefusal::None) return true;
        }
        return false;
    }
    if (goal == "build") {
        for (const Subnet& s : m.vpc.subnets) {
            if (in_secondary(m.vpc, s)) return true;
        }
        return false;
    }
    if (goal == "quota-full") return static_cast<long long>(m.vpc.cidrs.size()) >= m.vpc.cidr_quota;
    return false;
}

}  // namespace

const StepCalls<SecondaryCidrs>& step_calls(StepTag<SecondaryCidrs>) {
    static const StepCalls<SecondaryCidrs> calls{info(), open, set_knob, value, goal};
    return calls;
}

}  // namespace core
