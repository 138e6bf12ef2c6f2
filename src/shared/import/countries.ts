// Countries as ISO 3166-1 alpha-2 codes, from what event datasets write: a name (ACLED's and
// UCDP's spellings included: "Democratic Republic of Congo", "DR Congo (Zaire)", "Russia (Soviet
// Union)", "eSwatini"), an ISO numeric code (ACLED's `iso`) or an alpha-3 code (`iso3`). Codes only
// group: a country is shown by the name its file writes (ImportBuilder.countryLabel).
// i18n-iso-countries holds the codes and English names; only its plain module and English locale
// are imported (its Node entry loads every locale through a dynamic require, which neither bundles
// nor runs in the renderer), so this works anywhere src/shared does.
import * as isoCountries from 'i18n-iso-countries/index.js';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

isoCountries.registerLocale(english);

/**
 * Spellings the English locale lacks, as normalised keys (see normaliseCountryName). Kosovo has no
 * ISO code; XK is the user-assigned code everyone (the EU, ACLED's partners, CLDR) uses for it.
 */
const ALIASES: Readonly<Record<string, string>> = {
  // ACLED
  'democratic republic of congo': 'CD',
  'democratic republic of the congo': 'CD',
  'republic of congo': 'CG',
  'republic of the congo': 'CG',
  congo: 'CG',
  eswatini: 'SZ',
  swaziland: 'SZ',
  'kingdom of eswatini': 'SZ',
  kosovo: 'XK',
  syria: 'SY',
  laos: 'LA',
  moldova: 'MD',
  micronesia: 'FM',
  macedonia: 'MK',
  'east timor': 'TL',
  'vatican city': 'VA',
  'holy see': 'VA',
  'caribbean netherlands': 'BQ',
  'saint barthelemy': 'BL',
  'saint martin': 'MF',
  'sint maarten': 'SX',
  'bailiwick of jersey': 'JE',
  'bailiwick of guernsey': 'GG',
  'saint helena ascension and tristan da cunha': 'SH',
  brunei: 'BN',
  'falkland islands': 'FK',
  'united states': 'US',
  'virgin islands us': 'VI',
  'us virgin islands': 'VI',
  'virgin islands british': 'VG',
  'british virgin islands': 'VG',
  palestine: 'PS',
  'ivory coast': 'CI',
  // UCDP (its own names, older names in brackets are tried without them too)
  'dr congo': 'CD',
  zaire: 'CD',
  'bosnia herzegovina': 'BA',
  'macedonia fyr': 'MK',
  surinam: 'SR',
  burma: 'MM',
  kampuchea: 'KH',
  'north yemen': 'YE',
  'south yemen': 'YE',
  'soviet union': 'RU',
  yugoslavia: 'RS',
  'serbia yugoslavia': 'RS',
  rhodesia: 'ZW',
  'upper volta': 'BF',
  malagasy: 'MG',
  'cape verde': 'CV',
  'cabo verde': 'CV',
  'turkey': 'TR',
  'north korea': 'KP',
  'south korea': 'KR'
};

/**
 * A country name as a lookup key: no diacritics, lower case, "&" as "and", punctuation and
 * hyphens as spaces, one space between words, no leading "the".
 */
export function normaliseCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

let byName: Map<string, string> | undefined;

function nameIndex(): Map<string, string> {
  if (byName) return byName;
  const index = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normaliseCountryName(name);
    if (key !== '' && !index.has(key)) index.set(key, code);
  };
  const names = isoCountries.getNames('en', { select: 'all' });
  for (const code of Object.keys(names)) {
    for (const name of names[code] ?? []) {
      add(name, code);
      // "Moldova, Republic of" → "Republic of Moldova" and "Moldova"; "Holy See (Vatican City State)" → "Holy See".
      const comma = /^(.+?),\s*(.+)$/.exec(name);
      if (comma) {
        add(`${comma[2]} ${comma[1]}`, code);
        add(comma[1]!, code);
      }
      const bracket = /^(.+?)\s*\((.+)\)$/.exec(name);
      if (bracket) add(bracket[1]!, code);
    }
  }
  // Aliases win over the locale's names ("Congo" is listed for both Congos there).
  for (const [alias, code] of Object.entries(ALIASES)) index.set(alias, code);
  byName = index;
  return index;
}

/** Alpha-2 code of a country name in English, or undefined. */
export function alpha2FromName(name: string): string | undefined {
  const index = nameIndex();
  const key = normaliseCountryName(name);
  if (key === '') return undefined;
  const direct = index.get(key);
  if (direct) return direct;
  // UCDP writes former names in brackets: "Russia (Soviet Union)", "DR Congo (Zaire)".
  const bracket = /^(.+?)\s*\((.+)\)\s*$/.exec(name);
  if (bracket) return index.get(normaliseCountryName(bracket[1]!)) ?? index.get(normaliseCountryName(bracket[2]!));
  return undefined;
}

/** Alpha-2 code of an ISO 3166-1 numeric code ("760", 760, "4" for Afghanistan's "004"), or undefined. */
export function alpha2FromNumeric(code: string | number): string | undefined {
  const text = typeof code === 'number' ? (Number.isInteger(code) ? String(code) : '') : code.trim();
  if (!/^\d{1,3}$/.test(text) || Number(text) === 0) return undefined;
  return isoCountries.numericToAlpha2(text.padStart(3, '0'));
}

/** Alpha-2 code of an ISO 3166-1 alpha-3 code ("SYR", "syr"), or undefined. */
export function alpha2FromAlpha3(code: string): string | undefined {
  const text = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(text)) return undefined;
  return isoCountries.alpha3ToAlpha2(text);
}

/** Is this an assigned alpha-2 code (or XK, Kosovo)? */
export function isAlpha2(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isoCountries.isValid(code);
}

export interface CountryClues {
  readonly numeric?: string;
  readonly alpha3?: string;
  readonly name?: string;
}

/**
 * The alpha-2 code from whichever clue settles it first: the numeric code, then the alpha-3
 * code, then the name. Undefined when none does.
 */
export function countryCode(clues: CountryClues): string | undefined {
  return (
    (clues.numeric ? alpha2FromNumeric(clues.numeric) : undefined) ??
    (clues.alpha3 ? alpha2FromAlpha3(clues.alpha3) : undefined) ??
    (clues.name ? alpha2FromName(clues.name) : undefined)
  );
}
