// blog.js: the test blog's own script: records what the embeds tell the page.
window.received = [];   // every cni-campus:step message, with its origin and source frame
window.events = [];     // the cni-campus:step DOM events embed.js dispatches on each element
window.addEventListener("message", function (e) {
  if (e.data && e.data.type === "cni-campus:step") {
    var frames = document.querySelectorAll("iframe");
    var which = -1;
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === e.source) which = i;
    window.received.push({ origin: e.origin, frame: which, step: e.data.step, index: e.data.index, title: e.data.title });
  }
});
document.querySelectorAll(".cni-campus").forEach(function (el) {
  el.addEventListener("cni-campus:step", function (e) {
    window.events.push({ id: el.id, step: e.detail.step, index: e.detail.index, title: e.detail.title });
  });
});
