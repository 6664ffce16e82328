// Local days and months (the browser's zone), as the calendar and the timeline use them.

export const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the local day holding `date`. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM` of the local month holding `date`. */
export function monthKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDayKey(value: string | null): value is string {
  return value !== null && DAY.test(value);
}

/** Local midnight starting the day (a day of a daylight-saving change lasts 23 or 25 hours). */
export function dayStart(key: string): Date {
  const [, y, m, d] = DAY.exec(key)!;
  return new Date(Number(y), Number(m) - 1, Number(d));
}

export function dayEnd(key: string): Date {
  const start = dayStart(key);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  return monthKey(new Date(y, m - 1 + delta, 1));
}
