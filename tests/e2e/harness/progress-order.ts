import type { ProgressSighting } from '../pages/popup-page';

const PHASES = [/^Downloading/, /^Uploading/, /^Reading/] as const;

function phaseOf(sighting: ProgressSighting): number {
  return PHASES.findIndex((phase) => phase.test(sighting.label));
}

/**
 * The moments a receipt's progress went back, as the user saw it: an earlier phase after a later one, or a lower
 * percentage in the same phase. An indeterminate bar (no percentage) is never a step back.
 */
export function findBackwardSteps(sightings: readonly ProgressSighting[]): string[] {
  const steps: string[] = [];
  for (let i = 1; i < sightings.length; i += 1) {
    const before = sightings[i - 1];
    const after = sightings[i];
    if (!before || !after) continue;
    const [from, to] = [phaseOf(before), phaseOf(after)];
    const lowerPercent = from === to && before.valueNow !== null && after.valueNow !== null && after.valueNow < before.valueNow;
    if (to < from || lowerPercent) steps.push(`"${before.label}" then "${after.label}"`);
  }
  return steps;
}
