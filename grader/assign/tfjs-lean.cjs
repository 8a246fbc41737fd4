'use strict';
// The TensorFlow.js of an assignment repository's grader (.dlgrade/grader.mjs): what the bundle
// gives every `import * as tf from '@tensorflow/tfjs'` of a reference, and the grader's own
// requireTfjs() (grader/backend/tfjs-package.ts), instead of the full @tensorflow/tfjs package.
// The full package adds the converter, tf.data and the WebGL backend, which no reference uses,
// and is ~2.5× what an assignment installs this way (docs/instructors.md, "Install size").
//
// Built as @tensorflow/tfjs's own Node entry (dist/tf.node.js) is: tfjs-core, tfjs-layers and the
// cpu backend required (the assignment installs them; the wasm backend is loaded by the backend
// selection), plus what tfjs-core's Node build leaves out. The gradients (tf.grad, tf.grads,
// tf.valueAndGrads, model.fit): tfjs-layers' Node build registers all of them, the same 101 kernels
// as the full package. The chained ops (x.square(), used by the ch18 references): nothing but
// tf.node.js registers them, so they are bundled from tfjs-core's ES modules, as tf.node.js inlines
// them; they patch the Tensor class tfjs-core keeps on the global object, so the installed
// tfjs-core's tensors get them. The exports follow tf.node.js: core first, then layers, then the
// cpu backend; a name already exported is never replaced.
const core = require('@tensorflow/tfjs-core');
const layers = require('@tensorflow/tfjs-layers');
const cpu = require('@tensorflow/tfjs-backend-cpu');
require('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');

exports.version = {
  'tfjs-core': core.version_core,
  'tfjs-backend-cpu': cpu.version_cpu,
  'tfjs-layers': layers.version_layers,
};
for (const mod of [core, layers, cpu]) {
  for (const name of Object.keys(mod)) {
    if (name === 'default' || Object.prototype.hasOwnProperty.call(exports, name)) continue;
    Object.defineProperty(exports, name, { enumerable: true, get: () => mod[name] });
  }
}
