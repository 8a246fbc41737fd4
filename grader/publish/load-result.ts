import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { GradeResult } from '../engine/result.ts';
import { DlgradeError } from '../errors.ts';
import { text as catalogText } from '../i18n/index.ts';
import { SCHEMA_DIR } from '../paths.ts';
import { plainText } from '../report/escape.ts';

/** A result file larger than this is refused before it is read (it came from a job that ran student code). */
export const MAX_RESULT_BYTES = 5 * 1024 * 1024;

let validator: ValidateFunction | undefined;

async function resultValidator(): Promise<ValidateFunction> {
  if (validator === undefined) {
    const schema = JSON.parse(await readFile(join(SCHEMA_DIR, 'result.schema.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator;
}

/** One line per ajv error (at most 5): `/exercises/0/score: must be >= 0`. Paths come from the data, so they are cleaned. */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string {
  const lines = (errors ?? []).slice(0, 5).map((error) => {
    const extra = 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : '';
    return plainText(`${error.instancePath || '/'}: ${error.message ?? 'invalid'}${extra}`, 200, { foldNewlines: true });
  });
  const more = (errors?.length ?? 0) > 5 ? `; and ${(errors?.length ?? 0) - 5} more` : '';
  return lines.join('; ') + more;
}

/** Parses and validates the text of a result file; throws E_RESULT_INVALID naming the file, the path and the fix. */
export async function parseResult(text: string, file: string): Promise<GradeResult> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: unknown) {
    throw new DlgradeError({
      code: 'E_RESULT_INVALID',
      file,
      message: catalogText().errors.publish.notJson,
      fix: catalogText().errors.publish.notJsonFix,
      cause: error,
    });
  }
  const validate = await resultValidator();
  if (!validate(data)) {
    throw new DlgradeError({
      code: 'E_RESULT_INVALID',
      file,
      message: catalogText().errors.publish.schema(describeSchemaErrors(validate.errors)),
      fix: catalogText().errors.publish.schemaFix,
    });
  }
  return data as GradeResult;
}

/** Reads a result file with a size cap, then parses and validates it. */
export async function loadResult(file: string, maxBytes = MAX_RESULT_BYTES): Promise<GradeResult> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error(catalogText().errors.publish.notRegularFile);
    size = info.size;
  } catch (error: unknown) {
    throw new DlgradeError({
      code: 'E_IO',
      file,
      message: catalogText().errors.publish.unreadable,
      fix: catalogText().errors.publish.unreadableFix,
      cause: error,
    });
  }
  if (size > maxBytes) {
    throw new DlgradeError({
      code: 'E_RESULT_INVALID',
      file,
      message: catalogText().errors.publish.tooLarge(size, maxBytes),
      fix: catalogText().errors.publish.tooLargeFix,
    });
  }
  return parseResult(await readFile(file, 'utf8'), file);
}
