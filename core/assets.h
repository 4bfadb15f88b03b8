// assets.h: the JSON files of assets/, embedded at build time.
//
// tools/embed_assets.cmake turns each assets/*.json into bytes in the binary, so the web
// page needs no extra request and the native tests parse exactly what the page ships.
#pragma once

#include <string_view>
#include <vector>

namespace core {

struct Asset {
    std::string_view name;  // file name, "catalog.json"
    std::string_view data;  // its bytes
};

// Every embedded asset, in file-name order.
const std::vector<Asset>& assets();
// The bytes of one asset by file name; empty if there is none.
std::string_view asset(std::string_view name);

}  // namespace core
