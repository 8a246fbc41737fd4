// How the trusted process loads TypeScript (bin/dlgrade.js, the regrade worker and the type
// checker's thread import this first): as precompiled JavaScript through ./precompiled-hooks.mjs
// (no tsx at all), or through tsx with DLGRADE_PRECOMPILE=0. Where no cache folder can be created
// (./cache-dir.mjs), every module is transpiled at each load, still without tsx.
import { register } from 'node:module';
import { trustedCacheDir } from './cache-dir.mjs';

export function precompileEnabled() {
  return process.env.DLGRADE_PRECOMPILE !== '0';
}

if (precompileEnabled()) {
  // as tsx does: stack traces point at the .ts files (every output has an inline source map)
  process.setSourceMapsEnabled(true);
  register('./precompiled-hooks.mjs', import.meta.url, { data: { dir: trustedCacheDir(), log: process.env.DLGRADE_PRECOMPILE_LOG || undefined } });
} else {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
}
