import fc from 'fast-check';
import { encode, encodesTo, type Encoded } from '../../sandbox/codec.ts';
import type { BatchAnswer, BatchCall, CallOutcome } from '../../sandbox/student-process.ts';
import type { PropertyContext } from '../../spec/define.ts';
import type { StudentSession } from './student-session.ts';

/**
 * Batched calls (issue 12 item 2). A property's check is arbitrary async code: the arguments of
 * its calls are only known when it runs. So, before fast-check runs the check on run r, the memo
 * takes the inputs fast-check will generate for the next runs (fast-check run on the same
 * arbitrary with the same seed, examples and number of runs: the same stream of values), runs the check on
 * each of them in a record mode, all at once, and sends the calls they make to the student process
 * in one message per round (a check that calls three times takes three rounds); then fast-check
 * runs the check as always, and each call it makes is answered from the batch only when it is the
 * same call: the same run, the same position in that run, the same function and byte for byte the
 * same encoded arguments, an answer used at most once, and only before the first failure of this
 * fast-check run (shrinking, and anything else, goes live, one round trip per call, as before).
 *
 * Why grading cannot change, and a student cannot gain by being impure:
 * - every answer used is the student process's own answer to exactly that call (the same bytes
 *   reached it), computed under the same per-call time limit, size cap and mutation check; its
 *   time is charged, and its death (timeout, crash, memory, too large) applied, at the moment the
 *   check makes that call, as a live call's would be (student-session.ts `use`);
 * - what differs is only when the student's process ran the call: a pure function answers the
 *   same; a stateful one could already see the order and timing of its calls and answer anything
 *   it likes, and its answers are still compared with the reference, which never crosses the
 *   channel;
 * - what it sees: the inputs of the property running now, as today; at most one window of them
 *   earlier than today (runs after a failing run, which today would not have been sent); never an
 *   input of another property, a hidden one included: a memo lives for one fast-check run of one
 *   property, and nothing is sent before that property starts;
 * - a batch cannot cost the exercise more than once: a death inside a batch, or more than a second
 *   (or one call's limit) of batched time never used, turns batching off for the exercise.
 */

/** The calls a property's context makes go through one of these (a StudentSession, or a memo in front of it). */
export interface CallPort {
  call(fn: string, args: unknown[]): Promise<CallOutcome>;
}

interface Entry {
  fn: string;
  key: string;
  encoded: Encoded;
  answer: BatchAnswer;
  used: boolean;
}

/**
 * The first window of runs prefetched; the next ones double (8, 16, 48, …), unless the exercise's
 * batched calls so far say the rest of the runs costs the student's process at most
 * CHEAP_REST_MS and none of its properties failed yet: then the next window is all of them (one
 * message instead of three; a property that fails early wastes at most that much of the student's
 * time, and the session's limit on batched time never used still holds). After a failure (a stub,
 * a wrong function: the next properties likely fail early too) the windows grow as before.
 */
const FIRST_WINDOW = 8;
const CHEAP_REST_MS = 50;
/** at most this many calls of one run are prefetched (the rest go live) */
const MAX_CALLS_PER_RUN = 16;
/** a batch message carries at most this many characters of encoded arguments (one call always fits) */
const MAX_BATCH_CHARS = 1 << 20;

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

function keyOf(args: unknown[]): { key: string; encoded: Encoded } | undefined {
  try {
    const encoded = encode(args);
    return { key: JSON.stringify(encoded), encoded };
  } catch {
    return undefined;
  }
}

class NotPlain extends Error {}

/**
 * A copy of a generated input for the record mode to run on (arrays and ordinary or
 * prototype-less objects copied, what they shared shared in the copy too, primitives and holes as
 * they are); throws NotPlain for anything else (a function, a class instance, a typed array).
 * Only what the record mode sees is copied: fast-check's run keeps the value it generated.
 */
function copyPlain(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value === 'function') throw new NotPlain();
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw new NotPlain();
    // the elements as they are (holes stay holes), then each object among them copied in turn
    const out = (value as unknown[]).slice();
    copies.set(value, out);
    for (let i = 0; i < out.length; i++) {
      const item = out[i];
      if (typeof item === 'function' || (item !== null && typeof item === 'object')) out[i] = copyPlain(item, copies);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  const out = (proto === null ? Object.create(null) : {}) as Record<string, unknown>;
  copies.set(value, out);
  for (const key of Object.keys(value)) {
    const item = copyPlain((value as Record<string, unknown>)[key], copies);
    // a key named "__proto__" is data, as in the value copied
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

/** An arbitrary in front of the property's own: shrinking, and what it can shrink, are the inner one's. */
abstract class InFrontOf extends fc.Arbitrary<unknown> {
  constructor(protected readonly inner: fc.Arbitrary<unknown>) {
    super();
  }
  canShrinkWithoutContext(value: unknown): value is unknown {
    return this.inner.canShrinkWithoutContext(value);
  }
  shrink(value: unknown, context: unknown): fc.Stream<fc.Value<unknown>> {
    return this.inner.shrink(value, context);
  }
}

type Generated = { value: fc.Value<unknown>; bias: number | undefined };

/**
 * The arbitrary fast-check's own run of a batched property draws from: its k-th generated value
 * is the Value the memo's sampling generated k-th (fast-check gives each run a generator of its
 * own, derived from the seed and the run's index only, so that is the very value it would
 * generate, context for shrinking included), when the sampling kept it and the bias matches;
 * otherwise it generates as the property's arbitrary does.
 */
class Replayed extends InFrontOf {
  private calls = 0;
  constructor(
    inner: fc.Arbitrary<unknown>,
    private readonly kept: () => readonly (Generated | undefined)[],
  ) {
    super(inner);
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<unknown> {
    const k = this.calls++;
    const kept = this.kept()[k];
    if (kept !== undefined && kept.bias === biasFactor) {
      memoStats.replayed++;
      return kept.value;
    }
    return this.inner.generate(mrng, biasFactor);
  }
}

/** The property's arbitrary, recording each Value it generates (and the bias it was asked for) in `log`. */
class Recorded extends InFrontOf {
  constructor(
    inner: fc.Arbitrary<unknown>,
    private readonly log: Generated[],
  ) {
    super(inner);
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<unknown> {
    const value = this.inner.generate(mrng, biasFactor);
    this.log.push({ value, bias: biasFactor });
    return value;
  }
}

function outcomeOf(answer: BatchAnswer): CallOutcome {
  const { chargedMs: _charged, ...outcome } = answer;
  void _charged;
  return outcome as CallOutcome;
}

export interface MemoOptions {
  session: StudentSession;
  /** the arbitrary of the property fast-check will run */
  arbitrary: fc.Arbitrary<unknown>;
  /** the very parameters fast-check gets */
  params: fc.Parameters<[unknown]>;
  /** the property's check, as fast-check's predicate calls it */
  check: (input: unknown, ctx: PropertyContext) => Promise<void>;
  /** a context whose calls go through `port` (record mode: nothing is logged) */
  context: (port: CallPort) => PropertyContext;
}

/** Counters for tests and the profile: calls answered from a batch, calls made live through a memo, values fast-check's run took from the sampling, calls sent in batches. */
export const memoStats = { answered: 0, live: 0, replayed: 0, sent: 0 };

export class CallMemo {
  private readonly entries = new Map<number, Entry[]>();
  /** run → calls prefetched (Infinity: its check needs no more, or went another way) */
  private readonly depth = new Map<number, number>();
  /** calls per run, learnt from the runs done */
  private want = 1;
  private run = -1;
  private position = 0;
  private closed = false;
  private sampled: unknown[] = [];
  private sampledAll = false;
  /** the sampling's generated Values, in the order generated, that fast-check's run may take (undefined: not kept) */
  private kept: (Generated | undefined)[] = [];
  private readonly numRuns: number;

  constructor(private readonly options: MemoOptions) {
    this.numRuns = options.params.numRuns ?? 100;
    this.arbitrary = new Replayed(options.arbitrary, () => this.kept);
  }

  /** The arbitrary fast-check's own run of the property takes its values from (see Replayed). */
  readonly arbitrary: fc.Arbitrary<unknown>;

  /** The port the real run's context calls through. */
  readonly port: CallPort = { call: (fn, args) => this.answer(fn, args) };

  /** fast-check invokes the predicate once more: a new run (before the first failure: the next value of the stream). */
  async begin(): Promise<void> {
    if (this.closed) return;
    if (this.run >= 0) this.want = Math.min(MAX_CALLS_PER_RUN, Math.max(this.want, this.position));
    this.run++;
    this.position = 0;
    if (!this.options.session.batching || this.options.session.finished || this.run >= this.numRuns) return;
    if ((this.depth.get(this.run) ?? 0) >= this.want) return;
    const rest = this.options.session.failedProperty ? undefined : this.options.session.expectedBatchMs((this.numRuns - this.run) * this.want);
    const to = rest !== undefined && rest <= CHEAP_REST_MS ? this.numRuns : Math.min(this.numRuns, this.run + Math.max(FIRST_WINDOW, 2 * this.run));
    await this.prefetch(this.run, to, this.want);
  }

  /** The check failed: fast-check shrinks from here, every call goes live. */
  fail(): void {
    this.options.session.failedProperty = true;
    this.close();
  }

  /** No more answers from this memo; those never used are released (their time is not the student's). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const unused: BatchAnswer[] = [];
    for (const list of this.entries.values()) for (const e of list) if (e && !e.used) unused.push(e.answer);
    this.options.session.release(unused);
    this.entries.clear();
  }

  private async answer(fn: string, args: unknown[]): Promise<CallOutcome> {
    const p = this.position++;
    const entry = this.closed ? undefined : this.entries.get(this.run)?.[p];
    if (entry && !entry.used && entry.fn === fn && encodesTo(args, entry.encoded)) {
      entry.used = true;
      memoStats.answered++;
      return this.options.session.use(entry.answer);
    }
    memoStats.live++;
    return this.options.session.call(fn, args);
  }

  /**
   * The values fast-check will give runs [0, to): fast-check itself, run on the same arbitrary
   * with the same parameters and a predicate that only keeps each value (so it never fails and
   * never shrinks). Not `fc.sample`: in fast-check 4 it does not bias the values by run the way
   * `fc.check` does, so its values differ from the tenth on.
   *
   * fast-check's own run then takes the generated Values themselves (Replayed: not generated
   * twice), so the record mode runs on copies of them: whatever it does to its inputs never
   * reaches the run that grades. A value that cannot be copied is not kept (that run generates it).
   */
  private values(to: number): unknown[] | undefined {
    if (this.sampled.length >= to || this.sampledAll) return this.sampled;
    // the first window takes only what it needs (a check that fails at once costs little); the next one, everything
    const count = this.sampled.length === 0 ? to : this.numRuns;
    const seen: unknown[] = [];
    const log: Generated[] = [];
    try {
      const details = fc.check(
        fc.property(new Recorded(this.options.arbitrary, log), (value) => {
          seen.push(value);
        }),
        { ...this.options.params, numRuns: count },
      );
      if (details.failed) return undefined;
    } catch {
      return undefined; // the arbitrary throws: fast-check will say so when it runs the property
    }
    // which generated Value each run's value is (the others are the statement's examples, which
    // fast-check's run is given as they are, as before)
    const generatedAt = new Map<unknown, number>();
    log.forEach((g, k) => {
      if (g.value.value_ !== null && typeof g.value.value_ === 'object') generatedAt.set(g.value.value_, k);
    });
    const kept: typeof this.kept = log.map((g) => (g.value.hasToBeCloned ? undefined : g));
    const copies = new Map<object, unknown>();
    this.sampled = seen.map((value) => {
      const k = generatedAt.get(value);
      if (k === undefined) return value;
      try {
        return copyPlain(value, copies);
      } catch {
        kept[k] = undefined; // not copied: the record mode has the value itself, fast-check's run generates its own
        return value;
      }
    });
    this.kept = kept;
    this.sampledAll = count >= this.numRuns;
    return this.sampled;
  }

  /** Runs the check in record mode on runs [from, to), batching their first `want` calls, round by round. */
  private async prefetch(from: number, to: number, want: number): Promise<void> {
    const values = this.values(to);
    if (!values) return;
    type Body = { run: number; state: 'running' | 'waiting' | 'done'; calls: number };
    type Queued = { body: Body; position: number; call: BatchCall; key: string; resume?: (outcome: CallOutcome) => void };
    const queue: Queued[] = [];
    const bodies: Body[] = [];
    let stopped = false;
    let flushing = false;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));

    const settle = (body: Body, depth: number): void => {
      if (body.state === 'done') return;
      body.state = 'done';
      this.depth.set(body.run, Math.max(this.depth.get(body.run) ?? 0, depth));
      idle();
    };
    const idle = (): void => {
      if (flushing || bodies.some((b) => b.state === 'running')) return;
      if (queue.length === 0) return finish();
      void flush();
    };
    const flush = async (): Promise<void> => {
      flushing = true;
      const round = queue.splice(0).sort((a, b) => a.body.run - b.body.run || a.position - b.position);
      let start = 0;
      while (start < round.length && !stopped) {
        let end = start;
        let chars = 0;
        while (end < round.length && (end === start || chars + round[end]!.key.length <= MAX_BATCH_CHARS)) chars += round[end++]!.key.length;
        const part = round.slice(start, end);
        start = end;
        memoStats.sent += part.length;
        const answers = await this.options.session.batch(part.map((q) => q.call));
        if (this.closed) {
          this.options.session.release(answers);
          stopped = true;
          break;
        }
        answers.forEach((answer, k) => {
          const q = part[k]!;
          const list = this.entries.get(q.body.run) ?? [];
          list[q.position] = { fn: q.call.fn, key: q.key, encoded: q.call.encodedArgs as Encoded, answer, used: false };
          this.entries.set(q.body.run, list);
          if (q.resume && q.body.state === 'waiting') {
            q.body.state = 'running';
            q.resume(outcomeOf(answer));
          }
        });
        if (answers.length < part.length) stopped = true; // a death, or batching is off: the rest goes live
      }
      // calls never answered: their checks stop here (fast-check's own run makes them live)
      for (const q of round) if (q.body.state === 'waiting' && !this.entries.get(q.body.run)?.[q.position]) settle(q.body, q.position);
      flushing = false;
      // let the checks that got their answers run on to their next call (or their end)
      await new Promise<void>((resolve) => setImmediate(resolve));
      idle();
    };

    const portFor = (body: Body): CallPort => ({
      call: (fn, args) => {
        const position = body.calls++;
        if (body.state !== 'running' || stopped) {
          settle(body, position);
          return never();
        }
        const known = this.entries.get(body.run)?.[position];
        const keyed = keyOf(args);
        if (!keyed) {
          settle(body, Infinity);
          return never();
        }
        if (known) {
          if (known.fn === fn && known.key === keyed.key) return Promise.resolve(outcomeOf(known.answer));
          settle(body, Infinity); // another call than the one fetched before: this run goes live from here
          return never();
        }
        const call: BatchCall = { fn, encodedArgs: keyed.encoded, argsJson: keyed.key };
        if (position + 1 >= want) {
          // the last call fetched for this run: the check stops here (what it does after the
          // answer, e.g. the reference, runs once, in fast-check's own run)
          queue.push({ body, position, call, key: keyed.key });
          settle(body, position + 1);
          return never();
        }
        body.state = 'waiting';
        return new Promise<CallOutcome>((resume) => {
          queue.push({ body, position, call, key: keyed.key, resume });
          idle();
        });
      },
    });

    for (let run = from; run < to && run < values.length; run++) {
      if ((this.depth.get(run) ?? 0) >= want) continue;
      const body: Body = { run, state: 'running', calls: 0 };
      bodies.push(body);
    }
    if (bodies.length === 0) return;
    for (const body of bodies) {
      const ctx = this.options.context(portFor(body));
      void Promise.resolve()
        .then(() => this.options.check(values[body.run], ctx))
        .then(
          () => settle(body, Infinity),
          () => settle(body, Infinity),
        );
    }
    await finished;
  }
}
