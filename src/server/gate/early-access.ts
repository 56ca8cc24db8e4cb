/** Gate step 5: only early-access users may generate. */
import { ApiError } from '../http/problem';

export function checkEarlyAccess(user: { early_access: number }): ApiError | null {
  return user.early_access === 1 ? null : new ApiError('early_access_required', 'This account is not in early access yet.');
}
