import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { treeUrl, typeScriptLoader } from '../../boot/tree.mjs';
import { publicSpecPath } from '../../catalog/public-spec.ts';
import type { ExerciseDef } from '../../catalog/types.ts';
import type { Lang } from '../result.ts';
import { t } from '../../i18n/index.ts';
import type { PropertyImpl } from '../../spec/define.ts';
import { loadDeferredReferences, referenceDeferred } from '../../reference-cache/lazy.ts';

export type LoadedSpec =
  | {
      ok: true;
      properties: Map<string, PropertyImpl<unknown>>;
      /** the module; or, while TensorFlow.js waits for a miss (reference-backend.ts), how to load it when a crash needs it */
      reference?: Record<string, unknown> | (() => Promise<Record<string, unknown> | undefined>);
      /** hidden properties this installation does not have (the npm package ships only the public spec) */
      unavailable?: Set<string>;
    }
  | { ok: false; message: string };

/** The exercise's reference module, when it can be loaded (embedded in a bundle, or from its file). */
async function loadReference(def: ExerciseDef): Promise<Record<string, unknown> | (() => Promise<Record<string, unknown> | undefined>) | undefined> {
  if (def.loadSpec !== undefined && def.loadReference === undefined) return undefined;
  if (referenceDeferred()) {
    let loaded: Promise<Record<string, unknown> | undefined> | undefined;
    return () => (loaded ??= loadDeferredReferences().then(() => importReference(def)));
  }
  return importReference(def);
}

async function importReference(def: ExerciseDef): Promise<Record<string, unknown> | undefined> {
  try {
    if (def.loadReference !== undefined) return await def.loadReference(); // embedded (self-contained grader bundle)
    return (await import(await moduleUrl(def.referencePath))) as Record<string, unknown>;
  } catch {
    return undefined; // the spec imports it too: a broken reference shows up there
  }
}

/**
 * A spec's or reference's URL: its module in the build tree when the grader loads from one
 * (grader/boot/tree.mjs); a file the tree does not hold (another course root's) through the
 * module hooks, registered then.
 */
async function moduleUrl(path: string): Promise<string> {
  const url = treeUrl(path);
  if (url !== undefined) return url;
  await typeScriptLoader();
  return pathToFileURL(path).href;
}

/** Step 2: loads the instructor's properties (trusted code from the grader's own install). */
export async function loadSpec(def: ExerciseDef, lang: Lang): Promise<LoadedSpec> {
  const m = t(lang).engine.spec;
  let mod: { default?: unknown };
  // the npm package ships spec.ts only for exercises without hidden properties; the others come
  // as spec.public.ts (grader/assign/public-specs.ts), whose hidden properties are not available
  const publicOnly = def.loadSpec === undefined && !existsSync(def.specPath) && existsSync(publicSpecPath(def.specPath));
  try {
    // embedded (self-contained grader bundle): its own import() of the spec
    mod = def.loadSpec !== undefined ? await def.loadSpec() : ((await import(await moduleUrl(publicOnly ? publicSpecPath(def.specPath) : def.specPath))) as { default?: unknown });
  } catch (error: unknown) {
    return { ok: false, message: m.importFailed(def.specPath, (error as Error).message) };
  }
  const spec = mod.default;
  if (!spec || typeof spec !== 'object') return { ok: false, message: m.noDefault(def.specPath) };
  const properties = new Map<string, PropertyImpl<unknown>>();
  const unavailable = new Set<string>();
  for (const meta of def.properties) {
    if (publicOnly && meta.hidden && !Object.hasOwn(spec, meta.name)) {
      unavailable.add(meta.name);
      continue;
    }
    const impl = (spec as Record<string, unknown>)[meta.name] as PropertyImpl<unknown> | undefined;
    if (!impl || typeof impl.check !== 'function' || !impl.arbitrary) {
      return { ok: false, message: m.noProperty(def.specPath, meta.name) };
    }
    properties.set(meta.name, impl);
  }
  const extra = Object.keys(spec).filter((name) => !def.properties.some((p) => p.name === name));
  if (extra.length > 0) return { ok: false, message: m.extra(def.specPath, extra) };
  const reference = await loadReference(def);
  return { ok: true, properties, ...(reference ? { reference } : {}), ...(unavailable.size > 0 ? { unavailable } : {}) };
}
