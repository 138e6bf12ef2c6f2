// Reads an exported SVG back as XML and checks what the export promises: well-formed, nothing
// that runs or reaches out (no <script>, <foreignObject>, event-handler attribute, external
// href/src or url(), no stylesheet but inline @font-face data), and the text it shows. Used by
// the tests, and by main as a last check before an SVG leaves the app.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isFontFaceOnly } from './fontFace';

export interface SvgReport {
  /** Well-formed and nothing forbidden. */
  readonly ok: boolean;
  readonly problems: readonly string[];
  /** Text of every <text> element (its spans joined), entities decoded, in document order. */
  readonly texts: readonly string[];
  /** How many elements of each name. */
  readonly elements: Readonly<Record<string, number>>;
}

type XmlNode = { [name: string]: XmlNode[] | string | Record<string, string> | undefined; ':@'?: Record<string, string> };

const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'image', 'use', 'a', 'animate', 'set', 'animatetransform', 'animatemotion', 'handler', 'listener']);

/** An attribute value that points outside the document. */
function external(value: string): boolean {
  const v = value.trim();
  return v !== '' && !v.startsWith('#');
}

function textOf(nodes: XmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node['#text'] === 'string') out += node['#text'];
    for (const [name, children] of Object.entries(node)) if (name !== '#text' && name !== ':@' && Array.isArray(children)) out += textOf(children);
  }
  return out;
}

export function checkSvg(svg: string): SvgReport {
  const problems: string[] = [];
  const texts: string[] = [];
  const elements: Record<string, number> = {};
  const valid = XMLValidator.validate(svg);
  if (valid !== true) return { ok: false, problems: [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`], texts, elements };
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) problems.push('has a DOCTYPE or entity declaration');
  if (/<\?xml-stylesheet/i.test(svg)) problems.push('links a stylesheet');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false
  });
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      for (const [name, children] of Object.entries(node)) {
        if (name === '#text' || name === ':@' || name.startsWith('?')) continue;
        const lower = name.toLowerCase();
        elements[name] = (elements[name] ?? 0) + 1;
        if (FORBIDDEN_ELEMENTS.has(lower.replace(/^.*:/, ''))) problems.push(`has a <${name}> element`);
        const attrs = node[':@'] ?? {};
        for (const [attr, value] of Object.entries(attrs)) {
          const a = attr.toLowerCase();
          if (a.startsWith('on')) problems.push(`<${name}> has an event handler attribute ${attr}`);
          if ((a === 'href' || a.endsWith(':href') || a === 'src') && external(value)) problems.push(`<${name}> ${attr} points outside the document: ${value}`);
          for (const m of value.matchAll(/url\(\s*['"]?([^'")]*)/gi)) if (external(m[1]!)) problems.push(`<${name}> ${attr} has an external url(): ${m[1]}`);
          if (/javascript:|data:/i.test(value) && a !== 'aria-label') problems.push(`<${name}> ${attr} holds a script or data address`);
        }
        if (!Array.isArray(children)) continue;
        // A stylesheet only of embedded fonts (fontFace.ts): anything else in one could reach out or hide text.
        if (lower === 'style' && (Object.keys(attrs).length > 0 || !isFontFaceOnly(textOf(children)))) problems.push('has a <style> that is not only embedded fonts');
        if (lower === 'text') texts.push(textOf(children));
        walk(children);
      }
    }
  };
  walk(parser.parse(svg) as XmlNode[]);
  if (!elements['svg']) problems.push('has no <svg> root');
  return { ok: problems.length === 0, problems, texts, elements };
}
