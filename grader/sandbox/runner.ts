/**
 * The program that runs INSIDE the student's process (bundled by esbuild, no dependencies).
 * It captures the built-ins it needs before the student's module is imported, loads the module,
 * then answers calls from the trusted process over fd 3 (newline-delimited JSON).
 * Nothing here is trusted by the grader: whatever this process says is only "the student's output".
 */
import { closeSync } from 'node:fs';
import { Socket } from 'node:net';
import { pristineProblem, takeBaseline } from './pristine.ts';
import { changedArgsJson, decodeValue, encodeJson, json, newStack } from './runner-codec.ts';

// --- descriptors this process inherited and must not keep ----------------------------------
// The grader names (argument `close-fds=4,251`) every descriptor it holds without close-on-exec
// beyond the four it sets (stdin, stdout, stderr, the channel): a pipe or socket its own parent
// left open (a shell, an Actions runner, a test runner), which spawn, bubblewrap and unshare all
// pass on. Closed here, first, before the student's module exists: a write to one of them would
// reach whoever holds its other end outside the sandbox (grader/sandbox/inherited-fds.ts).
for (const arg of process.argv) {
  if (!arg.startsWith('close-fds=')) continue;
  for (const n of arg.slice('close-fds='.length).split(',')) {
    const fd = Number(n);
    if (!Number.isInteger(fd) || fd < 4) continue;
    try {
      closeSync(fd);
    } catch {
      // not open here (closed by the grader after it listed it)
    }
  }
}

// --- built-ins captured before any student code runs ---------------------------------------
const $JSON_parse = JSON.parse;
const $JSON_stringify = JSON.stringify;
const $isArray = Array.isArray;
const $keys = Object.keys;
const $defineProperty = Object.defineProperty;
const $apply = Reflect.apply;
const $String = String;
const $now = performance.now.bind(performance);
const $Error = Error;
const $setImmediate = setImmediate;
const $URL = URL;
const $test = RegExp.prototype.test;

function describeError(thrown: unknown): { kind: string; name: string; message: string; stack: string } {
  try {
    if (thrown instanceof $Error) {
      return { kind: 'error', name: $String(thrown.name), message: $String(thrown.message), stack: $String(thrown.stack ?? '') };
    }
    if (thrown === undefined) return { kind: 'non-error', name: 'undefined', message: 'undefined', stack: '' };
    if (thrown === null) return { kind: 'non-error', name: 'null', message: 'null', stack: '' };
    return { kind: 'non-error', name: typeof thrown, message: $String(thrown), stack: '' };
  } catch {
    return { kind: 'non-error', name: 'unknown', message: '(unprintable value)', stack: '' };
  }
}

// A stray rejection or exception from student code must not end the process between calls:
// it is reported on stderr (part of the captured output) and the next call still gets an answer.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`unhandled rejection: ${describeError(reason).message}\n`);
});
process.on('uncaughtException', (error) => {
  process.stderr.write(`uncaught exception: ${describeError(error).message}\n`);
});

// allowHalfOpen: when the grader ends its side, Node's own end-of-stream handler would otherwise
// replace socket.write (pinned read-only below) before this process's 'end' listener runs, and
// that assignment throws into the student's captured output; this process exits on 'end' anyway
const channel = new Socket({ fd: 3, readable: true, writable: true, allowHalfOpen: true });
channel.setEncoding('utf8');

/**
 * The channel's path to and from the file descriptor, pinned before the student's code exists:
 * every method Node looks up on the socket, its handle and its decoder while writing an answer or
 * reading a request is made an own, read-only property holding today's function. The student's
 * code reaches the same prototypes through process.stdout (net.Socket, Pipe, Writable,
 * EventEmitter, StringDecoder) and could otherwise rewrite what this process says, e.g. the
 * arguments' changes that decide the no-mutation properties.
 */
function pin(target: object | undefined, names: readonly string[]): void {
  if (target === undefined || target === null) return;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const f = (target as Record<string, unknown>)[name];
    if (typeof f === 'function') $defineProperty(target, name, { value: f, writable: false, enumerable: false, configurable: false });
  }
}
pin(channel, ['write', '_write', '_writev', '_writeGeneric', '_final', 'emit', 'push', 'unshift', 'on', 'addListener', 'setEncoding', '_read']);
const channelHandle = (channel as unknown as { _handle?: object })._handle;
pin(channelHandle, ['writeUtf8String', 'writeBuffer', 'writev', 'writeLatin1String', 'writeAsciiString', 'writeUcs2String', 'readStart', 'readStop']);
pin((channel as unknown as { _readableState?: { decoder?: object } })._readableState?.decoder, ['write', 'end', 'text']);
const write = channel.write.bind(channel);

function sendText(text: string): void {
  write(text + '\n');
}

function send(message: unknown): void {
  let text: string;
  try {
    text = $JSON_stringify(message) as string;
  } catch (error) {
    text = $JSON_stringify({ id: (message as { id?: number }).id ?? -1, ok: false, error: { kind: 'unserializable', name: 'Error', message: $String(error), stack: '' } }) as string;
  }
  write(text + '\n');
}

let exportsTable: Record<string, unknown> = {};

function errorJson(error: { kind: string; name: string; message: string; stack: string }, kind = error.kind): string {
  return '{"kind":' + json(kind) + ',"name":' + json(error.name) + ',"message":' + json(error.message) + ',"stack":' + json(error.stack) + '}';
}

/**
 * A call's answer. Its text is written out here (runner-codec.ts encodeJson, changedArgsJson),
 * never with JSON.stringify of an object, and the channel's write path is pinned (pin, above):
 * whatever the student's code does to the prototypes, the grader reads what this process
 * computed, the arguments' changes included (they decide the no-mutation properties).
 */
function handle(request: { id: number; fn: string; args: unknown[] }): void {
  const id = json(+request.id);
  const fn = exportsTable[request.fn];
  if (typeof fn !== 'function') {
    sendText('{"id":' + id + ',"ok":false,"error":' + errorJson({ kind: 'missing-export', name: 'TypeError', message: `${request.fn} is not an exported function`, stack: '' }) + '}');
    return;
  }
  const args = decodeValue(request.args) as unknown[];
  const start = $now();
  let value: unknown;
  try {
    value = $apply(fn as (...a: unknown[]) => unknown, undefined, args);
  } catch (thrown) {
    const ms = json($now() - start);
    sendText('{"id":' + id + ',"ok":false,"error":' + errorJson(describeError(thrown)) + ',"ms":' + ms + ',' + changedArgsJson(request.args, args) + '}');
    return;
  }
  const ms = json($now() - start);
  let encoded: string;
  try {
    encoded = encodeJson(value, 0, newStack());
  } catch (thrown) {
    sendText('{"id":' + id + ',"ok":false,"error":' + errorJson(describeError(thrown), 'unserializable') + ',"ms":' + ms + '}');
    return;
  }
  sendText('{"id":' + id + ',"ok":true,"value":' + encoded + ',"ms":' + ms + ',' + changedArgsJson(request.args, args) + '}');
}

/**
 * A batch (several calls in one message, grader/engine/steps/prefetch.ts): each call is handled
 * exactly as a single one (its own answer line, its own mutation check), in order, one per turn
 * of the event loop, as if each had arrived in its own message: whatever the student's code left
 * pending (timers, promises) runs between two calls as it would between two messages. The grader
 * times each call on its own (its limit starts when the previous answer arrives).
 */
const batchQueue: { id: number; fn: string; args: unknown[] }[] = [];
let batchHead = 0;
let batchRunning = false;

function queueBatch(calls: { id: number; fn: string; args: unknown[] }[]): void {
  for (let i = 0; i < calls.length; i++) batchQueue[batchQueue.length] = calls[i] as { id: number; fn: string; args: unknown[] };
  if (!batchRunning && batchHead < batchQueue.length) {
    batchRunning = true;
    $setImmediate(nextOfBatch);
  }
}

/**
 * The batch is over as soon as its last call answered, as a single call is: the grader, which has
 * every answer then, may ask at once whether this process can be recycled, and that question can
 * arrive before this process's next turn (a loaded machine descheduled it just after the answer).
 */
function nextOfBatch(): void {
  const request = batchQueue[batchHead] as { id: number; fn: string; args: unknown[] };
  batchQueue[batchHead] = undefined as never;
  batchHead++;
  if (batchHead >= batchQueue.length) {
    batchQueue.length = 0;
    batchHead = 0;
    batchRunning = false;
    handle(request);
    return;
  }
  handle(request);
  $setImmediate(nextOfBatch);
}

// The grader went away (killed, interrupted): nobody will ever ask again, so this process ends
// instead of lingering as an orphan with the student's code loaded.
const $exit = process.exit.bind(process);
channel.on('end', () => $exit(0));
channel.on('close', () => $exit(0));
channel.on('error', () => $exit(0));

const modulePath = process.argv[2] as string;
/**
 * 'deferred': this process was started ahead (check --watch, spare-pool.ts), before the student's
 * file existed; it loads the module once, when the grader's first message ({"load":true}) says it
 * is there. The module is imported at most once per process, whatever arrives later, except:
 */
const deferred = process.argv[3] === 'deferred';
let loadRequested = !deferred;
/** a module is being imported now */
let loading = false;
/**
 * the grader asked whether this process may take the same submission's next exercise
 * ({"recycle":true}) and it said yes (pristine.ts): it then loads one more module, named in the
 * grader's next {"load":"student-N.mjs"}, from its own folder, and answers calls from that one only
 */
let recycled = false;
const NEXT_MODULE = /^student-[0-9]{1,6}\.mjs$/;

async function loadModule(url: string): Promise<void> {
  loading = true;
  // what the built-ins look like before any student code ran (only the first time)
  takeBaseline([process.stdout, process.stderr, channel]);
  try {
    const mod = (await import(url)) as Record<string, unknown>;
    exportsTable = {};
    const names = $keys(mod);
    const kinds: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      exportsTable[name] = mod[name];
      kinds[name] = typeof mod[name];
    }
    send({ id: 0, ready: true, exports: kinds });
  } catch (thrown) {
    send({ id: 0, ready: false, error: describeError(thrown) });
  } finally {
    loading = false;
  }
}

/** {"recycle":true}: whether this process is as it was before the first module (never while a module loads or a batch runs). */
function recycle(): void {
  let why: string | undefined;
  try {
    why = !loadRequested || loading || batchRunning || recycled ? 'busy' : pristineProblem();
  } catch (thrown) {
    why = 'check failed: ' + describeError(thrown).message;
  }
  if (why === undefined) {
    recycled = true;
    exportsTable = {};
  }
  send(why === undefined ? { id: 0, recycled: true } : { id: 0, recycled: false, why });
}

function onLoad(load: unknown): void {
  if (load === true && !loadRequested) {
    loadRequested = true;
    void loadModule(modulePath);
  } else if (typeof load === 'string' && recycled && $apply($test, NEXT_MODULE, [load]) === true) {
    recycled = false;
    void loadModule(new $URL(load, modulePath).href);
  }
}

let buffered = '';
channel.on('data', (chunk: string) => {
  buffered += chunk;
  let newline = buffered.indexOf('\n');
  while (newline >= 0) {
    const line = buffered.slice(0, newline);
    buffered = buffered.slice(newline + 1);
    if (line.length > 0) {
      const message = $JSON_parse(line) as { id: number; fn: string; args: unknown[]; load?: unknown; batch?: unknown; recycle?: unknown };
      if (message.load !== undefined) onLoad(message.load);
      else if (message.recycle === true) recycle();
      else if ($isArray(message.batch)) queueBatch(message.batch as { id: number; fn: string; args: unknown[] }[]);
      else handle(message);
    }
    newline = buffered.indexOf('\n');
  }
});

if (!deferred) await loadModule(modulePath);
