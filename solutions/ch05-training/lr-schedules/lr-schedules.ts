/** Learning-rate schedules: one value per step t = 0 … count − 1. */

export function stepDecay(lr0: number, gamma: number, stepSize: number, count: number): number[] {
  const lrs: number[] = [];
  for (let t = 0; t < count; t++) {
    const drops = Math.floor(t / stepSize); // completed blocks of stepSize epochs
    lrs.push(lr0 * gamma ** drops);
  }
  return lrs;
}

export function cosineAnnealing(lrMax: number, lrMin: number, T: number, count: number): number[] {
  const lrs: number[] = [];
  for (let t = 0; t < count; t++) {
    if (t > T) {
      lrs.push(lrMin); // the schedule has ended: stay at the floor
    } else {
      lrs.push(lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos((Math.PI * t) / T)));
    }
  }
  return lrs;
}

export function triangularCyclic(baseLr: number, maxLr: number, stepSize: number, count: number): number[] {
  const lrs: number[] = [];
  for (let t = 0; t < count; t++) {
    const cycle = Math.floor(1 + t / (2 * stepSize));
    const x = Math.abs(t / stepSize - 2 * cycle + 1); // 1 at the start of a cycle, 0 at its peak
    lrs.push(baseLr + (maxLr - baseLr) * Math.max(0, 1 - x));
  }
  return lrs;
}
