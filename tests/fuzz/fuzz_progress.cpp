// fuzz_progress.cpp: libFuzzer target for stored progress (core/progress.h), the text the
// page reads back from localStorage, which an old page, an extension or a learner may have
// written.
//
// Properties: decode_progress never crashes or throws; a refusal has a message; what decodes
// holds only known, distinct ids (steps of the shipped lessons in `seen`, exercise ids in
// `solved`, the shipped incident labs in `labs`) within the limits; encoding it and decoding again
// gives it back, and encoding is stable.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "exercises.h"
#include "fuzz_support.h"
#include "labs.h"
#include "progress.h"

namespace {

bool distinct_known(const std::vector<std::string>& ids, const std::vector<std::string>& known) {
    for (size_t i = 0; i < ids.size(); ++i) {
        if (std::find(known.begin(), known.end(), ids[i]) == known.end()) return false;
        if (std::find(ids.begin(), ids.begin() + static_cast<long>(i), ids[i]) !=
            ids.begin() + static_cast<long>(i)) {
            return false;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<std::string> steps = [] {
        std::vector<std::string> ids;
        for (const core::LessonStep& s : fuzz::lessons().steps)
            ids.push_back(s.id);
        return ids;
    }();
    static const std::vector<std::string>& exercises = core::exercise_generators();
    static const std::vector<std::string> labs = [] {
        core::Result<core::Labs> l = core::load_labs(core::asset("labs.json"), fuzz::catalog());
        if (!l) fuzz::fail("the embedded labs load", l.error().message, __FILE__, __LINE__);
        return core::lab_ids(*l);
    }();
    const std::string_view text = fuzz::text(data, size);

    core::Result<core::DecodedProgress> d = core::decode_progress(text, steps, exercises, labs);
    if (!d) {
        FUZZ_CHECK(!d.error().message.empty() && d.error().message.size() < 400,
                   "refusal message: " + d.error().message);
        return 0;
    }
    const core::Progress& p = d->progress;
    FUZZ_CHECK(distinct_known(p.seen, steps), "seen holds an unknown or repeated id");
    FUZZ_CHECK(distinct_known(p.solved, exercises), "solved holds an unknown or repeated id");
    FUZZ_CHECK(distinct_known(p.labs, labs), "labs holds an unknown or repeated id");
    FUZZ_CHECK(d->dropped >= 0, "negative dropped count");
    const std::string stored = core::encode_progress(p);
    core::Result<core::DecodedProgress> back =
        core::decode_progress(stored, steps, exercises, labs);
    FUZZ_CHECK(back && back->progress == p && back->dropped == 0, "round trip: " + stored);
    FUZZ_CHECK(core::encode_progress(back->progress) == stored, "encoding not stable: " + stored);
    return 0;
}
