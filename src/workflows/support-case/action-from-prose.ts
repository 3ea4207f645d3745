import type { ActionName } from '../../domain/actions';

// The rule cases started before Changes.proposedAction decided their action by: the first pattern
// that matched the recommendation's prose. Kept only so those runs replay as they ran; delete it
// with the patch (deprecatePatch), never use it for a new run.
const CUES: ReadonlyArray<[ActionName, RegExp]> = [
  ['rotate_credentials', /\b(rotate|re-?issue|renew|credential|api[_ ]?key|secret|token|certificate|cert)\b|_KEY\b/i],
  ['roll_back_deployment', /\b(roll ?back|revert|redeploy previous|undo the (deploy|release|migration))\b/i],
  ['restart_service', /\b(restart|reboot|scale (up|out)|(increase|raise) (the )?(memory|limit|capacity))/i],
  ['update_configuration', /\b(config(uration)?|environment variable|setting|set the|add the|restore the|mapping|index)\b/i],
];

/** The action a pre-patch case took for this recommendation. */
export function actionFromProse(recommendation: string): ActionName {
  return CUES.find(([, cues]) => cues.test(recommendation))?.[0] ?? 'notify_customer';
}
