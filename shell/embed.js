// embed.js: puts CNI Campus into a blog post. Add once per page:
//   <script src="https://YOUR-SITE/campus/embed.js" defer></script>
// and wherever the tutorial should appear:
//   <div class="cni-campus" data-step="prefix-delegation"></div>
// Optional: data-beat="2" (a beat of the step, counting from 0), data-terms="aws" (AWS
// words), data-controls="min" (no step list or top bar), data-height="560" (CSS pixels,
// 280 to 1600).
//
// Each element first shows a light placeholder (a still picture and a start button, a
// few KB); only a click loads the tutorial, in an iframe of embed.html. Several embeds on
// one page are independent. A browser without WebGL 2 or WebAssembly is offered no start
// button, only a link to the step as a plain page. The host page can talk to each one:
//   el.addEventListener("cni-campus:step", e => e.detail)   // {step, index, title, beat, beats}
//   cniCampusEmbed.goTo(el, "desk-limit", 2)                // before or after loading; the
//                                                           // beat is optional (from 0)
// Nothing from a message is ever inserted as markup; only messages from the embed's own
// frame and origin are read.
(function () {
  "use strict";
  if (window.cniCampusEmbed) { window.cniCampusEmbed.scan(); return; }

  var script = document.currentScript;
  if (!script) {
    var all = document.getElementsByTagName("script");
    for (var i = all.length - 1; i >= 0; i--) {
      if (/(^|\/)embed\.js(\?|#|$)/.test(all[i].src)) { script = all[i]; break; }
    }
  }
  var base = new URL(".", script ? script.src : location.href);
  var origin = base.origin;
  var ID = /^[a-z0-9-]{1,40}$/;
  var BEAT = /^(0|[1-9][0-9]?)$/;  // 0 to 99; the embed refuses a beat its step lacks
  var embeds = [];

  function css(el, styles) { for (var k in styles) el.style[k] = styles[k]; return el; }

  // The placeholder's colours follow the reader's system setting, as the tutorial's own
  // theme does before a choice is saved (shell/campus.css; the still picture has both too).
  var dark = !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  // The still picture is shown whole (its background is the paper's colour, so a box of
  // another shape shows paper around it), faded less on dark paper, where fading dims it.
  var C = dark ? { paper: "#12161e", ink: "#e2e8f2", muted: "#9ea8bc", line: "#3e485c", link: "#6ea0ff", still: "0.8" }
               : { paper: "#fafbfd", ink: "#1c2333", muted: "#5c667a", line: "#cdd4e0", link: "#2563eb", still: "0.55" };

  function fragment(el) {
    var d = el.dataset, parts = [];
    if (ID.test(d.step || "")) parts.push("step=" + d.step);
    if (ID.test(d.step || "") && BEAT.test(d.beat || "")) parts.push("beat=" + d.beat);
    if (d.terms === "aws" || d.terms === "analogy") parts.push("terms=" + d.terms);
    if (d.controls === "min" || d.controls === "full") parts.push("controls=" + d.controls);
    return parts.join("&");
  }

  function height(el) {
    var h = parseInt(el.dataset.height || "", 10);
    return (h >= 280 && h <= 1600 ? h : 560) + "px";
  }

  // What the tutorial needs before anything is downloaded (campus-loader.js checks the same).
  var canRun = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function" &&
               typeof window.WebGL2RenderingContext === "function";

  // Without WebGL 2 or WebAssembly: the reason, and the step as a plain page.
  function plainPlaceholder(rec) {
    var el = rec.el;
    var box = css(document.createElement("div"), {
      display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center",
      gap: "10px", boxSizing: "border-box", width: "100%", height: "100%", padding: "16px",
      border: "1px solid " + C.line, borderRadius: "8px", background: C.paper, color: C.ink,
      textAlign: "center"
    });
    var text = document.createElement("p");
    css(text, { margin: "0" });
    text.textContent = "CNI Campus, an interactive tutorial of how pods get IP addresses on Amazon EKS, " +
      "needs WebGL 2 and WebAssembly, which this browser does not offer.";
    var link = css(document.createElement("a"), { color: C.link, fontWeight: "600" });
    var step = el.dataset.step && ID.test(el.dataset.step) ? el.dataset.step : "index";
    link.href = new URL("lessons/" + step + ".html", base).href;
    link.textContent = "Read this step as a plain page";
    box.appendChild(text);
    box.appendChild(link);
    el.appendChild(box);
    rec.button = box;
  }

  function placeholder(rec) {
    var el = rec.el;
    if (!canRun) { plainPlaceholder(rec); return; }
    var button = css(document.createElement("button"), {
      position: "relative", display: "block", width: "100%", height: "100%", padding: "0",
      margin: "0", border: "1px solid " + C.line, borderRadius: "8px", background: C.paper,
      cursor: "pointer", overflow: "hidden", font: "inherit", color: C.ink
    });
    button.type = "button";
    button.setAttribute("aria-label", "Start the CNI Campus interactive tutorial" +
      (el.dataset.step && ID.test(el.dataset.step) ? " at step " + el.dataset.step : ""));
    var img = css(document.createElement("img"), {
      display: "block", width: "100%", height: "100%", objectFit: "contain", objectPosition: "center",
      opacity: C.still
    });
    img.alt = "";
    img.decoding = "async";
    img.src = new URL("campus-still.svg", base).href;
    var label = css(document.createElement("span"), {
      position: "absolute", left: "50%", top: "50%", transform: "translate(-50%, -50%)",
      padding: "12px 20px", borderRadius: "999px", background: "#2563eb", color: "#fff",
      fontSize: "16px", fontWeight: "600", whiteSpace: "nowrap", boxShadow: "0 2px 10px rgba(0,0,0,.2)"
    });
    label.textContent = "\u25B6  Start the interactive tutorial";
    var note = css(document.createElement("span"), {
      position: "absolute", left: "0", right: "0", bottom: "10px", textAlign: "center",
      fontSize: "13px", color: C.muted
    });
    note.textContent = "CNI Campus: how pods get IP addresses on Amazon EKS. It loads when you press start.";
    button.appendChild(img);
    button.appendChild(label);
    button.appendChild(note);
    button.addEventListener("click", function () { load(rec); });
    el.appendChild(button);
    rec.button = button;
  }

  function load(rec) {
    if (rec.frame || !canRun) return;
    var frame = css(document.createElement("iframe"), {
      display: "block", width: "100%", height: "100%", border: "1px solid " + C.line,
      borderRadius: "8px", boxSizing: "border-box", background: C.paper
    });
    frame.title = "CNI Campus interactive tutorial";
    frame.setAttribute("allow", "clipboard-write");
    var hash = fragment(rec.el);
    frame.src = new URL("embed.html", base).href + (hash ? "#" + hash : "");
    if (rec.button) rec.el.removeChild(rec.button);
    rec.button = null;
    rec.el.appendChild(frame);
    rec.frame = frame;
    frame.focus();
  }

  function scan() {
    var els = document.querySelectorAll(".cni-campus");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.getAttribute("data-cni-campus-ready")) continue;
      el.setAttribute("data-cni-campus-ready", "1");
      css(el, { height: height(el), maxWidth: "100%" });
      var rec = { el: el, button: null, frame: null, started: false, pending: null };
      embeds.push(rec);
      placeholder(rec);
    }
  }

  function send(rec, step, beat) {
    var m = { type: "cni-campus:goTo", step: step };
    if (beat >= 0) m.beat = beat;
    rec.frame.contentWindow.postMessage(m, origin);
  }

  function find(el) {
    for (var i = 0; i < embeds.length; i++) if (embeds[i].el === el) return embeds[i];
    return null;
  }

  // Embed -> host: {type:"cni-campus:step", step, index, title, beat, beats} at start and on
  // each step or beat change.
  window.addEventListener("message", function (e) {
    if (e.origin !== origin) return;
    var rec = null;
    for (var i = 0; i < embeds.length; i++) {
      if (embeds[i].frame && embeds[i].frame.contentWindow === e.source) { rec = embeds[i]; break; }
    }
    var d = e.data;
    if (!rec || !d || typeof d !== "object" || d.type !== "cni-campus:step") return;
    if (typeof d.step !== "string" || !ID.test(d.step)) return;
    if (typeof d.index !== "number" || d.index !== (d.index | 0) || d.index < 0) return;
    if (typeof d.title !== "string" || d.title.length > 300) return;
    var beat = typeof d.beat === "number" && d.beat === (d.beat | 0) && d.beat >= 0 ? d.beat : 0;
    var beats = typeof d.beats === "number" && d.beats === (d.beats | 0) && d.beats > 0 ? d.beats : 1;
    rec.started = true;
    if (rec.pending) {
      var want = rec.pending;
      rec.pending = null;
      if (want.step !== d.step || (want.beat >= 0 && want.beat !== beat)) send(rec, want.step, want.beat);
    }
    rec.el.setAttribute("data-current-step", d.step);
    rec.el.setAttribute("data-current-beat", String(beat));
    rec.frame.title = "CNI Campus interactive tutorial: " + d.title;
    var detail = { step: d.step, index: d.index, title: d.title, beat: beat, beats: beats };
    var ev;
    try { ev = new CustomEvent("cni-campus:step", { detail: detail }); }
    catch (err) { ev = document.createEvent("CustomEvent"); ev.initCustomEvent("cni-campus:step", false, false, detail); }
    rec.el.dispatchEvent(ev);
  });

  window.cniCampusEmbed = {
    scan: scan,
    // Loads an embed now, as if its start button had been pressed.
    load: function (el) { var rec = find(el); if (rec) load(rec); },
    // Shows a step (and a beat of it, counting from 0): before loading it becomes the
    // starting point; after, a message.
    goTo: function (el, step, beat) {
      var rec = find(el);
      if (!rec || typeof step !== "string" || !ID.test(step)) return false;
      if (beat === undefined || beat === null) beat = -1;
      else if (typeof beat !== "number" || !BEAT.test(String(beat))) return false;
      if (!rec.frame) {
        el.setAttribute("data-step", step);
        if (beat >= 0) el.setAttribute("data-beat", String(beat)); else el.removeAttribute("data-beat");
        return true;
      }
      if (!rec.started) { rec.pending = { step: step, beat: beat }; return true; }  // sent once it reports in
      send(rec, step, beat);
      return true;
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
