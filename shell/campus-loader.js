// campus-loader.js: loads the WebAssembly module with progress, shows a clear message
// when the browser cannot run it, and defines window.cniCampus, the page's JS API:
//   cniCampus.ready            Promise, resolves after the first frame is drawn
//   cniCampus.state()          {step:{id,index,title}, beat:{index,count,...}, steps:[{id,title,beats}],
//                              frames, error, ..., deferred: where the rest of the tutorial is
//                              (docs/size.md), rest: {code, data}, the same for its two parts}
//   cniCampus.goTo(stepId[, beat]) true, or false for an unknown id or beat (beats count from 0)
//   cniCampus.locate(label[, n]) {x, y, w, h} of the nth widget with that label, or null
//   cniCampus.on(event, fn)    "stepchange" -> fn({step, index, title, beat, beats}), on every
//                              step or beat change
//   cniCampus.firstFrameMs     ms from navigation start to the first drawn frame (0 before)
//   cniCampus.firstTextShownMs ms from navigation start to when the step's words were put in
//                              the page before the canvas (0: they were not)
//   cniCampus.repaint()        paints the last frame again, the whole canvas (frames repaint
//                              only what changed: tests compare the two)
// In the embed page (embed.html) it also talks to the parent window with postMessage:
//   embed -> parent  {type: "cni-campus:step", step, index, title, beat, beats} at start and
//                    on each step or beat change
//   parent -> embed  {type: "cni-campus:goTo", step[, beat]}  (decoded by core/host_message)
//
// What it loads is named on its own script tag by the build (tools/publish_site.mjs: every
// file is named by its content): data-wasm, data-wasm-size (the module's size before
// compression, which the progress bar counts against), data-deferred, data-catalog,
// data-exercises. The build puts Emscripten's glue (campus.js) ahead of this script in the
// same file; without it (the plain-named site in build/web/site) campus.js is loaded.
// The browser tests set window.cniCampusOptions = {preserveDrawingBuffer: true, answers: true}
// before it runs, to read the canvas back and to have state() name each exercise's answer.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var embed = document.body.classList.contains("page-embed");
  var script = document.currentScript;
  var attr = function (name, plain) { return (script && script.getAttribute(name)) || plain; };
  var FILES = {
    js: "campus.js",  // only when the glue is not in this file
    wasm: attr("data-wasm", "campus.wasm"),
    deferred: attr("data-deferred", "campus.deferred.wasm"),
    catalog: attr("data-catalog", "catalog.json"),
    exercises: attr("data-exercises", "exercises.json"),
    labs: attr("data-labs", "labs.json")
  };
  var WASM_SIZE = +attr("data-wasm-size", "0") || 0;
  var options = window.cniCampusOptions || {};
  // The learner's saved theme (the canvas's top bar) colours the loader at once; without
  // one, campus.css follows the system. The module sets data-theme from then on.
  try {
    var theme = window.localStorage.getItem("cni-campus:theme");
    if (theme === "dark" || theme === "light") document.documentElement.setAttribute("data-theme", theme);
  } catch (e) {}
  var listeners = { stepchange: [] };
  var module = null;
  var running = false;  // the first frame has been drawn: the module takes calls
  var lastStep = null;
  var resolveReady, rejectReady;
  var ready = new Promise(function (res, rej) { resolveReady = res; rejectReady = rej; });
  ready.catch(function () {});

  function setText(id, text) { var el = $(id); if (el) el.textContent = text; }
  function errorText(err) { return err && err.message ? err.message : String(err); }
  function warn(text) { if (window.console) console.warn("CNI Campus: " + text); }
  var deepLink = /(?:^|[#&])(?:step|campus|lab)=/.test(location.hash);
  var campusLink = /(?:^|[#&])campus=/.test(location.hash);
  var linkedStep = (/(?:^|[#&])step=([a-z0-9-]{1,40})(?:&|$)/.exec(location.hash) || [])[1];

  var failed = false;
  // Shows one message over the canvas (the first problem wins), with the link to the
  // plain-text lessons and, unless reloading cannot help, a reload button. Progress lives
  // in localStorage and is kept.
  function fatal(message, title, noReload) {
    if (failed) return;
    failed = true;
    var loader = $("loader");
    if (loader) loader.hidden = true;
    hideFirstText();
    if (title) setText("fatal-title", title);
    setText("fatal-text", message);
    var reload = $("fatal-reload");
    if (reload && noReload) reload.hidden = true;
    var box = $("fatal");
    if (box) box.hidden = false;
    rejectReady(new Error(message));
  }
  function cannotRun(message) {
    fatal(message + " The lessons are also available as a plain page.", "CNI Campus cannot run here", true);
  }

  function wasmSupported() {
    return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  }

  // Creates the WebGL 2 context on the page's own canvas, with the attributes
  // platform_web.cpp asks for: when the module asks, the browser hands back this same
  // context. (A throwaway probe canvas cost a second context, ~170 ms under SwiftShader.)
  // The drawing buffer is kept only for tests that read the canvas back.
  function webgl2Problem() {
    try {
      var gl = $("canvas").getContext("webgl2", {
        alpha: false, depth: false, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: options.preserveDrawingBuffer === true
      });
      if (!gl) return "This browser or device has WebGL 2 turned off or missing, which CNI Campus needs to draw the campus.";
    } catch (e) {
      return "This browser cannot draw with WebGL 2, which CNI Campus needs.";
    }
    return null;
  }

  // Every call into the module goes through here. When it needed code of the rest that
  // could not be downloaded (loadSplitModule), the frame it interrupted is closed and the
  // page goes on: the waiting view offers "Try again". Anything else is a bug: rethrown.
  function guard(fn, fallback) {
    try {
      return fn();
    } catch (e) {
      if (!(e && e.campusRestMissing)) throw e;
      try {
        module._campus_recover();
      } catch (e2) {
        fatal("Part of the tutorial could not be downloaded, and the page could not go on without it (" +
              errorText(e2) + "). Check the connection and reload; your progress is kept.");
      }
      return fallback;
    }
  }

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (e) { setTimeout(function () { throw e; }); }
    });
  }

  function onStepChange(id, index, title, beat, beats) {
    var detail = { step: id, index: index, title: title, beat: beat, beats: beats };
    if (/^[a-z0-9-]{1,40}$/.test(id)) {
      var page = "lessons/" + id + ".html";
      ["mirror-link", "text-version", "fatal-lessons"].forEach(function (l) { var a = $(l); if (a) a.setAttribute("href", page); });
    }
    lastStep = detail;
    emit("stepchange", detail);
    if (embed && window.parent !== window) {
      window.parent.postMessage({ type: "cni-campus:step", step: id, index: index, title: title,
                                  beat: beat, beats: beats }, "*");
    }
  }

  // The DOM mirror for screen readers: the step's heading and text change only with the
  // step (or the vocabulary), so they are rewritten only then; the view's live numbers go
  // to #mirror-live, the one live region, when they change.
  var mirrored = { heading: null, body: null, live: null };
  function onMirror(heading, body, live) {
    if (heading !== mirrored.heading) {
      mirrored.heading = heading;
      setText("mirror-heading", heading);
    }
    var holder = $("mirror-body");
    if (holder && body !== mirrored.body) {
      mirrored.body = body;
      holder.textContent = "";
      body.split("\n\n").forEach(function (p) {
        if (!p) return;
        var el = document.createElement("p");
        el.textContent = p;
        holder.appendChild(el);
      });
    }
    if (live !== mirrored.live) {
      mirrored.live = live;
      setText("mirror-live", live);
    }
  }

  // The step's exercises as real forms in the mirror (#mirror-exercises), for a reader who
  // does not use the canvas: the same exercises the canvas shows, checked by the module
  // (campus_mirror_act), with the feedback in each form's own status line. Rebuilt only when
  // the module sends another set (a new step, variant or vocabulary); text only, never markup.
  var mirroredExercises = null;
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function mirrorAct(request) {
    if (!running || !module._campus_mirror_act) return { error: "The tutorial is not running." };
    var out = withString(JSON.stringify(request), function (p) {
      return guard(function () { return module.UTF8ToString(module._campus_mirror_act(p)); }, "");
    });
    try { return JSON.parse(out || "{}"); } catch (e) { return { error: "No answer came back." }; }
  }
  function questionForm(exercise, q, n) {
    // novalidate: the status line says what is missing, in the tutorial's words.
    var form = el("form", { "class": "mirror-question", "data-exercise": exercise.id, "data-part": String(q.part), novalidate: "" });
    var base = "mx-" + exercise.id + "-" + (q.part + 1) + "-";
    if (q.heading) form.appendChild(el("h4", null, q.heading));
    form.appendChild(el("p", null, q.prompt));
    if (q.situation) form.appendChild(el("p", null, q.situation));
    var read;
    if (q.kind === "number") {
      var label = el("label", { "for": base + "n" }, q.label + " ");
      var input = el("input", { id: base + "n", type: "number", inputmode: "numeric", min: String(q.min), max: String(q.max), step: "1" });
      form.appendChild(label);
      form.appendChild(input);
      read = function () {
        var v = input.value.trim();
        return /^-?[0-9]+$/.test(v) ? { number: parseInt(v, 10) } : null;
      };
    } else if (q.kind === "setup") {
      var types = el("fieldset");
      types.appendChild(el("legend", null, "Instance type"));
      q.types.forEach(function (t, i) {
        var id = base + "t" + i;
        var r = el("input", { type: "radio", name: base + "type", id: id, value: String(i) });
        types.appendChild(r);
        types.appendChild(el("label", { "for": id }, " " + t + " "));
      });
      form.appendChild(types);
      var pd = el("input", { type: "checkbox", id: base + "pd" });
      form.appendChild(pd);
      form.appendChild(el("label", { "for": base + "pd" }, " Prefix delegation (ENABLE_PREFIX_DELEGATION) "));
      var mp = el("input", { id: base + "mp", type: "number", inputmode: "numeric", min: String(q.maxPodsMin), max: String(q.maxPodsMax), step: "1" });
      form.appendChild(el("label", { "for": base + "mp" }, " " + q.label + " "));
      form.appendChild(mp);
      read = function () {
        var chosen = form.querySelector("input[name='" + base + "type']:checked");
        var v = mp.value.trim();
        if (!chosen || !/^[0-9]+$/.test(v)) return null;
        return { type: parseInt(chosen.value, 10), prefixDelegation: pd.checked, maxPods: parseInt(v, 10) };
      };
    } else {
      var set = el("fieldset");
      set.appendChild(el("legend", null, "Your answer"));
      q.choices.forEach(function (c, i) {
        var id = base + "c" + i;
        var row = el("div");
        row.appendChild(el("input", { type: "radio", name: base + "choice", id: id, value: String(i) }));
        row.appendChild(el("label", { "for": id }, " " + c));
        set.appendChild(row);
      });
      form.appendChild(set);
      read = function () {
        var chosen = form.querySelector("input[name='" + base + "choice']:checked");
        return chosen ? { choice: parseInt(chosen.value, 10) } : null;
      };
    }
    var check = el("button", { type: "submit" }, "Check");
    var reveal = el("button", { type: "button", hidden: "" }, "Show the answer");
    var another = el("button", { type: "button" }, n > 1 ? "New version of this question" : "Another one");
    var row = el("p");
    row.appendChild(check);
    row.appendChild(document.createTextNode(" "));
    row.appendChild(another);
    row.appendChild(document.createTextNode(" "));
    row.appendChild(reveal);
    form.appendChild(row);
    var said = el("p", { role: "status", "class": "mirror-feedback" });
    form.appendChild(said);
    var who = { exercise: exercise.id, part: q.part };
    function tell(text) { said.textContent = text; }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var answer = read();
      if (!answer) { tell("Give an answer first."); return; }
      var out = mirrorAct(Object.assign({ action: "check" }, who, answer));
      if (out.error) { tell(out.error); return; }
      // A right answer's words begin with "Right." already.
      tell((out.correct ? "" : "Not yet. ") + out.feedback +
           (out.working && out.working.length ? " " + out.working.join(" ") : ""));
      reveal.hidden = !out.mayReveal;
    });
    reveal.addEventListener("click", function () {
      var out = mirrorAct(Object.assign({ action: "reveal" }, who));
      if (out.error) { tell(out.error); return; }
      tell("The answer: " + out.answer + ". " + (out.working || []).join(" ") +
           " Shown, so not counted as solved.");
      reveal.hidden = true;
    });
    another.addEventListener("click", function () {
      var out = mirrorAct(Object.assign({ action: "another" }, who));
      if (out.error) tell(out.error);
    });
    return form;
  }
  function onMirrorExercises(json) {
    var holder = $("mirror-exercises");
    if (!holder || json === mirroredExercises) return;
    mirroredExercises = json;
    var data = null;
    try { data = JSON.parse(json); } catch (e) { data = null; }
    // Keep the reader where they were: the form that had the focus is found again by name.
    var active = document.activeElement && holder.contains(document.activeElement) ? document.activeElement.id : "";
    holder.textContent = "";
    if (!data || !data.exercises || !data.exercises.length) return;
    holder.appendChild(el("h3", null, data.exercises.length > 1 ? "Try it: exercises" : "Try it"));
    data.exercises.forEach(function (x) {
      var section = el("section", { "aria-label": x.title });
      section.appendChild(el("h4", null, x.title));
      if (x.error) section.appendChild(el("p", null, x.error));
      if (x.intro) section.appendChild(el("p", null, x.intro));
      x.questions.forEach(function (q) { section.appendChild(questionForm(x, q, x.questions.length)); });
      holder.appendChild(section);
    });
    if (active && $(active)) $(active).focus();
  }

  function withString(text, fn) {
    var n = module.lengthBytesUTF8(text) + 1;
    var p = module._malloc(n);
    if (!p) return null;
    module.stringToUTF8(text, p, n);
    try { return fn(p); } finally { module._free(p); }
  }

  function stateObject() {
    if (!running || !module._campus_state_json) return null;
    var s;
    try { s = JSON.parse(guard(function () { return module.UTF8ToString(module._campus_state_json()); }, "null")); }
    catch (e) { return null; }
    if (!s) return null;
    s.deferred = restName();
    s.rest = { code: deferred.state, data: data.state };
    return s;
  }

  function goTo(id, beat) {
    if (!running || !module._campus_go_to) return false;
    if (typeof id !== "string" || id.length === 0 || id.length > 64) return false;
    if (beat === undefined || beat === null || beat === -1) beat = -1;  // -1: the step's first
    else if (typeof beat !== "number" || beat !== Math.floor(beat) || beat < 0 || beat > 64) return false;
    loadRest();
    return withString(id, function (p) {
      return guard(function () { return module._campus_go_to(p, beat); }, 0) === 1;
    }) === true;
  }

  // Where a labelled widget (button, checkbox, slider...) was drawn in the last frame, in
  // page CSS pixels: {x, y, w, h}, or null. For tests and tools that drive the page; the
  // first call switches the recording on and returns null (poll until it answers).
  function locate(label, nth) {
    if (!running || !module._campus_locate || typeof label !== "string" || label.length > 200) return null;
    var out = withString(label, function (p) {
      return guard(function () {
        return module.UTF8ToString(module._campus_locate(p, (nth | 0) >= 0 ? nth | 0 : 0));
      }, "");
    });
    if (!out) return null;
    var r = JSON.parse(out);
    var c = $("canvas").getBoundingClientRect();
    return { x: r.x + c.left + window.scrollX, y: r.y + c.top + window.scrollY, w: r.w, h: r.h };
  }

  // The words the current step's view drew in the last frame (after locate() has switched
  // recording on): what the tests check against the vocabulary of each language.
  function viewText() {
    if (!running || !module._campus_view_text) return "";
    return guard(function () { return module.UTF8ToString(module._campus_view_text()); }, "");
  }

  window.cniCampus = {
    ready: ready,
    viewText: viewText,
    firstFrameMs: 0,
    firstTextShownMs: 0,
    state: stateObject,
    goTo: goTo,
    locate: locate,
    repaint: function () {
      if (running && module._campus_repaint) guard(function () { module._campus_repaint(); });
    },
    on: function (name, fn) {
      if (listeners[name] && typeof fn === "function") listeners[name].push(fn);
      if (name === "stepchange" && lastStep && typeof fn === "function") fn(lastStep);
    },
    off: function (name, fn) {
      var l = listeners[name];
      if (l) { var i = l.indexOf(fn); if (i >= 0) l.splice(i, 1); }
    }
  };

  // Host page -> embed: only the direct parent is listened to. The message is handed to
  // the module as JSON text and decoded strictly there (core/host_message); what is not
  // ours is ignored, ours but malformed gets a console note, and nothing in a message is
  // ever inserted as markup.
  function hostMessage(data) {
    if (!running || !module._campus_host_message) return;
    var text;
    try { text = JSON.stringify(data); } catch (e) { return; }
    if (typeof text !== "string" || text.length > 4096) return;
    loadRest();
    var out = withString(text, function (p) {
      return guard(function () { return module.UTF8ToString(module._campus_host_message(p)); }, "");
    });
    if (!out) return;
    if (out.charAt(0) === "!") {
      warn(out.slice(1));
    } else {
      // "step" or "step@beat" (core/host_message, web/platform_web.cpp)
      var at = out.indexOf("@");
      var step = at < 0 ? out : out.slice(0, at);
      var beat = at < 0 ? null : parseInt(out.slice(at + 1), 10);
      if (!goTo(step, beat)) warn("there is no step called '" + step + "'" + (beat >= 0 ? " with a beat " + beat : ""));
    }
  }
  if (embed) {
    window.addEventListener("message", function (e) {
      if (window.parent === window || e.source !== window.parent) return;
      var data = e.data;
      ready.then(function () { hostMessage(data); }, function () {});
    });
  }

  // Compiles a response as it streams; a server that does not say application/wasm, or a
  // browser without compileStreaming (it would throw, not reject), gets the same module
  // through the bytes.
  function compileResponse(resp) {
    if (typeof WebAssembly.compileStreaming !== "function")
      return resp.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    var copy = resp.clone();
    return WebAssembly.compileStreaming(resp).catch(function () {
      return copy.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }

  // The wasm download starts at once, beside campus.js (they do not depend on each other);
  // its bytes are counted for the progress bar and compiled while they stream. The bar
  // counts the bytes as the page receives them, decompressed, against the module's size
  // stamped by the build: a Content-Length would be the compressed size (gzip, brotli) or
  // missing (chunked transfer), and the bar would fill at 40% or never.
  var wasmCompiled = null;
  var wasmHeaders = null;  // settles when the module's response has begun (or failed)
  function fetchWasm() {
    var fill = $("loader-fill");
    var bar = fill && fill.parentNode;
    var wasmResponse = fetch(FILES.wasm, { credentials: "same-origin" }).then(function (resp) {
      if (!resp.ok) throw new Error(FILES.wasm + ": HTTP " + resp.status);
      var total = WASM_SIZE;
      if (!total && !resp.headers.get("Content-Encoding")) total = +resp.headers.get("Content-Length") || 0;
      var loaded = 0, shown = -1;
      var body = resp.body;
      if (!body || typeof ReadableStream !== "function" || !total) return resp;
      var counted = new ReadableStream({
        start: function (controller) {
          var reader = body.getReader();
          (function pump() {
            reader.read().then(function (r) {
              if (r.done) { controller.close(); return; }
              loaded += r.value.byteLength;
              var pct = Math.min(100, Math.floor(100 * loaded / total));
              if (fill && pct !== shown) {
                shown = pct;
                fill.style.width = pct + "%";
                if (bar) bar.setAttribute("aria-valuenow", String(pct));
              }
              controller.enqueue(r.value);
              pump();
            }, function (err) { controller.error(err); });
          })();
        }
      });
      return new Response(counted, { headers: { "Content-Type": "application/wasm" } });
    });
    wasmHeaders = wasmResponse.then(function () {}, function () {});
    // Compiled off the main thread while it streams, before campus.js has even arrived;
    // instantiateWithProgress only links it to campus.js's imports.
    wasmCompiled = wasmResponse.then(compileResponse);
    wasmCompiled.catch(function () {});
  }

  // ---- the rest: campus.deferred.wasm, the catalog and the exercises ---------------------
  // The web build splits the module (web/web.cmake, docs/size.md): campus.wasm holds what
  // loading and the landing step run; campus.deferred.wasm the rest of the code. The full
  // instance catalog and the exercises are fetched as files too (web/app_data.h). Both are
  // fetched in the background on the learner's first interaction (pointer, touch, key, focus,
  // wheel, a step change through the API, a host message or a new URL fragment), after the
  // first frame for a deep link or an embed, the data alone after the first frame for a
  // returning learner (saved progress names exercises), and before the start for a link
  // that carries a campus (decoding it needs both). Meanwhile the app draws later steps'
  // text with "still loading" in place of their view (platform::rest_state); a call into the
  // rest that cannot wait is served by a synchronous fetch (Emscripten calls loadSplitModule
  // from a placeholder). A failure leaves the page working: "Try again", and the next press
  // retries.
  // tools/split_profile.mjs runs the whole (instrumented) module with data-profile-rest=
  // "loading", so that every step draws as it does before the rest has arrived.
  var profileRest = attr("data-profile-rest", "") === "loading";
  // state: none (not split) | waiting | loading | ready | failed
  var deferred = { state: "none", split: false, module: null, promise: null, noSync: false };
  // state: waiting | loading | ready (handed to the module) | failed
  var data = { state: "waiting", bytes: null, promise: null };
  function restName() {
    var c = deferred.state, d = data.state;
    if (c === "failed" || d === "failed") return "failed";
    if (c === "loading" || d === "loading") return "loading";
    if (c === "waiting" || d === "waiting") return "waiting";
    return "ready";
  }
  // For platform::rest_state: 0 ready, 1 loading (or not asked for yet), 2 failed.
  function restState() {
    if (profileRest) return 1;
    var s = restName();
    return s === "ready" ? 0 : s === "failed" ? 2 : 1;
  }
  // Tells the running module that something it waits for arrived or failed (a frame
  // follows). Before the first frame there is nothing to tell: that frame asks restState.
  function restArrived() {
    if (running) guard(function () { module._campus_rest_arrived(); });
  }
  function loadRest() {
    loadDeferred();
    loadData();
  }
  function retryOnPress() { watchForInteraction(true); }

  // Links the rest to the running module; an error here means the two files do not belong
  // together (a cache mixed two builds): only a reload mends that.
  function deferredInstantiate(compiled) {
    if (deferred.state === "ready") return;
    try {
      new WebAssembly.Instance(compiled, { primary: module.asm });
    } catch (e) {
      deferred.state = "failed";
      fatal("Part of the tutorial (" + FILES.deferred + ") does not fit the rest (" + errorText(e) +
            "). Reload the page to continue; your progress is kept.");
      throw e;
    }
    deferred.state = "ready";
  }
  // Fetches and compiles the rest of the code. early: a link with a campus, before the
  // module has told whether it is split (only when the page names a second part).
  function loadDeferred(early) {
    var s = deferred.state;
    if (!(s === "waiting" || s === "failed" || (early && s === "none"))) return deferred.promise;
    deferred.state = "loading";
    deferred.noSync = false;
    deferred.promise = fetch(FILES.deferred, { credentials: "same-origin" }).then(function (resp) {
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      return compileResponse(resp);
    }).then(function (compiled) {
      if (deferred.state === "ready") return;  // the synchronous path got there first
      deferred.module = compiled;
      if (deferredIfReady()) restArrived();
    }, function (err) {
      // Ready or failed already: the synchronous path has been there and said so.
      if (deferred.state !== "loading") return;
      deferred.state = deferred.split || early ? "failed" : "none";
      warn(FILES.deferred + ": " + errorText(err));
      if (deferred.split) retryOnPress();
      restArrived();
    });
    return deferred.promise;
  }
  // Instantiates a finished background download once the primary module is running.
  function deferredIfReady() {
    if (!(deferred.split && deferred.module && module && module.asm && deferred.state !== "ready")) return false;
    try { deferredInstantiate(deferred.module); } catch (e) { return false; }
    return true;
  }
  // Emscripten's placeholder for a function that lives in the rest: instantiate it now, from
  // the background download if it is done, else with a synchronous request. When that fails
  // the call cannot go on: the error, marked, unwinds to guard(), which closes the frame;
  // the page keeps working and offers "Try again" (a part that does not fit is fatal).
  function loadSplitModule() {
    if (deferred.state === "ready") return;
    var compiled = deferred.module;
    if (!compiled) {
      try {
        // One synchronous attempt per try: after a failure, code that keeps asking (each
        // frame) gets no new request until the learner's next press starts one.
        if (deferred.noSync) throw new Error("waiting for the next try");
        var xhr = new XMLHttpRequest();
        xhr.open("GET", FILES.deferred, false);
        xhr.overrideMimeType("text/plain; charset=x-user-defined");
        xhr.send(null);
        if (xhr.status !== 200) throw new Error("HTTP " + xhr.status);
        var text = xhr.responseText, bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
        compiled = new WebAssembly.Module(bytes);
      } catch (e) {
        if (!deferred.noSync) {
          deferred.noSync = true;
          warn(FILES.deferred + " (needed now): " + errorText(e));
          retryOnPress();
        }
        deferred.state = "failed";
        var missing = new Error("part of the tutorial (" + FILES.deferred + ") could not be downloaded: " + errorText(e));
        missing.campusRestMissing = true;
        throw missing;
      }
      deferred.module = compiled;
    }
    deferredInstantiate(compiled);
  }

  function fetchBytes(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (resp) {
      if (!resp.ok) throw new Error(url + ": HTTP " + resp.status);
      return resp.arrayBuffer();
    }).then(function (buf) { return new Uint8Array(buf); });
  }
  // Fetches the catalog, the exercises and the labs; they are handed to the module once it runs.
  function loadData() {
    if (!(data.state === "waiting" || data.state === "failed")) return data.promise;
    data.state = "loading";
    data.promise = Promise.all([fetchBytes(FILES.catalog), fetchBytes(FILES.exercises),
                                fetchBytes(FILES.labs)]).then(function (b) {
      data.bytes = { "catalog.json": b[0], "exercises.json": b[1], "labs.json": b[2] };
      handData();
    }, function (err) {
      data.state = "failed";
      warn(errorText(err));
      retryOnPress();
      restArrived();
    });
    return data.promise;
  }
  function handData() {
    if (!running || !data.bytes || data.state !== "loading") return;
    var cat = data.bytes["catalog.json"], ex = data.bytes["exercises.json"], lab = data.bytes["labs.json"];
    var pc = module._malloc(cat.length + 1), pe = module._malloc(ex.length + 1), pl = module._malloc(lab.length + 1);
    if (!pc || !pe || !pl) return;
    module.HEAPU8.set(cat, pc);
    module.HEAPU8.set(ex, pe);
    module.HEAPU8.set(lab, pl);
    data.state = "ready";
    data.bytes = null;
    try {
      guard(function () { module._campus_data(pc, cat.length, pe, ex.length, pl, lab.length); });
    } finally {
      module._free(pc);
      module._free(pe);
      module._free(pl);
    }
    restArrived();
  }

  function returningLearner() {
    try { return window.localStorage.getItem("cni-campus:progress") !== null; } catch (e) { return false; }
  }

  // Interactions that mean "the learner is here": start the background download once. A
  // retry after a failure waits for a press (not a mere pointer move).
  function watchForInteraction(pressesOnly) {
    var canvas = $("canvas");
    var events = pressesOnly ? ["pointerdown", "touchstart", "keydown"]
                             : ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "focus"];
    function go() {
      events.forEach(function (ev) { canvas.removeEventListener(ev, go, true); });
      loadRest();
    }
    events.forEach(function (ev) { canvas.addEventListener(ev, go, { capture: true, passive: true }); });
  }

  function instantiateWithProgress(imports, done) {
    var fill = $("loader-fill");
    var compiled;
    wasmCompiled.then(function (m) {
      compiled = m;
      return WebAssembly.instantiate(m, imports);
    }).then(function (instance) {
      var split = WebAssembly.Module.imports(compiled).some(function (i) { return i.module === "placeholder"; });
      deferred.split = split;
      if (!split) deferred.state = "none";
      else if (deferred.state === "none") deferred.state = "waiting";
      if (deferred.state === "waiting" || data.state === "waiting") watchForInteraction();
      if (fill) fill.style.width = "100%";
      setText("loader-text", "Starting…");
      done(instance, compiled);
      deferredIfReady();
    }).catch(function (err) {
      fatal("The tutorial could not be downloaded (" + errorText(err) + "). Check the connection and reload.");
    });
    return {};
  }

  // After the first frame: the rest for a deep link or an embed (their step is not the
  // landing step), the data for a returning learner. The requests go out now (the frame is
  // drawn; its picture is presented when this callback returns); what arrives is handed to
  // the module from a later task, outside the frame.
  function afterFirstFrame() {
    if (embed || deepLink) loadRest();
    else if (returningLearner()) loadData();
    setTimeout(handData, 0);
  }

  // The step's title and first paragraph, readable at once (the pages carry them as data,
  // tools/publish_site.mjs), where the canvas will draw them; hidden at its first frame.
  function showFirstText() {
    var data = $("first-text");
    var box = $("first");
    if (!data || !box || /(?:^|[#&])lab=/.test(location.hash)) return;
    var steps;
    try { steps = JSON.parse(data.textContent).steps; } catch (e) { return; }
    if (!steps || !steps.length) return;
    var step = steps[0];
    for (var i = 0; i < steps.length; ++i) if (steps[i].id === linkedStep) step = steps[i];
    var terms = /(?:^|[#&])terms=aws(?:&|$)/.test(location.hash) ? "aws" : "analogy";
    if (!step.title || !step.text) return;
    setText("first-title", step.title[terms]);
    setText("first-body", step.text[terms]);
    box.hidden = false;
    document.body.classList.add("first-shown");
    window.cniCampus.firstTextShownMs = performance.now();
  }
  function hideFirstText() {
    var box = $("first");
    if (box) box.hidden = true;
    document.body.classList.remove("first-shown");
  }

  function start() {
    if (!wasmSupported()) {
      cannotRun("This browser cannot run WebAssembly, which CNI Campus needs.");
      return;
    }
    // Without WebGL 2 nothing is downloaded. (Whether a browser that has it will give a
    // context is known only by making one, which blocks this thread until the GPU process
    // is ready, 40-1000 ms under SwiftShader; that waits until campus.js has arrived.)
    if (typeof window.WebGL2RenderingContext !== "function") {
      cannotRun("This browser has no WebGL 2, which CNI Campus needs to draw the campus.");
      return;
    }
    // The downloads and the compile go first. The graphics context is made when campus.js
    // has arrived, just before the module starts: making it blocks this thread until the
    // GPU process has it ready (40-1000 ms under SwiftShader), and made any earlier it held
    // up the request for campus.js, the page's layout and the compile's share of this thread.
    // (Preloading campus.js and campus.wasm from the page was tried: the big download then
    // delayed this script, and the first frame came no sooner.)
    showFirstText();
    fetchWasm();
    // A link that carries a campus is decoded as the module starts, with code of the rest
    // and the full catalog: fetch both first (the code only when the build names it).
    var before = Promise.resolve();
    if (campusLink) {
      before = Promise.all([loadData(), script && script.getAttribute("data-deferred") ? loadDeferred(true) : null]);
    }
    // The glue came in this script's file (a published site): the context is made once the
    // module's response has begun, about when a campus.js of its own would have arrived.
    var glue = typeof window.createCampusModule === "function" ? wasmHeaders : new Promise(function (resolve, reject) {
      var js = document.createElement("script");
      js.src = FILES.js;
      js.onerror = reject;
      js.onload = resolve;
      document.body.appendChild(js);
    });
    glue.then(function () {
      if (failed) return;
      if (typeof window.createCampusModule !== "function") { fatal("campus.js did not load correctly."); return; }
      var problem = webgl2Problem();
      if (problem) { cannotRun(problem); return; }
      before.then(startModule);
    }, function () { fatal("The tutorial's code (" + FILES.js + ") could not be loaded."); });
  }

  function startModule() {
    if (failed) return;
    module = {
      canvas: $("canvas"),
      embed: embed,
      preserveDrawingBuffer: options.preserveDrawingBuffer === true,
      answers: options.answers === true,
      startData: data.bytes,
      guard: guard,
      instantiateWasm: instantiateWithProgress,
      loadSplitModule: loadSplitModule,
      restState: restState,
      onStepChange: onStepChange,
      onMirror: onMirror,
      onMirrorExercises: onMirrorExercises,
      onFirstFrame: function () {
        window.cniCampus.firstFrameMs = performance.now();
        running = true;
        var loader = $("loader");
        if (loader) loader.hidden = true;
        hideFirstText();
        afterFirstFrame();
        resolveReady(window.cniCampus);
      },
      onFatal: fatal,
      onAbort: function (what) {
        fatal("Something went wrong inside the tutorial (" + what + "). Your progress is saved; reload to continue.");
      },
      print: function () {},
      printErr: function (t) {
        // Emscripten notes each placeholder call; the loader's deferred state says it better.
        if (/^(placeholder function called|instantiated deferred module)/.test(t)) return;
        if (window.console) console.warn(t);
      }
    };
    // With MODULARIZE the object passed in becomes the module itself.
    window.createCampusModule(module).then(function (m) { module = m; }, function (err) {
      fatal("The tutorial could not start (" + errorText(err) + ").");
    });
  }

  // A trap inside the module (a bug) surfaces as an uncaught WebAssembly.RuntimeError from
  // whichever event called in; Emscripten's abort() calls onAbort first.
  window.addEventListener("error", function (e) {
    if (module && typeof WebAssembly === "object" && e.error instanceof WebAssembly.RuntimeError)
      fatal("Something went wrong inside the tutorial (" + e.error.message + "). Your progress is saved; reload to continue.");
  });

  // The plain-text fallback opens at the step the link asked for, when it names one.
  if (linkedStep) {
    ["fatal-lessons", "mirror-link", "text-version"].forEach(function (l) {
      var a = $(l);
      if (a) a.setAttribute("href", "lessons/" + linkedStep + ".html");
    });
  }

  // A new fragment (a pasted link, back/forward). One that carries a campus waits for the
  // data it is decoded with.
  window.addEventListener("hashchange", function () {
    if (!running) return;
    loadRest();
    var apply = function () { guard(function () { module._campus_hash_changed(); }); };
    if (/(?:^|[#&])campus=/.test(location.hash) && data.state !== "ready") {
      Promise.resolve(data.promise).then(function () { setTimeout(apply, 0); });
    } else {
      apply();
    }
  });

  var reload = $("fatal-reload");
  if (reload) reload.addEventListener("click", function () { location.reload(); });
  start();
})();
