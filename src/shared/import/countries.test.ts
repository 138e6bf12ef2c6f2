// Country codes from the names, ISO numeric and alpha-3 codes event files write, ACLED's and UCDP's
// spellings included (the names themselves are shown as the file writes them, not from the code).
import { describe, expect, it } from 'vitest';
import { alpha2FromName, countryCode } from './countries';

describe('countryCode', () => {
  it.each([
    ['Democratic Republic of Congo', 'CD'],
    ['Republic of Congo', 'CG'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['Palestine', 'PS'],
    ['eSwatini', 'SZ'],
    ['Ivory Coast', 'CI'],
    ["Cote d'Ivoire", 'CI'],
    ['Kosovo', 'XK'],
    ['Syria', 'SY'],
    ['DR Congo (Zaire)', 'CD'],
    ['Russia (Soviet Union)', 'RU']
  ])('reads the name %j as %s', (name, code) => {
    expect(alpha2FromName(name)).toBe(code);
  });

  it('takes the ISO numeric code first, then the alpha-3 code, then the name', () => {
    expect(countryCode({ numeric: '180', name: 'Congo' })).toBe('CD');
    expect(countryCode({ numeric: '', alpha3: 'SYR', name: 'Iraq' })).toBe('SY');
    expect(countryCode({ numeric: 'x', alpha3: '', name: 'Turkey' })).toBe('TR');
    expect(countryCode({ name: 'Palestine' })).toBe('PS');
    expect(countryCode({ name: 'Atlantis' })).toBeUndefined();
  });
});
