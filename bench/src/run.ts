import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

// Runs every `*.bench.ts` file in this folder whose id (the file name) starts with one of
// the prefixes given on the command line: `npm run bench -- booking` runs `booking.*`.
const dir = fileURLToPath(new URL(".", import.meta.url));
const prefixes = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => prefixes.length === 0 || prefixes.some((p) => f.startsWith(p)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${prefixes.join(", ")}`);
  process.exit(1);
}
for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { default: () => Promise<unknown> };
  await mod.default();
}
