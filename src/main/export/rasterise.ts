// PNG from the exported SVG, with resvg (Rust, off the main thread through renderAsync) and only
// the fonts shipped in resources/fonts: system fonts are never loaded, so a PNG comes out the
// same on every machine.
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { AppLocation } from '../dataset/bundledDataset';
import { fontPaths } from './fonts';

/** Largest PNG side, and most pixels, an export may have (a 16k-wide image is ~1 GB of RGBA at worst). */
export const MAX_PNG_SIDE = 16_384;
export const MAX_PNG_PIXELS = 160_000_000;

export interface PngOptions {
  /** Multiply the SVG's size (1x, 2x, 4x…). Default 1. Ignored when `width` is given. */
  readonly scale?: number;
  /** Output width in px; the height follows the SVG's aspect ratio. */
  readonly width?: number;
  /** Where the app runs from (to find the fonts in a packaged app). */
  readonly location?: AppLocation;
}

export interface PngResult {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Width and height attributes of the root <svg> element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0) || !(height > 0)) throw new Error('The SVG has no width and height');
  return { width, height };
}

export function resvgOptions(fitTo: ResvgRenderOptions['fitTo'], location?: AppLocation): ResvgRenderOptions {
  return {
    fitTo,
    font: {
      loadSystemFonts: false,
      fontFiles: fontPaths(location),
      defaultFontFamily: 'IBM Plex Sans',
      sansSerifFamily: 'IBM Plex Sans'
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off'
  };
}

/** Render `svg` to PNG. Throws with a plain reason when the size is out of bounds. */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<PngResult> {
  const size = svgSize(svg);
  const scale = options.width !== undefined ? options.width / size.width : (options.scale ?? 1);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`Invalid scale ${scale}`);
  const outW = Math.round(size.width * scale);
  const outH = Math.round(size.height * scale);
  if (outW > MAX_PNG_SIDE || outH > MAX_PNG_SIDE || outW * outH > MAX_PNG_PIXELS) {
    throw new Error(`A PNG of ${outW} × ${outH} px is too large (at most ${MAX_PNG_SIDE} px a side and ${MAX_PNG_PIXELS / 1e6} million pixels)`);
  }
  const fitTo: ResvgRenderOptions['fitTo'] = options.width !== undefined ? { mode: 'width', value: outW } : scale === 1 ? { mode: 'original' } : { mode: 'zoom', value: scale };
  const rendered = await renderAsync(svg, resvgOptions(fitTo, options.location));
  return { png: new Uint8Array(rendered.asPng()), width: rendered.width, height: rendered.height };
}
