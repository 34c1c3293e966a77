#!/usr/bin/env node
// Readability.js baseline for pith's benchmark (bench/run.sh).
//
//   node extract.js --list PAGES.txt [--truth truth.jsonl] -o OUT.jsonl [--stats STATS.json]
//   node extract.js [--truth truth.jsonl] -o OUT.jsonl page1.html.gz page2.html ...
//
// For each page (in the order given): read the file, gunzip it if it ends in .gz, decode it
// (bytes that are valid UTF-8 are decoded as UTF-8, as most crawlers do since there is no HTTP
// header here; otherwise the raw bytes go to jsdom, which sniffs BOM / <meta charset> and
// falls back to windows-1252 as a browser does), build a JSDOM with the page URL from
// truth.jsonl where known, run
// `new Readability(dom.window.document).parse()` and write one JSON line
//   {"id", "text": article.textContent, "title", "author": byline, "date": publishedTime}
// `id` is the file name without .html.gz / .html / .htm (score.py's convention). A page where
// parse() returns null or throws gets empty fields (and "error" when it threw).
//
// Between pages the loop yields to the event loop once (`await setImmediate`): jsdom queues
// per-window work (document load events) there, and a fully synchronous loop keeps every window
// alive until the end: about 3 MB leaked per page, 4 GB of heap and heavy GC on wcxb-dev.
//
// Timing: only the processing loop is timed (read + gunzip + JSDOM + Readability + JSON
// write), not node start-up or module loading. Single process, one thread (jsdom and
// Readability are synchronous). At the end a one-line JSON summary goes to stderr and, with
// --stats, to a file: pages, bytes (uncompressed HTML), bytes_gz, seconds, pages_per_s,
// mb_per_s (MB = 10^6 bytes), plus seconds_read (read + gunzip only) for reference.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { isUtf8 } = require("buffer");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

function usage(msg) {
  if (msg) process.stderr.write(`extract.js: ${msg}\n`);
  process.stderr.write(
    "usage: node extract.js (--list FILE | PAGE...) [--truth truth.jsonl] -o OUT.jsonl [--stats FILE]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const a = { pages: [], list: null, truth: null, out: null, stats: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = () => (++i < argv.length ? argv[i] : usage(`${k} needs a value`));
    if (k === "--list") a.list = val();
    else if (k === "--truth") a.truth = val();
    else if (k === "-o" || k === "--output") a.out = val();
    else if (k === "--stats") a.stats = val();
    else if (k === "-h" || k === "--help") usage();
    else if (k.startsWith("-")) usage(`unknown option ${k}`);
    else a.pages.push(k);
  }
  if (a.list) {
    const lines = fs.readFileSync(a.list, "utf8").split("\n").map((s) => s.trim()).filter(Boolean);
    a.pages.push(...lines);
  }
  if (!a.out) usage("-o OUT.jsonl is required");
  if (a.pages.length === 0) usage("no pages given");
  return a;
}

function pageId(p) {
  return path.basename(p).replace(/\.(html?\.gz|html?)$/i, "");
}

function loadUrls(truthPath) {
  const urls = new Map();
  if (!truthPath) return urls;
  for (const line of fs.readFileSync(truthPath, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (r.url) urls.set(String(r.id), r.url);
  }
  return urls;
}

function pkgVersion(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch (e) {
    return null;
  }
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  const urls = loadUrls(a.truth);
  // Swallow jsdom's console and "Could not parse CSS stylesheet" noise.
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", () => {});

  const out = fs.openSync(a.out, "w");
  let pages = 0, bytes = 0, bytesGz = 0, nulls = 0, errors = 0;
  let readNs = 0n;

  const t0 = process.hrtime.bigint();
  for (const p of a.pages) {
    const id = pageId(p);
    const r0 = process.hrtime.bigint();
    let html = fs.readFileSync(p);
    if (p.endsWith(".gz")) {
      bytesGz += html.length;
      html = zlib.gunzipSync(html);
    }
    readNs += process.hrtime.bigint() - r0;
    bytes += html.length;
    pages++;

    const row = { id, text: "", title: null, author: null, date: null };
    let dom = null;
    try {
      const opts = { virtualConsole, contentType: "text/html" };
      const url = urls.get(id);
      if (url) {
        try {
          new URL(url);
          opts.url = url;
        } catch (e) { /* not a valid URL: leave jsdom's about:blank */ }
      }
      // Without this, jsdom decodes a UTF-8 page that has no <meta charset> as windows-1252.
      const input = isUtf8(html) ? html.toString("utf8") : html;
      dom = new JSDOM(input, opts);
      const article = new Readability(dom.window.document).parse();
      if (article) {
        row.text = article.textContent || "";
        row.title = article.title || null;
        row.author = article.byline || null;
        row.date = article.publishedTime || null;
      } else {
        nulls++;
      }
    } catch (e) {
      errors++;
      row.error = String((e && e.message) || e).slice(0, 200);
    } finally {
      if (dom) dom.window.close();
    }
    fs.writeSync(out, JSON.stringify(row) + "\n");
    dom = null;
    await new Promise(setImmediate);  // let jsdom's queued callbacks run so the window can be freed
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(out);

  const stats = {
    tool: "readability.js",
    version: pkgVersion("@mozilla/readability"),
    jsdom: pkgVersion("jsdom"),
    node: process.version,
    pages,
    bytes,
    bytes_gz: bytesGz,
    seconds,
    seconds_read: Number(readNs) / 1e9,
    pages_per_s: seconds > 0 ? pages / seconds : null,
    mb_per_s: seconds > 0 ? bytes / 1e6 / seconds : null,
    null_results: nulls,
    errors,
  };
  const line = JSON.stringify(stats);
  process.stderr.write(line + "\n");
  if (a.stats) fs.writeFileSync(a.stats, line + "\n");
}

main().catch((e) => {
  process.stderr.write(`extract.js: ${(e && e.stack) || e}\n`);
  process.exit(1);
});
