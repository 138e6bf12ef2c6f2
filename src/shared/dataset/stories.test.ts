// Stories in the native format: optional, checked (unique ids, steps naming existing events,
// text cleaned like other text) the same whether the file is validated whole or streamed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasetBytes } from './loadDatasetBytes';
import { parseDatasetText } from './validateDataset';

const BUNDLED_TEXT = readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');

function withStories(stories: unknown): string {
  const raw = JSON.parse(BUNDLED_TEXT) as Record<string, unknown>;
  if (stories === undefined) delete raw['stories'];
  else raw['stories'] = stories;
  return JSON.stringify(raw, null, 2);
}

/** The same problems (field and message) from both paths. */
function problems(text: string): { field: string | undefined; message: string }[] {
  const whole = parseDatasetText(text, 'stories.frontline');
  const streamed = loadDatasetBytes(new TextEncoder().encode(text), 'stories.frontline');
  expect(whole.ok).toBe(false);
  expect(streamed.ok).toBe(false);
  if (whole.ok || streamed.ok) return [];
  const out = whole.problems.map((p) => ({ field: p.field, message: p.message }));
  expect(streamed.problems.map((p) => ({ field: p.field, message: p.message }))).toEqual(out);
  return out;
}

describe('stories', () => {
  it('are optional: a dataset without them has none in its header', () => {
    const loaded = loadDatasetBytes(new TextEncoder().encode(withStories(undefined)), 'none.frontline');
    expect(loaded.ok && loaded.loaded.header.stories).toEqual([]);
  });

  it('reach the header in order, with their notes, their text cleaned', () => {
    const text = withStories([
      { id: 'a', title: '  Two steps\u200b ', steps: [{ event: 'raqqa-taken', note: 'Say who took it.' }, { event: 'mosul-taken' }] },
      { id: 'b', title: 'Empty for now', description: 'To fill in', steps: [] }
    ]);
    const loaded = loadDatasetBytes(new TextEncoder().encode(text), 'ok.frontline');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.loaded.header.stories).toEqual([
      { id: 'a', title: 'Two steps', steps: [{ event: 'raqqa-taken', note: 'Say who took it.' }, { event: 'mosul-taken' }] },
      { id: 'b', title: 'Empty for now', description: 'To fill in', steps: [] }
    ]);
    expect(loaded.loaded.warnings.map((w) => w.field)).toEqual(['stories[0] (id "a").title']);
    const whole = parseDatasetText(text, 'ok.frontline');
    expect(whole.ok && whole.dataset.stories?.[0]?.title).toBe('Two steps');
  });

  it('the bundled dataset has one, every step an event it has', () => {
    const loaded = loadDatasetBytes(new TextEncoder().encode(BUNDLED_TEXT), 'bundled.frontline');
    if (!loaded.ok) throw new Error('bundled did not load');
    const [story, ...rest] = loaded.loaded.header.stories;
    expect(rest).toEqual([]);
    expect(story?.title).toBe('The fall of Raqqa, Mosul and Deir al-Zour in 8 steps');
    expect(story?.steps).toHaveLength(8);
  });

  it('refuses a step naming an event the dataset does not have, naming the field', () => {
    const steps = [{ event: 'raqqa-taken' }, { event: 'mosul-taken' }, { event: 'al-qaim-offensive' }, { event: 'fall-of-baghdad' }];
    expect(problems(withStories([{ id: 'fall', title: 'Fall', steps }]))).toEqual([
      { field: 'stories[0] (id "fall").steps[3].event', message: 'refers to event "fall-of-baghdad", which the dataset does not define' }
    ]);
  });

  it('refuses duplicate story ids, missing titles and unknown fields', () => {
    expect(problems(withStories([{ id: 'x', title: 'One', steps: [] }, { id: 'x', title: 'Two', steps: [] }]))).toEqual([
      { field: 'stories[1] (id "x").id', message: 'duplicate id "x" (already used by stories[0])' }
    ]);
    expect(problems(withStories([{ id: 'x', title: ' \u200b ', steps: [] }])).map((p) => p.field)).toContain('stories[0] (id "x").title');
    expect(problems(withStories([{ id: 'x', title: 'T', steps: [{ event: 'raqqa-taken', notes: 'typo' }] }]))).toEqual([
      { field: 'stories[0] (id "x").steps[0].notes', message: 'unknown field "notes" (check the spelling)' }
    ]);
    expect(problems(withStories({ id: 'x' })).map((p) => p.field)).toEqual(['stories']);
  });
});
