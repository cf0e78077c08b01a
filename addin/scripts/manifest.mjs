// Writes manifest.xml for another host: node addin/scripts/manifest.mjs https://kontaktlofte.botkyrka.se > out.xml
// Every URL in the manifest is on one host; this swaps that host and nothing else.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const host = process.argv[2];
if (!host || !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(host)) {
  console.error("Ange värden som https://namn[:port], till exempel https://kontaktlofte.botkyrka.se");
  process.exit(2);
}
const manifest = readFileSync(fileURLToPath(new URL("../../manifest.xml", import.meta.url)), "utf8");
process.stdout.write(manifest.replaceAll("https://localhost:5443", host.replace(/\/$/, "")));
