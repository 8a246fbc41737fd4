/**
 * The hostile corpus against the last fallback, a plain process: every wall reported as not
 * isolated; still graded, still no point, no secret, nothing written (Node's permission model).
 */
import { describe } from 'vitest';
import { hostileSuite } from './hostile-suite.ts';

describe('hostile submissions in a plain process', () => hostileSuite('process'));
