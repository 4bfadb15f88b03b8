// campus-loader.js: loads the WebAssembly module with progress, shows a clear message
// when the browser cannot run it, and defines window.cniCampus, the page's JS API:
//   cniCampus.ready            Promise, resolves after the first frame is drawn
//   cniCampus.state()          {step:{id,index,title}, beat:{index,count,...}, steps:[{id,title,beats}],
//                              frames, error, ..., deferred: where the module's second part is}
//   cniCampus.goTo(stepId[, beat]) true, or false for an unknown id or beat (beats count from 0)
//   cniCampus.locate(label[, n]) {x, y, w, h} of the nth widget with that label, or null
//   cniCampus.on(event, fn)    "stepchange" -> fn({step, index, title, beat, beats}), on every
//                              step or beat change
//   cniCampus.firstFrameMs     ms from navigation start to the first drawn frame (0 before)
// In the embed page (embed.html) it also talks to the parent window with postMessage:
//   embed -> parent  {type: "cni-campus:step", step, index, title, beat, beats} at start and
//                    on each step or beat change
//   parent -> embed  {type: "cni-campus:goTo", step[, beat]}  (decoded by core/host_message)
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var embed = document.body.classList.contains("page-embed");
  var listeners = { stepchange: [] };
  var module = null;
  var lastStep = null;
  var resolveReady, rejectReady;
  var ready = new Promise(function (res, rej) { resolveReady = res; rejectReady = rej; });
  ready.catch(function () {});

  function setText(id, text) { var el = $(id); if (el) el.textContent = text; }
  function errorText(err) { return err && err.message ? err.message : String(err); }

  var failed = false;
  // Shows one message over the canvas (the first problem wins), with a reload button and
  // the link to the plain-text lessons. Progress lives in localStorage and is kept.
  function fatal(message) {
    if (failed) return;
    failed = true;
    var loader = $("loader");
    if (loader) loader.hidden = true;
    setText("fatal-text", message);
    var box = $("fatal");
    if (box) box.hidden = false;
    rejectReady(new Error(message));
  }

  function wasmSupported() {
    return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  }

  // Creates the WebGL 2 context on the page's own canvas, with the attributes
  // platform_web.cpp asks for: when the module asks, the browser hands back this same
  // context. (A throwaway probe canvas cost a second context, ~170 ms under SwiftShader.)
  function webgl2Problem() {
    try {
      var gl = $("canvas").getContext("webgl2", {
        alpha: false, depth: false, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: true
      });
      if (!gl) return "This browser or device has WebGL 2 turned off or missing, which CNI Campus needs to draw the campus.";
    } catch (e) {
      return "This browser cannot draw with WebGL 2, which CNI Campus needs.";
    }
    return null;
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
      ["mirror-link", "text-version"].forEach(function (l) { var a = $(l); if (a) a.setAttribute("href", page); });
    }
    lastStep = detail;
    emit("stepchange", detail);
    if (embed && window.parent !== window) {
      window.parent.postMessage({ type: "cni-campus:step", step: id, index: index, title: title,
                                  beat: beat, beats: beats }, "*");
    }
  }

  function onMirror(heading, body, live) {
    setText("mirror-heading", heading);
    var holder = $("mirror-body");
    if (holder) {
      holder.textContent = "";
      body.split("\n\n").forEach(function (p) {
        if (!p) return;
        var el = document.createElement("p");
        el.textContent = p;
        holder.appendChild(el);
      });
    }
    setText("mirror-live", live);
  }

  function stateObject() {
    if (!module || !module._campus_state_json) return null;
    var s;
    try { s = JSON.parse(module.UTF8ToString(module._campus_state_json())); }
    catch (e) { return null; }
    s.deferred = deferred.state;
    return s;
  }

  function goTo(id, beat) {
    if (!module || !module._campus_go_to) return false;
    if (typeof id !== "string" || id.length === 0 || id.length > 64) return false;
    if (beat === undefined || beat === null || beat === -1) beat = -1;  // -1: the step's first
    else if (typeof beat !== "number" || beat !== Math.floor(beat) || beat < 0 || beat > 64) return false;
    loadDeferred();
    var n = module.lengthBytesUTF8(id) + 1;
    var p = module._malloc(n);
    module.stringToUTF8(id, p, n);
    var ok = module._campus_go_to(p, beat) === 1;
    module._free(p);
    return ok;
  }

  // Where a labelled widget (button, checkbox, slider...) was drawn in the last frame, in
  // page CSS pixels: {x, y, w, h}, or null. For tests and tools that drive the page; the
  // first call switches the recording on and returns null (poll until it answers).
  function locate(label, nth) {
    if (!module || !module._campus_locate || typeof label !== "string" || label.length > 200) return null;
    var n = module.lengthBytesUTF8(label) + 1;
    var p = module._malloc(n);
    if (!p) return null;
    module.stringToUTF8(label, p, n);
    var out = module.UTF8ToString(module._campus_locate(p, (nth | 0) >= 0 ? nth | 0 : 0));
    module._free(p);
    if (!out) return null;
    var r = JSON.parse(out);
    var c = $("canvas").getBoundingClientRect();
    return { x: r.x + c.left + window.scrollX, y: r.y + c.top + window.scrollY, w: r.w, h: r.h };
  }

  // The words the current step's view drew in the last frame (after locate() has switched
  // recording on): what the tests check against the vocabulary of each language.
  function viewText() {
    if (!module || !module._campus_view_text) return "";
    return module.UTF8ToString(module._campus_view_text());
  }

  window.cniCampus = {
    ready: ready,
    viewText: viewText,
    firstFrameMs: 0,
    state: stateObject,
    goTo: goTo,
    locate: locate,
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
    if (!module || !module._campus_host_message) return;
    var text;
    try { text = JSON.stringify(data); } catch (e) { return; }
    if (typeof text !== "string" || text.length > 4096) return;
    loadDeferred();
    var n = module.lengthBytesUTF8(text) + 1;
    var p = module._malloc(n);
    if (!p) return;
    module.stringToUTF8(text, p, n);
    var out = module.UTF8ToString(module._campus_host_message(p));
    module._free(p);
    if (out.charAt(0) === "!") {
      if (window.console) console.warn("CNI Campus: " + out.slice(1));
    } else if (out) {
      // "step" or "step@beat" (core/host_message, web/platform_web.cpp)
      var at = out.indexOf("@");
      var step = at < 0 ? out : out.slice(0, at);
      var beat = at < 0 ? null : parseInt(out.slice(at + 1), 10);
      if (!goTo(step, beat) && window.console) {
        console.warn("CNI Campus: there is no step called '" + step + "'" +
                     (beat >= 0 ? " with a beat " + beat : ""));
      }
    }
  }
  if (embed) {
    window.addEventListener("message", function (e) {
      if (window.parent === window || e.source !== window.parent) return;
      var data = e.data;
      ready.then(function () { hostMessage(data); }, function () {});
    });
  }

  // The wasm download starts at once, beside campus.js (they do not depend on each other);
  // its bytes are counted for the progress bar and compiled while they stream.
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

  var wasmCompiled = null;
  function fetchWasm() {
    var fill = $("loader-fill");
    var wasmResponse = fetch("campus.wasm", { credentials: "same-origin" }).then(function (resp) {
      if (!resp.ok) throw new Error("campus.wasm: HTTP " + resp.status);
      var total = +resp.headers.get("Content-Length") || 0;
      var loaded = 0;
      var body = resp.body;
      if (!body || typeof ReadableStream !== "function") return resp;
      var counted = new ReadableStream({
        start: function (controller) {
          var reader = body.getReader();
          (function pump() {
            reader.read().then(function (r) {
              if (r.done) { controller.close(); return; }
              loaded += r.value.byteLength;
              if (fill && total) fill.style.width = Math.min(100, 100 * loaded / total).toFixed(0) + "%";
              controller.enqueue(r.value);
              pump();
            }, function (err) { controller.error(err); });
          })();
        }
      });
      return new Response(counted, { headers: { "Content-Type": "application/wasm" } });
    });
    // Compiled off the main thread while it streams, before campus.js has even arrived;
    // instantiateWithProgress only links it to campus.js's imports.
    wasmCompiled = wasmResponse.then(compileResponse);
    wasmCompiled.catch(function () {});
  }

  // ---- the rest of the module (campus.deferred.wasm) --------------------------------------
  // The web build splits the module (web/web.cmake, docs/size.md): campus.wasm holds what
  // loading and the landing step run; campus.deferred.wasm the rest. The build names it on
  // this script's tag (data-deferred="campus.deferred.wasm?v=<hash of the file>", so a tab
  // left open across a deploy never mixes two builds). The rest is fetched and compiled in
  // the background on the learner's first interaction (pointer, touch, key, focus, wheel, a
  // step change through the API, a host message or a new URL fragment), or at once for a
  // deep link or an embed. Meanwhile the app draws later steps' text with "still loading" in
  // place of their view (platform::rest_state); a call into the rest that cannot wait is
  // served by a synchronous fetch (Emscripten calls loadSplitModule from a placeholder).
  // A failed background download leaves the page working and retries on the next press.
  var deferredAttr = document.currentScript && document.currentScript.getAttribute("data-deferred");
  // tools/split_profile.mjs runs the whole (instrumented) module with data-profile-rest=
  // "loading", so that every step draws as it does before the rest has arrived.
  var profileRest = document.currentScript && document.currentScript.getAttribute("data-profile-rest") === "loading";
  var DEFERRED = deferredAttr || "campus.deferred.wasm";
  // state: none (not split) | waiting | loading | ready | failed
  var deferred = { state: "none", split: false, module: null };
  // Links the rest to the running module; an error here means the two files do not belong
  // together (a cache mixed two builds): only a reload mends that.
  function deferredInstantiate(compiled) {
    if (deferred.state === "ready") return;
    try {
      new WebAssembly.Instance(compiled, { primary: module.asm });
    } catch (e) {
      deferred.state = "failed";
      fatal("Part of the tutorial (" + DEFERRED + ") does not fit the rest (" + errorText(e) +
            "). Reload the page to continue; your progress is kept.");
      throw e;
    }
    deferred.state = "ready";
  }
  function restArrived() {
    if (module && module._campus_rest_arrived) module._campus_rest_arrived();
  }
  // early: a deep link or an embed, before the module has told whether it is split.
  function loadDeferred(early) {
    var s = deferred.state;
    if (!(s === "waiting" || s === "failed" || (early && s === "none"))) return;
    deferred.state = "loading";
    fetch(DEFERRED, { credentials: "same-origin" }).then(function (resp) {
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      return compileResponse(resp);
    }).then(function (compiled) {
      if (deferred.state !== "loading") return;  // the synchronous path got there first
      deferred.module = compiled;
      if (deferredIfReady()) restArrived();
    }).catch(function (err) {
      if (deferred.state !== "loading") return;
      deferred.state = deferred.split ? "failed" : "none";
      if (window.console) console.warn("CNI Campus: " + DEFERRED + ": " + errorText(err));
      // The app shows "Try again" where a view waits; that press, or any other, retries.
      if (deferred.split) watchForInteraction(true);
      restArrived();
    });
  }
  // Instantiates a finished background download once the primary module is running.
  function deferredIfReady() {
    if (!(deferred.split && deferred.module && module && module.asm && deferred.state === "loading")) return false;
    try { deferredInstantiate(deferred.module); } catch (e) { return false; }
    return true;
  }
  // Emscripten's placeholder for a function that lives in the rest: instantiate it now, from
  // the background download if it is done, else with a synchronous request. A failure here
  // stops the call, so it is shown with Reload.
  function loadSplitModule() {
    if (deferred.state === "ready") return;
    var compiled = deferred.module;
    if (!compiled) {
      try {
        var xhr = new XMLHttpRequest();
        xhr.open("GET", DEFERRED, false);
        xhr.overrideMimeType("text/plain; charset=x-user-defined");
        xhr.send(null);
        if (xhr.status !== 200) throw new Error("HTTP " + xhr.status);
        var text = xhr.responseText, bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
        compiled = new WebAssembly.Module(bytes);
      } catch (e) {
        deferred.state = "failed";
        fatal("Part of the tutorial (" + DEFERRED + ") could not be downloaded (" + errorText(e) +
              "). Check the connection and reload; your progress is kept.");
        throw e;
      }
      deferred.module = compiled;
    }
    deferredInstantiate(compiled);
  }
  // Interactions that mean "the learner is here": start the background download once. A
  // retry after a failure waits for a press (not a mere pointer move).
  function watchForInteraction(pressesOnly) {
    var canvas = $("canvas");
    var events = pressesOnly ? ["pointerdown", "touchstart", "keydown"]
                             : ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "focus"];
    function go() {
      events.forEach(function (ev) { canvas.removeEventListener(ev, go, true); });
      loadDeferred();
    }
    events.forEach(function (ev) { canvas.addEventListener(ev, go, { capture: true, passive: true }); });
  }
  // For platform::rest_state: 0 ready or not split, 1 loading, 2 failed.
  function restState() {
    if (profileRest) return 1;
    if (!deferred.split || deferred.state === "ready") return 0;
    return deferred.state === "failed" ? 2 : 1;
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
      else if (deferred.state === "none") {
        deferred.state = "waiting";
        watchForInteraction();
      }
      if (fill) fill.style.width = "100%";
      setText("loader-text", "Starting…");
      done(instance, compiled);
      deferredIfReady();
    }).catch(function (err) {
      fatal("The tutorial could not be downloaded (" + errorText(err) + "). Check the connection and reload.");
    });
    return {};
  }

  function start() {
    if (!wasmSupported()) {
      fatal("This browser cannot run WebAssembly, which CNI Campus needs. The lessons are also available as a plain page.");
      return;
    }
    // The downloads and the compile go first. The graphics context is made when campus.js
    // has arrived, just before the module starts: making it blocks this thread until the
    // GPU process has it ready (40-1000 ms under SwiftShader), and made any earlier it held
    // up the request for campus.js, the page's layout and the compile's share of this thread.
    // (Preloading campus.js and campus.wasm from the page was tried: the big download then
    // delayed this script, and the first frame came no sooner.)
    fetchWasm();
    // A deep link or an embed opens on a later step: fetch the rest beside it (only when
    // the build says the module is split: an unsplit site has no such file).
    if (deferredAttr && (embed || /(?:^|[#&])(?:step|campus)=/.test(location.hash))) loadDeferred(true);
    var script = document.createElement("script");
    script.src = "campus.js";
    script.onerror = function () { fatal("The tutorial's code (campus.js) could not be loaded."); };
    script.onload = function () {
      if (failed) return;
      if (typeof window.createCampusModule !== "function") { fatal("campus.js did not load correctly."); return; }
      var problem = webgl2Problem();
      if (problem) { fatal(problem + " The lessons are also available as a plain page."); return; }
      module = {
        canvas: $("canvas"),
        embed: embed,
        instantiateWasm: instantiateWithProgress,
        loadSplitModule: loadSplitModule,
        restState: restState,
        onStepChange: onStepChange,
        onMirror: onMirror,
        onFirstFrame: function () {
          window.cniCampus.firstFrameMs = performance.now();
          var loader = $("loader");
          if (loader) loader.hidden = true;
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
    };
    document.body.appendChild(script);
  }

  // A trap inside the module (a bug) surfaces as an uncaught WebAssembly.RuntimeError from
  // whichever event called in; Emscripten's abort() calls onAbort first.
  window.addEventListener("error", function (e) {
    if (module && typeof WebAssembly === "object" && e.error instanceof WebAssembly.RuntimeError)
      fatal("Something went wrong inside the tutorial (" + e.error.message + "). Your progress is saved; reload to continue.");
  });

  // The plain-text fallback opens at the step the link asked for, when it names one.
  (function () {
    var m = /(?:^|[#&])step=([a-z0-9-]{1,40})(?:&|$)/.exec(location.hash);
    var link = $("fatal-lessons");
    if (m && link) link.setAttribute("href", "lessons/index.html#" + m[1]);
  })();

  window.addEventListener("hashchange", function () {
    loadDeferred();
    if (module && module._campus_hash_changed) module._campus_hash_changed();
  });

  var reload = $("fatal-reload");
  if (reload) reload.addEventListener("click", function () { location.reload(); });
  start();
})();
