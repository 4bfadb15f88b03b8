// lessons.h: the tutorial's steps and words, loaded from assets/lessons.json.
//
// Text is written once with term tokens ("each {panel} has a few {slot}s") and shown in
// either vocabulary: the campus analogy ("phone panel (ENI)") or plain AWS ("ENI").
// Loading validates every field and names the step and field of any problem, so a bad
// lesson file fails the build (tools/gen_static_lessons checks it) rather than the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace core {

enum class Terms { Analogy, Aws };

struct Term {
    std::string key;      // "panel"
    std::string analogy;  // "phone panel"
    std::string aws;      // "ENI"
};

struct LessonStep {
    std::string id;                      // "prefix-delegation": deep links, goTo, progress
    std::string title;                   // may hold term tokens
    std::string view;                    // which interactive view draws the campus for this step
    std::vector<std::string> body;       // paragraphs, term tokens allowed
    std::vector<std::string> takeaways;  // short points shown beside the view
};

struct Lessons {
    std::vector<Term> terms;
    std::vector<LessonStep> steps;
};

// The interactive views a step may name; web/views.cpp draws one for each.
const std::vector<std::string>& lesson_views();
// Parses and validates lessons JSON: unique ids (lowercase letters, digits, '-'), known
// views, every {token} defined. Errors read "steps[3].body[1]: unknown term {panl}".
Result<Lessons> load_lessons(std::string_view json,
                             const std::vector<std::string>& known_views = lesson_views());
// Index of the step with this id, or -1.
int find_step(const Lessons& lessons, std::string_view id);
// Replaces {key} tokens by the term in the chosen vocabulary. In the analogy vocabulary
// "{panel}" becomes "phone panel" and "{panel+}" becomes "phone panel (ENI)"; in the AWS
// vocabulary both become "ENI". "{{" is a literal brace. Unknown keys are left as written.
std::string render_terms(const Lessons& lessons, std::string_view text, Terms terms);
// "analogy" / "aws"
const char* terms_name(Terms terms);

}  // namespace core
