import type { ScanProgress } from '@/utils/receipt';
import { describeProgress, percentOf } from '@/utils/receipt-format';

export function ProgressBar({ progress }: { progress: ScanProgress }) {
  const label = describeProgress(progress);
  const percent = progress.phase === 'reading' ? null : percentOf(progress.loaded, progress.total);
  return (
    <div class="progress">
      <div
        class={percent === null ? 'progress-track indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div class="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <span class="progress-label">{label}</span>
    </div>
  );
}
