// Saving stories: the file image with only its stories changed, into the user's own file or,
// for the bundled dataset, a file picked in the save dialog; checked, written atomically and
// opened again so the header carries them. Save As keeps the stories of the events it saves.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../shared/dataset/schema';
import type { OpenOutcome, Result, SaveFormat } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { FileSession } from './fileSession';
import { cleanStories, storiesForEvents, withStories } from './saveStories';
import { SettingsStore } from './settingsStore';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-stories-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const STORY: Story = { id: 'two', title: 'Two steps', steps: [{ event: 'raqqa-taken', note: 'First' }, { event: 'mosul-taken' }] };

describe('withStories', () => {
  it('adds a stories member after the last one, leaving every other byte as it was', () => {
    const text = '{\n  "format": "x",\n  "events": [\n    {"id": "a"}\n  ]\n}\n';
    const out = dec(withStories(enc(text), [STORY]));
    expect(out.startsWith('{\n  "format": "x",\n  "events": [\n    {"id": "a"}\n  ],\n  "stories": [\n    {\n      "id": "two"')).toBe(true);
    expect(out.endsWith('\n  ]\n}\n')).toBe(true);
    expect((JSON.parse(out) as { stories: Story[] }).stories).toEqual([STORY]);
    // No stories to add: the very same bytes.
    expect(dec(withStories(enc(text), []))).toBe(text);
  });

  it('replaces the stories a file has, wherever they are', () => {
    const text = '{"stories": [{"id": "old", "title": "Old", "steps": []}], "events": []}';
    const out = dec(withStories(enc(text), [STORY]));
    expect(out.endsWith(', "events": []}')).toBe(true);
    expect(JSON.parse(out)).toEqual({ stories: [STORY], events: [] });
    expect(JSON.parse(dec(withStories(enc(text), [])))).toEqual({ stories: [], events: [] });
  });

  it('cleans text and drops empty notes; keeps only the steps of saved events', () => {
    expect(cleanStories([{ id: 's', title: ' T\u202e ', description: ' ', steps: [{ event: 'e', note: '  ' }, { event: 'f', note: ' n ' }] }])).toEqual([
      { id: 's', title: 'T', steps: [{ event: 'e' }, { event: 'f', note: 'n' }] }
    ]);
    expect(storiesForEvents([STORY], new Set(['mosul-taken']))).toEqual([{ ...STORY, steps: [{ event: 'mosul-taken' }] }]);
  });
});

async function session() {
  const service = new DatasetService(inlineRunLoad);
  const saveAnswers: (string | undefined)[] = [];
  const dialogs = { showOpen: vi.fn(async () => undefined), showSave: vi.fn(async (_o: { defaultName: string; format: SaveFormat }) => saveAnswers.shift()) };
  const files = new FileSession({ service, settings: new SettingsStore(join(tmp, `settings-${Math.random()}.json`)), dialogs, sendCommand: () => {} });
  return { service, dialogs, saveAnswers, files };
}

function opened(result: Result<OpenOutcome> | OpenOutcome) {
  const outcome = 'kind' in result ? result : result.ok ? result.value : { kind: 'failed' as const, error: result.error };
  if (outcome.kind !== 'opened') throw new Error(outcome.kind === 'failed' ? outcome.error.message : outcome.kind);
  return outcome.dataset;
}

describe('FileSession.saveStories', () => {
  it('rewrites the user\'s own native file in place and opens it again', async () => {
    const { service, dialogs, files } = await session();
    const path = join(tmp, 'mine.frontline');
    await copyFile(BUNDLED, path);
    opened(await service.open(path));
    const before = await readFile(path, 'utf8');
    const payload = opened(await files.saveStories([STORY]));
    expect(dialogs.showSave).not.toHaveBeenCalled();
    expect(payload.header.stories).toEqual([STORY]);
    const after = await readFile(path, 'utf8');
    // Everything up to the stories is as it was.
    const cut = before.indexOf('"stories"');
    expect(after.slice(0, cut)).toBe(before.slice(0, cut));
    expect((JSON.parse(after) as { stories: Story[] }).stories).toEqual([STORY]);
  });

  it('asks where to save for the bundled dataset; a cancelled dialog writes nothing', async () => {
    const { service, dialogs, saveAnswers, files } = await session();
    await service.load(BUNDLED, { displayName: 'deir-al-zour-al-qaim-2017.frontline', bundled: true });
    saveAnswers.push(undefined);
    expect(await files.saveStories([STORY])).toEqual({ ok: true, value: { kind: 'dismissed' } });
    const target = join(tmp, 'copy');
    saveAnswers.push(target);
    const payload = opened(await files.saveStories([STORY]));
    expect(dialogs.showSave).toHaveBeenLastCalledWith({ defaultName: expect.stringMatching(/\.frontline$/), format: 'frontline' });
    expect(payload.file).toMatchObject({ displayName: 'copy.frontline', bundled: false });
    expect(payload.header.stories).toEqual([STORY]);
    expect(await readFile(BUNDLED, 'utf8')).toContain('"The fall of Raqqa, Mosul and Deir al-Zour in 8 steps"');
  });

  it('refuses stories naming events the dataset does not have, and writes nothing', async () => {
    const { service, files } = await session();
    const path = join(tmp, 'refused.frontline');
    await copyFile(BUNDLED, path);
    opened(await service.open(path));
    const result = await files.saveStories([{ id: 'x', title: 'X', steps: [{ event: 'nowhere' }] }]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-data');
      expect(result.error.problems?.[0]?.field).toBe('stories[0] (id "x").steps[0].event');
    }
    expect(await readFile(path, 'utf8')).toBe(await readFile(BUNDLED, 'utf8'));
  });

  it('Save As keeps the stories, with the steps of the events saved', async () => {
    const { service, saveAnswers, files } = await session();
    await service.load(BUNDLED, { displayName: 'b.frontline', bundled: true });
    const target = join(tmp, 'subset.frontline');
    saveAnswers.push(target);
    const saved = await files.saveAs('frontline', Uint32Array.of(0, 1, 2, 3));
    expect(saved.ok).toBe(true);
    const written = JSON.parse(await readFile(target, 'utf8')) as { events: { id: string }[]; stories: Story[] };
    const ids = new Set(written.events.map((e) => e.id));
    expect(written.stories).toHaveLength(1);
    for (const step of written.stories[0]!.steps) expect(ids.has(step.event)).toBe(true);
    expect(written.stories[0]!.steps.length).toBeGreaterThan(0);
  });
});
