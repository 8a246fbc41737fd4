export interface PipelineSchedule {
  forward: number[][];
  backward: number[][];
  bubbleFraction: number;
}

/**
 * Simulates GPipe on K stages with M micro-batches, one time step per (stage, micro-batch, pass):
 * all forwards flow from stage 0 to K − 1, then all backwards flow from stage K − 1 to 0, the last
 * micro-batch first. Returns who does what at every step (−1 = idle) and the idle share (the bubble).
 */
export function gpipeSchedule(stages: number, microbatches: number): PipelineSchedule {
  const K = stages;
  const M = microbatches;
  const forwardSteps = M + K - 1; // the last micro-batch leaves the last stage at step M + K − 2
  const steps = 2 * forwardSteps;
  const idleGrid = () => Array.from({ length: steps }, () => new Array<number>(K).fill(-1));
  const forward = idleGrid();
  const backward = idleGrid();

  for (let i = 0; i < M; i++) {
    for (let s = 0; s < K; s++) {
      forward[i + s]![s] = i; // micro-batch i reaches stage s after i + s steps
      // backward: micro-batch M − 1 starts at the last stage; each stage and each earlier micro-batch adds a step
      backward[forwardSteps + (K - 1 - s) + (M - 1 - i)]![s] = i;
    }
  }

  let idle = 0;
  for (let t = 0; t < steps; t++) {
    for (let s = 0; s < K; s++) if (forward[t]![s] === -1 && backward[t]![s] === -1) idle++;
  }
  return { forward, backward, bubbleFraction: idle / (steps * K) };
}
