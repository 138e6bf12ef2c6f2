// Colours of the basemap in each export theme: quiet land and water under the event marks, so the
// places stand out; the print theme is greyscale like the rest of a printed export.
import { mix, THEMES, type ThemeName } from '../render/themes';

export interface MapColours {
  readonly water: string;
  readonly land: string;
  /** Coastline, lake shores. */
  readonly coast: string;
  readonly countryBorder: string;
  readonly regionBorder: string;
  readonly river: string;
  readonly city: string;
  readonly cityLabel: string;
  /** Behind labels, so they read over borders and rivers. */
  readonly halo: string;
  readonly frame: string;
}

export function mapColours(name: ThemeName): MapColours {
  const t = THEMES[name];
  switch (name) {
    case 'dark':
      return {
        water: '#10161d',
        land: '#262a30',
        coast: '#4a525c',
        countryBorder: '#7d8692',
        regionBorder: '#4b525b',
        river: '#35506b',
        city: t.faint,
        cityLabel: t.faint,
        halo: t.background,
        frame: t.borderStrong
      };
    case 'print':
      return {
        water: '#ececec',
        land: '#ffffff',
        coast: '#8c8c8c',
        countryBorder: '#4d4d4d',
        regionBorder: '#a6a6a6',
        river: '#9a9a9a',
        city: '#5c5c5c',
        cityLabel: '#3c3c3c',
        halo: '#ffffff',
        frame: t.borderStrong
      };
    default:
      return {
        water: name === 'projector' ? '#d4e3f0' : '#dde8f1',
        land: name === 'projector' ? '#ffffff' : '#fbfaf6',
        coast: '#98a7b5',
        countryBorder: name === 'projector' ? '#4d4d4d' : '#7a7d80',
        regionBorder: '#b9bcbf',
        river: '#8fb1d0',
        city: mix(t.muted, t.background, 0.8),
        cityLabel: t.muted,
        halo: name === 'projector' ? '#ffffff' : '#fbfaf6',
        frame: t.borderStrong
      };
  }
}
