// embed.js: puts CNI Campus into a blog post. Add once per page:
//   <script src="https://YOUR-SITE/campus/embed.js" defer></script>
// and wherever the tutorial should appear:
//   <div class="cni-campus" data-step="prefix-delegation"></div>
// Optional: data-terms="aws" (AWS words), data-controls="min" (no step list or top bar),
// data-height="560" (CSS pixels, 280 to 1600).
//
// Each element first shows a light placeholder (a still picture and a start button, a
// few KB); only a click loads the tutorial, in an iframe of embed.html. Several embeds on
// one page are independent. A browser without WebGL 2 or WebAssembly is offered no start
// button, only a link to the step as a plain page. The host page can talk to each one:
//   el.addEventListener("cni-campus:step", e => e.detail)   // {step, index, title}
//   cniCampusEmbed.goTo(el, "desk-limit")                   // before or after loading
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
  var embeds = [];

  function css(el, styles) { for (var k in styles) el.style[k] = styles[k]; return el; }

  function fragment(el) {
    var d = el.dataset, parts = [];
    if (ID.test(d.step || "")) parts.push("step=" + d.step);
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
      border: "1px solid #cdd4e0", borderRadius: "8px", background: "#fafbfd", color: "#1c2333",
      textAlign: "center"
    });
    var text = document.createElement("p");
    css(text, { margin: "0" });
    text.textContent = "CNI Campus, an interactive tutorial of how pods get IP addresses on Amazon EKS, " +
      "needs WebGL 2 and WebAssembly, which this browser does not offer.";
    var link = css(document.createElement("a"), { color: "#2563eb", fontWeight: "600" });
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
      margin: "0", border: "1px solid #cdd4e0", borderRadius: "8px", background: "#fafbfd",
      cursor: "pointer", overflow: "hidden", font: "inherit", color: "#1c2333"
    });
    button.type = "button";
    button.setAttribute("aria-label", "Start the CNI Campus interactive tutorial" +
      (el.dataset.step && ID.test(el.dataset.step) ? " at step " + el.dataset.step : ""));
    var img = css(document.createElement("img"), {
      display: "block", width: "100%", height: "100%", objectFit: "cover", objectPosition: "top left",
      opacity: "0.55"
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
      fontSize: "13px", color: "#5c667a"
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
      display: "block", width: "100%", height: "100%", border: "1px solid #cdd4e0",
      borderRadius: "8px", boxSizing: "border-box", background: "#fafbfd"
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

  function find(el) {
    for (var i = 0; i < embeds.length; i++) if (embeds[i].el === el) return embeds[i];
    return null;
  }

  // Embed -> host: {type:"cni-campus:step", step, index, title} at start and on each change.
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
    rec.started = true;
    if (rec.pending) {
      var step = rec.pending;
      rec.pending = null;
      if (step !== d.step) rec.frame.contentWindow.postMessage({ type: "cni-campus:goTo", step: step }, origin);
    }
    rec.el.setAttribute("data-current-step", d.step);
    rec.frame.title = "CNI Campus interactive tutorial: " + d.title;
    var detail = { step: d.step, index: d.index, title: d.title };
    var ev;
    try { ev = new CustomEvent("cni-campus:step", { detail: detail }); }
    catch (err) { ev = document.createEvent("CustomEvent"); ev.initCustomEvent("cni-campus:step", false, false, detail); }
    rec.el.dispatchEvent(ev);
  });

  window.cniCampusEmbed = {
    scan: scan,
    // Loads an embed now, as if its start button had been pressed.
    load: function (el) { var rec = find(el); if (rec) load(rec); },
    // Shows a step: before loading it becomes the starting step; after, a message.
    goTo: function (el, step) {
      var rec = find(el);
      if (!rec || typeof step !== "string" || !ID.test(step)) return false;
      if (!rec.frame) { el.setAttribute("data-step", step); return true; }
      if (!rec.started) { rec.pending = step; return true; }  // sent once it reports in
      rec.frame.contentWindow.postMessage({ type: "cni-campus:goTo", step: step }, origin);
      return true;
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
