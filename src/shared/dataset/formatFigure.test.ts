// formatFigureNumber / figureQualifier / figureLabel: figures read the same everywhere ("some 350,000 displaced").
import { describe, expect, it } from 'vitest';
import { figureLabel, figureQualifier, formatFigureNumber } from './formatFigure';
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
