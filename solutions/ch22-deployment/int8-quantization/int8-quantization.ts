export interface QuantParams {
  scale: number;
  zeroPoint: number;
}

const QMIN = -128;
const QMAX = 127;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function quantParams(min: number, max: number): QuantParams {
  // the range must contain 0, so that 0 (padding, ReLU outputs) is represented exactly
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  const scale = hi > lo ? (hi - lo) / (QMAX - QMIN) : 1;
  const zeroPoint = clamp(QMIN - Math.round(lo / scale), QMIN, QMAX);
  return { scale, zeroPoint };
}

export function quantize(x: number[], scale: number, zeroPoint: number): number[] {
  return x.map((v) => clamp(Math.round(v / scale) + zeroPoint, QMIN, QMAX));
}

export function dequantize(q: number[], scale: number, zeroPoint: number): number[] {
  return q.map((v) => scale * (v - zeroPoint));
}
