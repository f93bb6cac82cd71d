/** A job's progress: a native progress bar with its numbers as text. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="progress">
      <progress aria-label={label} value={done} max={Math.max(total, 1)} />
      <span>
        {done} of {total} ({percent}%)
      </span>
    </div>
  );
}
