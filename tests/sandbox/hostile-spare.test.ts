/**
 * The hostile corpus under bubblewrap, each file loaded by a student process started ahead (the
 * spare `check --watch` keeps, see student-process.ts prestartSpare): the walls hold the same.
 */
import { bubblewrapHostileSuite } from './hostile-suite.ts';

bubblewrapHostileSuite('hostile submissions in a spare process under bubblewrap', { spare: true });
