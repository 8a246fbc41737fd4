import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as R from './reference/ch15-losses/label-smoothing.ts';
import * as S from './solutions/ch15-losses/label-smoothing/label-smoothing.ts';
await tf.setBackend(process.argv[2] ?? 'cpu');
console.log(JSON.stringify(R.labelSmoothingCE([[0, 0]], [0], 0.2)), JSON.stringify(S.labelSmoothingCE([[0, 0]], [0], 0.2)));
console.log(JSON.stringify(R.labelSmoothingCE([[1, 2, 3],[100,-100,0]], [2,1], 0.1)), JSON.stringify(S.labelSmoothingCE([[1, 2, 3],[100,-100,0]], [2,1], 0.1)));
