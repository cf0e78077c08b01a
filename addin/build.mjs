// Builds the add-in into the API's wwwroot/addin: the task pane (ES modules, MSAL.js split into a chunk that
// only NAA loads), the OnMessageSend handler as ONE classic script (classic Outlook on Windows runs it without
// imports), the sandbox page, the unit head's coverage page (MSAL.js in a chunk only its redirect sign-in loads), and
// the static files. Prints each bundle's size, minified and gzipped.
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const out = join("..", "src", "AddinApi", "wwwroot", "addin");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync("public", out, { recursive: true });

const common = { bundle: true, minify: true, sourcemap: false, target: ["es2022"], legalComments: "none", logLevel: "warning" };
await build({ ...common, entryPoints: { taskpane: "src/taskpane/taskpane.ts", sandbox: "src/sandbox/sandbox.ts" },
  outdir: out, format: "esm", splitting: true, chunkNames: "chunks/[name]-[hash]" });
await build({ ...common, entryPoints: { launchevent: "src/launchevent/launchevent.ts" }, outdir: out, format: "iife" });
// The same handler for the sandbox page, with NAA swapped for a stub: MSAL.js is never loaded in the sandbox.
const withoutMsal = { name: "sandbox-naa", setup(b) { b.onResolve({ filter: /\/naa$/ }, () => ({ path: resolve("src/api/naa.sandbox.ts") })); } };
await build({ ...common, entryPoints: { "launchevent-sandbox": "src/launchevent/launchevent.ts" }, outdir: out, format: "iife", plugins: [withoutMsal] });
// The coverage page outside Office: no NAA there (the stub takes its place), MSAL.js only in the redirect sign-in's chunk.
await build({ ...common, entryPoints: { coverage: "src/coveragepage/coveragePage.ts" }, outdir: out, format: "esm", splitting: true,
  chunkNames: "chunks/[name]-[hash]", plugins: [withoutMsal] });

const sizes = {};
const walk = (dir) => readdirSync(dir).flatMap((f) => statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]);
for (const file of walk(out).filter((f) => f.endsWith(".js"))) {
  const bytes = readFileSync(file);
  sizes[file.slice(out.length + 1)] = { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}
writeFileSync(join(out, "sizes.json"), JSON.stringify(sizes, null, 2));
for (const [name, s] of Object.entries(sizes))
  console.log(`${name.padEnd(40)} ${(s.minified / 1024).toFixed(1).padStart(7)} KB  ${(s.gzipped / 1024).toFixed(1).padStart(6)} KB gzip`);
