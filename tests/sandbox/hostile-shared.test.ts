/**
 * The hostile corpus under bubblewrap with processes shared within a submission (item 5,
 * SparePool.recycle): each hostile file is graded between two correct exercises of the same
 * grading, loaded into the process the first one used where that process was left pristine, and
 * whatever it leaves behind must not cost the next one a point. The walls hold the same.
 */
import { bubblewrapHostileSuite } from './hostile-suite.ts';

bubblewrapHostileSuite('hostile submissions in a shared process under bubblewrap', { shared: true });
