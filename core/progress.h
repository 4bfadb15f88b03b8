// progress.h: the learner's progress (steps seen, exercises solved) as stored text.
//
// The page keeps progress in localStorage, which anyone (an old version of the page, an
// extension, a curious learner) may have written, so decoding is strict: bounded size
// (checked before parsing), versioned JSON with known keys only, arrays of id strings.
// Ids that are not steps or exercises of this build (renamed, removed) are dropped and
// counted, not an error. Anything else fails with a readable reason and the page starts
// from empty progress.
//
// Format (version 1): {"version": 1, "seen": ["phone-panel", ...], "solved": ["max-pods"],
// "labs": ["idle-but-full"]}. "labs" (incident labs solved) is optional and written only when
// a lab was solved, so values saved before labs existed read as they always did.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace core {

inline constexpr int kProgressVersion = 1;
inline constexpr std::size_t kMaxProgressBytes = 16 * 1024;  // far above any real value
inline constexpr std::size_t kMaxProgressIds = 500;          // per list
inline constexpr std::size_t kMaxProgressIdLength = 64;

struct Progress {
    std::vector<std::string> seen;    // step ids, first-seen order, no duplicates
    std::vector<std::string> solved;  // exercise ids, first-solved order, no duplicates
    std::vector<std::string> labs;    // incident lab ids solved, first-solved order
};

bool operator==(const Progress& a, const Progress& b);
inline bool operator!=(const Progress& a, const Progress& b) {
    return !(a == b);
}

struct DecodedProgress {
    Progress progress;
    int dropped = 0;  // ids not known to this build, left out
};

// Decodes stored progress. Empty text (nothing stored yet) is empty progress. Ids are kept
// only if they appear in step_ids (seen), exercise_ids (solved) or lab_ids (labs); duplicates
// collapse.
Result<DecodedProgress> decode_progress(std::string_view text,
                                        const std::vector<std::string>& step_ids,
                                        const std::vector<std::string>& exercise_ids,
                                        const std::vector<std::string>& lab_ids = {});
// Encodes progress as compact version-1 JSON; decode_progress of it gives it back.
std::string encode_progress(const Progress& progress);
// Records a step as seen; false if it already was.
bool mark_seen(Progress& progress, std::string_view step_id);
// Records an exercise as solved; false if it already was.
bool mark_solved(Progress& progress, std::string_view exercise_id);
// True if the step was seen / the exercise solved.
bool was_seen(const Progress& progress, std::string_view step_id);
bool is_solved(const Progress& progress, std::string_view exercise_id);
// Records an incident lab as solved; false if it already was.
bool mark_lab_solved(Progress& progress, std::string_view lab_id);
// True if the incident lab was solved.
bool lab_solved(const Progress& progress, std::string_view lab_id);

}  // namespace core
