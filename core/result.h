// result.h: the error-as-value type every core function uses.
//
// core/ never throws across its API and never prints: a call that can fail returns
// `Result<T>`, holding either the value or an `Error` whose message a learner can read
// ("10.0.0.1/24 has host bits set; did you mean 10.0.0.0/24?"). A failed call leaves
// its inputs exactly as they were.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace core {

// The machine codes an error (or an event) may carry: AWS's own where one applies, then
// core's. Their names are the table below (error_code_name).
enum class ErrorCode {
    None,
    TooManyPods,                            // kubelet: max-pods reached
    NoAvailableIPAddresses,                 // ipamd: the pod waits for an address
    InsufficientFreeAddressesInSubnet,      // EC2: the subnet has no free address
    InsufficientCidrBlocks,                 // EC2: no aligned /28 free in the subnet
    InvalidParameterValue,                  // EC2: a CIDR or value it refuses
    InvalidVpcRange,                        // EC2: a VPC CIDR outside the allowed ranges
    CidrLimitExceeded,                      // EC2: too many CIDR blocks on the VPC
    TagLimitExceeded,                       // EC2: too many tags
    InvalidSubnetRange,                     // EC2: a subnet CIDR outside the VPC or of a bad size
    InvalidSubnetConflict,                  // EC2: a subnet CIDR overlapping another
    InvalidSubnetCidrReservationDuplicate,  // EC2: a reservation made twice
    InvalidSubnetCidrReservationRange,      // EC2: a reservation outside its subnet
    UnknownInstanceType,                    // the catalog has no such type
    UnknownFix,                             // a lab's fix id it does not have
    BadMessage,                             // host_message.h: a message from the page refused
    NotOurs,                                // host_message.h: a message for someone else
    Retry,                                  // exercises: a draw turned down, draw again
};

struct ErrorCodeName {
    ErrorCode code;
    const char* name;
};
inline constexpr ErrorCodeName kErrorCodeNames[] = {
    {ErrorCode::None, ""},
    {ErrorCode::TooManyPods, "TooManyPods"},
    {ErrorCode::NoAvailableIPAddresses, "NoAvailableIPAddresses"},
    {ErrorCode::InsufficientFreeAddressesInSubnet, "InsufficientFreeAddressesInSubnet"},
    {ErrorCode::InsufficientCidrBlocks, "InsufficientCidrBlocks"},
    {ErrorCode::InvalidParameterValue, "InvalidParameterValue"},
    {ErrorCode::InvalidVpcRange, "InvalidVpc.Range"},
    {ErrorCode::CidrLimitExceeded, "CidrLimitExceeded"},
    {ErrorCode::TagLimitExceeded, "TagLimitExceeded"},
    {ErrorCode::InvalidSubnetRange, "InvalidSubnet.Range"},
    {ErrorCode::InvalidSubnetConflict, "InvalidSubnet.Conflict"},
    {ErrorCode::InvalidSubnetCidrReservationDuplicate, "InvalidSubnetCidrReservation.Duplicate"},
    {ErrorCode::InvalidSubnetCidrReservationRange, "InvalidSubnetCidrReservation.Range"},
    {ErrorCode::UnknownInstanceType, "UnknownInstanceType"},
    {ErrorCode::UnknownFix, "UnknownFix"},
    {ErrorCode::BadMessage, "bad-message"},
    {ErrorCode::NotOurs, "not-ours"},
    {ErrorCode::Retry, "retry"},
};

// The code's name: "InsufficientCidrBlocks", "not-ours"; "" for None.
inline const char* error_code_name(ErrorCode code) {
    for (const ErrorCodeName& n : kErrorCodeNames) {
        if (n.code == code) return n.name;
    }
    return "";
}
// The code of that name; None for an unknown name.
inline ErrorCode error_code(std::string_view name) {
    for (const ErrorCodeName& n : kErrorCodeNames) {
        if (name == n.name) return n.code;
    }
    return ErrorCode::None;
}

struct Error {
    std::string message;               // one or two sentences, shown as-is to the learner
    ErrorCode code = ErrorCode::None;  // optional machine code
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
    Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// For calls that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(std::string message, ErrorCode code = ErrorCode::None) {
    return Error{std::move(message), code};
}

}  // namespace core
