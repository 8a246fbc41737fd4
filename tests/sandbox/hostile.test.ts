/**
 * The hostile corpus against bubblewrap, the sandbox of record: every attack contained, every wall
 * isolated. Where bubblewrap cannot start, a CI run fails (the real sandbox must be tested there:
 * .ci/run installs it); elsewhere the suite is skipped, saying why.
 */
import { describe, it } from 'vitest';
import { hostileSuite, unavailable } from './hostile-suite.ts';

const missing = unavailable('bubblewrap');

if (missing && process.env['CI'] !== 'true') {
  describe.skip(`hostile submissions under bubblewrap (cannot start here: ${missing})`, () => {
    it('is skipped', () => undefined);
  });
} else {
  describe('hostile submissions under bubblewrap', () => {
    if (missing) {
      it('bubblewrap starts on CI (install it: apt-get install bubblewrap)', () => {
        throw new Error(missing);
      });
      return;
    }
    hostileSuite('bubblewrap');
  });
}
