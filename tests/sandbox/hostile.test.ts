/**
 * The hostile corpus against bubblewrap, the sandbox of record: every attack contained, every wall
 * isolated. Where bubblewrap cannot start, a CI run fails (the real sandbox must be tested there:
 * .ci/run installs it); elsewhere the suite is skipped, saying why.
 */
import { bubblewrapHostileSuite } from './hostile-suite.ts';

bubblewrapHostileSuite('hostile submissions under bubblewrap');
