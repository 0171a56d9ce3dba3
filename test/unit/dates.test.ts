import * as assert from 'node:assert/strict';
import {
  formatPartialDate,
  intervalCovers,
  intervalEndedBy,
  intervalStartsAfter,
  isBefore,
  parsePartialDate,
  partialDate,
  type Truth,
} from '../../src/core/dates';

describe('partial dates', () => {
  describe('parsing', () => {
    const valid: Array<[string, string]> = [
      ['2023', '2023'],
      ['2023-03', '2023-03'],
      ['2023-03-01', '2023-03-01'],
      ['2024-02-29', '2024-02-29'],
      [' 2025-10-23 ', '2025-10-23'],
    ];
    for (const [input, expected] of valid) {
      it(`accepts "${input}" at its own precision`, () => {
        const result = parsePartialDate(input);
        assert.ok(result.ok);
        assert.equal(formatPartialDate(result.date), expected);
      });
    }
    const invalid: Array<[string, RegExp]> = [
      ['2023-02-30', /2023-02 has 28 days/],
      ['2023-02-29', /28 days/],
      ['2023-13', /no month 13/],
      ['2023-00-10', /no month 00/],
      ['2023-04-31', /30 days/],
      ['23-03-01', /YYYY, YYYY-MM or YYYY-MM-DD/],
      ['March 2023', /not a date/],
      ['2023/03/01', /not a date/],
      ['', /not a date/],
    ];
    for (const [input, message] of invalid) {
      it(`rejects "${input}"`, () => {
        const result = parsePartialDate(input);
        assert.equal(result.ok, false);
        if (!result.ok) assert.match(result.message, message);
      });
    }
  });

  describe('comparison answers true, false or unknown by precision', () => {
    const cases: Array<[string, string, Truth]> = [
      ['2023-03-04', '2023-03-05', true],
      ['2023-03-05', '2023-03-05', false],
      ['2023-03-06', '2023-03-05', false],
      ['2023-02', '2023-03-05', true],
      ['2023-03', '2023-03-05', 'unknown'],
      ['2023', '2023-03-05', 'unknown'],
      ['2022', '2023', true],
      ['2023-03-05', '2023-03', 'unknown'],
      ['2023-04-01', '2023-03', false],
    ];
    for (const [a, b, expected] of cases) {
      it(`${a} before ${b} is ${expected}`, () => assert.equal(isBefore(partialDate(a), partialDate(b)), expected));
    }
  });

  describe('a tenure covers a date', () => {
    // [start, end, date, verifiedThrough, expected]
    const cases: Array<[string | undefined, string | undefined, string, string | undefined, Truth, string]> = [
      ['2022-12-30', '2023-07-25', '2023-03-01', undefined, true, 'inside the tenure'],
      ['2022-12-30', '2023-07-25', '2023-07-25', undefined, false, 'the end day is the first day out of office'],
      ['2022-12-30', '2023-07-25', '2023-07-24', undefined, true, 'the day before the end'],
      ['2022-12-30', '2023-07-25', '2022-12-30', undefined, true, 'the start day is in office'],
      ['2022-12-30', '2023-07-25', '2025-10-23', undefined, false, 'long after'],
      ['2022-12-30', '2023-07-25', '2019', undefined, false, 'long before'],
      ['2018-03-19', '2023-03', '2023-03-05', undefined, 'unknown', 'an end known to the month'],
      ['2018-03-19', '2023-03', '2023-02-28', undefined, true, 'the month before a month-precision end'],
      ['2023-03-12', undefined, '2025-10-23', '2025-10', true, 'open tenure within verifiedThrough'],
      ['2023-03-12', undefined, '2025-11-05', '2025-10', 'unknown', 'open tenure after verifiedThrough'],
      ['2023-03-12', undefined, '2030-01-01', undefined, true, 'open tenure without verifiedThrough'],
      [undefined, '2021-02', '2020-01-01', undefined, 'unknown', 'unknown start'],
      [undefined, '2021-02', '2022-01-01', undefined, false, 'unknown start, already ended'],
      ['2023', undefined, '2023-06-01', undefined, 'unknown', 'a start known to the year'],
      ['2023-03-12', undefined, '2023', undefined, 'unknown', 'a memo dated only by year'],
    ];
    for (const [start, end, date, verifiedThrough, expected, why] of cases) {
      it(`${why}: ${start ?? '?'} to ${end ?? 'open'} on ${date} is ${expected}`, () => {
        const interval = { ...(start ? { start: partialDate(start) } : {}), ...(end ? { end: partialDate(end) } : {}) };
        assert.equal(intervalCovers(interval, partialDate(date), verifiedThrough ? partialDate(verifiedThrough) : undefined), expected);
      });
    }
  });

  it('tells when a tenure has ended or not yet begun', () => {
    const qinAsForeignMinister = { start: partialDate('2022-12-30'), end: partialDate('2023-07-25') };
    assert.equal(intervalEndedBy(qinAsForeignMinister, partialDate('2025-10-23')), true);
    assert.equal(intervalEndedBy(qinAsForeignMinister, partialDate('2023-07')), 'unknown');
    assert.equal(intervalStartsAfter(qinAsForeignMinister, partialDate('2019')), true);
    assert.equal(intervalStartsAfter(qinAsForeignMinister, partialDate('2023-01-01')), false);
  });
});
