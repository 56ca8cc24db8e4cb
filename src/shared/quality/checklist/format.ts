/** Duration and format: a stated duration, ratio, resolution or frame rate, or a format word. */
import type { ChecklistDetector, Evidence } from './types';

export const formatDetector: ChecklistDetector = {
  key: 'format',
  detect(doc) {
    const evidence: Evidence[] = [...doc.formats, ...doc.inFamily('format')];
    return evidence.sort((a, b) => a.start - b.start);
  },
};
