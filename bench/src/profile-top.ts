import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// Prints the top self-time functions of the newest `.cpuprofile` in a folder (default
// `bench/.prof`), as `node --cpu-prof` writes them: `npx tsx src/profile-top.ts [dir] [n]`.
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const dir = process.argv[2] ?? ".prof";
const top = Number(process.argv[3] ?? 25);
const newest = readdirSync(dir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .map((f) => join(dir, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!newest) throw new Error(`no .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(newest, "utf8")) as { nodes: Node[]; samples: number[] };
const byNode = new Map<number, Node>(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
for (const id of profile.samples) {
  const f = byNode.get(id)!.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(packages|node_modules)\//, "$1/")}:${f.lineNumber + 1}` : "";
  const key = `${f.functionName || "(anonymous)"} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + 1);
}
const total = profile.samples.length;
console.log(`${newest}: ${total} samples`);
for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`);
