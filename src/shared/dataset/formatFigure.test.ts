// formatFigureNumber / figureQualifier / figureLabel / figureParts: figures read the same everywhere
// ("some 350,000 displaced", "0 killed, up to 7,961", "1 civilian killed").
import { describe, expect, it } from 'vitest';
import { agreeInNumber, figureLabel, figureParts, figureQualifier, figureRange, figureRangeAlone, figureText, formatFigureNumber } from './formatFigure';
import type { Figure } from './schema';

function fig(over: Partial<Figure>): Figure {
  return { value: 1, unit: 'people', counts: 'people', bound: 'exact', asWritten: 'as written', ...over };
}

describe('figureLabel on the bundled dataset\'s figures', () => {
  it('"some 350,000 displaced"', () => {
    expect(figureLabel(fig({ value: 350_000, qualifier: 'Some', bound: 'approximate', label: 'displaced', asWritten: 'Some 350,000' }))).toBe('some 350,000 displaced');
  });

  it('"about 1,500 IS fighters left"', () => {
    expect(figureLabel(fig({ value: 1500, unit: 'fighters', qualifier: 'about', bound: 'approximate', label: 'IS fighters left' }))).toBe('about 1,500 IS fighters left');
  });

  it('"more than 4.4 million Iraqis freed"', () => {
    expect(figureLabel(fig({ value: 4_400_000, qualifier: 'more than', bound: 'at-least', label: 'Iraqis freed' }))).toBe('more than 4.4 million Iraqis freed');
  });

  it('"about 95% of its Iraqi land lost" (unit percent)', () => {
    expect(figureLabel(fig({ value: 95, unit: 'percent', qualifier: 'about', bound: 'approximate', label: 'of its Iraqi land lost' }))).toBe('about 95% of its Iraqi land lost');
  });

  it('a figure without a number reads as the source wrote it', () => {
    expect(figureLabel(fig({ value: null, unit: 'km', qualifier: 'just a few', bound: 'vague', label: 'apart', asWritten: 'just a few kilometres apart' }))).toBe(
      'just a few kilometres apart'
    );
  });
});

describe('figureLabel', () => {
  it('falls back to the unit when there is no label', () => {
    expect(figureLabel(fig({ value: 1500, unit: 'fighters' }))).toBe('1,500 fighters');
  });

  it('derives the qualifier from the bound when the source gave none', () => {
    expect(figureLabel(fig({ value: 300, bound: 'at-least', label: 'killed' }))).toBe('at least 300 killed');
    expect(figureLabel(fig({ value: 300, bound: 'at-most', label: 'killed' }))).toBe('at most 300 killed');
    expect(figureLabel(fig({ value: 300, bound: 'approximate', label: 'killed' }))).toBe('about 300 killed');
    expect(figureLabel(fig({ value: 300, bound: 'exact', label: 'killed' }))).toBe('300 killed');
  });

  it('writes km after the number', () => {
    expect(figureLabel(fig({ value: 3, unit: 'km', qualifier: 'about', bound: 'approximate', label: 'apart' }))).toBe('about 3 km apart');
  });

  it('does not repeat a unit already written with the number (percent, km) when there is no label', () => {
    expect(figureLabel(fig({ value: 95, unit: 'percent', bound: 'approximate' }))).toBe('about 95%');
    expect(figureLabel(fig({ value: 12, unit: 'km' }))).toBe('12 km');
  });
});

describe('formatFigureNumber', () => {
  it('groups thousands with commas', () => {
    expect(formatFigureNumber(fig({ value: 350_000 }))).toBe('350,000');
    expect(formatFigureNumber(fig({ value: 1_234_567 }))).toBe('1,234,567');
    expect(formatFigureNumber(fig({ value: 999 }))).toBe('999');
  });

  it('writes millions that are whole tenths of a million as "N million", others in full', () => {
    expect(formatFigureNumber(fig({ value: 4_400_000 }))).toBe('4.4 million');
    expect(formatFigureNumber(fig({ value: 1_000_000 }))).toBe('1 million');
    expect(formatFigureNumber(fig({ value: 12_000_000 }))).toBe('12 million');
    expect(formatFigureNumber(fig({ value: 4_450_000 }))).toBe('4,450,000');
  });

  it('writes a number the same however often it recurs, 0 and -0 apart, past the numbers it remembers', () => {
    for (let i = 0; i < 3; i++) expect(formatFigureNumber(fig({ value: 1500 }))).toBe('1,500');
    expect(formatFigureNumber(fig({ value: 0 }))).toBe('0');
    expect(formatFigureNumber(fig({ value: -0 }))).toBe(new Intl.NumberFormat('en-GB').format(-0));
    for (let v = 0; v < 6000; v += 1) expect(formatFigureNumber(fig({ value: v * 1001 }))).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(v * 1001));
  });

  it('keeps up to two decimals', () => {
    expect(formatFigureNumber(fig({ value: 2.5 }))).toBe('2.5');
    expect(formatFigureNumber(fig({ value: 3.14159 }))).toBe('3.14');
  });

  it('writes percent as "%" whether the unit is "percent", "Percent" or "%"', () => {
    expect(formatFigureNumber(fig({ value: 95, unit: 'percent' }))).toBe('95%');
    expect(formatFigureNumber(fig({ value: 95, unit: 'Percent' }))).toBe('95%');
    expect(formatFigureNumber(fig({ value: 12.5, unit: '%' }))).toBe('12.5%');
  });

  it('writes kilometres as "km"', () => {
    for (const unit of ['km', 'kilometres', 'kilometers', 'KM']) {
      expect(formatFigureNumber(fig({ value: 1200, unit })), unit).toBe('1,200 km');
    }
  });

  it('uses the source\'s words when there is no number', () => {
    expect(formatFigureNumber(fig({ value: null, asWritten: 'a few kilometres' }))).toBe('a few kilometres');
  });
});

describe('figureQualifier', () => {
  it('lower-cases the source\'s qualifier', () => {
    expect(figureQualifier({ qualifier: 'Some', bound: 'approximate' })).toBe('some');
    expect(figureQualifier({ qualifier: 'More Than', bound: 'at-least' })).toBe('more than');
  });

  it('prefers the source\'s qualifier over the bound', () => {
    expect(figureQualifier({ qualifier: 'nearly', bound: 'at-most' })).toBe('nearly');
  });

  it('falls back to the bound', () => {
    expect(figureQualifier({ bound: 'approximate' })).toBe('about');
    expect(figureQualifier({ bound: 'at-least' })).toBe('at least');
    expect(figureQualifier({ bound: 'at-most' })).toBe('at most');
    expect(figureQualifier({ bound: 'exact' })).toBe('');
    expect(figureQualifier({ bound: 'vague' })).toBe('');
  });
});

describe('a figure with a range (UCDP best, low and high)', () => {
  it('best 0, high 7,961: "0 killed, up to 7,961", never "about 0"', () => {
    const f = fig({ value: 0, low: 0, high: 7961, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'approximate' });
    expect(figureLabel(f)).toBe('0 killed, up to 7,961');
    expect(figureText(f, f.counts)).toBe('0 deaths, UCDP best estimate, up to 7,961');
    expect(figureParts(f, f.counts)).toEqual({ qualifier: '', number: '0', words: 'deaths, UCDP best estimate', range: ', up to 7,961', rangeAlone: 'up to 7,961' });
  });

  it('low < value < high: "12 killed (10–15)"', () => {
    const f = fig({ value: 12, low: 10, high: 15, label: 'killed', bound: 'approximate' });
    expect(figureLabel(f)).toBe('12 killed (10–15)');
    expect(figureRangeAlone(f)).toBe('range 10–15');
  });

  it('low < value = high: "5 killed, as few as 3"', () => {
    expect(figureLabel(fig({ value: 5, low: 3, high: 5, label: 'killed', bound: 'approximate' }))).toBe('5 killed, as few as 3');
    expect(figureLabel(fig({ value: 5, low: 3, label: 'killed', bound: 'approximate' }))).toBe('5 killed, as few as 3');
  });

  it('low = value = high, or none: no range, and the bound\'s qualifier as before', () => {
    expect(figureLabel(fig({ value: 12, low: 12, high: 12, label: 'killed' }))).toBe('12 killed');
    expect(figureRange(fig({ value: 12, low: 12, high: 12 }))).toBe('');
    expect(figureLabel(fig({ value: 300, bound: 'approximate', label: 'killed' }))).toBe('about 300 killed');
  });

  it('keeps a qualifier the source wrote, and a bound other than approximate, beside the range', () => {
    expect(figureLabel(fig({ value: 350_000, low: 300_000, high: 400_000, qualifier: 'Some', bound: 'approximate', label: 'displaced' }))).toBe('some 350,000 displaced (300,000–400,000)');
    expect(figureLabel(fig({ value: 300, high: 500, bound: 'at-least', label: 'killed' }))).toBe('at least 300 killed, up to 500');
  });

  it('writes the unit with the range\'s numbers: percent and km once at the end, millions', () => {
    expect(figureLabel(fig({ value: 12, low: 10, high: 15, unit: 'percent', label: 'of the city destroyed' }))).toBe('12% of the city destroyed (10–15%)');
    expect(figureLabel(fig({ value: 3, high: 5, unit: 'km', label: 'apart' }))).toBe('3 km apart, up to 5 km');
    expect(figureLabel(fig({ value: 4_400_000, low: 4_000_000, high: 5_000_000, label: 'displaced' }))).toBe('4.4 million displaced (4 million–5 million)');
  });

  it('a figure without a number reads as written, with no range', () => {
    const f = fig({ value: null, low: 10, high: 20, bound: 'vague', asWritten: 'dozens killed' });
    expect(figureLabel(f)).toBe('dozens killed');
    expect(figureRange(f)).toBe('');
  });

  it('a figure without a number does not say its qualifier twice (details, CSV)', () => {
    const f = fig({ value: null, unit: 'km', qualifier: 'just a few', bound: 'vague', counts: 'distance between the lines', asWritten: 'just a few kilometres apart' });
    expect(figureText(f, f.counts)).toBe('just a few kilometres apart distance between the lines');
    expect(figureParts(f, f.counts).qualifier).toBe('');
  });
});

describe('agreement in number', () => {
  it('one of a plural label or count reads in the singular', () => {
    expect(figureLabel(fig({ value: 1, label: 'civilians killed' }))).toBe('1 civilian killed');
    expect(figureLabel(fig({ value: 1, label: 'people displaced' }))).toBe('1 person displaced');
    expect(figureLabel(fig({ value: 1, unit: 'people' }))).toBe('1 person');
    expect(figureLabel(fig({ value: 1, unit: 'fatalities' }))).toBe('1 fatality');
    expect(figureLabel(fig({ value: 1, label: 'IS fighters left' }))).toBe('1 IS fighter left');
    expect(figureLabel(fig({ value: 1, label: 'Iraqis freed' }))).toBe('1 Iraqi freed');
    expect(figureText(fig({ value: 1 }), 'deaths, UCDP best estimate')).toBe('1 death, UCDP best estimate');
    expect(figureText(fig({ value: 1 }), 'civilian deaths')).toBe('1 civilian death');
    expect(figureText(fig({ value: 1 }), 'displaced civilians')).toBe('1 displaced civilian');
    expect(figureText(fig({ value: 1 }), 'churches destroyed')).toBe('1 church destroyed');
    expect(figureText(fig({ value: 1 }), 'casualties')).toBe('1 casualty');
  });

  it('leaves other numbers, and words that are not a plural noun, as they are', () => {
    expect(figureLabel(fig({ value: 2, label: 'civilians killed' }))).toBe('2 civilians killed');
    expect(figureLabel(fig({ value: 0, label: 'civilians killed' }))).toBe('0 civilians killed');
    expect(figureLabel(fig({ value: 1.5, label: 'civilians killed' }))).toBe('1.5 civilians killed');
    expect(figureLabel(fig({ value: 1_000_000, label: 'people displaced' }))).toBe('1 million people displaced');
    for (const words of ['killed', 'killed on side A', 'crisis', 'analysis', 'killed, party unknown', 'displaced', 'of its lands lost', 'of its Iraqi land lost', 'SDF', 'apart', 'wounded in Homs']) {
      expect(agreeInNumber(words, 1), words).toBe(words);
    }
  });

  it('applies in every part: label, count, with a range after it', () => {
    const f = fig({ value: 1, low: 1, high: 3, unit: 'civilian deaths', counts: 'civilian deaths', label: 'civilians killed', bound: 'approximate' });
    expect(figureLabel(f)).toBe('1 civilian killed, up to 3');
    expect(figureParts(f, f.counts).words).toBe('civilian death');
  });
});
