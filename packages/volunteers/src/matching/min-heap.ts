/**
 * A binary min-heap of (key, node) pairs on typed arrays, with lazy deletion left to the caller.
 * Internal to the min-cost flow.
 */
export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  /** Number of entries. */
  size = 0;

  /** Creates a heap with an initial capacity (it grows as needed). */
  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.keys = new Float64Array(n);
    this.nodes = new Int32Array(n);
  }

  /** Empties the heap. */
  clear(): void {
    this.size = 0;
  }

  /** Adds `node` with priority `key`. */
  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** The smallest key (only when `size > 0`). */
  topKey(): number {
    return this.keys[0]!;
  }

  /** Removes and returns the node with the smallest key (only when `size > 0`). */
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0]!;
    const last = --this.size;
    if (last > 0) {
      const key = keys[last]!;
      const node = nodes[last]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
        if (keys[child]! >= key) break;
        keys[i] = keys[child]!;
        nodes[i] = nodes[child]!;
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }
}
