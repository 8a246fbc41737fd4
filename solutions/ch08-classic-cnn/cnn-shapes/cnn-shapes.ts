/** Output shapes and parameter counts of a conv/pool/flatten/dense stack (channels-last). */

export type Layer =
  | { type: 'conv'; filters: number; kernel: number; stride: number; padding: 'valid' | 'same' }
  | { type: 'pool'; size: number; stride: number; padding: 'valid' | 'same' }
  | { type: 'flatten' }
  | { type: 'dense'; units: number };

export interface Summary {
  shapes: number[][];
  params: number[];
  total: number;
}

/** Spatial output size of a window k with stride s along one axis of length n. */
function outSize(n: number, k: number, s: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

export function cnnSummary(inputShape: number[], layers: Layer[]): Summary {
  let shape = [...inputShape];
  const shapes: number[][] = [];
  const params: number[] = [];
  for (const layer of layers) {
    let p = 0;
    if (layer.type === 'conv') {
      const [h, w, c] = shape as [number, number, number];
      p = layer.kernel * layer.kernel * c * layer.filters + layer.filters; // one k×k×c kernel + bias per filter
      shape = [outSize(h, layer.kernel, layer.stride, layer.padding), outSize(w, layer.kernel, layer.stride, layer.padding), layer.filters];
    } else if (layer.type === 'pool') {
      const [h, w, c] = shape as [number, number, number];
      shape = [outSize(h, layer.size, layer.stride, layer.padding), outSize(w, layer.size, layer.stride, layer.padding), c];
    } else if (layer.type === 'flatten') {
      shape = [shape.reduce((a, b) => a * b, 1)];
    } else {
      p = shape[0]! * layer.units + layer.units;
      shape = [layer.units];
    }
    shapes.push(shape);
    params.push(p);
  }
  return { shapes, params, total: params.reduce((a, b) => a + b, 0) };
}
