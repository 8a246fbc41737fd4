/** A tensor as nested arrays of numbers (rank 1 to 3 in this exercise). */
export type Tensor = number | Tensor[];
export type Op = 'add' | 'sub' | 'mul' | 'div';

function shapeOf(t: Tensor): number[] {
  return Array.isArray(t) ? [t.length, ...shapeOf(t[0]!)] : [];
}

/** Broadcast shape (NumPy/PyTorch rules): align from the right; each pair of sizes is equal or one is 1. */
export function broadcastShape(a: number[], b: number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1; // a missing leading axis behaves as size 1
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) throw new Error(`shapes [${a}] and [${b}] do not broadcast`);
    out.push(Math.max(da, db));
  }
  return out;
}

/** The element of t at `index` (an index into the broadcast shape), reading size-1 axes at 0. */
function at(t: Tensor, index: number[]): number {
  const shape = shapeOf(t);
  let v = t;
  index.slice(index.length - shape.length).forEach((i, k) => (v = (v as Tensor[])[shape[k] === 1 ? 0 : i]!));
  return v as number;
}

/** A tensor of the given shape whose element at each index is f(index). */
function build(shape: number[], f: (index: number[]) => number, prefix: number[] = []): Tensor {
  if (prefix.length === shape.length) return f(prefix);
  return Array.from({ length: shape[prefix.length]! }, (_, i) => build(shape, f, [...prefix, i]));
}

function indices(shape: number[]): number[][] {
  return shape.reduce<number[][]>((acc, n) => acc.flatMap((idx) => Array.from({ length: n }, (_, i) => [...idx, i])), [[]]);
}

/**
 * The gradient of an input of `shape` that was broadcast to grad's shape: every element of grad goes
 * back to the input element it was copied from, so the copies' gradients add up.
 */
export function unbroadcast(grad: Tensor, shape: number[]): Tensor {
  const gradShape = shapeOf(grad);
  const offset = gradShape.length - shape.length;
  const out = build(shape, () => 0);
  for (const index of indices(gradShape)) {
    const target = index.slice(offset).map((i, k) => (shape[k] === 1 ? 0 : i));
    let cell = out as Tensor[];
    target.slice(0, -1).forEach((i) => (cell = cell[i] as Tensor[]));
    (cell as number[])[target[target.length - 1]!]! += at(grad, index);
  }
  return out;
}

/** dA and dB of out = a ∘ b (elementwise with broadcasting), given dOut of out's shape. */
export function broadcastBackward(op: Op, a: Tensor, b: Tensor, dOut: Tensor): { dA: Tensor; dB: Tensor } {
  const shape = broadcastShape(shapeOf(a), shapeOf(b));
  const local: Record<Op, (x: number, y: number) => [number, number]> = {
    add: () => [1, 1],
    sub: () => [1, -1],
    mul: (x, y) => [y, x],
    div: (x, y) => [1 / y, -x / (y * y)],
  };
  const partial = (which: 0 | 1) => build(shape, (i) => at(dOut, i) * local[op](at(a, i), at(b, i))[which]);
  return { dA: unbroadcast(partial(0), shapeOf(a)), dB: unbroadcast(partial(1), shapeOf(b)) };
}
