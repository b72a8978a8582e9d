/** A promise with its resolve function, to order steps of concurrent transactions without sleeping. */
export interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

/** A new {@link Deferred}. */
export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
