// gen_static_lessons.cpp: writes the lessons as plain HTML pages, readable without the
// canvas (no JavaScript, no WebGL, screen readers, search engines, the <noscript> link).
//
//   gen_static_lessons OUTDIR [LESSONS_JSON]
//
// Reads the lessons the page ships (the embedded assets/lessons.json, or the given file),
// validates them with core::load_lessons and writes OUTDIR/index.html (contents and the
// glossary), OUTDIR/<step-id>.html for every step (each beat a paragraph, its live numbers
// filled in by the step's model as it stands at that beat, then its exercises with their
// worked answers behind a disclosure and its "Further reading" links), OUTDIR/labs.html
// (every incident lab of assets/labs.json: its page from the pager, what the cluster shows,
// the changes on offer with their costs, and the worked solution behind a <details>
// disclosure, all from the model) and OUTDIR/lessons.css; the index lists every step's
// reading. Text is shown in
// the campus words with each AWS term beside it where the lesson marks it ({panel+} ->
// "phone panel (ENI)"); every text is HTML-escaped. A bad lessons file makes the tool exit
// with status 1 and a message naming the step and field, so the build fails; so does a lab
// whose reference fix does not heal it in the model, or whose decoy does (core::verify_lab).
#include <sys/stat.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assets.h"
#include "catalog.h"
#include "exercises.h"
#include "format.h"
#include "labs.h"
#include "lessons.h"
#include "steps/steps.h"

namespace {

const char* const kTool = "gen_static_lessons";

using core::html_escape;

// A lesson text in campus words with AWS terms where marked, HTML-escaped.
std::string text(const core::Lessons& lessons, const std::string& raw) {
    return html_escape(core::render_terms(lessons, raw, core::Terms::Analogy));
}

const char* const kCss =
    R"css(/* lessons.css: the plain-text lessons (written by tools/gen_static_lessons). The
   colours follow the reader's system setting (prefers-color-scheme), in the tutorial's two
   palettes (shell/campus.css). */
:root { color-scheme: light; --paper: #fafbfd; --ink: #1c2333; --muted: #5c667a;
  --line: #cdd4e0; --rule: #e2e8f2; --link: #2563eb; --box: #f6f8fc; --note: #fff7e6; }
@media (prefers-color-scheme: dark) {
  :root { color-scheme: dark; --paper: #12161e; --ink: #e2e8f2; --muted: #9ea8bc;
    --line: #3e485c; --rule: #2c3446; --link: #6ea0ff; --box: #1a1f2a; --note: #2e2818; }
}
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; max-width: 44em; padding: 24px 20px 48px; line-height: 1.6;
  font: 17px/1.6 Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
header, footer { font-size: 15px; color: var(--muted); }
header { display: flex; flex-wrap: wrap; gap: 8px 20px; justify-content: space-between;
  border-bottom: 1px solid var(--line); padding-bottom: 10px; }
footer { border-top: 1px solid var(--line); margin-top: 32px; padding-top: 10px; }
h1 { font-size: 1.6em; line-height: 1.25; margin: 28px 0 16px; }
h2 { font-size: 1.15em; margin: 28px 0 8px; }
.step-number { color: var(--muted); font-weight: 400; }
nav.pager { display: flex; justify-content: space-between; gap: 16px; margin-top: 32px; }
ol.steps li, ol.labs li { margin: 6px 0; }
table { border-collapse: collapse; width: 100%; font-size: 15px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
section.exercise { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 8px;
  margin: 16px 0; background: var(--box); }
h3 { font-size: 1.02em; margin: 12px 0 4px; }
details { margin: 8px 0 12px; }
summary { cursor: pointer; color: var(--link); }
ul.reading li { margin: 4px 0; }
.lab { border-top: 1px solid var(--line); margin-top: 28px; }
.pager-page { background: var(--note); border-radius: 6px; padding: 10px 14px; }
.symptoms code, .fixes code { font-size: 14px; color: var(--muted); display: block; }
.interactive { display: inline-block; margin: 8px 0; padding: 8px 14px; border-radius: 6px;
  background: #2563eb; color: #fff; text-decoration: none; }
)css";

// The shared top of every page.
std::string page_head(const std::string& title, const std::string& description) {
    std::ostringstream o;
    o << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << title << "</title>\n"
      << "<meta name=\"description\" content=\"" << description << "\">\n"
      << "<link rel=\"icon\" href=\"../favicon.svg\" type=\"image/svg+xml\">\n"
      << "<link rel=\"stylesheet\" href=\"lessons.css\">\n</head>\n<body>\n";
    return o.str();
}

// The step's exercises, each made from a fixed seed so the page is the same on every build:
// the question (and its choices), then the answer and its working behind a disclosure.
std::string exercises_html(const core::Lessons& lessons, const core::ExerciseBook& book,
                           const core::Catalog& catalog, const std::string& step) {
    const std::vector<const core::ExerciseSpec*> specs = core::exercises_for_step(book, step);
    if (specs.empty()) return {};
    std::ostringstream o;
    o << "<h2>Try it</h2>\n";
    for (const core::ExerciseSpec* spec : specs) {
        core::Result<core::Exercise> made = core::generate_exercise(book, spec->id, 1, catalog);
        if (!made) continue;
        std::vector<const core::Exercise*> questions;
        if (made->kind == core::ExerciseKind::Quiz) {
            for (const core::Exercise& part : made->parts)
                questions.push_back(&part);
        } else {
            questions.push_back(&*made);
        }
        o << "<section class=\"exercise\">\n<h3>" << text(lessons, made->title) << "</h3>\n";
        for (const core::Exercise* q : questions) {
            o << "<p>" << text(lessons, q->prompt) << "</p>\n";
            if (!q->choices.empty()) {
                o << "<ol type=\"a\">\n";
                for (const std::string& c : q->choices)
                    o << "<li>" << text(lessons, c) << "</li>\n";
                o << "</ol>\n";
            }
            if (q->kind == core::ExerciseKind::Setup) {
                o << "<p>Instance types offered:";
                for (const std::string& t : q->setup.types)
                    o << " " << html_escape(t);
                o << ".</p>\n";
            }
            const core::Reveal r = core::reveal_answer(*q);
            if (!r.found) continue;
            o << "<details><summary>The answer</summary>\n<p>" << text(lessons, r.text)
              << "</p>\n<ul>\n";
            for (const std::string& d : r.derivation)
                o << "<li>" << text(lessons, d) << "</li>\n";
            o << "</ul>\n</details>\n";
        }
        o << "</section>\n";
    }
    return o.str();
}

// A step's "Further reading" as a list of plain links (validated https pages of AWS's
// documentation, core::check_reading_url), under a heading; "" if the step has none.
std::string reading_list(const std::vector<core::Reading>& reading, const std::string& heading,
                         const char* level = "h2") {
    if (reading.empty()) return {};
    std::ostringstream o;
    o << "<" << level << ">" << html_escape(heading) << "</" << level
      << ">\n<ul class=\"reading\">\n";
    for (const core::Reading& r : reading)
        o << "<li><a href=\"" << html_escape(r.url) << "\" rel=\"noopener\">"
          << html_escape(r.title) << "</a></li>\n";
    o << "</ul>\n";
    return o.str();
}

std::string step_page(const core::Lessons& lessons, const core::ExerciseBook& book,
                      const core::Catalog& catalog, size_t i) {
    const core::LessonStep& s = lessons.steps[i];
    const size_t n = lessons.steps.size();
    const std::string title = text(lessons, s.title);
    std::ostringstream o;
    o << page_head(title + " - CNI Campus (text version)",
                   "Step " + std::to_string(i + 1) + " of " + std::to_string(n) +
                       " of CNI Campus, an interactive tutorial of the AWS VPC CNI: " + title);
    o << "<header><a href=\"index.html\">CNI Campus: all lessons</a>"
      << "<span>Step " << i + 1 << " of " << n << "</span></header>\n<main>\n"
      << "<h1><span class=\"step-number\">" << i + 1 << ".</span> " << title << "</h1>\n";
    // Each beat as a paragraph, its numbers as the step's model has them at that beat.
    for (size_t b = 0; b < s.beats.size(); ++b) {
        o << "<p>"
          << html_escape(
                 core::render_beat(lessons, s, static_cast<int>(b), core::Terms::Analogy, catalog))
          << "</p>\n";
    }
    if (!s.takeaways.empty()) {
        o << "<h2>Remember</h2>\n<ul>\n";
        for (const std::string& t : s.takeaways)
            o << "<li>" << text(lessons, t) << "</li>\n";
        o << "</ul>\n";
    }
    o << exercises_html(lessons, book, catalog, s.id);

    o << reading_list(s.reading, "Further reading");
    o << "<p><a class=\"interactive\" href=\"../index.html#step=" << html_escape(s.id)
      << "\">Try this step in the interactive campus</a></p>\n</main>\n<nav class=\"pager\">";
    if (i > 0) {
        o << "<a rel=\"prev\" href=\"" << html_escape(lessons.steps[i - 1].id) << ".html\">&larr; "
          << text(lessons, lessons.steps[i - 1].title) << "</a>";
    } else {
        o << "<span></span>";
    }
    if (i + 1 < n) {
        o << "<a rel=\"next\" href=\"" << html_escape(lessons.steps[i + 1].id) << ".html\">"
          << text(lessons, lessons.steps[i + 1].title) << " &rarr;</a>";
    }
    o << "</nav>\n<footer>CNI Campus explains how pods get IP addresses on Amazon EKS. "
      << "This is the plain-text version; the <a href=\"../index.html\">interactive "
      << "version</a> lets you try each idea.</footer>\n</body>\n</html>\n";
    return o.str();
}

std::string index_page(const core::Lessons& lessons, const core::Labs& labs) {
    std::ostringstream o;
    o << page_head("CNI Campus: the lessons as plain text",
                   "Every lesson of CNI Campus, an interactive tutorial of how pods get IP "
                   "addresses on Amazon EKS (the AWS VPC CNI), as plain text.");
    o << "<header><a href=\"../index.html\">Interactive version</a>"
      << "<span>Plain-text version</span></header>\n<main>\n"
      << "<h1>CNI Campus: how pods get IP addresses on Amazon EKS</h1>\n"
      << "<p>These are the lessons of the interactive tutorial as plain pages, readable "
      << "without JavaScript or WebGL. The tutorial explains the network as an office "
      << "campus; the AWS name stands beside each campus word.</p>\n"
      << "<h2>Lessons</h2>\n<ol class=\"steps\">\n";
    for (const core::LessonStep& s : lessons.steps) {
        o << "<li id=\"" << html_escape(s.id) << "\"><a href=\"" << html_escape(s.id) << ".html\">"
          << text(lessons, s.title) << "</a></li>\n";
    }
    o << "</ol>\n<h2>Incident labs</h2>\n<ol class=\"labs\">\n";
    for (const core::Lab& lab : labs.labs) {
        o << "<li><a href=\"labs.html#" << html_escape(lab.id) << "\">" << text(lessons, lab.title)
          << "</a></li>\n";
    }
    o << "</ol>\n<h2>Words</h2>\n<table>\n<thead><tr><th scope=\"col\">Campus word</th>"
      << "<th scope=\"col\">AWS term</th></tr></thead>\n<tbody>\n";
    for (const core::Term& t : lessons.terms) {
        if (t.analogy == t.aws) continue;
        o << "<tr><td>" << html_escape(t.analogy) << "</td><td>" << html_escape(t.aws)
          << "</td></tr>\n";
    }
    o << "</tbody>\n</table>\n<h2>Further reading</h2>\n<p>The AWS pages each lesson rests "
      << "on.</p>\n";
    for (const core::LessonStep& s : lessons.steps)
        o << reading_list(s.reading, core::render_terms(lessons, s.title, core::Terms::Analogy),
                          "h3");
    o << "</main>\n<footer><a href=\"../index.html\">Open the interactive "
      << "campus</a></footer>\n</body>\n</html>\n";
    return o.str();
}

// Campus words with the AWS line under it, both escaped.
std::string both(const core::Lessons& lessons, const std::string& campus, const std::string& aws) {
    return text(lessons, campus) + "<code>" + html_escape(aws) + "</code>";
}

std::string lab_section(const core::Lessons& lessons, const core::Catalog& catalog,
                        const core::Lab& lab, size_t i) {
    std::ostringstream o;
    core::Result<core::LabCampus> start = core::start_lab(lab, catalog);
    if (!start) return "<p>" + html_escape(start.error().message) + "</p>\n";
    o << "<section class=\"lab\" id=\"" << html_escape(lab.id) << "\">\n<h2>Lab " << i + 1 << ": "
      << text(lessons, lab.title) << "</h2>\n<p class=\"pager-page\"><strong>Page from the "
      << "pager.</strong> " << text(lessons, core::lab_pager(lab, *start)) << "</p>\n"
      << "<h3>What the cluster shows</h3>\n<ul class=\"symptoms\">\n";
    for (const core::Symptom& sy : core::lab_symptoms(*start))
        o << "<li>" << both(lessons, sy.campus, sy.aws) << "</li>\n";
    o << "</ul>\n<h3>What you can change</h3>\n<ul class=\"fixes\">\n";
    for (const core::LabFix& f : lab.fixes) {
        const core::FixWords w = core::fix_words(f);
        o << "<li>" << both(lessons, w.label, w.aws_detail);
        for (const std::string& line : core::fix_cost(*start, f, catalog).lines)
            o << "<br>Cost: " << text(lessons, line);
        o << "</li>\n";
    }
    o << "</ul>\n<details>\n<summary>The worked solution</summary>\n<ol>\n";
    for (const std::string& line : core::reference_working(lab, catalog))
        o << "<li>" << text(lessons, line) << "</li>\n";
    o << "</ol>\n<p>Tempting, but not enough:</p>\n<ul>\n";
    for (const std::vector<std::string>& d : lab.decoys) {
        core::Result<core::LabCheck> c = core::check_lab(lab, d, catalog);
        std::string names;
        for (const core::LabFix& f : core::ordered_fixes(lab, d))
            names += (names.empty() ? "" : " + ") + text(lessons, core::fix_words(f).label);
        o << "<li>" << names << ": "
          << (c ? text(lessons, c->reason) : html_escape(c.error().message)) << "</li>\n";
    }
    o << "</ul>\n</details>\n<p><a class=\"interactive\" href=\"../index.html#lab="
      << html_escape(lab.id) << "\">Try this lab in the interactive campus</a></p>\n</section>\n";
    return o.str();
}

std::string labs_page(const core::Lessons& lessons, const core::Catalog& catalog,
                      const core::Labs& labs) {
    std::ostringstream o;
    o << page_head("Incident labs - CNI Campus (text version)",
                   "Incident labs of CNI Campus: a campus in trouble, what the cluster shows, "
                   "and the fix the model verifies.");
    o << "<header><a href=\"index.html\">CNI Campus: all lessons</a><span>Incident labs</span>"
      << "</header>\n<main>\n<h1>Incident labs</h1>\n<p>Each lab hands you a campus in "
      << "trouble, as the pager would. Every symptom, cost and result below comes from the "
      << "same model the interactive campus runs; open a solution only after trying.</p>\n";
    for (size_t i = 0; i < labs.labs.size(); ++i)
        o << lab_section(lessons, catalog, labs.labs[i], i);
    o << "</main>\n<footer><a href=\"../index.html\">Open the interactive campus</a></footer>\n"
      << "</body>\n</html>\n";
    return o.str();
}

// first.json: each step's title and first paragraph in both vocabularies, as plain text with
// its numbers filled in. tools/publish_site.mjs puts it into the pages, and the loader shows
// the step's words at once, before the module has drawn its first frame.
std::string first_text(const core::Lessons& lessons, const core::Catalog& catalog) {
    nlohmann::json steps = nlohmann::json::array();
    for (const core::LessonStep& s : lessons.steps) {
        nlohmann::json one;
        one["id"] = s.id;
        for (const auto& [name, terms] :
             {std::pair{"analogy", core::Terms::Analogy}, std::pair{"aws", core::Terms::Aws}}) {
            one["title"][name] = core::render_terms(lessons, s.title, terms);
            one["text"][name] =
                s.beats.empty() ? std::string() : core::render_beat(lessons, s, 0, terms, catalog);
        }
        steps.push_back(one);
    }
    return nlohmann::json{{"steps", steps}}.dump() + "\n";
}

bool write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        std::cerr << kTool << ": cannot write " << path << ": " << std::strerror(errno) << "\n";
        return false;
    }
    return true;
}

bool make_dir(const std::string& path) {
    if (::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST) return true;
    std::cerr << kTool << ": cannot create " << path << ": " << std::strerror(errno) << "\n";
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: " << kTool << " OUTDIR [LESSONS_JSON]\n"
                  << "Writes OUTDIR/index.html, one page per step and lessons.css from the\n"
                  << "embedded assets/lessons.json (or the given file).\n";
        return 2;
    }
    const std::string out_dir = argv[1];
    std::string source = "assets/lessons.json (embedded)";
    std::string json(core::asset("lessons.json"));
    if (argc == 3) {
        source = argv[2];
        std::ifstream in(argv[2], std::ios::binary);
        if (!in) {
            std::cerr << kTool << ": cannot read " << source << ": " << std::strerror(errno)
                      << "\n";
            return 1;
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        json = bytes.str();
    }
    core::Result<core::Lessons> lessons = core::load_lessons(json);
    if (!lessons) {
        std::cerr << kTool << ": " << source << ": " << lessons.error().message << "\n";
        return 1;
    }
    core::Result<core::Catalog> catalog = core::load_catalog(core::asset("catalog.json"));
    if (!catalog) {
        std::cerr << kTool << ": assets/catalog.json: " << catalog.error().message << "\n";
        return 1;
    }
    core::Result<core::ExerciseBook> book =
        core::load_exercises(core::asset("exercises.json"), &*lessons);
    if (!book) {
        std::cerr << kTool << ": assets/exercises.json: " << book.error().message << "\n";
        return 1;
    }
    core::Result<core::Labs> labs = core::load_labs(core::asset("labs.json"), *catalog, &*lessons);
    if (!labs) {
        std::cerr << kTool << ": assets/labs.json: " << labs.error().message << "\n";
        return 1;
    }
    for (const core::Lab& lab : labs->labs) {
        const std::string wrong = core::verify_lab(lab, *catalog);
        if (!wrong.empty()) {
            std::cerr << kTool << ": assets/labs.json: " << wrong << "\n";
            return 1;
        }
    }
    if (!make_dir(out_dir)) return 1;
    bool ok = write_file(out_dir + "/lessons.css", kCss);
    ok = ok && write_file(out_dir + "/index.html", index_page(*lessons, *labs));
    ok = ok && write_file(out_dir + "/labs.html", labs_page(*lessons, *catalog, *labs));
    ok = ok && write_file(out_dir + "/first.json", first_text(*lessons, *catalog));
    for (size_t i = 0; ok && i < lessons->steps.size(); ++i)
        ok = write_file(out_dir + "/" + lessons->steps[i].id + ".html",
                        step_page(*lessons, *book, *catalog, i));
    if (!ok) return 1;
    std::cout << kTool << ": " << lessons->steps.size() << " lesson pages in " << out_dir << "\n";
    return 0;
}
