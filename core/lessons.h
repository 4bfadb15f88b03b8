// lessons.h: the tutorial's steps and words, loaded from assets/lessons.json.
//
// A step is a list of beats: one short paragraph each, with the state of the step's model
// it talks about (knobs to set, a part of the figure to light, a goal for the learner; see
// core/steps/step_info.h). The learner moves through a step beat by beat and the figure
// moves with the words.
//
// Text is written once with term tokens ("each {panel} has a few {slot}s") and shown in
// either vocabulary: the campus analogy ("phone panel (ENI)") or plain AWS ("ENI"). It may
// hold live tokens ("[[enis]] {panels}") that the step's model fills in.
// Loading validates every field and names the step and field of any problem, so a bad
// lesson file fails the build (tools/gen_static_lessons checks it) rather than the page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"
#include "steps/step_info.h"

namespace core {

enum class Terms { Analogy, Aws };

struct Term {
    std::string key;      // "panel"
    std::string analogy;  // "phone panel"
    std::string aws;      // "ENI"
};

// One beat of a step: a paragraph and the state of the figure it talks about.
struct LessonBeat {
    std::string text;               // term tokens and live tokens allowed
    std::vector<Setting> settings;  // knobs of the step's model set on entering the beat
    std::string focus;              // the part of the figure the beat points at ("" none)
    std::string goal;               // what the learner is asked to bring about ("" none)
};

// A page a step rests on, for "Further reading": an AWS page, plainly linked.
struct Reading {
    std::string title;  // "Learn about IPv6 addresses to clusters, Pods, and services"
    std::string url;    // https on docs.aws.amazon.com, github.com or aws.github.io
};

struct LessonStep {
    std::string id;                      // "prefix-delegation": deep links, goTo, progress,
                                         // and the name of its model and view
    std::string title;                   // may hold term tokens
    std::vector<LessonBeat> beats;       // at least one
    std::vector<std::string> takeaways;  // short points, shown after the last beat
    std::vector<Reading> reading;        // the AWS pages the step rests on
};

struct Lessons {
    std::vector<Term> terms;
    std::vector<LessonStep> steps;
};

inline constexpr std::size_t kMaxBeats = 16;          // beats in one step
inline constexpr std::size_t kMaxReading = 8;         // links in one step's reading list
inline constexpr std::size_t kMaxReadingTitle = 120;  // bytes
inline constexpr std::size_t kMaxReadingUrl = 300;    // bytes

// Parses and validates lessons JSON: unique step ids (lowercase letters, digits, '-'), every
// {token} defined, and every knob, focus, goal and live token known to the step's model
// (core/steps/step_info.h). Errors read "steps[3].beats[1].text: unknown term {panl}".
Result<Lessons> load_lessons(std::string_view json);
// Checks a "Further reading" link: https, a host of AWS's documentation (docs.aws.amazon.com,
// github.com, aws.github.io), at most kMaxReadingUrl bytes of plain URL characters (letters,
// digits and - . _ ~ / # ? = & % + :), no user or port. The message says what is wrong.
Status check_reading_url(std::string_view url);
// Index of the step with this id, or -1.
int find_step(const Lessons& lessons, std::string_view id);
// Replaces {key} tokens by the term in the chosen vocabulary. In the analogy vocabulary
// "{panel}" becomes "phone panel" and "{panel+}" becomes "phone panel (ENI)"; in the AWS
// vocabulary both become "ENI". "{{" is a literal brace. Unknown keys are left as written.
std::string render_terms(const Lessons& lessons, std::string_view text, Terms terms);
// "analogy" / "aws"
const char* terms_name(Terms terms);

// What find_unknown_term stopped at.
struct TermScan {
    enum class Kind { None, Unclosed, Unknown, Dollar };
    Kind kind = Kind::None;
    std::size_t pos = 0;   // the '{' (or '$') stopped at; text.size() when None
    std::string_view key;  // Unknown: the key without a trailing '+'
    std::string_view raw;  // Unknown: everything between the braces; Unclosed: "{..." to the end
};
// The one scanner of {term} tokens: from `from`, skips "{{" and known {key}/{key+} tokens and
// stops at the first unknown or unclosed one (or, with stop_at_dollar, at a '$'). With no
// terms (nullptr) braces are not looked at, only '$'.
TermScan find_unknown_term(std::string_view text, const std::vector<Term>* terms,
                           std::size_t from = 0, bool stop_at_dollar = false);

}  // namespace core
