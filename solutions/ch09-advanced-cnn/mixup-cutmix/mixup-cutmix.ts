export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Mixed {
  image: number[][][];
  label: number[];
}

/** λ·a + (1 − λ)·b, element by element. */
function blend(a: number[], b: number[], lambda: number): number[] {
  return a.map((v, k) => lambda * v + (1 - lambda) * b[k]!);
}

export function mixup(x1: number[][][], y1: number[], x2: number[][][], y2: number[], lambda: number): Mixed {
  const image = x1.map((row, i) => row.map((pixel, j) => blend(pixel, x2[i]![j]!, lambda)));
  return { image, label: blend(y1, y2, lambda) };
}

export function cutmix(x1: number[][][], y1: number[], x2: number[][][], y2: number[], box: Box): Mixed {
  const h = x1.length;
  const w = x1[0]!.length;
  // clip the box to the image
  const top = Math.max(0, box.top);
  const bottom = Math.min(h, box.bottom);
  const left = Math.max(0, box.left);
  const right = Math.min(w, box.right);
  const inside = (i: number, j: number) => i >= top && i < bottom && j >= left && j < right;

  const image = x1.map((row, i) => row.map((pixel, j) => (inside(i, j) ? [...x2[i]![j]!] : [...pixel])));

  const pastedArea = Math.max(0, bottom - top) * Math.max(0, right - left);
  const lambda = 1 - pastedArea / (h * w);
  return { image, label: blend(y1, y2, lambda) };
}
