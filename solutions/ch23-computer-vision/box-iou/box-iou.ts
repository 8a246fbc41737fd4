/** Area of a [y1, x1, y2, x2] box. */
function area(box: number[]): number {
  const [y1, x1, y2, x2] = box as [number, number, number, number];
  return (y2 - y1) * (x2 - x1);
}

/** IoU of two boxes: intersection (clipped at 0 on each side) over union. */
function iou(a: number[], b: number[]): number {
  const [ay1, ax1, ay2, ax2] = a as [number, number, number, number];
  const [by1, bx1, by2, bx2] = b as [number, number, number, number];
  const height = Math.max(0, Math.min(ay2, by2) - Math.max(ay1, by1));
  const width = Math.max(0, Math.min(ax2, bx2) - Math.max(ax1, bx1));
  const intersection = height * width;
  return intersection / (area(a) + area(b) - intersection);
}

/** N×M matrix of IoU between every box of A (rows) and every box of B (columns). */
export function boxIou(boxesA: number[][], boxesB: number[][]): number[][] {
  return boxesA.map((a) => boxesB.map((b) => iou(a, b)));
}
