// Embeds the fonts an exported SVG uses, as subsets: which characters each shipped face (family and
// weight) draws is read from the SVG itself (font-family and font-weight as they are inherited),
// each face is cut down to those characters (fontSubset.ts), and the subsets go into the SVG as
// @font-face rules with inline data, so it looks the same on machines without IBM Plex.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fontFaceRule } from '../../shared/render/fontFace';
import type { AppLocation } from '../dataset/bundledDataset';
import { FONT_FILES, fontsDir, type FontFile } from './fonts';
import { subsetFont } from './fontSubset';

type XmlNode = { [name: string]: XmlNode[] | string | Record<string, string> | undefined; ':@'?: Record<string, string> };

/** The first family of a CSS font-family list that we ship (else IBM Plex Sans). */
function shippedFamily(list: string): string {
  const shipped = new Set(FONT_FILES.map((f) => f.family));
  const families = list.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, ''));
  return families.find((f) => shipped.has(f)) ?? FONT_FILES[0]!.family;
}

/** The face drawing text of this family and weight: 600 and bolder draw in the semibold. */
function faceFor(family: string, weight: number): FontFile {
  const want = weight >= 550 ? 600 : 400;
  return FONT_FILES.find((f) => f.family === family && f.weight === want) ?? FONT_FILES[0]!;
}

/** Characters each shipped face draws in `svg`, keyed by its file name. */
export function fontUsage(svg: string): Map<string, { face: FontFile; chars: Set<string> }> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false, processEntities: true, htmlEntities: false, parseTagValue: false, parseAttributeValue: false });
  const usage = new Map<string, { face: FontFile; chars: Set<string> }>();
  const walk = (nodes: XmlNode[], family: string, weight: number, inText: boolean) => {
    for (const node of nodes) {
      if (inText && typeof node['#text'] === 'string') {
        const face = faceFor(shippedFamily(family), weight);
        const entry = usage.get(face.file) ?? { face, chars: new Set<string>() };
        for (const ch of node['#text']) if (ch.trim() !== '' || ch === ' ') entry.chars.add(ch);
        usage.set(face.file, entry);
      }
      for (const [name, children] of Object.entries(node)) {
        if (name === '#text' || name === ':@' || !Array.isArray(children)) continue;
        const attrs = node[':@'] ?? {};
        const w = attrs['font-weight'];
        const nextWeight = w === 'bold' ? 700 : w === 'normal' ? 400 : w !== undefined && Number.isFinite(Number(w)) ? Number(w) : weight;
        const lower = name.toLowerCase();
        walk(children, attrs['font-family'] ?? family, nextWeight, inText || lower === 'text');
      }
    }
  };
  walk(parser.parse(svg) as XmlNode[], FONT_FILES[0]!.family, 400, false);
  return usage;
}

export interface EmbeddedFonts {
  readonly svg: string;
  /** The faces embedded, and the bytes of each subset (before base64). */
  readonly faces: readonly { readonly family: string; readonly weight: number; readonly characters: number; readonly bytes: number }[];
}

/** `svg` with a <style> of @font-face subsets of the faces it uses, first inside its root element. */
export async function embedFonts(svg: string, loc?: AppLocation): Promise<EmbeddedFonts> {
  const usage = fontUsage(svg);
  if (usage.size === 0) return { svg, faces: [] };
  const dir = fontsDir(loc);
  const rules: string[] = [];
  const faces: EmbeddedFonts['faces'][number][] = [];
  for (const { face, chars } of [...usage.values()].sort((a, b) => FONT_FILES.indexOf(a.face) - FONT_FILES.indexOf(b.face))) {
    const ttf = new Uint8Array(await readFile(join(dir, face.file)));
    const subset = await subsetFont(ttf, [...chars].join(''), loc);
    rules.push(fontFaceRule(face.family, face.weight, Buffer.from(subset).toString('base64')));
    faces.push({ family: face.family, weight: face.weight, characters: chars.size, bytes: subset.byteLength });
  }
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) throw new Error('The SVG has no root element');
  const at = root.index + root[0].length;
  return { svg: `${svg.slice(0, at)}\n<style>${rules.join('\n')}</style>${svg.slice(at)}`, faces };
}
