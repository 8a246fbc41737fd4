import type { Lang } from '../engine/result.ts';
import type { DeathDetail } from '../sandbox/student-process.ts';
import { t } from './index.ts';

/**
 * Why the sandbox ended a student process (grader/sandbox/student-process.ts carries it as a code
 * with its values), said from the catalog in the report's language.
 */
export function deathText(detail: DeathDetail, lang: Lang): string {
  const s = t(lang).engine.sandbox;
  switch (detail.code) {
    case 'call-time':
      return `${detail.fn}: ${s.callTime(detail.ms)}`;
    case 'budget':
      return `${detail.fn}: ${s.budget}`;
    case 'load-time':
      return s.loadTime(detail.ms);
    case 'start-failed':
      return s.startFailed(detail.detail);
    case 'ended-while-loading':
      return s.endedWhileLoading;
    case 'too-large':
      return s.tooLarge(detail.mib);
    case 'protocol':
      return s.protocol;
    case 'malformed':
      return s.malformed;
    case 'used-memory':
      return s.usedMemory(detail.mib);
    case 'out-of-memory':
      return s.outOfMemory(detail.mib);
    case 'killed':
      return s.killed(detail.signal);
    case 'exited':
      return s.exited(detail.exitCode);
    case 'load-failed':
      return s.loadFailed(detail.error);
  }
}
