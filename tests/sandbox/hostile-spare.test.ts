/**
 * The hostile corpus under bubblewrap, each file loaded by a student process started ahead (the
 * spare `check --watch` keeps, see student-process.ts prestartSpare): the walls hold the same.
 */
import { describe, it } from 'vitest';
import { hostileSuite, unavailable } from './hostile-suite.ts';

const missing = unavailable('bubblewrap');

if (missing && process.env['CI'] !== 'true') {
  describe.skip(`hostile submissions in a spare process under bubblewrap (cannot start here: ${missing})`, () => {
    it('is skipped', () => undefined);
  });
} else {
  describe('hostile submissions in a spare process under bubblewrap', () => {
    if (missing) {
      it('bubblewrap starts on CI (install it: apt-get install bubblewrap)', () => {
        throw new Error(missing);
      });
      return;
    }
    hostileSuite('bubblewrap', { spare: true });
  });
}
