/** The five headline exercises of the core issue, used by the benchmarks. */
export const HEADLINE = [
  'ch04-perceptron/perceptron-rule',
  'ch04-perceptron/backprop',
  'ch07-convolution/conv2d',
  'ch15-losses/dice-loss',
  'ch16-optimizers/adam',
];
