// lt.mjs — the pure part of the transparency page: MOR formatting with BigInt and the PROTOCOL §3
// emission schedule. No DOM access, so node's test runner imports it directly (web/test/lt.test.mjs).
// Money never goes through a float: amounts are wei decimal strings parsed with BigInt.

export const WEI_PER_MOR = 10n ** 18n;

// PROTOCOL §3: five buckets (capital, code, community, compute, protection), day k of a bucket pays
// max(0, initial - k*decrease).
export const BUCKETS = Object.freeze([
  { name: 'capital', initial: 3456n * WEI_PER_MOR, decrease: 592558728240000000n },
  { name: 'code', initial: 3456n * WEI_PER_MOR, decrease: 592558728240000000n },
  { name: 'community', initial: 3456n * WEI_PER_MOR, decrease: 592558728240000000n },
  { name: 'compute', initial: 3456n * WEI_PER_MOR, decrease: 592558728240000000n },
  { name: 'protection', initial: 576n * WEI_PER_MOR, decrease: 98759788040000000n },
]);
export const COMPUTE = 3;

/** Parses a wei amount (decimal string, number-free) into a BigInt; null when absent or malformed. */
export function toWei(v) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string' && /^-?[0-9]+$/.test(v.trim())) return BigInt(v.trim());
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  return null;
}

/** Parses a small integer field (counts, unix seconds, days) sent as a decimal string or a number. */
export function toInt(v) {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^-?[0-9]+$/.test(v.trim())) return Number(v.trim());
  if (typeof v === 'bigint') return Number(v);
  return null;
}

function group(intDigits) {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats wei as MOR: thousands separators, the fraction truncated (never rounded up) to `maxFrac`
 * decimals with trailing zeros dropped. Below 1 MOR it keeps 4 significant digits instead (prices per
 * second are tiny), up to all 18 decimals. Returns '' for a malformed amount.
 */
export function formatMOR(wei, maxFrac = 4) {
  let w = toWei(wei);
  if (w === null) return '';
  const neg = w < 0n;
  if (neg) w = -w;
  const int = w / WEI_PER_MOR;
  let frac = (w % WEI_PER_MOR).toString().padStart(18, '0');
  if (int > 0n) {
    frac = frac.slice(0, maxFrac);
  } else {
    const firstNonZero = frac.search(/[1-9]/);
    frac = firstNonZero < 0 ? '' : frac.slice(0, Math.max(maxFrac, firstNonZero + 4));
  }
  frac = frac.replace(/0+$/, '');
  return (neg ? '-' : '') + group(int.toString()) + (frac ? '.' + frac : '');
}

/** Share a/b in percent with `digits` decimals, computed on BigInts (exact, truncated). */
export function percent(a, b, digits = 2) {
  const x = toWei(a), y = toWei(b);
  if (x === null || y === null || y === 0n) return '';
  const scale = 10n ** BigInt(digits);
  const p = (x * 100n * scale) / y;
  const s = p.toString().padStart(digits + 1, '0');
  return digits ? s.slice(0, -digits) + '.' + s.slice(-digits) : s;
}

/** Number of days k >= 0 with a positive payment: ceil(initial / decrease). */
export function positiveDays(b) {
  return (b.initial + b.decrease - 1n) / b.decrease;
}

/** What bucket b pays on day k (wei). */
export function bucketDaily(b, k) {
  const v = b.initial - BigInt(k) * b.decrease;
  return v > 0n ? v : 0n;
}

/** PROTOCOL §3 dailyEmission(day): all five buckets. */
export function dailyEmission(day) {
  return BUCKETS.reduce((s, b) => s + bucketDaily(b, day), 0n);
}

/** Sum of what bucket b pays on days [0, n) — the closed form of the arithmetic series. */
export function bucketEmittedDays(b, n) {
  const m = BigInt(Math.max(0, n)) < positiveDays(b) ? BigInt(Math.max(0, n)) : positiveDays(b);
  return m === 0n ? 0n : m * b.initial - (b.decrease * m * (m - 1n)) / 2n;
}

/**
 * Base-schedule emission of bucket b until unix time ts (the contract's _baseEmitted): whole days plus the
 * current day pro rata, floored. Tail emissions (which depend on burns) are not included.
 */
export function bucketEmittedUntil(b, ts, payoutStart, interval) {
  const t = BigInt(ts), p = BigInt(payoutStart), iv = BigInt(interval);
  if (t <= p || iv <= 0n) return 0n;
  const elapsed = t - p;
  const full = elapsed / iv;
  let sum = bucketEmittedDays(b, Number(full));
  if (full < positiveDays(b)) sum += ((b.initial - full * b.decrease) * (elapsed % iv)) / iv;
  return sum;
}

/** PROTOCOL §3 emittedUntil(timestamp), base schedule, all buckets. */
export function emittedUntil(ts, payoutStart, interval) {
  return BUCKETS.reduce((s, b) => s + bucketEmittedUntil(b, ts, payoutStart, interval), 0n);
}

/** PROTOCOL §4 computeAccrued at the start of day d: the compute bucket's whole days [0, d). */
export function computeAccruedAtDay(d) {
  return bucketEmittedDays(BUCKETS[COMPUTE], d);
}

/** The last day with a positive emission in any bucket (5832). */
export function lastEmissionDay() {
  return Number(BUCKETS.reduce((m, b) => (positiveDays(b) > m ? positiveDays(b) : m), 0n)) - 1;
}

/** Protocol day of unix time ts (PROTOCOL §2), or null before payoutStart. */
export function dayOf(ts, payoutStart, interval) {
  if (ts < payoutStart || interval <= 0) return null;
  return Math.floor((ts - payoutStart) / interval);
}

/** Wei → a float in MOR, for chart geometry only (never for a figure shown as text). */
export function morForPlot(wei) {
  const w = toWei(wei);
  if (w === null) return 0;
  return Number(w / 10n ** 12n) / 1e6;
}

/** "2024-11-21 14:00 UTC" for unix seconds (UTC, so the page reads the same everywhere). */
export function formatTime(unix, withSeconds = false) {
  const n = toInt(unix);
  if (n === null) return '';
  const iso = new Date(n * 1000).toISOString();
  return iso.slice(0, 10) + ' ' + iso.slice(11, withSeconds ? 19 : 16) + ' UTC';
}

/** 0x1234…abcd */
export function shortHex(h, keep = 4) {
  if (typeof h !== 'string' || h.length <= 2 + 2 * keep + 1) return h ?? '';
  return h.slice(0, 2 + keep) + '…' + h.slice(-keep);
}
