// result.h: the error-as-value type every core function uses.
//
// core/ never throws across its API and never prints: a call that can fail returns
// `Result<T>`, holding either the value or an `Error` whose message a learner can read
// ("10.0.0.1/24 has host bits set; did you mean 10.0.0.0/24?"). A failed call leaves
// its inputs exactly as they were.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace core {

struct Error {
    std::string message;  // one or two sentences, shown as-is to the learner
    std::string code;     // optional machine code, e.g. "InsufficientCidrBlocks"
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

inline Error make_error(std::string message, std::string code = {}) {
    return Error{std::move(message), std::move(code)};
}

}  // namespace core
