import fc from 'fast-check';
import { arb, defineSpec, fail, property } from '../../../grader/spec/index.ts';
import { distillationLoss as reference } from '../../../reference/ch31-responsible-ai/distillation-loss.ts';

interface Batch {
  student: number[][];
  teacher: number[][];
  labels: number[];
  T: number;
  alpha: number;
}

const temperature = fc.constantFrom(1, 2, 4, 0.5, 3);
const weight = fc.constantFrom(0, 0.25, 0.5, 0.9, 1);

/** B = 1..4 examples, C = 2..5 classes, logits in [−4, 4]. */
const batch: fc.Arbitrary<Batch> = fc
  .record({ b: arb.dim(1, 4), c: arb.dim(2, 5) })
  .chain(({ b, c }) =>
    fc.record({
      student: arb.matrix(b, c, arb.num(4)),
      teacher: arb.matrix(b, c, arb.num(4)),
      labels: fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: b, maxLength: b }),
      T: temperature,
      alpha: weight,
    }),
  );

/** The reference tolerance, for invariant properties that also check the values (so a constant answer scores 0). */
const TOL = { atol: 1e-5, rtol: 1e-4 };
const REFERENCE = { es: 'Además, comparado con la referencia, el resultado', en: 'Also, compared with the reference, the result' };

export default defineSpec({
  'matches-reference': property({
    arbitrary: batch,
    examples: {
      // logits of ±1000: log-softmax with the row maximum subtracted stays finite
      'large-logits': { student: [[1000, -1000, 0], [-500, 500, 499]], teacher: [[999, -1000, 1], [-500, 498, 500]], labels: [0, 2], T: 2, alpha: 0.5 },
    },
    async check({ student, teacher, labels, T, alpha }, ctx) {
      const received = await ctx.call('distillationLoss', student, teacher, labels, T, alpha);
      ctx.expectClose(reference(student, teacher, labels, T, alpha), received);
    },
  }),

  'same-logits-no-distillation-loss': property({
    arbitrary: batch,
    async check({ student, teacher, labels, T, alpha }, ctx) {
      const received = await ctx.call('distillationLoss', teacher.map((r) => r.slice()), teacher, labels, T, 0);
      ctx.expectClose(0, received, {
        what: {
          es: `Con α = 0 (solo destilación) y el alumno igual al profesor (T = ${T}) no queda nada que destilar: la pérdida`,
          en: `With α = 0 (distillation only) and the student equal to the teacher (T = ${T}) there is nothing left to distil: the loss`,
        },
      });
      const general = await ctx.call('distillationLoss', student, teacher, labels, T, alpha);
      ctx.expectClose(reference(student, teacher, labels, T, alpha), general, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'alpha-one-is-cross-entropy': property({
    arbitrary: batch,
    async check({ student, teacher, labels, T }, ctx) {
      const received = await ctx.call('distillationLoss', student, teacher, labels, T, 1);
      ctx.expectClose(reference(student, teacher, labels, 1, 1), received, {
        what: {
          es: `Con α = 1 solo queda la entropía cruzada con las etiquetas, que no depende de T (aquí T = ${T}); la pérdida`,
          en: `With α = 1 only the cross-entropy with the labels is left, which does not depend on T (here T = ${T}); the loss`,
        },
      });
    },
  }),

  'no-mutation': property({
    arbitrary: batch,
    async check({ student, teacher, labels, T, alpha }, ctx) {
      const { value, mutated } = await ctx.callTracked('distillationLoss', student, teacher, labels, T, alpha);
      if (mutated.length > 0) {
        const names = mutated.map((i) => ['studentLogits', 'teacherLogits', 'labels', 'T', 'alpha'][i] ?? `#${i}`).join(', ');
        fail({ es: `distillationLoss modificó su argumento ${names}.`, en: `distillationLoss modified its argument ${names}.` });
      }
      ctx.expectClose(reference(student, teacher, labels, T, alpha), value, { tolerance: TOL, what: REFERENCE });
    },
  }),

  'logit-shift-invariant': property({
    arbitrary: batch.chain((b) => fc.record({ b: fc.constant(b), s: arb.vector(b.labels.length, arb.num(8)), t: arb.vector(b.labels.length, arb.num(8)) })),
    async check({ b: { student, teacher, labels, T, alpha }, s, t }, ctx) {
      const base = await ctx.call('distillationLoss', student, teacher, labels, T, alpha);
      const shifted = await ctx.call(
        'distillationLoss',
        student.map((row, i) => row.map((v) => v + s[i]!)),
        teacher.map((row, i) => row.map((v) => v + t[i]!)),
        labels,
        T,
        alpha,
      );
      ctx.expectClose(base, shifted, {
        what: {
          es: 'Sumar una constante a todos los logits de un ejemplo no cambia ninguna softmax; con los logits desplazados',
          en: 'Adding a constant to all the logits of an example changes no softmax; with shifted logits',
        },
      });
      ctx.expectClose(reference(student, teacher, labels, T, alpha), base, { tolerance: TOL, what: REFERENCE });
    },
  }),
});
