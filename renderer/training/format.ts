/** Small formatters for the training dashboard; pure so they can be unit-tested. */

/** "1:05" / "1:02:03" style duration; "—" for unknown or negative values. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0)
    return '—';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "83.4 %" for a 0–1 fraction; "—" when unknown. */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** Throughput with a sensible number of digits ("2,410 img/s", "31.5 img/s"). */
export function formatRate(imagesPerSecond: number | null | undefined): string {
  if (
    imagesPerSecond === null ||
    imagesPerSecond === undefined ||
    !Number.isFinite(imagesPerSecond)
  )
    return '—';
  const digits = imagesPerSecond >= 100 ? 0 : 1;
  return `${imagesPerSecond.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} img/s`;
}

/** Loss values span orders of magnitude; show 4 significant digits. */
export function formatLoss(loss: number | null | undefined): string {
  if (loss === null || loss === undefined) return '—';
  if (!Number.isFinite(loss)) return String(loss);
  return loss.toPrecision(4);
}

/** Local date-time for the run history ("2026-11-28 23:41"). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
