// Looks of exported timeline images. Each theme gives the colours of the page and of every event
// type, the type size and line weights. Type is always told by shape and label as well as colour;
// the print theme is greyscale-safe and relies on them alone.
import { EVENT_TYPE_STYLES, EVENT_TYPES, type EventType } from '../dataset/eventTypes';

export const THEME_NAMES = ['screen', 'dark', 'projector', 'print'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** Font families the SVG names; the rasteriser and the PDF writer embed these (resources/fonts). */
export const FONT_FAMILY = "'IBM Plex Sans', 'IBM Plex Sans Arabic', 'Noto Sans', Arial, sans-serif";
export const FONT_FAMILY_ARABIC = "'IBM Plex Sans Arabic', 'Noto Sans Arabic', 'IBM Plex Sans', Arial, sans-serif";

export interface Theme {
  readonly name: ThemeName;
  readonly label: string;
  readonly background: string;
  /** Label boxes, legend chips. */
  readonly surface: string;
  /** Every other lane's background. */
  readonly laneAlt: string;
  readonly text: string;
  readonly muted: string;
  readonly faint: string;
  readonly border: string;
  readonly borderStrong: string;
  readonly gridMinor: string;
  readonly gridMajor: string;
  readonly warn: string;
  /** Density bars. */
  readonly accent: string;
  /** Colour of each event type. */
  readonly typeColour: Readonly<Record<EventType, string>>;
  /** Base type size (px at 1600 px wide; scaled with the image). */
  readonly fontSize: number;
  /** Multiplies stroke widths. */
  readonly stroke: number;
  /** How strongly bars are filled (0–1). */
  readonly fill: number;
}

/** Parse #rgb / #rrggbb. */
function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [Number.parseInt(full.slice(0, 2), 16), Number.parseInt(full.slice(2, 4), 16), Number.parseInt(full.slice(4, 6), 16)];
}

function hex(c: readonly number[]): string {
  return `#${c.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** `a` mixed with `b`: share of `a` from 0 to 1 (like CSS color-mix in srgb). */
export function mix(a: string, b: string, shareOfA: number): string {
  const ca = rgb(a);
  const cb = rgb(b);
  return hex(ca.map((v, i) => v * shareOfA + cb[i]! * (1 - shareOfA)));
}

/** Relative luminance (WCAG). */
export function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const typeColours = (f: (colour: string) => string): Record<EventType, string> =>
  Object.fromEntries(EVENT_TYPES.map((t) => [t, f(EVENT_TYPE_STYLES[t].colour)])) as Record<EventType, string>;

export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  screen: {
    name: 'screen',
    label: 'Screen (light)',
    background: '#f5f5f2',
    surface: '#ffffff',
    laneAlt: '#eeeee9',
    text: '#1b1d20',
    muted: '#555b63',
    faint: '#7b8189',
    border: '#d8d9d4',
    borderStrong: '#b9bbb5',
    gridMinor: '#e3e3de',
    gridMajor: '#c4c5bf',
    warn: '#9a4a00',
    accent: '#1d5ea8',
    typeColour: typeColours((c) => c),
    fontSize: 14,
    stroke: 1,
    fill: 1
  },
  dark: {
    name: 'dark',
    label: 'Dark',
    background: '#17191c',
    surface: '#23262b',
    laneAlt: '#1e2024',
    text: '#eceef0',
    muted: '#b3b9c1',
    faint: '#8d949c',
    border: '#3a3e45',
    borderStrong: '#555a62',
    gridMinor: '#2a2d32',
    gridMajor: '#454a52',
    warn: '#f0a45a',
    accent: '#7fb0e8',
    // The palette is chosen for light paper: lifted towards white so it holds on a dark page.
    typeColour: typeColours((c) => mix(c, '#ffffff', 0.62)),
    fontSize: 14,
    stroke: 1,
    fill: 1.15
  },
  projector: {
    name: 'projector',
    label: 'Projector (high contrast, large type)',
    background: '#ffffff',
    surface: '#ffffff',
    laneAlt: '#eeeeee',
    text: '#000000',
    muted: '#222222',
    faint: '#444444',
    border: '#999999',
    borderStrong: '#555555',
    gridMinor: '#d6d6d6',
    gridMajor: '#8a8a8a',
    warn: '#8a3b00',
    accent: '#0a3d80',
    // Darkened so every type colour keeps at least 4.5:1 against white.
    typeColour: typeColours((c) => {
      let out = c;
      while (contrast(out, '#ffffff') < 5.5) out = mix(out, '#000000', 0.85);
      return out;
    }),
    fontSize: 19,
    stroke: 1.6,
    fill: 1.3
  },
  print: {
    name: 'print',
    label: 'Print (greyscale)',
    background: '#ffffff',
    surface: '#ffffff',
    laneAlt: '#f2f2f2',
    text: '#000000',
    muted: '#3c3c3c',
    faint: '#5c5c5c',
    border: '#bdbdbd',
    borderStrong: '#7a7a7a',
    gridMinor: '#e2e2e2',
    gridMajor: '#a8a8a8',
    warn: '#000000',
    accent: '#4a4a4a',
    // One dark grey for all: in greyscale colours would merge anyway, so shape and name tell the type.
    typeColour: typeColours(() => '#3a3a3a'),
    fontSize: 13,
    stroke: 1,
    fill: 0.9
  }
};

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEME_NAMES as readonly string[]).includes(value);
}
