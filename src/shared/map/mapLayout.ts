// Where the map view sits and how much room it takes: open or not, beside or below the timeline
// (or chosen from the window's shape), and its share of the split. Remembered in main's settings
// across restarts; pure, so main, the renderer and the tests agree on the limits and defaults.

export const MAP_PLACEMENTS = ['auto', 'beside', 'below'] as const;
export type MapPlacement = (typeof MAP_PLACEMENTS)[number];

export interface MapLayout {
  readonly open: boolean;
  /** 'auto': beside in a wide window, below in a narrow or tall one. */
  readonly placement: MapPlacement;
  /** The map's share of the split (its width beside the timeline, its height below it). */
  readonly size: number;
}

/** The map never takes less or more than this share of the split, so neither view is squeezed away. */
export const MAP_SIZE_MIN = 0.2;
export const MAP_SIZE_MAX = 0.8;

export const DEFAULT_MAP_LAYOUT: MapLayout = { open: false, placement: 'auto', size: 0.42 };

/** A share kept within the limits; anything that is not a finite number is the default. */
export function clampMapSize(size: number): number {
  if (!Number.isFinite(size)) return DEFAULT_MAP_LAYOUT.size;
  return Math.round(Math.min(MAP_SIZE_MAX, Math.max(MAP_SIZE_MIN, size)) * 1000) / 1000;
}

/**
 * Beside or below, for a split area `width` × `height` px: 'auto' puts the map beside the
 * timeline when there is room for both side by side (wide enough, and wider than tall), else below.
 */
export function resolvePlacement(placement: MapPlacement, width: number, height: number): 'beside' | 'below' {
  if (placement !== 'auto') return placement;
  return width >= 900 && width >= height * 1.25 ? 'beside' : 'below';
}

/** A layout read from anywhere (a settings file, IPC), made whole: unknown or broken parts are the defaults. */
export function normalizeMapLayout(value: unknown): MapLayout {
  if (value === null || typeof value !== 'object') return DEFAULT_MAP_LAYOUT;
  const v = value as Partial<Record<keyof MapLayout, unknown>>;
  return {
    open: typeof v.open === 'boolean' ? v.open : DEFAULT_MAP_LAYOUT.open,
    placement: (MAP_PLACEMENTS as readonly unknown[]).includes(v.placement) ? (v.placement as MapPlacement) : DEFAULT_MAP_LAYOUT.placement,
    size: typeof v.size === 'number' ? clampMapSize(v.size) : DEFAULT_MAP_LAYOUT.size
  };
}
