// Stories saved into a native file: the file image with its top-level "stories" member replaced
// (or added after the last member), every other byte left as it was. Text is cleaned as loading
// would clean it, so what is written is what reopening shows.
import type { Story } from '../../shared/dataset/schema';
import { topLevelMembers } from '../../shared/json/jsonSkeleton';
import { cleanText } from '../../shared/text/cleanText';

const encoder = new TextEncoder();

function clean(text: string): string {
  return cleanText(text).text.trim();
}

/** Stories with their text trimmed and cleaned of invisible control characters; empty optional text dropped. */
export function cleanStories(stories: readonly Story[]): Story[] {
  return stories.map((s) => {
    const description = s.description === undefined ? undefined : clean(s.description);
    return {
      id: s.id,
      title: clean(s.title),
      ...(description ? { description } : {}),
      steps: s.steps.map((step) => {
        const note = step.note === undefined ? undefined : clean(step.note);
        return { event: step.event, ...(note ? { note } : {}) };
      })
    };
  });
}

/** The stories as the value of a top-level member, indented as the rest of a native file. */
function storiesJson(stories: readonly Story[]): string {
  return JSON.stringify(stories, null, 2).replace(/\n/g, '\n  ');
}

/**
 * `bytes` (a native file image) with its stories replaced by `stories`. Throws JsonScanError on a
 * file that is not a JSON object (a held file image always is).
 */
export function withStories(bytes: Uint8Array, stories: readonly Story[]): Uint8Array {
  const { members } = topLevelMembers(bytes);
  const existing = members.find((m) => m.key === 'stories');
  let at: number;
  let end: number;
  let insert: string;
  if (existing) {
    at = existing.valueStart;
    end = existing.valueEnd;
    insert = storiesJson(stories);
  } else {
    if (stories.length === 0) return bytes;
    const last = members[members.length - 1];
    if (!last) throw new Error('the file has no members to add stories after');
    at = last.valueEnd;
    end = last.valueEnd;
    insert = `,\n  "stories": ${storiesJson(stories)}`;
  }
  const middle = encoder.encode(insert);
  const out = new Uint8Array(at + middle.length + bytes.length - end);
  out.set(bytes.subarray(0, at), 0);
  out.set(middle, at);
  out.set(bytes.subarray(end), at + middle.length);
  return out;
}

/** The stories with only the steps whose events are kept (for a file saved with some of the events). */
export function storiesForEvents(stories: readonly Story[], kept: ReadonlySet<string>): Story[] {
  return stories.map((s) => ({ ...s, steps: s.steps.filter((step) => kept.has(step.event)) }));
}
