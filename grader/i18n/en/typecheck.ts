import type { TypecheckMessages } from '../es/typecheck.ts';

export const typecheck: TypecheckMessages = {
  heading: 'Type errors (TypeScript)',
  tscSays: (code, text) => `TypeScript says (TS${code}): "${text}"`,
  signatureMismatch: (fn, signature) => `The type of ${fn} does not match the statement's signature: ${signature}`,
  referenceRefused: (what) => `"/// <reference ${what}>" is not allowed: an exercise is one file; remove that line.`,
  importRefused: (path) => `importing "${path}" is not allowed: an exercise is one self-contained file.`,
  checkerFailed: (detail) => `the types could not be checked (a grader fault, not yours): ${detail}`,
  checkStopped: (kind, seconds) =>
    `the type check was stopped: ${kind === 'memory' ? 'it used too much memory' : kind === 'cpu' ? `it had used ${seconds} s of CPU` : `it had run for ${seconds} s`} without finishing (types too complex for TypeScript, e.g. recursive types). It does not count in the grade; everything else was graded as usual. Simplify those types to see the type errors.`,
  explain: {
    2322: 'You assign or return a value of a different type than the one declared. Check the function\'s return type and the variable\'s type.',
    2345: 'You pass a function an argument of a different type than it expects (e.g. a string where a number goes).',
    2532: 'The value may be undefined (e.g. an array element that may not exist). Check it before using it, or give a default with ??.',
    18048: 'The value may be undefined (e.g. an optional parameter or an array element). Check it before using it, or give a default with ??.',
    2339: 'You use a property that this type does not have: check the name or the object\'s type.',
    2741: 'The object lacks a required property of the expected type.',
    2554: 'You call the function with a different number of arguments than it declares.',
    2355: 'The function declares a return type but some path returns nothing: add the missing return.',
    7006: 'A parameter has no type: write it (copy the statement\'s signature).',
    2304: 'You use a name that is not declared: a typo, or a missing declaration?',
    2365: 'You operate on values of incompatible types (e.g. adding a number and an array).',
  },
};
