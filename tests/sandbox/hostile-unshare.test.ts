/**
 * The hostile corpus against the unshare fallback: processes and network isolated, contained as
 * on bubblewrap; filesystem and sockets reported as not isolated (the host tree stays mounted).
 */
import { describe, it } from 'vitest';
import { hostileSuite, unavailable } from './hostile-suite.ts';

const missing = unavailable('unshare');

if (missing) {
  describe.skip(`hostile submissions under unshare (cannot start here: ${missing})`, () => {
    it('is skipped', () => undefined);
  });
} else {
  describe('hostile submissions under unshare', () => hostileSuite('unshare'));
}
