// platform.h: everything the app needs from the browser, behind plain functions.
//
// The one implementation is web/platform_web.cpp; it is the only file that includes
// emscripten headers (DESIGN.md, "Layers"). It owns the WebGL2 context, the canvas size
// and devicePixelRatio, input events, the frame loop that sleeps when idle, the URL
// fragment, localStorage and the messages to and from the host page. Host messages are
// decoded by core/host_message (strict, fuzzed natively) before anything acts on them.
#pragma once

#include <string>
#include <string_view>

namespace platform {

// What becomes of a key pressed on the canvas.
struct KeyOut {
    bool to_imgui = false;  // ImGui sees it down (navigation, text editing)
    bool consumed = false;  // the browser's default action is prevented
    bool leave = false;     // the canvas gives up the focus (Escape): the page has the keyboard
};

struct Callbacks {
    void (*frame)() = nullptr;                      // draw one frame (ImGui NewFrame .. Render)
    bool (*wants_more)() = nullptr;                 // true while something animates
    void (*scale_changed)(float dpr) = nullptr;     // fonts must be rebuilt at this scale
    bool (*wheel_scrolls_app)(float dy) = nullptr;  // true if the app scrolls under the mouse
    // A key (DOM keyCode; mods: 1 Ctrl, 2 Shift, 4 Alt, 8 Meta) goes to the app first, which
    // says what becomes of it (KeyOut).
    KeyOut (*key)(int key_code, bool down, int mods) = nullptr;
    // The canvas got (focused) or lost the focus; via: 0 a pointer or the page's script, 1 Tab
    // from the page, 2 Shift-Tab from the page.
    void (*focus)(bool focused, int via) = nullptr;
    // The fetched data (catalog.json, exercises.json; app_data_arrived in web/app.h) arrived, after
    // the first frame. Called once.
    void (*data_arrived)(const std::string& catalog, const std::string& exercises,
                         const std::string& labs) = nullptr;
};

// Creates the WebGL2 context on #canvas and installs input handlers. False on failure
// (the shell shows its no-WebGL2 message).
bool init(const Callbacks& callbacks);
// Starts the frame loop; returns at once (the browser drives frames).
void run();
// Asks for frames to be drawn: after input, a model change, a host message.
void request_frame();
// Frames drawn since start (for cniCampus.state().frames).
long frames_drawn();
// CSS pixel size of the canvas and the current devicePixelRatio.
float css_width();
float css_height();
float pixel_ratio();
// Milliseconds since start, for short animations.
double now_ms();

// The URL fragment without '#', e.g. "step=prefix-delegation".
std::string get_hash();
// Replaces the URL fragment without adding a history entry.
void set_hash(const std::string& hash);
// localStorage under the project's own key prefix; empty if absent or unavailable.
std::string storage_get(const std::string& key);
void storage_set(const std::string& key, const std::string& value);

// Tells the page the step changed: a DOM event on the full page, a postMessage to the
// embedding parent, and the DOM mirror for screen readers (text is inserted as text).
// `beat` is the beat shown (0-based) of the step's `beats`.
void announce_step(const std::string& id, int index, const std::string& title, int beat, int beats);
// Mirrors the current step's readable text (and live numbers) into the DOM.
void mirror_text(const std::string& heading, const std::string& body, const std::string& live);
// True when the page was opened by the browser tests (cniCampusOptions.answers): then
// state() names each exercise's answer, which an ordinary visit never shows before two
// wrong tries.
bool test_answers();
// Mirrors the current step's exercises into the DOM as forms (JSON: exercise_panel.h
// exercises_mirror); the forms check through campus_mirror_act.
void mirror_exercises(const std::string& json);
// Stops the page with a message and a Reload button (the shell's error box).
void fatal(const std::string& message);
// Copies text to the clipboard (after a user gesture).
void copy_text(const std::string& text);
// True when the visitor asks for less motion (prefers-reduced-motion: reduce): views then
// show the end state of a change at once, and no animation frames run.
bool reduced_motion();
// True when the system asks for a dark page (prefers-color-scheme: dark). Read each frame; a
// change of the system setting draws a frame.
bool prefers_dark();
// Tells the page which theme the canvas shows: data-theme="dark" or "light" on <html>, which
// shell/campus.css follows (before the module runs, the system setting decides).
void set_page_theme(bool dark);
// True if the last press came from a finger (a field need not take the focus at once: that
// would cover a phone's screen with its keyboard).
bool touch_input();
// Tells the page whether the app is editing text (and whether numbers only), so that after
// a touch a phone shows its keyboard (a numeric one for numbers). Call once per frame.
void text_input(bool active, bool numeric);
// Opens an https URL in a new tab, without giving it this page (noopener); anything that is
// not https is ignored. Call it on a press (browsers block tabs opened without a gesture).
void open_url(const std::string& url);
// True when the page is the embed variant (embed.html).
bool is_embed();

// The web build splits the module (docs/size.md): the landing step's code first, the rest
// fetched in the background with the catalog and the exercises (the loader starts it on
// the first interaction, after the first frame for a deep link or an embed, and retries on
// the next press after a failure; a frame follows its arrival). Where the rest is: Ready,
// Loading, or Failed.
enum class Rest { Ready, Loading, Failed };
Rest rest_state();
// An asset file by name: the fetched one when the loader had it before the module started
// (it waits for the data when the link carries a campus), else the embedded one, which
// for catalog.json holds only the rows the landing step draws (app_data_arrived in web/app.h).
std::string_view asset(std::string_view name);
// The address of the folder the page was loaded from, e.g. "https://example.org/campus/"
// (for "embed this step" snippets); "" if unknown.
std::string page_base_url();

}  // namespace platform
