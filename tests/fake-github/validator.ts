import { Ajv, type ValidateFunction } from 'ajv';
import * as formatsModule from 'ajv-formats';
import type { PrunedOperation, PrunedSpec } from './openapi.ts';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((formatsModule as unknown as { default: AddFormats & { default?: AddFormats } }).default.default ??
  (formatsModule as unknown as { default: AddFormats }).default) as AddFormats;

/** Validates request and response bodies of the pruned operations against GitHub's schemas. */
export class OpenApiValidator {
  readonly #ajv: Ajv;
  readonly #cache = new Map<string, ValidateFunction>();
  readonly #ops: Map<string, PrunedOperation>;

  constructor(spec: PrunedSpec) {
    this.#ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.#ajv);
    const known = new Set(['date-time', 'date', 'time', 'uri', 'uri-reference', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid', 'regex', 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'url', 'json-pointer', 'relative-json-pointer', 'uri-template', 'duration', 'iso-time', 'iso-date-time']);
    for (const format of spec.formats) if (!known.has(format) || format === 'uri-template') this.#ajv.addFormat(format, true);
    this.#ajv.addSchema({ $id: 'gh', definitions: spec.definitions });
    this.#ops = new Map(spec.operations.map((op) => [op.operationId, op]));
  }

  #compile(key: string, schema: unknown): ValidateFunction {
    let fn = this.#cache.get(key);
    if (fn === undefined) {
      // operation schemas refer to `#/definitions/...` of the shared document
      const rebased = JSON.parse(JSON.stringify(schema).replace(/"#\/definitions\//g, '"gh#/definitions/')) as object;
      fn = this.#ajv.compile(rebased);
      this.#cache.set(key, fn);
    }
    return fn;
  }

  #check(key: string, schema: unknown, data: unknown): string[] {
    const validate = this.#compile(key, schema);
    if (validate(data)) return [];
    return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  operation(operationId: string): PrunedOperation {
    const op = this.#ops.get(operationId);
    if (op === undefined) throw new Error(`unknown operation ${operationId}`);
    return op;
  }

  request(operationId: string, body: unknown): string[] {
    const op = this.operation(operationId);
    if (op.requestBody === undefined) return body === undefined ? [] : ['operation takes no request body'];
    return this.#check(`${operationId} request`, op.requestBody, body);
  }

  /** Undeclared statuses (429, 502: infrastructure answers) are not validated. */
  response(operationId: string, status: number, body: unknown): string[] {
    const op = this.operation(operationId);
    if (!(String(status) in op.responses)) {
      if (status >= 500 || status === 429) return [];
      // GitHub answers any operation with its basic-error shape for 401/403/404/422
      if (status >= 400) return this.#check('basic-error', { $ref: '#/definitions/basic-error' }, body);
      return [`status ${status} is not declared for ${operationId}`];
    }
    const schema = op.responses[String(status)];
    if (schema === null || schema === undefined) return body === undefined ? [] : [`status ${status} of ${operationId} has no body`];
    return this.#check(`${operationId} ${status}`, schema, body);
  }
}
