import type { QualityReport } from '../../../shared/contracts/api';
import { useEditor } from '../editor/store';
import { qualityOf } from './analysis';

/** The open draft's quality report; re-renders only when the prompt or the options it depends on change. */
export function useQuality(): { prompt: string; report: QualityReport; generateAudio: boolean } {
  const prompt = useEditor((s) => s.history.present.prompt);
  const durationSeconds = useEditor((s) => s.history.present.options.durationSeconds);
  const generateAudio = useEditor((s) => s.history.present.options.generateAudio);
  return { prompt, report: qualityOf(prompt, durationSeconds, generateAudio), generateAudio };
}
