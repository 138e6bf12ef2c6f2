// The pieces of a matched text for the list of results: plain text, and the matched words to mark.
// Svelte renders each piece as a text node (inside <mark> for a match), so nothing becomes HTML.
import type { MatchReason } from '../../../../shared/search/searchIndex';

export interface Piece {
  readonly text: string;
  readonly hit: boolean;
}

/** `text` cut at the hits ([start, end) offsets, ascending): unmarked and marked pieces in order. */
export function pieces(text: string, hits: readonly (readonly [number, number])[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const [s, e] of hits) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.max(start, Math.min(e, text.length));
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    if (end > start) out.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** What a reason's field is called in the list: "title", "notes", "place", "alias of Islamic State"… */
export function fieldLabel(reason: MatchReason): string {
  if (reason.of === undefined) return reason.field;
  return reason.field === 'place' ? `place, other name of ${reason.of}` : `actor, alias of ${reason.of}`;
}
