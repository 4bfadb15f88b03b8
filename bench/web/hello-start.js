// hello-start.js: starts the hello module and records when its first frame was drawn.
window.hello = { firstFrameMs: 0, module: null };
window.hello.ready = new Promise(function (resolve) {
  createHelloModule({
    canvas: document.getElementById("canvas"),
    onFirstFrame: function () { window.hello.firstFrameMs = performance.now(); resolve(); }
  }).then(function (m) { window.hello.module = m; });
});
