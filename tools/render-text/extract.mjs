// Takes the visible text of built Docusaurus API pages with headless Chromium, one `.txt` per page.
//
// usage: node extract.mjs BUILD_DIR OUT_DIR DOC_ID...
//   BUILD_DIR: the output of `docusaurus build` (pages under /docs/<id>/)
//   CHROMIUM:  the browser binary (default /usr/bin/chromium)
//
// The text is what a reader copies from the rendered page, in the form of seed 002 (the plain text of
// authentik's page `stages-authenticator-duo-partial-update`):
// - every tab panel is shown (status codes, media types, Schema / Example): a copy of the page holds them
//   all, one after the other;
// - what the page hides with `display: none` or `visibility: hidden` is left out: collapsed schema items
//   (Docusaurus' <Details> hides their content that way) show their summary only. Closed native <details>
//   (the security scheme box) keep their content, as in the seed;
// - CSS text-transform is not applied, block elements (div, p, li, h1-h6, pre, summary...) start lines,
//   inline ones (span, strong, code, a) run together as they are in the DOM, `<br>` breaks a line, list
//   items start with "- ", whitespace runs collapse to one space (so code blocks lose their indentation),
//   and empty lines are dropped. Inside <pre> only `<br>` and newlines break lines (the method badge and
//   the path `<h2>` of the endpoint share one <pre>: "PATCH/api/v3//stages/...").
// Only the API item (both columns, `.theme-api-markdown`) is taken: no navbar, sidebar or pagination.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [buildDir, outDir, ...ids] = process.argv.slice(2);
if (!buildDir || !outDir || ids.length === 0) {
  console.error("usage: node extract.mjs BUILD_DIR OUT_DIR DOC_ID...");
  process.exit(2);
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };

/** Serves the static build, the way `docusaurus serve` would, on a free local port. */
function serve(root) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, "http://localhost").pathname));
    if (!file.startsWith(root)) file = root;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader("content-type", TYPES[path.extname(file)] || "application/octet-stream");
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Runs in the page: the visible text of the API item, by the rules above. */
function visibleText() {
  const BLOCK = new Set(
    ("address article aside blockquote caption details dd dialog div dl dt fieldset figcaption figure footer form " +
      "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody tfoot thead tr ul")
      .split(" "),
  );
  const SKIP = new Set(["script", "style", "noscript", "svg", "template", "textarea", "input", "select"]);
  for (const panel of document.querySelectorAll("[role=tabpanel][hidden]")) panel.removeAttribute("hidden");
  const hidden = (element) => {
    const style = getComputedStyle(element);
    return style.display === "none" || style.visibility === "hidden";
  };
  const lines = [""];
  const newLine = () => {
    if (lines[lines.length - 1].trim() !== "") lines.push("");
  };
  const append = (text) => {
    const last = lines.length - 1;
    lines[last] += lines[last] === "" || lines[last].endsWith(" ") ? text.replace(/^ /, "") : text;
  };
  // An explicit stack: API pages nest deeply enough that recursion is not worth the risk.
  const root = document.querySelector(".theme-api-markdown") || document.querySelector("main");
  if (!root) return "";
  const stack = [{ node: root, exit: false, pre: false }];
  while (stack.length > 0) {
    const { node, exit, pre } = stack.pop();
    if (exit) {
      newLine();
      continue;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const parts = pre ? node.textContent.split("\n") : [node.textContent];
      parts.forEach((part, i) => {
        if (i > 0) lines.push("");
        append(part.replace(/\s+/g, " "));
      });
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const tag = node.localName;
    if (SKIP.has(tag) || hidden(node)) continue;
    if (tag === "br") {
      lines.push("");
      continue;
    }
    if (BLOCK.has(tag) && !pre) {
      newLine();
      if (tag === "li") append("- ");
      stack.push({ node, exit: true, pre });
    }
    const inPre = pre || tag === "pre";
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i], exit: false, pre: inPre });
  }
  return lines.map((l) => l.trim()).filter((l) => l !== "").join("\n");
}

const root = path.resolve(buildDir);
const server = await serve(root);
const { port } = server.address();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
fs.mkdirSync(outDir, { recursive: true });
let failed = 0;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  for (const id of ids) {
    await page.goto(`http://127.0.0.1:${port}/docs/${id}`, { waitUntil: "networkidle0" });
    // The right column (ApiExplorer) renders in the browser only: wait until it no longer says "Loading...".
    await page
      .waitForFunction(() => !document.querySelector(".openapi-right-panel__container")?.innerText.includes("Loading"), { timeout: 15000 })
      .catch(() => console.error(`${id}: the right column did not finish loading`));
    const text = await page.evaluate(visibleText);
    if (!text.trim()) {
      console.error(`${id}: no text`);
      failed++;
      continue;
    }
    fs.writeFileSync(path.join(outDir, `${id}.txt`), text);
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
