// Synthetic ACLED exports (the current 31-column layout) for tests and the import benchmark:
// places in Syria and Iraq under their admin regions, about 20 actors, dates clustered over
// 2014–2018, a mix of time and geo precisions, fatalities on some rows, notes of about 150
// characters with commas and quotes. Deterministic for a seed. Nothing here comes from ACLED:
// every row is made up. About one row in twenty has a sentence more in its notes naming a place or
// actor by another name (Abu Kamal, Bukamal, داعش, Deir al-Zour…), a compound written three ways
// (airstrike, air strike, air-strike) or a name that merely starts like another (Deir Zorjib), for
// the search tests; they come from a random stream of their own, so every other cell is as it was.
import { prng } from './prng';

export const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

export interface SyntheticAcledOptions {
  /** How event_date is written: "2017-11-03" (API, default) or "03 November 2017" (export tool). */
  readonly dateStyle?: 'iso' | 'words';
  /** Line break between rows (default "\n"). */
  readonly newline?: '\n' | '\r\n';
}

interface Location {
  readonly country: 'Syria' | 'Iraq';
  readonly admin1: string;
  readonly admin2: string;
  readonly admin3: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

const LOCATIONS: readonly Location[] = [
  { country: 'Syria', admin1: 'Deir ez-Zor', admin2: 'Deir ez-Zor', admin3: 'Deir ez-Zor', name: 'Deir ez-Zor', lat: 35.3359, lon: 40.1408 },
  { country: 'Syria', admin1: 'Deir ez-Zor', admin2: 'Deir ez-Zor', admin3: 'Muhasan', name: 'Muhasan', lat: 35.2167, lon: 40.3333 },
  { country: 'Syria', admin1: 'Deir ez-Zor', admin2: 'Abu Kamal', admin3: 'Abu Kamal', name: 'Albu Kamal', lat: 34.45, lon: 40.9186 },
  { country: 'Syria', admin1: 'Deir ez-Zor', admin2: 'Abu Kamal', admin3: 'Hajin', name: 'Hajin', lat: 34.6958, lon: 40.8281 },
  { country: 'Syria', admin1: 'Deir ez-Zor', admin2: 'Al Mayadin', admin3: 'Al Mayadin', name: 'Al Mayadin', lat: 35.0186, lon: 40.4525 },
  { country: 'Syria', admin1: 'Ar-Raqqa', admin2: 'Ar-Raqqa', admin3: 'Ar-Raqqa', name: 'Raqqa', lat: 35.9528, lon: 39.0079 },
  { country: 'Syria', admin1: 'Ar-Raqqa', admin2: 'Ath-Thawrah', admin3: 'Al-Thawrah', name: 'Tabqa', lat: 35.8367, lon: 38.5481 },
  { country: 'Syria', admin1: 'Ar-Raqqa', admin2: 'Tell Abiad', admin3: 'Tell Abiad', name: 'Tell Abiad', lat: 36.6972, lon: 38.9567 },
  { country: 'Syria', admin1: 'Homs', admin2: 'Tadmor', admin3: 'Tadmor', name: 'Palmyra', lat: 34.5503, lon: 38.2691 },
  { country: 'Syria', admin1: 'Homs', admin2: 'Homs', admin3: 'Homs', name: 'Homs', lat: 34.7324, lon: 36.7137 },
  { country: 'Syria', admin1: 'Aleppo', admin2: 'Jebel Saman', admin3: 'Jebel Saman', name: 'Aleppo', lat: 36.2021, lon: 37.1343 },
  { country: 'Syria', admin1: 'Aleppo', admin2: 'Al Bab', admin3: 'Al Bab', name: 'Al Bab', lat: 36.3705, lon: 37.5157 },
  { country: 'Syria', admin1: 'Al-Hasakeh', admin2: 'Al-Hasakeh', admin3: 'Al-Hasakeh', name: 'Al-Hasakeh', lat: 36.5024, lon: 40.7477 },
  { country: 'Iraq', admin1: 'Al Anbar', admin2: 'Al-Kaim', admin3: '', name: 'Al Qaim', lat: 34.3669, lon: 41.1389 },
  { country: 'Iraq', admin1: 'Al Anbar', admin2: 'Ana', admin3: '', name: 'Anah', lat: 34.4725, lon: 41.9914 },
  { country: 'Iraq', admin1: 'Al Anbar', admin2: 'Ramadi', admin3: '', name: 'Ramadi', lat: 33.4206, lon: 43.3078 },
  { country: 'Iraq', admin1: 'Al Anbar', admin2: 'Falluja', admin3: '', name: 'Falluja', lat: 33.3535, lon: 43.7838 },
  { country: 'Iraq', admin1: 'Ninewa', admin2: 'Al-Mosul', admin3: '', name: 'Mosul', lat: 36.34, lon: 43.13 },
  { country: 'Iraq', admin1: 'Ninewa', admin2: 'Tel Afar', admin3: '', name: 'Tal Afar', lat: 36.3742, lon: 42.4483 },
  { country: 'Iraq', admin1: 'Ninewa', admin2: 'Sinjar', admin3: '', name: 'Sinjar', lat: 36.3209, lon: 41.8764 },
  { country: 'Iraq', admin1: 'Salah al-Din', admin2: 'Tikrit', admin3: '', name: 'Tikrit', lat: 34.6071, lon: 43.6782 },
  { country: 'Iraq', admin1: 'Salah al-Din', admin2: 'Baiji', admin3: '', name: 'Baiji', lat: 34.9311, lon: 43.4869 },
  { country: 'Iraq', admin1: 'Kirkuk', admin2: 'Hawija', admin3: '', name: 'Hawija', lat: 35.3278, lon: 43.7575 },
  { country: 'Iraq', admin1: 'Baghdad', admin2: 'Karkh', admin3: '', name: 'Baghdad - Karkh', lat: 33.3152, lon: 44.3661 }
];

/** Actors with their inter code and the country they belong to ('' for both). */
const ACTORS: readonly (readonly [string, number, '' | 'Syria' | 'Iraq'])[] = [
  ['Military Forces of Syria (2000-)', 1, 'Syria'],
  ['Police Forces of Syria (2000-)', 1, 'Syria'],
  ['Military Forces of Iraq (2014-2018)', 1, 'Iraq'],
  ['Police Forces of Iraq (2014-2018)', 1, 'Iraq'],
  ['Islamic State (Iraq and Syria)', 2, ''],
  ['Hayat Tahrir al Sham', 2, 'Syria'],
  ['SDF: Syrian Democratic Forces', 2, 'Syria'],
  ['Free Syrian Army', 2, 'Syria'],
  ['Popular Mobilization Forces', 3, 'Iraq'],
  ['Kataib Hezbollah', 3, 'Iraq'],
  ['NDF: National Defence Forces', 3, 'Syria'],
  ['Shammar Tribal Militia (Iraq)', 4, 'Iraq'],
  ['Sheitat Tribal Militia (Syria)', 4, 'Syria'],
  ['Rioters (Iraq)', 5, 'Iraq'],
  ['Protesters (Syria)', 6, 'Syria'],
  ['Protesters (Iraq)', 6, 'Iraq'],
  ['Civilians (Syria)', 7, 'Syria'],
  ['Civilians (Iraq)', 7, 'Iraq'],
  ['Military Forces of Russia (2000-)', 8, ''],
  ['Military Forces of the United States (2017-2021)', 8, ''],
  ['Unidentified Armed Group (Syria)', 3, 'Syria']
];

/** [event_type, sub_event_type, disorder_type, share]. */
const TYPES: readonly (readonly [string, string, string, number])[] = [
  ['Battles', 'Armed clash', 'Political violence', 0.3],
  ['Battles', 'Government regains territory', 'Political violence', 0.03],
  ['Battles', 'Non-state actor overtakes territory', 'Political violence', 0.03],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Political violence', 0.14],
  ['Explosions/Remote violence', 'Air/drone strike', 'Political violence', 0.12],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Political violence', 0.05],
  ['Violence against civilians', 'Attack', 'Political violence', 0.08],
  ['Violence against civilians', 'Abduction/forced disappearance', 'Political violence', 0.03],
  ['Protests', 'Peaceful protest', 'Demonstrations', 0.08],
  ['Riots', 'Violent demonstration', 'Demonstrations', 0.02],
  ['Strategic developments', 'Arrests', 'Strategic developments', 0.04],
  ['Strategic developments', 'Looting/property destruction', 'Strategic developments', 0.03],
  ['Strategic developments', 'Headquarters or base established', 'Strategic developments', 0.02],
  ['Strategic developments', 'Agreement', 'Strategic developments', 0.01],
  ['Strategic developments', 'Change to group/activity', 'Strategic developments', 0.02]
];

const SYLLABLES = ['Tal', 'Abu', 'Ain', 'Jib', 'Kafr', 'Deir', 'Hamr', 'Sab', 'Shu', 'Mar', 'Zor', 'Bir', 'Qas', 'Rum', 'Dah', 'Hat'];

/** About 60 villages around each town, named from syllables, a few km from it. */
function villages(r: () => number): Location[] {
  const out: Location[] = [];
  for (const town of LOCATIONS) {
    for (let v = 0; v < 60; v++) {
      const name = `${SYLLABLES[Math.floor(r() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(r() * SYLLABLES.length)]}${SYLLABLES[Math.floor(r() * SYLLABLES.length)]!.toLowerCase()}`;
      out.push({ ...town, name, lat: town.lat + (r() - 0.5) * 0.4, lon: town.lon + (r() - 0.5) * 0.4 });
    }
  }
  return out;
}

/** Sentences a few rows' notes end with (see the top of the file). */
const EXTRA_NOTES: readonly string[] = [
  'Local sources blamed an airstrike.',
  'An air strike was reported nearby.',
  'Residents described an air-strike at dawn.',
  'ISIS claimed the attack.',
  'ISIL fighters were reported in the area.',
  'Residents blamed Daesh.',
  'Residents blamed داعش.',
  'Displaced families arrived from Abu Kamal.',
  'Displaced families arrived from Bukamal.',
  'Families fled towards البوكمال.',
  'Reinforcements came from Deir al-Zour.',
  'Reinforcements came from دير الزور.',
  'Reinforcements came from Dayr az-Zawr.',
  'Fighters moved through Deir Zorjib.',
  'A cease-fire was announced later.',
  'The ceasefire held overnight.'
];

const SOURCES = ['Invented Agency', 'Invented Observatory', 'Invented Weekly', 'Invented Iraqi News', 'Invented Radio', 'Invented Monitor', 'Local partner (invented)'];
const SCALES = ['National', 'Subnational', 'International', 'National-International', 'Local partner-Other'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY = 86_400_000;
const FROM = Date.UTC(2014, 0, 1);
const TO = Date.UTC(2018, 11, 31);

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of an ACLED export with `rows` data rows (current layout). */
export function syntheticAcledCsv(rows: number, seed = 1, options: SyntheticAcledOptions = {}): string {
  const r = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const extra = prng(seed + 2);
  const newline = options.newline ?? '\n';
  // Bursts of fighting: most rows fall in one, around a place, over days to months.
  const small = villages(prng(seed + 1));
  const place = (town: Location): Location => (r() < 0.5 ? town : small[LOCATIONS.indexOf(town) * 60 + Math.floor(r() * 60)]!);
  const bursts = Array.from({ length: Math.max(6, Math.round(Math.sqrt(rows) / 3)) }, () => ({
    at: FROM + r() * (TO - FROM),
    width: (3 + r() * 60) * DAY,
    place: Math.floor(r() * LOCATIONS.length)
  }));
  const typeCumulative: number[] = [];
  let total = 0;
  for (const t of TYPES) typeCumulative.push((total += t[3]));
  const out: string[] = [ACLED_HEADER];
  const counters = { Syria: 0, Iraq: 0 };
  for (let i = 0; i < rows; i++) {
    let t: number;
    let loc: Location;
    if (r() < 0.65) {
      const b = pick(bursts);
      t = b.at + (r() + r() + r() - 1.5) * b.width;
      loc = place(r() < 0.7 ? LOCATIONS[b.place]! : pick(LOCATIONS));
    } else {
      t = FROM + r() * (TO - FROM);
      loc = place(pick(LOCATIONS));
    }
    t = Math.min(TO, Math.max(FROM, t));
    const d = new Date(t);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth();
    const day = d.getUTCDate();
    const precisionRoll = r();
    const timePrecision = precisionRoll < 0.82 ? 1 : precisionRoll < 0.94 ? 2 : 3;
    const codedDay = timePrecision === 3 ? 15 : day;
    const date =
      options.dateStyle === 'words'
        ? `${String(codedDay).padStart(2, '0')} ${MONTHS[month]} ${year}`
        : `${year}-${String(month + 1).padStart(2, '0')}-${String(codedDay).padStart(2, '0')}`;
    const roll = r() * total;
    let k = 0;
    while (k < TYPES.length - 1 && roll >= typeCumulative[k]!) k++;
    const [eventType, subType, disorder] = TYPES[k]!;
    const local = ACTORS.filter((a) => a[2] === '' || a[2] === loc.country);
    const armed = local.filter((a) => a[1] <= 4 || a[1] === 8);
    let a1: (typeof ACTORS)[number];
    let a2: (typeof ACTORS)[number] | undefined;
    if (eventType === 'Protests') {
      a1 = local.find((a) => a[1] === 6)!;
      a2 = r() < 0.2 ? local.find((a) => a[1] === 1) : undefined;
    } else if (eventType === 'Riots') {
      a1 = local.find((a) => a[1] === 5) ?? local.find((a) => a[1] === 6)!;
      a2 = r() < 0.5 ? local.find((a) => a[1] === 1) : undefined;
    } else if (eventType === 'Violence against civilians') {
      a1 = pick(armed);
      a2 = local.find((a) => a[1] === 7);
    } else {
      a1 = pick(armed);
      a2 = r() < 0.8 ? pick(armed.filter((a) => a !== a1)) : undefined;
    }
    const assoc1 = r() < 0.15 ? pick(armed.filter((a) => a !== a1 && a !== a2))[0] : '';
    const assoc2 = a2 && a2[1] === 7 && r() < 0.3 ? `Women (${loc.country}); Children (${loc.country})` : '';
    const deadly = eventType === 'Battles' || eventType.startsWith('Explosions') || eventType === 'Violence against civilians';
    const fatalities = deadly && r() < 0.6 ? Math.floor(Math.exp(r() * 3.5)) - 1 : 0;
    const geo = r() < 0.75 ? 1 : r() < 0.7 ? 2 : 3;
    const prefix = loc.country === 'Syria' ? 'SYR' : 'IRQ';
    const id = `${prefix}${++counters[loc.country]}`;
    const sources = r() < 0.3 ? `${pick(SOURCES)}; ${pick(SOURCES)}` : pick(SOURCES);
    const when = timePrecision === 1 ? `On ${day} ${MONTHS[month]} ${year}` : timePrecision === 2 ? `During the week of ${day} ${MONTHS[month]} ${year}` : `In ${MONTHS[month]} ${year}`;
    const notes =
      `${when}, ${a1[0]}${a2 ? ` and ${a2[0]}` : ''} were involved in an event (${subType.toLowerCase()}) in ${loc.name}, ${loc.admin1}. ` +
      `${fatalities > 0 ? `${fatalities} reported fatalities.` : 'No "reported" fatalities.'} [size=no report]` +
      (extra() < 0.05 ? ` ${EXTRA_NOTES[Math.floor(extra() * EXTRA_NOTES.length)]}` : '');
    const cells = [
      id,
      date,
      String(year),
      String(timePrecision),
      disorder,
      eventType,
      subType,
      a1[0],
      assoc1,
      String(a1[1]),
      a2?.[0] ?? '',
      assoc2,
      a2 ? String(a2[1]) : '',
      String(a1[1] * 10 + (a2?.[1] ?? 0)),
      a2?.[1] === 7 ? 'Civilian targeting' : '',
      loc.country === 'Syria' ? '760' : '368',
      'Middle East',
      loc.country,
      loc.admin1,
      loc.admin2,
      loc.admin3,
      loc.name,
      loc.lat.toFixed(4),
      loc.lon.toFixed(4),
      String(geo),
      sources,
      pick(SCALES),
      notes,
      String(fatalities),
      eventType === 'Protests' ? 'crowd size=no report' : '',
      String(1_600_000_000 + Math.floor(r() * 100_000_000))
    ];
    out.push(cells.map(csvCell).join(','));
  }
  return out.join(newline) + newline;
}
