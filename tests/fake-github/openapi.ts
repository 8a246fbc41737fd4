/**
 * GitHub's published OpenAPI description, pruned to the operations the fake server implements and
 * converted for ajv (OpenAPI 3.0 `nullable` → JSON-schema type unions, refs → `#/definitions`).
 * The 13 MB description is parsed once and the pruned result cached under node_modules/.cache/dlgrade.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_ROOT } from '../../grader/paths.ts';

export const SPEC_FILE = join(INSTALL_ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const CACHE_DIR = join(INSTALL_ROOT, 'node_modules/.cache/dlgrade');

export interface OperationKey {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

export interface PrunedOperation extends OperationKey {
  operationId: string;
  requestBody?: unknown;
  /** status → JSON schema of the application/json body (null: a response without a body) */
  responses: Record<string, unknown>;
}

export interface PrunedSpec {
  operations: PrunedOperation[];
  definitions: Record<string, unknown>;
  formats: string[];
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `nullable: true` → a union with null; `$ref`s point into `#/definitions`; examples dropped. */
export function convertSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(convertSchema);
  if (!isObject(node)) return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'nullable' || key === 'discriminator' || key === 'xml' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/components/schemas/', '#/definitions/');
    else if (key === 'properties' && isObject(value)) out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertSchema(v)]));
    else out[key] = convertSchema(value);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

function collectRefs(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, into));
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) into.add(value.slice('#/components/schemas/'.length));
      else collectRefs(value, into);
    }
  }
}

function collectFormats(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectFormats(n, into));
  else if (isObject(node)) {
    if (typeof node.format === 'string') into.add(node.format);
    Object.values(node).forEach((v) => collectFormats(v, into));
  }
}

function resolve(spec: Record<string, Json>, node: Json): Json {
  // responses and request bodies may themselves be `$ref`s into components.responses / requestBodies
  if (isObject(node) && typeof node.$ref === 'string' && !node.$ref.startsWith('#/components/schemas/')) {
    const parts = node.$ref.slice(2).split('/');
    let target: Json = spec;
    for (const part of parts) target = isObject(target) ? target[part] : undefined;
    return resolve(spec, target);
  }
  return node;
}

function jsonSchemaOf(spec: Record<string, Json>, holder: Json): Json {
  const resolved = resolve(spec, holder);
  if (!isObject(resolved) || !isObject(resolved.content)) return null;
  const media = resolved.content['application/json'];
  return isObject(media) ? (media.schema ?? null) : null;
}

/** Prunes the description (pure given the parsed description). */
export function pruneSpec(spec: Record<string, Json>, keys: OperationKey[]): PrunedSpec {
  const paths = spec.paths as Record<string, Record<string, Json>>;
  const refs = new Set<string>(['basic-error', 'validation-error']);
  const raw = keys.map((key) => {
    const op = paths[key.path]?.[key.method];
    if (!isObject(op)) throw new Error(`operation ${key.method.toUpperCase()} ${key.path} is not in GitHub's description`);
    const requestBody = op.requestBody === undefined ? undefined : jsonSchemaOf(spec, op.requestBody);
    const responses: Record<string, Json> = {};
    for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) responses[status] = jsonSchemaOf(spec, response);
    collectRefs(requestBody, refs);
    collectRefs(responses, refs);
    return { ...key, operationId: String(op.operationId), requestBody, responses };
  });
  const schemas = (spec.components as Record<string, Record<string, Json>>).schemas as Record<string, Json>;
  const pending = [...refs];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const found = new Set<string>();
    collectRefs(schemas[name], found);
    for (const f of found) if (!refs.has(f)) (refs.add(f), pending.push(f));
  }
  const definitions = Object.fromEntries([...refs].sort().map((name) => [name, convertSchema(schemas[name])]));
  const operations = raw.map((op) => ({
    ...op,
    requestBody: op.requestBody === undefined ? undefined : convertSchema(op.requestBody),
    responses: Object.fromEntries(Object.entries(op.responses).map(([s, v]) => [s, convertSchema(v)])),
  })) as PrunedOperation[];
  const formats = new Set<string>();
  collectFormats(definitions, formats);
  collectFormats(operations, formats);
  return { operations, definitions, formats: [...formats].sort() };
}

/** The pruned description, from the cache when the source and the operation list are unchanged. */
export function loadPrunedSpec(keys: OperationKey[]): PrunedSpec {
  const info = statSync(SPEC_FILE);
  const hash = createHash('sha256').update(JSON.stringify({ keys, size: info.size, mtime: info.mtimeMs, v: 3 })).digest('hex').slice(0, 16);
  const cached = join(CACHE_DIR, `github-openapi-${hash}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as PrunedSpec;
  const pruned = pruneSpec(JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, Json>, keys);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, JSON.stringify(pruned));
  } catch {
    // a read-only node_modules only costs the next run a re-parse
  }
  return pruned;
}
