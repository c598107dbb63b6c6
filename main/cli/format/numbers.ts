/** Human-readable numbers for terminal output. */

/** `11689512` → `"11,689,512"`. */
export function withSeparators(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

/** `4089184256` → `"4.09 G"`; three significant digits with an SI suffix (k, M, G, T). */
export function compact(n: number): string {
  const units = ['', ' k', ' M', ' G', ' T'];
  let v = n;
  let i = 0;
  // Compare the rounded value so 999,999 becomes "1.00 M", not "1000 k".
  while (Math.abs(Number(v.toPrecision(3))) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? String(n) : `${v.toPrecision(3)}${units[i]}`;
}

/** Bytes as B / KiB / MiB / GiB with three significant digits. */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toPrecision(3)} ${units[i]}`;
}

/** `[56, 56, 64]` → `"56×56×64"`; null (unknown) → `"?"`. */
export function shape(s: readonly number[] | null): string {
  return s === null ? '?' : s.join('×');
}
