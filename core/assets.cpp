// assets.cpp: lookup over the generated table (see assets.h).
#include "assets.h"

namespace core {

std::string_view asset(std::string_view name) {
    for (const Asset& a : assets()) {
        if (a.name == name) return a.data;
    }
    return {};
}

}  // namespace core
