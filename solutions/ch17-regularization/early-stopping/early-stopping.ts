export interface EarlyStoppingOptions {
  patience: number;
  minDelta?: number;
  mode?: 'min' | 'max';
  restoreBestWeights?: boolean;
}

export interface EarlyStoppingResult {
  stoppedEpoch: number;
  bestEpoch: number;
  epochsRun: number;
  weightsEpoch: number;
}

/** Early stopping over a recorded validation history, epoch by epoch, as Keras's callback does it. */
export function earlyStopping(history: number[], opts: EarlyStoppingOptions): EarlyStoppingResult {
  const { patience, minDelta = 0, mode = 'min', restoreBestWeights = false } = opts;
  const delta = Math.abs(minDelta);
  const improves = (value: number, best: number) => (mode === 'min' ? value < best - delta : value > best + delta);

  let best = mode === 'min' ? Infinity : -Infinity;
  let bestEpoch = -1;
  let wait = 0;
  let stoppedEpoch = -1;
  let epochsRun = 0;
  for (let epoch = 0; epoch < history.length; epoch++) {
    epochsRun = epoch + 1;
    if (improves(history[epoch]!, best)) {
      best = history[epoch]!;
      bestEpoch = epoch;
      wait = 0;
    } else {
      wait++;
      if (wait >= patience) {
        stoppedEpoch = epoch;
        break;
      }
    }
  }
  return { stoppedEpoch, bestEpoch, epochsRun, weightsEpoch: restoreBestWeights ? bestEpoch : epochsRun - 1 };
}
