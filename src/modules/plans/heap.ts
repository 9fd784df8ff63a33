/**
 * A max-heap of (key, candidate, stamp) in typed arrays: the greedy passes push hundreds of
 * thousands of entries, and boxed objects would cost several times the memory.
 */
export class MaxHeap {
  private keys: Float64Array;
  private items: Int32Array;
  private stamps: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
    this.stamps = new Int32Array(capacity);
  }

  push(key: number, item: number, stamp: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! >= key) break;
      this.put(i, this.keys[parent]!, this.items[parent]!, this.stamps[parent]!);
      i = parent;
    }
    this.put(i, key, item, stamp);
  }

  /** The top entry's item and stamp, then removes it; call only when size > 0. */
  pop(): { item: number; stamp: number; key: number } {
    const top = { item: this.items[0]!, stamp: this.stamps[0]!, key: this.keys[0]! };
    const last = --this.size;
    const key = this.keys[last]!;
    const item = this.items[last]!;
    const stamp = this.stamps[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.keys[child + 1]! > this.keys[child]!) child++;
      if (this.keys[child]! <= key) break;
      this.put(i, this.keys[child]!, this.items[child]!, this.stamps[child]!);
      i = child;
    }
    if (last > 0) this.put(i, key, item, stamp);
    return top;
  }

  private put(i: number, key: number, item: number, stamp: number): void {
    this.keys[i] = key;
    this.items[i] = item;
    this.stamps[i] = stamp;
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const keys = new Float64Array(n);
    const items = new Int32Array(n);
    const stamps = new Int32Array(n);
    keys.set(this.keys);
    items.set(this.items);
    stamps.set(this.stamps);
    this.keys = keys;
    this.items = items;
    this.stamps = stamps;
  }
}
