// serve.mjs: a small static file server for dist/ (node's standard library only), serving
// as a careful static host does. Used by ./campus serve, the browser tests and ./campus bench.
//   - Caching: files named by their content (tools/publish_site.mjs: "campus.<16 hex>.wasm")
//     may be kept for a year without asking again (Cache-Control: immutable); every other
//     file (the pages, embed.js) is asked for each time (no-cache) and answered with 304 Not
//     Modified when the browser's copy is current (ETag / If-None-Match, Last-Modified /
//     If-Modified-Since).
//   - Compression: brotli or gzip, as the browser accepts, for text and wasm. The build's
//     precompressed siblings (file.br, file.gz) are sent when present, else the file is
//     compressed once and kept in memory. `chunked` streams it instead, without a
//     Content-Length (as hosts that compress on the fly do); `compress: false` sends it as is.
//   - .wasm as application/wasm. `csp` adds the strict Content-Security-Policy the page must
//     work under: scripts, styles, images and fetches from the page's own origin only,
//     WebAssembly compilation allowed, no inline script or style, no eval, no plugins. No
//     frame-ancestors: embed.html must be frameable by any blog.
//
//   node tools/serve.mjs [--dir dist] [--port 8080] [--host 0.0.0.0] [--csp] [--no-compress] [--chunked]
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json", ".png": "image/png",
  ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".ico": "image/x-icon",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".txt"]);
// A name that carries a hash of the file's content (tools/publish_site.mjs).
export const HASHED = /\.[0-9a-f]{16}\.[a-z0-9]+$/;
export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self'", "connect-src 'self'", "font-src 'self'", "object-src 'none'",
  "base-uri 'none'", "form-action 'none'",
].join("; ");

// The encoding to send: brotli, then gzip, when the request accepts it (q > 0).
function pickEncoding(header) {
  const accepted = new Map();
  for (const part of String(header || "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  for (const enc of ["br", "gzip"]) if ((accepted.get(enc) ?? accepted.get("*") ?? 0) > 0) return enc;
  return null;
}

const encoders = {
  gzip: { ext: ".gz", sync: (b) => zlib.gzipSync(b, { level: 9 }), stream: () => zlib.createGzip({ level: 6 }) },
  br: {
    ext: ".br",
    sync: (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
    stream: () => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  },
};

export function startServer({ dir, port = 0, csp = false, host = "127.0.0.1", compress = true, chunked = false }) {
  const root = path.resolve(dir);
  const memo = new Map();  // file + encoding -> {key, body}: compressed once
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
      const ext = path.extname(file);
      const encoding = compress && COMPRESSIBLE.has(ext) && st.size > 256 ? pickEncoding(req.headers["accept-encoding"]) : null;
      const validator = `${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}`;
      const etag = `"${validator}${encoding ? "-" + encoding : ""}"`;
      const headers = {
        "Content-Type": TYPES[ext] || "application/octet-stream",
        "Cache-Control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
        "ETag": etag,
        "Last-Modified": st.mtime.toUTCString(),
      };
      if (COMPRESSIBLE.has(ext)) headers["Vary"] = "Accept-Encoding";
      if (csp) headers["Content-Security-Policy"] = CSP;
      const match = req.headers["if-none-match"];
      const since = Date.parse(req.headers["if-modified-since"] || "");
      const fresh = match !== undefined
        ? match.split(",").map((t) => t.trim().replace(/^W\//, "")).some((t) => t === etag || t === "*")
        : since >= Math.floor(st.mtimeMs / 1000) * 1000;
      if (fresh) {
        res.writeHead(304, headers).end();
        return;
      }
      if (!encoding) {
        headers["Content-Length"] = st.size;
        res.writeHead(200, headers);
        if (req.method === "HEAD") return res.end();
        fs.createReadStream(file).pipe(res);
        return;
      }
      headers["Content-Encoding"] = encoding;
      const enc = encoders[encoding];
      if (chunked) {
        res.writeHead(200, headers);  // no Content-Length: chunked transfer
        if (req.method === "HEAD") return res.end();
        fs.createReadStream(file).pipe(enc.stream()).pipe(res);
        return;
      }
      const key = `${validator}`;
      const cached = memo.get(file + enc.ext);
      const send = (body) => {
        headers["Content-Length"] = body.length;
        res.writeHead(200, headers);
        res.end(req.method === "HEAD" ? undefined : body);
      };
      if (cached && cached.key === key) return send(cached.body);
      // The build's precompressed sibling, when it is no older than the file.
      fs.stat(file + enc.ext, (e2, st2) => {
        const body = !e2 && st2.isFile() && st2.mtimeMs >= st.mtimeMs
          ? fs.readFileSync(file + enc.ext) : enc.sync(fs.readFileSync(file));
        memo.set(file + enc.ext, { key, body });
        send(body);
      });
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
  const server = await startServer({
    dir: opt("--dir", "dist"), port, csp, host: opt("--host", "0.0.0.0"),
    compress: !args.includes("--no-compress"), chunked: args.includes("--chunked"),
  });
  console.log(`CNI Campus: http://localhost:${server.address().port}/${csp ? "  (strict Content-Security-Policy)" : ""}`);
}
