import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REVIEW_BUSINESS_DAYS, calendarOf, localDateOf, reviewDeadline } from '../../../src/engine/index.js';
import { sampleLocations } from '../../../mocks/fixtures/sample-organization.js';

const UTC = {};
const endOfUtc = (day: string) => new Date(`${day}T23:59:59.999Z`);
const toronto = { timeZone: 'America/Toronto' };

// First in the file, before anything has counted in UTC: the machine's own zone must not leak in.
describe('reviewDeadline without a time zone, on a machine that is not on UTC', () => {
  it('still counts and ends the day in UTC', () => {
    const machine = process.env['TZ'];
    process.env['TZ'] = 'America/Toronto';
    try {
      // Friday 2026-03-06, 23:30 UTC (18:30 in Toronto) → Monday 2026-03-09, the end of the day in UTC.
      assert.deepEqual(reviewDeadline('2026-03-06T23:30:00Z', UTC, 1), endOfUtc('2026-03-09'));
    } finally {
      if (machine === undefined) delete process.env['TZ'];
      else process.env['TZ'] = machine;
    }
  });
});

describe('reviewDeadline without a calendar (UTC, no holidays)', () => {
  it('defaults to the end of the tenth business day after receipt', () => {
    assert.equal(REVIEW_BUSINESS_DAYS, 10);
    // Wednesday 2024-05-01 → ten weekdays later is Wednesday 2024-05-15.
    assert.deepEqual(reviewDeadline('2024-05-01T15:30:00Z'), endOfUtc('2024-05-15'));
  });

  it('skips the weekend after a Friday receipt', () => {
    assert.deepEqual(reviewDeadline('2024-05-03T22:00:00Z', UTC, 1), endOfUtc('2024-05-06'));
    assert.deepEqual(reviewDeadline(new Date('2024-05-03T08:00:00Z'), UTC, 10), endOfUtc('2024-05-17'));
  });

  it('counts from a weekend receipt to the following weekdays', () => {
    assert.deepEqual(reviewDeadline('2024-05-04T10:00:00Z', UTC, 1), endOfUtc('2024-05-06'));
    assert.deepEqual(reviewDeadline('2024-05-05T23:59:00Z', UTC, 2), endOfUtc('2024-05-07'));
  });

  it('with zero business days is the end of the day of receipt', () => {
    assert.deepEqual(reviewDeadline('2024-05-01T15:30:00Z', UTC, 0), endOfUtc('2024-05-01'));
  });

  it('rejects invalid input, saying what was wrong', () => {
    assert.throws(() => reviewDeadline('not a date'), { name: 'RangeError', message: 'reviewDeadline: invalid receipt time not a date' });
    assert.throws(() => reviewDeadline('2024-05-01T00:00:00Z', UTC, -1), { name: 'RangeError', message: 'reviewDeadline: businessDays must be a non-negative integer, got -1' });
    assert.throws(() => reviewDeadline('2024-05-01T00:00:00Z', UTC, 1.5), { name: 'RangeError', message: 'reviewDeadline: businessDays must be a non-negative integer, got 1.5' });
  });
});

describe('reviewDeadline in the location time zone', () => {
  it('reads the day of receipt on the local clock', () => {
    // 20:00 in Toronto on Friday 3 May is already Saturday in UTC: locally it is a Friday, so
    // one business day later is Monday 6 May, ending at 23:59:59.999 Toronto time (EDT, UTC-4).
    assert.equal(reviewDeadline('2024-05-04T00:00:00Z', toronto, 1).toISOString(), '2024-05-07T03:59:59.999Z');
    // Counted in UTC the same message would be a Saturday receipt, also due Monday, but at UTC midnight.
    assert.equal(reviewDeadline('2024-05-04T00:00:00Z', UTC, 1).toISOString(), '2024-05-06T23:59:59.999Z');
  });

  it('a message late on Sunday night locally is counted from Sunday, not from Monday in UTC', () => {
    // 22:30 Sunday 5 May in Toronto = 02:30 Monday UTC. Locally: Monday is the first business day.
    assert.equal(reviewDeadline('2024-05-06T02:30:00Z', toronto, 1).toISOString(), '2024-05-07T03:59:59.999Z');
    // In UTC it is a Monday receipt, so the first business day would be Tuesday: a day late.
    assert.equal(reviewDeadline('2024-05-06T02:30:00Z', UTC, 1).toISOString(), '2024-05-07T23:59:59.999Z');
  });

  it('ends at local midnight across a daylight-saving change', () => {
    // Toronto leaves DST on Sunday 3 Nov 2024: Friday 1 Nov is EDT (UTC-4), Monday 4 Nov is EST (UTC-5).
    assert.equal(reviewDeadline('2024-11-01T16:00:00Z', toronto, 1).toISOString(), '2024-11-05T04:59:59.999Z');
    // Entering DST on Sunday 10 Mar 2024: Monday 11 Mar is EDT.
    assert.equal(reviewDeadline('2024-03-08T16:00:00Z', toronto, 1).toISOString(), '2024-03-12T03:59:59.999Z');
  });

  it('counts east of UTC as well', () => {
    // 07:00 Monday in Tokyo is 22:00 Sunday UTC.
    assert.equal(reviewDeadline('2024-05-05T22:00:00Z', { timeZone: 'Asia/Tokyo' }, 1).toISOString(), '2024-05-07T14:59:59.999Z');
  });
});

describe('reviewDeadline skips public holidays', () => {
  it("skips the calendar's holidays as well as weekends", () => {
    // Ontario, Thursday 26 Dec 2024 (Boxing Day), Wed 25 Dec (Christmas), Wed 1 Jan 2025.
    const calendar = { timeZone: 'America/Toronto', holidays: ['2024-12-25', '2024-12-26', '2025-01-01'] };
    // Received Tuesday 24 Dec: 27, 30, 31 Dec, 2, 3, 6, 7, 8, 9, 10 Jan → due Friday 10 Jan.
    assert.equal(reviewDeadline('2024-12-24T15:00:00Z', calendar).toISOString(), '2025-01-11T04:59:59.999Z');
    // Without the holidays it would be due three business days earlier, on Tuesday 7 Jan.
    assert.equal(reviewDeadline('2024-12-24T15:00:00Z', { timeZone: 'America/Toronto' }).toISOString(), '2025-01-08T04:59:59.999Z');
  });

  it('a holiday on the day of receipt changes nothing (that day never counts)', () => {
    const calendar = { holidays: ['2024-07-01'] };
    assert.deepEqual(reviewDeadline('2024-07-01T12:00:00Z', calendar, 1), endOfUtc('2024-07-02'));
  });

  it("uses a location's own holidays: Quebec's Saint-Jean-Baptiste is not Ontario's", () => {
    const [downtown, , uptown] = sampleLocations;
    // Friday 21 June 2024; Monday 24 June is a public holiday in Quebec only.
    assert.equal(localDateOf(reviewDeadline('2024-06-21T14:00:00Z', calendarOf(downtown), 1), 'America/Toronto'), '2024-06-24');
    assert.equal(localDateOf(reviewDeadline('2024-06-21T14:00:00Z', calendarOf(uptown), 1), 'America/Montreal'), '2024-06-25');
  });

  it("the sample locations carry their country's public holidays", () => {
    for (const location of sampleLocations) {
      assert.equal(location.country, 'CA');
      assert.ok(location.holidays?.includes('2026-12-25'), `${location.name} observes Christmas 2026`);
      assert.ok(location.holidays?.includes('2026-07-01'), `${location.name} observes Canada Day 2026`);
    }
  });
});

describe('localDateOf', () => {
  it('is the date on the wall clock of the time zone', () => {
    assert.equal(localDateOf('2024-05-04T03:00:00Z', 'America/Toronto'), '2024-05-03');
    assert.equal(localDateOf('2024-05-04T03:00:00Z'), '2024-05-04');
    assert.equal(localDateOf('2024-05-04T20:00:00Z', 'Asia/Tokyo'), '2024-05-05');
  });

  it('rejects an invalid instant, saying which', () => {
    assert.throws(() => localDateOf('nope', 'UTC'), { name: 'RangeError', message: 'localDateOf: invalid instant nope' });
  });
});

describe('calendarOf', () => {
  it('is UTC without holidays for a channel whose location is unknown', () => {
    assert.deepEqual(calendarOf(undefined), { timeZone: undefined, holidays: undefined });
    assert.deepEqual(reviewDeadline('2024-05-01T15:30:00Z', calendarOf(undefined), 1), endOfUtc('2024-05-02'));
  });
});
