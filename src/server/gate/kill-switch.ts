/** Gate step 4: the global kill switch. */
import { ApiError } from '../http/problem';
import type { GateSettings } from './settings';

export function checkKillSwitch(settings: GateSettings): ApiError | null {
  return settings.generationEnabled ? null : new ApiError('generation_disabled', 'Generation is switched off for now.');
}
