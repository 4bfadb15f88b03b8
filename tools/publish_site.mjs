// publish_site.mjs: turns the assembled site (build/web/site: plain names) into dist/, where
// every file is named by a hash of its content, so that a host can let browsers keep it for
// a year and a new build can never be mixed with an old one from a cache. Only the pages
// (*.html) and embed.js, the addresses other sites link to, keep their names; they are the
// files a host serves with `no-cache` (tools/serve.mjs does both).
//
//   - campus.js (Emscripten's glue) goes into the loader's file, ahead of the loader: one
//     script for the page to fetch, not two, and 0.6 KB less gzip than two files;
//   - campus.wasm -> campus.<16 hex digits of SHA-256>.wasm, likewise every other file;
//   - the pages' src= and href= are rewritten to the new names, and the loader's script tag
//     is stamped with what it loads: data-wasm (+ data-wasm-size, the uncompressed
//     byte count its progress bar counts against), data-deferred (the rest of a split
//     module), data-catalog and data-exercises (fetched after the first frame);
//   - embed.js gets the new name of the placeholder picture;
//   - every text or wasm file over 1 KB gets .gz (gzip -9) and .br (brotli q11) beside it,
//     for hosts that serve precompressed files (and for tools/serve.mjs).
//
//   node tools/publish_site.mjs --site build/web/site --dist dist
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) {
    console.error(`publish_site: ${name} DIR is required`);
    process.exit(2);
  }
  return path.resolve(args[i + 1]);
};
const SITE = opt("--site");
const DIST = opt("--dist");
const STABLE = (rel) => rel.endsWith(".html") || rel === "embed.js";
const COMPRESS = new Set([".html", ".js", ".css", ".svg", ".json", ".wasm", ".txt"]);

function walk(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

if (!fs.existsSync(path.join(SITE, "index.html"))) {
  console.error(`publish_site: ${SITE} has no index.html (build the web preset first)`);
  process.exit(1);
}

// The style sheets without comments and spare whitespace (shell/ keeps them readable).
// Enough for ours: no strings or url()s that hold these characters.
function minifyCss(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s+/g, " ")
    .replace(/\s*([{};:,>])\s*/g, "$1").replace(/;}/g, "}").trim() + "\n";
}

// The bytes a file is published with: the loader with the glue ahead of it, style sheets
// minified, the rest as built (pages and embed.js are rewritten below, once names are known).
const MERGED = "campus.js";
// lessons/first.json goes into the pages (below), not beside them.
const files = walk(SITE).filter((f) => !(f === MERGED && fs.existsSync(path.join(SITE, "campus-loader.js"))) &&
  f !== "lessons/first.json");
function content(rel) {
  const bytes = fs.readFileSync(path.join(SITE, rel));
  if (rel.endsWith(".css")) return Buffer.from(minifyCss(bytes.toString("utf8")));
  if (rel === "campus-loader.js" && fs.existsSync(path.join(SITE, MERGED))) {
    return Buffer.concat([fs.readFileSync(path.join(SITE, MERGED)), Buffer.from(";\n"), bytes]);
  }
  return bytes;
}

// Old names: new names, for every file that gets a hash (the hash is of the bytes served).
const renamed = new Map();
for (const rel of files) {
  if (STABLE(rel)) continue;
  const bytes = content(rel);
  const hash = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const dir = path.posix.dirname(rel);
  const name = path.posix.basename(rel);
  const ext = path.posix.extname(name);
  const hashed = `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
  renamed.set(rel, dir === "." ? hashed : `${dir}/${hashed}`);
}

// A reference from a file in fromDir to rel, as written in that file ("../favicon.svg").
const relativeRef = (fromDir, rel) => path.posix.relative(fromDir, rel) || rel;

// Each step's title and first paragraph (lessons/first.json, written by gen_static_lessons),
// carried by the pages so the loader shows the step's words before the module's first frame.
// Data, not script: a strict CSP runs no inline script, and "</" never ends it early.
const FIRST = path.join(SITE, "lessons", "first.json");
const firstText = fs.existsSync(FIRST)
  ? `<script type="application/json" id="first-text">${JSON.stringify(JSON.parse(fs.readFileSync(FIRST, "utf8"))).replace(/</g, "\\u003c")}</script>\n`
  : "";

function rewritePage(rel, html) {
  const dir = path.posix.dirname(rel);
  html = html.replace(/\b(src|href)="([^"#?:]+)"/g, (all, attr, ref) => {
    const target = path.posix.normalize(path.posix.join(dir, ref));
    const to = renamed.get(target);
    return to ? `${attr}="${relativeRef(dir, to)}"` : all;
  });
  const loader = renamed.get("campus-loader.js");
  const tag = `<script src="${loader}"></script>`;
  if (dir === "." && html.includes(tag)) {
    const stamp = [["data-wasm", "campus.wasm"],
      ["data-deferred", "campus.deferred.wasm"], ["data-catalog", "catalog.json"],
      ["data-exercises", "exercises.json"], ["data-labs", "labs.json"]]
      .filter(([, file]) => renamed.has(file))
      .map(([attr, file]) => `${attr}="${renamed.get(file)}"`);
    stamp.push(`data-wasm-size="${fs.statSync(path.join(SITE, "campus.wasm")).size}"`);
    html = html.replace(tag, `${firstText}<script src="${loader}" ${stamp.join(" ")}></script>`);
  }
  return html;
}

fs.rmSync(DIST, { recursive: true, force: true });
fs.mkdirSync(DIST, { recursive: true });
let count = 0;
for (const rel of files) {
  let bytes = content(rel);
  if (rel.endsWith(".html")) {
    bytes = Buffer.from(rewritePage(rel, bytes.toString("utf8")));
  } else if (rel === "embed.js") {
    let text = bytes.toString("utf8");
    for (const [from, to] of renamed) {
      if (!from.includes("/")) text = text.split(`"${from}"`).join(`"${to}"`);
    }
    bytes = Buffer.from(text);
  }
  const out = path.join(DIST, renamed.get(rel) || rel);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  if (COMPRESS.has(path.extname(rel)) && bytes.length > 1024) {
    const gz = zlib.gzipSync(bytes, { level: 9 });
    const br = zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    if (gz.length < bytes.length) fs.writeFileSync(out + ".gz", gz);
    if (br.length < bytes.length) fs.writeFileSync(out + ".br", br);
  }
  ++count;
}
const index = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
for (const need of ["campus-loader.js", "campus.wasm"]) {
  if (!index.includes(renamed.get(need))) {
    console.error(`publish_site: index.html does not name ${need} (no loader script tag?)`);
    process.exit(1);
  }
}
console.log(`publish_site: ${count} files to ${path.relative(process.cwd(), DIST) || "."}, ${renamed.size} named by content`);
