// Untrusted HTML (TimelineJS headlines, texts, credits, blockquotes) as plain text: entities decoded,
// tags dropped, scripts and embeds dropped with their content, and the first link kept aside.
import { Parser } from 'htmlparser2';
import { blankIfInvisible } from '../text/cleanText';

/** Elements dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'button']);
/** Elements that stand on their own lines. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'blockquote', 'pre', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'hr', 'address'
]);
/** Blocks followed by an empty line. */
const PARAGRAPHS = new Set(['p', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table']);

export interface PlainText {
  readonly text: string;
  /** The first link's address and text, as written (not yet checked). */
  readonly link?: { readonly href: string; readonly text: string };
}

/**
 * Text of untrusted HTML: entities decoded, tags dropped, <br> and block elements as line breaks
 * (paragraphs separated by an empty line), scripts, styles and embedded objects dropped with their
 * content, spaces collapsed as a browser would. Text without any tag keeps its own line breaks.
 */
export function htmlToText(html: string): PlainText {
  const hasTags = /<[A-Za-z!/?]/.test(html);
  const out: string[] = [];
  let dropped = 0;
  let link: { href: string; text: string } | undefined;
  let inLink = false;
  const pending: { href: string; parts: string[] } = { href: '', parts: [] };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (DROPPED.has(name)) {
          dropped++;
          return;
        }
        if (dropped > 0) return;
        if (name === 'br') out.push('\n');
        else if (name === 'li') out.push('\n• ');
        else if (BLOCKS.has(name)) out.push(PARAGRAPHS.has(name) ? '\n\n' : '\n');
        else if (name === 'td' || name === 'th') out.push(' ');
        if (name === 'a' && link === undefined && typeof attribs.href === 'string' && attribs.href.trim() !== '') {
          inLink = true;
          pending.href = attribs.href.trim();
          pending.parts = [];
        }
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          return;
        }
        if (dropped > 0) return;
        if (BLOCKS.has(name) && name !== 'li' && name !== 'hr') out.push(PARAGRAPHS.has(name) ? '\n\n' : '\n');
        if (name === 'a' && inLink) {
          inLink = false;
          link = { href: pending.href, text: pending.parts.join('').replace(/\s+/g, ' ').trim() };
        }
      },
      ontext(data) {
        if (dropped > 0) return;
        const text = hasTags ? data.replace(/[ \t\n\r\f]+/g, ' ') : data.replace(/\r\n?/g, '\n');
        out.push(text);
        if (inLink) pending.parts.push(text);
      }
    },
    { decodeEntities: true }
  );
  parser.write(html);
  parser.end();
  if (inLink) link = { href: pending.href, text: pending.parts.join('').replace(/\s+/g, ' ').trim() };
  const text = out
    .join('')
    .replace(/[\u00A0\u202F]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\f]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Text of nothing but invisible characters is no text (a headline of them is no headline).
  if (blankIfInvisible(text) === '') return { text: '' };
  return link ? { text, link } : { text };
}
