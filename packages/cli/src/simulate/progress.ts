import cliProgress from "cli-progress";

/** A day counter for a simulation: a bar on an interactive terminal, silent elsewhere. */
export interface DayProgress {
  /** Called after each day. */
  readonly onDay: (done: number, total: number) => void;
  /** Removes the bar. */
  stop(): void;
}

/**
 * A progress bar on stderr when it is a TTY and not in CI (`CI` set); otherwise nothing is
 * written, so logs and pipes stay clean.
 */
export function dayProgress(stream: NodeJS.WriteStream = process.stderr, env = process.env): DayProgress {
  if (!stream.isTTY || env.CI) return { onDay: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: "simulating [{bar}] {value}/{total} days", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onDay: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
