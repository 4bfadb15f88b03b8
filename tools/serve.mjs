// serve.mjs: a small static file server for dist/ (node's standard library only).
// Serves .wasm as application/wasm. --csp adds the strict Content-Security-Policy the
// page must work under: scripts, styles, images and fetches from the page's own origin
// only, WebAssembly compilation allowed, no inline script or style, no eval, no plugins.
// No frame-ancestors: embed.html must be frameable by any blog. Used by ./campus serve,
// the browser tests and ./campus bench.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json", ".png": "image/png",
  ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".ico": "image/x-icon",
};
export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self'", "connect-src 'self'", "font-src 'self'", "object-src 'none'",
  "base-uri 'none'", "form-action 'none'",
].join("; ");

export function startServer({ dir, port = 0, csp = false, host = "127.0.0.1" }) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    let file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    if (rel.endsWith("/")) file = path.join(file, "index.html");
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      const headers = {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
        "Content-Length": st.size, "Cache-Control": "no-cache",
      };
      if (csp) headers["Content-Security-Policy"] = CSP;
      res.writeHead(200, headers);
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const port = Number(opt("--port", "8080"));
  const csp = args.includes("--csp");
  const server = await startServer({ dir: opt("--dir", "dist"), port, csp, host: opt("--host", "0.0.0.0") });
  console.log(`CNI Campus: http://localhost:${server.address().port}/${csp ? "  (strict Content-Security-Policy)" : ""}`);
}
