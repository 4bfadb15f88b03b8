// progress_test.cpp: stored progress decodes strictly; corrupt, foreign, huge or old
// values fail with a reason; unknown ids are dropped and counted.
#include <doctest/doctest.h>

#include <string>

#include "progress.h"

namespace {

const std::vector<std::string> kSteps = {"big-picture", "phone-panel", "desk-limit"};
const std::vector<std::string> kExercises = {"max-pods", "slots-lost"};

core::Result<core::DecodedProgress> decode(const std::string& text) {
    return core::decode_progress(text, kSteps, kExercises);
}

void fails(const std::string& text, const char* needle) {
    auto r = decode(text);
    REQUIRE_FALSE(r.ok());
    INFO(r.error().message);
    CHECK(r.error().message.find(needle) != std::string::npos);
}

}  // namespace

TEST_CASE("nothing stored is empty progress") {
    auto r = decode("");
    REQUIRE(r.ok());
    CHECK(r->progress.seen.empty());
    CHECK(r->progress.solved.empty());
    CHECK(r->dropped == 0);
}

TEST_CASE("progress round-trips through its encoding") {
    core::Progress p;
    CHECK(core::mark_seen(p, "phone-panel"));
    CHECK(core::mark_seen(p, "big-picture"));
    CHECK_FALSE(core::mark_seen(p, "phone-panel"));
    CHECK(core::mark_solved(p, "max-pods"));
    CHECK_FALSE(core::mark_solved(p, "max-pods"));
    CHECK(core::was_seen(p, "big-picture"));
    CHECK_FALSE(core::was_seen(p, "desk-limit"));
    CHECK(core::is_solved(p, "max-pods"));
    CHECK_FALSE(core::is_solved(p, "slots-lost"));
    const std::string text = core::encode_progress(p);
    CHECK(text == R"({"seen":["phone-panel","big-picture"],"solved":["max-pods"],"version":1})");
    auto r = decode(text);
    REQUIRE(r.ok());
    CHECK(r->progress == p);
}

TEST_CASE("unknown ids are dropped and counted; duplicates collapse") {
    auto r = decode(
        R"({"version":1,"seen":["phone-panel","gone-step","phone-panel"],"solved":["old-one","slots-lost"]})");
    REQUIRE(r.ok());
    CHECK(r->progress.seen == std::vector<std::string>{"phone-panel"});
    CHECK(r->progress.solved == std::vector<std::string>{"slots-lost"});
    CHECK(r->dropped == 2);
    // A list may be absent.
    auto s = decode(R"({"version":1})");
    REQUIRE(s.ok());
    CHECK(s->progress.seen.empty());
}

TEST_CASE("corrupt and foreign values fail with a reason") {
    fails("{{{garbage", "not valid JSON");
    fails("{\"version\":1,", "not valid JSON");
    fails("hello", "not valid JSON");
    fails("[1,2,3]", "not a JSON object");
    fails("42", "not a JSON object");
    fails(R"({"theme":"dark"})", "no version");
    fails(R"({"version":"1"})", "not a whole number");
    fails(R"({"version":1.5})", "not a whole number");
    fails(R"({"version":1,"seen":"phone-panel"})", "'seen' is not a list");
    fails(R"({"version":1,"solved":[1,2]})", "'solved' holds something other than names");
    fails(R"({"version":1,"seen":[],"bonus":true})", "unknown entry 'bonus'");
    fails("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "nests deeper");
}

TEST_CASE("old and newer versions are refused, naming both versions") {
    fails(R"({"version":0,"seen":[]})", "format version 0, and this page reads version 1");
    fails(R"({"version":2,"seen":[]})", "format version 2");
}

TEST_CASE("huge values are refused before parsing") {
    const std::string huge =
        R"({"version":1,"seen":[")" + std::string(core::kMaxProgressBytes, 'a') + "\"]}";
    fails(huge, "far more than progress ever takes");
    std::string many = R"({"version":1,"seen":[)";
    for (size_t i = 0; i <= core::kMaxProgressIds; ++i)
        many += std::string(i ? "," : "") + "\"x\"";
    many += "]}";
    fails(many, "more than 500");
    fails(R"({"version":1,"seen":[")" + std::string(65, 'a') + "\"]}", "longer than 64");
}

TEST_CASE("progress: solved labs are kept, old values without them read as before") {
    const std::vector<std::string> labs = {"idle-but-full", "campus-full"};
    const std::string old = R"({"seen":["phone-panel"],"solved":["max-pods"],"version":1})";
    auto r = core::decode_progress(old, kSteps, kExercises, labs);
    REQUIRE(r.ok());
    CHECK(r->progress.labs.empty());
    CHECK(core::encode_progress(r->progress) == old);  // nothing written for labs
    core::Progress p = r->progress;
    CHECK(core::mark_lab_solved(p, "campus-full"));
    CHECK_FALSE(core::mark_lab_solved(p, "campus-full"));
    CHECK(core::lab_solved(p, "campus-full"));
    CHECK_FALSE(core::lab_solved(p, "idle-but-full"));
    const std::string stored = core::encode_progress(p);
    CHECK(stored ==
          R"({"labs":["campus-full"],"seen":["phone-panel"],"solved":["max-pods"],"version":1})");
    auto back = core::decode_progress(stored, kSteps, kExercises, labs);
    REQUIRE(back.ok());
    CHECK(back->progress == p);
    // A removed lab is dropped and counted; a page that knows no labs drops them all.
    auto gone = core::decode_progress(R"({"version":1,"labs":["campus-full","retired-lab"]})",
                                      kSteps, kExercises, labs);
    REQUIRE(gone.ok());
    CHECK(gone->progress.labs == std::vector<std::string>{"campus-full"});
    CHECK(gone->dropped == 1);
    CHECK(decode(stored)->progress.labs.empty());
    fails(R"({"version":1,"labs":"campus-full"})", "'labs' is not a list");
    fails(R"({"version":1,"labs":[3]})", "'labs' holds something other than names");
}
