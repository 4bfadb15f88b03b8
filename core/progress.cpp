// progress.cpp: strict decoding and encoding of stored progress (see progress.h).
#include "progress.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "format.h"
#include "json_read.h"

namespace core {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 4;  // {"seen": [...]} needs 2

bool contains(const std::vector<std::string>& list, std::string_view id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

// Reads one list of ids, keeping the known ones once each.
Status read_ids(const json& doc, const char* key, const std::vector<std::string>& known,
                std::vector<std::string>& out, int& dropped) {
    const auto it = doc.find(key);
    if (it == doc.end()) return Ok{};
    if (!it->is_array()) return make_error(std::string("'") + key + "' is not a list");
    if (it->size() > kMaxProgressIds) {
        return make_error(std::string("'") + key + "' lists " +
                          num(static_cast<long long>(it->size())) + " entries, more than " +
                          num(static_cast<long long>(kMaxProgressIds)));
    }
    for (const json& v : *it) {
        if (!v.is_string()) {
            return make_error(std::string("'") + key + "' holds something other than names");
        }
        const std::string& id = v.get_ref<const std::string&>();
        if (id.size() > kMaxProgressIdLength) {
            return make_error(std::string("'") + key + "' holds a name longer than " +
                              num(static_cast<long long>(kMaxProgressIdLength)) + " characters");
        }
        if (!contains(known, id)) {
            ++dropped;
            continue;
        }
        if (!contains(out, id)) out.push_back(id);
    }
    return Ok{};
}

bool add_once(std::vector<std::string>& list, std::string_view id) {
    if (contains(list, id)) return false;
    list.emplace_back(id);
    return true;
}

}  // namespace

bool operator==(const Progress& a, const Progress& b) {
    return a.seen == b.seen && a.solved == b.solved && a.labs == b.labs;
}

Result<DecodedProgress> decode_progress(std::string_view text,
                                        const std::vector<std::string>& step_ids,
                                        const std::vector<std::string>& exercise_ids,
                                        const std::vector<std::string>& lab_ids) {
    DecodedProgress out;
    if (text.empty()) return out;
    if (text.size() > kMaxProgressBytes) {
        return make_error("it is " + num(static_cast<long long>(text.size())) +
                          " bytes, far more than progress ever takes (limit " +
                          num(static_cast<long long>(kMaxProgressBytes)) + ")");
    }
    if (json_nesting(text) > kMaxDepth)
        return make_error("it nests deeper than progress ever does");
    json doc;
    if (!parse_json(text, doc)) return make_error("it is not valid JSON");
    if (!doc.is_object()) return make_error("it is not a JSON object");
    const auto version = doc.find("version");
    if (version == doc.end())
        return make_error("it has no version, so it is not CNI Campus progress");
    if (!version->is_number_integer()) return make_error("its version is not a whole number");
    const long long v = version->get<long long>();
    if (v != kProgressVersion) {
        return make_error("it was saved in format version " + num(v) +
                          ", and this page reads version " + num(kProgressVersion));
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() != "version" && it.key() != "seen" && it.key() != "solved" &&
            it.key() != "labs") {
            return make_error("it has an unknown entry '" + it.key().substr(0, 40) + "'");
        }
    }
    if (auto s = read_ids(doc, "seen", step_ids, out.progress.seen, out.dropped); !s)
        return s.error();
    if (auto s = read_ids(doc, "solved", exercise_ids, out.progress.solved, out.dropped); !s) {
        return s.error();
    }
    if (auto s = read_ids(doc, "labs", lab_ids, out.progress.labs, out.dropped); !s)
        return s.error();
    return out;
}

std::string encode_progress(const Progress& progress) {
    json doc;
    doc["version"] = kProgressVersion;
    doc["seen"] = progress.seen;
    doc["solved"] = progress.solved;
    if (!progress.labs.empty()) doc["labs"] = progress.labs;
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool mark_seen(Progress& progress, std::string_view step_id) {
    return add_once(progress.seen, step_id);
}

bool mark_solved(Progress& progress, std::string_view exercise_id) {
    return add_once(progress.solved, exercise_id);
}

bool was_seen(const Progress& progress, std::string_view step_id) {
    return contains(progress.seen, step_id);
}

bool is_solved(const Progress& progress, std::string_view exercise_id) {
    return contains(progress.solved, exercise_id);
}

bool mark_lab_solved(Progress& progress, std::string_view lab_id) {
    return add_once(progress.labs, lab_id);
}

bool lab_solved(const Progress& progress, std::string_view lab_id) {
    return contains(progress.labs, lab_id);
}

}  // namespace core
