// Glyph outlines for each event-type shape, as SVG path data in a 16×16 box. One source for the
// timeline, the legend, the detail panel and (later) exported images, so a type always looks the same.
import type { TypeShape } from '../dataset/eventTypes';

export const GLYPH_VIEWBOX = '0 0 16 16';

export interface GlyphPath {
  readonly d: string;
  /** Outline only (drawn with a stroke, no fill). */
  readonly hollow?: boolean;
}

export const GLYPH_PATHS: Readonly<Record<TypeShape, GlyphPath>> = {
  // Arrow pointing forward: an advance.
  chevron: { d: 'M2 2 L9 2 L15 8 L9 14 L2 14 L8 8 Z' },
  diamond: { d: 'M8 1 L15 8 L8 15 L1 8 Z' },
  // Horizontal band: territory held.
  band: { d: 'M1 4 H15 V12 H1 Z' },
  cross: { d: 'M3 1 L8 6 L13 1 L15 3 L10 8 L15 13 L13 15 L8 10 L3 15 L1 13 L6 8 L1 3 Z' },
  star: { d: 'M8 0.5 L10 5.8 L15.5 6 L11.2 9.4 L12.7 15 L8 11.8 L3.3 15 L4.8 9.4 L0.5 6 L6 5.8 Z' },
  triangle: { d: 'M8 1.5 L15 14.5 L1 14.5 Z' },
  circle: { d: 'M8 1.5 A6.5 6.5 0 1 1 7.99 1.5 Z' },
  square: { d: 'M2 2 H14 V14 H2 Z' },
  // Speech bubble: something said.
  bubble: { d: 'M2 2 H14 Q15 2 15 3 V10 Q15 11 14 11 H7 L3.5 14.5 V11 H2 Q1 11 1 10 V3 Q1 2 2 2 Z' },
  hexagon: { d: 'M4.5 1.5 H11.5 L15 8 L11.5 14.5 H4.5 L1 8 Z' },
  ring: { d: 'M8 2 A6 6 0 1 1 7.99 2 Z', hollow: true },
  dot: { d: 'M8 4.5 A3.5 3.5 0 1 1 7.99 4.5 Z' }
};
