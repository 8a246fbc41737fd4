/** IoU of two [y1, x1, y2, x2] boxes. */
function iou(a: number[], b: number[]): number {
  const [ay1, ax1, ay2, ax2] = a as [number, number, number, number];
  const [by1, bx1, by2, bx2] = b as [number, number, number, number];
  const height = Math.max(0, Math.min(ay2, by2) - Math.max(ay1, by1));
  const width = Math.max(0, Math.min(ax2, bx2) - Math.max(ax1, bx1));
  const intersection = height * width;
  const union = (ay2 - ay1) * (ax2 - ax1) + (by2 - by1) * (bx2 - bx1) - intersection;
  return intersection / union;
}

/**
 * Greedy NMS: visit boxes from the highest score down (ties: lower index first) and keep a box
 * unless it overlaps an already kept one with IoU ≥ iouThreshold.
 */
export function nonMaxSuppression(boxes: number[][], scores: number[], maxOutputSize: number, iouThreshold: number): number[] {
  const order = scores.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]! || i - j);
  const kept: number[] = [];
  for (const candidate of order) {
    if (kept.length >= maxOutputSize) break;
    const suppressed = kept.some((k) => iou(boxes[candidate]!, boxes[k]!) >= iouThreshold);
    if (!suppressed) kept.push(candidate);
  }
  return kept;
}
