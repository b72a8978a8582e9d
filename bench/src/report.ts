import { mkdirSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { Session } from "node:inspector/promises";
import { Bench } from "tinybench";

/** One side of a comparison: a name and an async or sync function that returns its answer. */
export interface Side<T> {
  readonly name: string;
  /** Does the measured work once and returns its answer (compared with the other side's). */
  readonly run: () => T | Promise<T>;
  /** Prepares each run (fresh state), outside the measured time. */
  readonly beforeEach?: () => void | Promise<void>;
}

/** A benchmark as BENCH.md defines it: ours against a baseline, same inputs, same run. */
export interface Comparison<T> {
  /** Result id, e.g. `booking.availability.month-10k`. */
  readonly id: string;
  /** `ms` (median time per run, lower is better) or `ops/s` (throughput, higher is better). */
  readonly unit: "ms" | "ops/s";
  /** Inputs, for the report. */
  readonly params: Record<string, unknown>;
  /** This project. */
  readonly ours: Side<T>;
  /** The baseline (naive implementation, raw engine or peer library). */
  readonly baseline: Side<T>;
  /** Further peers reported alongside, each also checked for the same answer. */
  readonly peers?: readonly Side<T>[];
  /** Operations per call of `run`, for `ops/s` (e.g. 1,000 reservations per call). @default 1 */
  readonly opsPerRun?: number;
  /** Normalizes an answer before comparison (e.g. sort). @default identity */
  readonly normalize?: (answer: T) => unknown;
  /** Minimum measuring time per side in ms. @default 1000 */
  readonly time?: number;
  /** Warm-up time per side in ms. @default 200 */
  readonly warmupTime?: number;
  /** Minimum runs per side (tinybench's `iterations`). @default 64 */
  readonly iterations?: number;
  /** Extra fields for the report (targets, notes). */
  readonly extra?: Record<string, unknown>;
}

/** The printed and written result. */
export interface BenchResult {
  id: string;
  value?: number;
  unit: string;
  better: "lower" | "higher";
  baseline?: { name: string; value: number };
  peers?: { name: string; value: number; ratio: number }[];
  ratio?: number;
  params: Record<string, unknown>;
  samples?: number;
  error?: string;
  [extra: string]: unknown;
}

/** Prints one `BENCH {json}` line and writes `bench/results/<id>.json` (for benches that measure without {@link compare}). */
export function emit(result: BenchResult): void {
  console.log(`BENCH ${JSON.stringify(result)}`);
  const dir = new URL("../results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${result.id}.json`, dir), `${JSON.stringify(result, null, 2)}\n`);
}

/**
 * Checks that every side gives the same answer, then measures each side with tinybench and
 * prints one `BENCH {json}` line (also written to `bench/results/<id>.json`). `value` is the
 * median after warm-up; `ratio` is how many times better ours is than the baseline.
 */
export async function compare<T>(c: Comparison<T>): Promise<BenchResult> {
  const better = c.unit === "ms" ? "lower" : "higher";
  const norm = c.normalize ?? ((x: T) => x);
  const sides = [c.ours, c.baseline, ...(c.peers ?? [])];
  await c.ours.beforeEach?.();
  const expected = norm(await c.ours.run());
  for (const side of sides.slice(1)) {
    await side.beforeEach?.();
    const answer = norm(await side.run());
    if (!isDeepStrictEqual(answer, expected)) {
      const result: BenchResult = {
        id: c.id,
        unit: c.unit,
        better,
        params: c.params,
        error: `${side.name} gives a different answer than ${c.ours.name}`,
      };
      emit(result);
      return result;
    }
  }
  if (process.env.BENCH_PROFILE) {
    // Profiling (`BENCH_PROFILE=1 node --cpu-prof …`, see README): only our side, for the
    // measuring time, so the profile shows where the SDK's time goes; nothing is reported.
    // `BENCH_PROFILE_DIR=<dir>` profiles only this loop (not the data build before it) with
    // the inspector and writes `<dir>/<id>.cpuprofile`, for `profile-top.ts`.
    const session = process.env.BENCH_PROFILE_DIR ? await startProfile() : undefined;
    const until = performance.now() + Number(process.env.BENCH_PROFILE_MS ?? 10_000);
    let runs = 0;
    // `BENCH_PROFILE_SIDE=baseline` profiles the baseline instead (for growth benches, whose
    // baseline is the same code on less history: the two profiles show what grows).
    const side = process.env.BENCH_PROFILE_SIDE === "baseline" ? c.baseline : c.ours;
    while (performance.now() < until || runs < 64) {
      await side.beforeEach?.();
      await side.run();
      runs++;
    }
    if (session) await stopProfile(session, `${process.env.BENCH_PROFILE_DIR}/${c.id}.cpuprofile`);
    console.error(`profiled ${c.id}: ${runs} runs of ${side.name}`);
    return { id: c.id, unit: c.unit, better, params: c.params, samples: runs };
  }
  const cpu = process.env.BENCH_CPU ? await cpuTimes(c) : undefined;
  const bench = new Bench({
    time: c.time ?? 1000,
    warmupTime: c.warmupTime ?? 200,
    ...(c.iterations === undefined ? {} : { iterations: c.iterations }),
  });
  for (const side of sides)
    bench.add(side.name, side.run, side.beforeEach ? { beforeEach: side.beforeEach } : undefined);
  await bench.run();
  const value = (name: string) => {
    const task = bench.getTask(name)!;
    const result = task.result as {
      state?: string;
      latency?: { p50?: number; samplesCount?: number };
      error?: unknown;
    };
    if (!result.latency?.p50) throw new Error(`${name} failed: ${String(result.error)}`);
    const ms = result.latency.p50;
    return c.unit === "ms" ? ms : ((c.opsPerRun ?? 1) * 1000) / ms;
  };
  const ratioOf = (ours: number, other: number) => (c.unit === "ms" ? other / ours : ours / other);
  const ours = value(c.ours.name);
  const base = value(c.baseline.name);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const samples = (bench.getTask(c.ours.name)!.result as { latency?: { samplesCount?: number } }).latency
    ?.samplesCount;
  const result: BenchResult = {
    id: c.id,
    value: round(ours),
    unit: c.unit,
    better,
    baseline: { name: c.baseline.name, value: round(base) },
    ratio: round(ratioOf(ours, base)),
    params: c.params,
    samples,
    ...(c.peers?.length
      ? {
          peers: c.peers.map((p) => ({
            name: p.name,
            value: round(value(p.name)),
            ratio: round(ratioOf(ours, value(p.name))),
          })),
        }
      : {}),
    ...c.extra,
    ...(cpu ? { cpu } : {}),
  };
  emit(result);
  return result;
}

/**
 * CPU time per run of ours and of the baseline (`BENCH_CPU=1`): `process.cpuUsage` over
 * batches of runs, the two sides interleaved in five rounds, median of the rounds. On a
 * shared machine under load, wall-clock medians of the two sides (measured one after the
 * other) drift apart with the load; CPU time of interleaved rounds holds better. Reported as
 * `cpu` next to the wall-clock figures, which stay the headline. Includes the process's other
 * threads (garbage collection helpers).
 */
export async function cpuTimes<T>(
  c: Comparison<T>,
): Promise<{ oursMs: number; baselineMs: number; ratio: number }> {
  const round = async (side: Side<T>): Promise<number> => {
    let runs = 0;
    let spent = 0;
    const until = performance.now() + 200;
    while (performance.now() < until || runs < 5) {
      await side.beforeEach?.();
      const before = process.cpuUsage();
      await side.run();
      const used = process.cpuUsage(before);
      spent += used.user + used.system;
      runs++;
    }
    return spent / runs / 1000;
  };
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 5; i++) {
    ours.push(await round(c.ours));
    base.push(await round(c.baseline));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const o = median(ours);
  const b = median(base);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  // Times per run; for `ops/s` benches too (the ratio is then baseline time / ours as well).
  return { oursMs: r(o), baselineMs: r(b), ratio: r(b / o) };
}

async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return session;
}

async function stopProfile(session: Session, file: string): Promise<void> {
  const { profile } = await session.post("Profiler.stop");
  mkdirSync(new URL(".", `file://${file.startsWith("/") ? file : `${process.cwd()}/${file}`}`), {
    recursive: true,
  });
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}
