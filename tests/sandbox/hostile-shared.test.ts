/**
 * The hostile corpus under bubblewrap with processes shared within a submission (item 5,
 * SparePool.recycle): each hostile file is graded between two correct exercises of the same
 * grading, loaded into the process the first one used where that process was left pristine, and
 * whatever it leaves behind must not cost the next one a point. The walls hold the same.
 */
import { describe, it } from 'vitest';
import { hostileSuite, unavailable } from './hostile-suite.ts';

const missing = unavailable('bubblewrap');

if (missing && process.env['CI'] !== 'true') {
  describe.skip(`hostile submissions in a shared process under bubblewrap (cannot start here: ${missing})`, () => {
    it('is skipped', () => undefined);
  });
} else {
  describe('hostile submissions in a shared process under bubblewrap', () => {
    if (missing) {
      it('bubblewrap starts on CI (install it: apt-get install bubblewrap)', () => {
        throw new Error(missing);
      });
      return;
    }
    hostileSuite('bubblewrap', { shared: true });
  });
}
