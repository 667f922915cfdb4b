// The legal deadline of a plain-language opt-out request: a number of business days, counted
// where the business is (the location's time zone and public holidays), not in UTC.
import type { Location } from './types.js';

/** Business days within which a plain-language opt-out request must be honoured. */
export const REVIEW_BUSINESS_DAYS = 10;

/** Where business days are counted. */
export interface BusinessCalendar {
  /** IANA time zone; UTC when absent. */
  timeZone?: string | undefined;
  /** Local dates (`YYYY-MM-DD`) that are not business days besides Saturdays and Sundays. */
  holidays?: readonly string[] | undefined;
}

/** The calendar of a location: its time zone and the public holidays it observes. */
export function calendarOf(location: Pick<Location, 'timeZone' | 'holidays'> | undefined): BusinessCalendar {
  return { timeZone: location?.timeZone, holidays: location?.holidays };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `instant` in `timeZone`, as if that wall clock were UTC. */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (instant % 1000 + 1000) % 1000;
}

/** The local date (`YYYY-MM-DD`) of `instant` in `timeZone` (UTC when absent). */
export function localDateOf(instant: Date | string | number, timeZone?: string): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`localDateOf: invalid instant ${String(instant)}`);
  return new Date(timeZone ? wallClock(ms, timeZone) : ms).toISOString().slice(0, 10);
}

/**
 * The instant at which the local wall clock of `timeZone` shows `wall` (a wall-clock time written
 * as a UTC timestamp). Offsets change at most once around a given day, so two corrections settle.
 */
function instantOfWallClock(wall: number, timeZone: string | undefined): number {
  if (!timeZone) return wall;
  let instant = wall;
  for (let i = 0; i < 2; i++) instant = wall - (wallClock(instant, timeZone) - instant);
  return instant;
}

const DAY_MS = 86_400_000;

/**
 * The end (23:59:59.999, local time) of the `businessDays`-th business day after the day of
 * receipt, in the calendar's time zone. The day of receipt never counts (a message received on
 * Friday evening with 1 business day is due Monday night); Saturdays, Sundays and the calendar's
 * holidays are skipped. With no calendar it counts in UTC without holidays.
 */
export function reviewDeadline(receivedAt: Date | string, calendar: BusinessCalendar = {}, businessDays = REVIEW_BUSINESS_DAYS): Date {
  const received = new Date(receivedAt);
  if (Number.isNaN(received.getTime())) throw new RangeError(`reviewDeadline: invalid receipt time ${String(receivedAt)}`);
  if (!Number.isInteger(businessDays) || businessDays < 0) {
    throw new RangeError(`reviewDeadline: businessDays must be a non-negative integer, got ${businessDays}`);
  }
  const holidays = new Set(calendar.holidays ?? []);
  // Midnight of the local receipt day, written as a UTC date so weekdays and dates read directly.
  let day = Date.parse(`${localDateOf(received, calendar.timeZone)}T00:00:00Z`);
  for (let counted = 0; counted < businessDays; ) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (holidays.has(new Date(day).toISOString().slice(0, 10))) continue;
    counted += 1;
  }
  return new Date(instantOfWallClock(day + DAY_MS - 1, calendar.timeZone));
}
