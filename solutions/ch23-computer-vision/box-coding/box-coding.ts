/** Centre (cy, cx) and size (h, w) of a [y1, x1, y2, x2] box. */
function toCentre(box: number[]): { cy: number; cx: number; h: number; w: number } {
  const [y1, x1, y2, x2] = box as [number, number, number, number];
  return { cy: (y1 + y2) / 2, cx: (x1 + x2) / 2, h: y2 - y1, w: x2 - x1 };
}

/** t = [(cy − cyₐ)/hₐ, (cx − cxₐ)/wₐ, log(h/hₐ), log(w/wₐ)] for each (anchor, box) pair. */
export function encodeBoxes(anchors: number[][], boxes: number[][]): number[][] {
  return anchors.map((anchor, i) => {
    const a = toCentre(anchor);
    const b = toCentre(boxes[i]!);
    return [(b.cy - a.cy) / a.h, (b.cx - a.cx) / a.w, Math.log(b.h / a.h), Math.log(b.w / a.w)];
  });
}

/** Inverse of encodeBoxes: shift the anchor's centre, scale its size, go back to corners. */
export function decodeBoxes(anchors: number[][], deltas: number[][]): number[][] {
  return anchors.map((anchor, i) => {
    const a = toCentre(anchor);
    const [ty, tx, th, tw] = deltas[i] as [number, number, number, number];
    const cy = a.cy + ty * a.h;
    const cx = a.cx + tx * a.w;
    const h = a.h * Math.exp(th);
    const w = a.w * Math.exp(tw);
    return [cy - h / 2, cx - w / 2, cy + h / 2, cx + w / 2];
  });
}
