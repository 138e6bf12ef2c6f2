// The fonts exported images are drawn with: open-licensed TTFs (SIL OFL 1.1, see
// resources/fonts/OFL.txt) shipped in resources/fonts, so a PNG or PDF looks the same on every
// machine. The SVG names them by family only (src/shared/render/themes.ts); the rasteriser and the
// PDF writer load these files.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppLocation } from '../dataset/bundledDataset';

export interface FontFile {
  /** File name in resources/fonts. */
  readonly file: string;
  /** Family the SVG names (src/shared/render/themes.ts FONT_FAMILY / FONT_FAMILY_ARABIC). */
  readonly family: string;
  readonly weight: 400 | 600;
}

export const FONT_FILES: readonly FontFile[] = [
  { file: 'IBMPlexSans_400Regular.ttf', family: 'IBM Plex Sans', weight: 400 },
  { file: 'IBMPlexSans_600SemiBold.ttf', family: 'IBM Plex Sans', weight: 600 },
  { file: 'IBMPlexSansArabic_400Regular.ttf', family: 'IBM Plex Sans Arabic', weight: 400 },
  { file: 'IBMPlexSansArabic_600SemiBold.ttf', family: 'IBM Plex Sans Arabic', weight: 600 }
];

const FONT_DIR = join('resources', 'fonts');

/**
 * The folder holding the fonts. Packaged: `<resourcesPath>/fonts` (electron-builder copies
 * resources/fonts there as an extra resource). Developing, testing, on the command line: the
 * project's resources/fonts, found from the app path or by walking up from this module (which
 * works from src/main/export under tsx and from out/main once built).
 */
export function fontsDir(loc?: AppLocation): string {
  if (loc) {
    const dir = loc.isPackaged ? join(loc.resourcesPath, 'fonts') : join(loc.appPath, FONT_DIR);
    if (existsSync(join(dir, FONT_FILES[0]!.file))) return dir;
  }
  let at = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const dir = join(at, FONT_DIR);
    if (existsSync(join(dir, FONT_FILES[0]!.file))) return dir;
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  const fromCwd = resolve(FONT_DIR);
  if (existsSync(join(fromCwd, FONT_FILES[0]!.file))) return fromCwd;
  throw new Error(`The export fonts were not found (looked for ${FONT_DIR}/${FONT_FILES[0]!.file} beside the app)`);
}

/** Full paths of every font file. */
export function fontPaths(loc?: AppLocation): string[] {
  const dir = fontsDir(loc);
  return FONT_FILES.map((f) => join(dir, f.file));
}
