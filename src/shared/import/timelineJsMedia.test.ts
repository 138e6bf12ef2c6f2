// TimelineJS media, quotes, eras and protocol-relative addresses (tests/fixtures/import/
// timelinejs-media.json and .csv): a quote in the media field is the citation's quote; pictures,
// videos, sounds and maps are the event's media (text), never its source nor in export footers;
// eras are background context; //host/path is read as https.
import { describe, expect, it } from 'vitest';
import { ERA_TAG, GROUP_TAG } from '../dataset/columns';
import { columnsFromDataset } from '../dataset/datasetColumns';
import { validateDataset } from '../dataset/validateDataset';
import { defaultLabels } from '../render/timelineSvg';
import { webAddress } from './cellText';
import { importText } from './importText';
import { mediaKindOf, readSlideMedia } from './timelineJsMedia';
import type { ImportResult } from './types';
import { importFixture as fixture, expectImported as imported } from '../../../tests/support/importFixtures';

const byId = (r: ImportResult, id: string) => {
  const e = r.dataset.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id} among ${r.dataset.events.map((x) => x.id).join(', ')}`);
  return e;
};
const byTitle = (r: ImportResult, title: string) => {
  const e = r.dataset.events.find((x) => x.title === title);
  if (!e) throw new Error(`no event "${title}" among ${r.dataset.events.map((x) => x.title).join(', ')}`);
  return e;
};
const sourceOf = (r: ImportResult, e: { citations: readonly { source: string }[] }) => r.dataset.sources.find((s) => s.id === e.citations[0]!.source)!;

/** Every address of the media in the fixtures, as kept. */
const MEDIA_URLS = [
  'https://images.example.org/photos/qaim.jpg',
  'https://www.youtube.com/watch?v=abcdefghijk',
  'https://youtu.be/abcdefghijk',
  'https://vimeo.com/123456789',
  'https://player.vimeo.com/video/123456789',
  'https://soundcloud.com/example-radio/qaim-report',
  'https://www.google.com/maps/place/Al-Qaim/@34.37,41.09,12z',
  'https://www.openstreetmap.org/#map=12/34.37/41.09'
];

/** The footer an exported picture of the whole dataset would have (the real export code's default labels). */
function exportFooter(r: ImportResult): string {
  const check = validateDataset(structuredClone(r.dataset), 'x');
  if (!check.ok) throw new Error('invalid');
  const { header } = columnsFromDataset(check.dataset);
  return defaultLabels(header, header.fullRange!).sources.join('\n');
}

describe('TimelineJS JSON: media, quotes, eras', () => {
  const r = imported(importText(fixture('timelinejs-media.json'), 'timelinejs-media.json'));

  it('a slide whose only content is a quote in its media keeps the quote as its citation, the credit as who said it', () => {
    const e = byId(r, 'quote-only');
    expect(e.citations).toEqual([{ source: expect.any(String), quote: '“We have fully liberated the city of Deir al-Zour.”', note: 'Said by Syrian army statement' }]);
    expect(e.title).toBe('“We have fully liberated the city of Deir al-Zour.”');
    expect(e.summary).toBeUndefined();
    expect(e.media).toBeUndefined();
    expect(e).toMatchObject({ type: 'statement', tags: [`${GROUP_TAG}Statements`] });
    // Nothing to link to: it cites the file itself.
    expect(sourceOf(r, e)).toMatchObject({ publisher: 'TimelineJS timeline', title: 'Media of the 2017 campaign' });
  });

  it('words in the media field (not an address) are a quote too', () => {
    expect(byId(r, 'words-quote').citations[0]).toMatchObject({ quote: 'The border crossing at al-Qaim is open again.' });
    expect(byId(r, 'words-quote').citations[0]!.note).toBeUndefined();
  });

  it('pictures, videos, sounds and maps are the event\'s media, with their kind, caption and credit', () => {
    expect(byId(r, 'image').media).toEqual([{ url: 'https://images.example.org/photos/qaim.jpg', kind: 'image', caption: 'Troops on the road to al-Qaim', credit: 'Example Agency' }]);
    expect(byId(r, 'youtube').media).toEqual([{ url: 'https://www.youtube.com/watch?v=abcdefghijk', kind: 'video', credit: 'Example TV' }]);
    expect(byId(r, 'vimeo').media).toEqual([{ url: 'https://vimeo.com/123456789', kind: 'video', caption: 'Footage over the river' }]);
    expect(byId(r, 'soundcloud').media).toEqual([{ url: 'https://soundcloud.com/example-radio/qaim-report', kind: 'audio' }]);
    expect(byId(r, 'map').media).toEqual([{ url: 'https://www.google.com/maps/place/Al-Qaim/@34.37,41.09,12z', kind: 'map', caption: 'Al-Qaim on the Euphrates' }]);
  });

  it('media are never a source: not cited, not in the sources, not in an export\'s footer', () => {
    const urls = r.dataset.sources.map((s) => s.url);
    for (const url of MEDIA_URLS) expect(urls).not.toContain(url);
    expect(r.dataset.sources.map((s) => s.publisher)).not.toContain('Example TV');
    const footer = exportFooter(r);
    expect(footer).not.toMatch(/Example Agency|Example TV|youtube|vimeo|soundcloud|Troops on the road|Footage over/i);
    // Slides with no link in their text cite the file; the one with a link cites it.
    expect(sourceOf(r, byId(r, 'youtube')).publisher).toBe('TimelineJS timeline');
    expect(sourceOf(r, byId(r, 'image'))).toMatchObject({ publisher: 'example.org', title: 'the agency\'s report', url: 'https://www.example.org/reports/qaim' });
  });

  it('reads protocol-relative addresses (//host/path) as https, for media and for links', () => {
    expect(byId(r, 'image').media![0]!.url).toBe('https://images.example.org/photos/qaim.jpg');
    expect(sourceOf(r, byId(r, 'image')).url).toBe('https://www.example.org/reports/qaim');
    expect(r.problems.map((p) => p.field)).not.toContain('events[2].media.url');
  });

  it('an address it cannot keep (a path on someone\'s disk) is left out with a warning; the credit stays as a note', () => {
    const e = byId(r, 'relative');
    expect(e.media).toBeUndefined();
    expect(e.citations[0]!.note).toBe('Media credit: Unknown photographer');
    expect(r.problems).toEqual([
      { severity: 'warning', file: 'timelinejs-media.json', field: 'events[7].media.url', message: 'the media "photos/local-copy.jpg" is not an http(s) web address; it was left out' }
    ]);
  });

  it('eras are background context drawn as background periods, kept out of the fitted story', () => {
    const era = byId(r, 'era-1');
    expect(era).toMatchObject({ title: 'Battle for the province', type: 'context', tags: [ERA_TAG], start: { value: '2014', precision: 'year' } });
    const check = validateDataset(structuredClone(r.dataset), 'x');
    if (!check.ok) throw new Error('invalid');
    const { header } = columnsFromDataset(check.dataset);
    // The era starts in 2014; the story (what Fit shows) starts with the slides in October 2017.
    expect(new Date(header.fullRange!.start).getUTCFullYear()).toBe(2014);
    expect(new Date(header.storyRange!.start).toISOString().slice(0, 10)).toBe('2017-10-26');
  });
});

describe('TimelineJS spreadsheet CSV: media, quotes, eras', () => {
  const r = imported(importText(fixture('timelinejs-media.csv'), 'timelinejs-media.csv'));

  it('a row whose only content is a quote in Media keeps it as the citation, with the credit as who said it', () => {
    const e = r.dataset.events[0]!;
    expect(r.lineOfEvent[0]).toBe(3);
    expect(e.citations[0]).toMatchObject({ quote: '"We have fully liberated the city of Deir al-Zour."', note: 'Said by Syrian army statement' });
    expect(e.title).toBe('"We have fully liberated the city of Deir al-Zour."');
    expect(e.type).toBe('statement');
  });

  it('keeps media as media and reads //host as https; none is a source', () => {
    expect(byTitle(r, 'Troops near al-Qaim').media).toEqual([{ url: 'https://images.example.org/photos/qaim.jpg', kind: 'image', caption: 'Troops on the road', credit: 'Example Agency' }]);
    expect(sourceOf(r, byTitle(r, 'Troops near al-Qaim'))).toMatchObject({ url: 'https://www.example.org/reports/qaim', title: 'the report' });
    expect(byTitle(r, 'Video of the advance').media).toEqual([{ url: 'https://youtu.be/abcdefghijk', kind: 'video', credit: 'Example TV' }]);
    expect(byTitle(r, 'Drone footage').media).toEqual([{ url: 'https://player.vimeo.com/video/123456789', kind: 'video' }]);
    expect(byTitle(r, 'Radio report').media).toEqual([{ url: 'https://soundcloud.com/example-radio/qaim-report', kind: 'audio' }]);
    expect(byTitle(r, 'Where al-Qaim lies').media).toEqual([{ url: 'https://www.openstreetmap.org/#map=12/34.37/41.09', kind: 'map', caption: 'Al-Qaim on the Euphrates' }]);
    const urls = r.dataset.sources.map((s) => s.url);
    for (const url of MEDIA_URLS) expect(urls).not.toContain(url);
    expect(exportFooter(r)).not.toMatch(/Example Agency|Example TV|youtu|vimeo|soundcloud|openstreetmap/i);
    expect(r.problems).toEqual([]);
  });

  it('an era row is background context', () => {
    expect(byTitle(r, 'Battle for the province')).toMatchObject({ type: 'context', tags: [ERA_TAG] });
  });
});

describe('readSlideMedia and mediaKindOf', () => {
  it.each([
    ['<blockquote>Words <cite>— someone</cite></blockquote>', { kind: 'quote', text: 'Words — someone' }],
    ['Plain words are a quote', { kind: 'quote', text: 'Plain words are a quote' }],
    ['Victory!', { kind: 'quote', text: 'Victory!' }],
    ['//example.org/a.png', { kind: 'address', url: 'https://example.org/a.png', mediaKind: 'image' }],
    ['https://example.org/a.png', { kind: 'address', url: 'https://example.org/a.png', mediaKind: 'image' }],
    ['javascript:alert(1)', { kind: 'unusable', raw: 'javascript:alert(1)', why: 'is not an http(s) web address' }],
    ['file:///etc/passwd', { kind: 'unusable', raw: 'file:///etc/passwd', why: 'is not an http(s) web address' }],
    ['///etc/passwd', { kind: 'unusable', raw: '///etc/passwd', why: 'is not an http(s) web address' }],
    ['images/a.png', { kind: 'unusable', raw: 'images/a.png', why: 'is not an http(s) web address' }],
    ['<iframe src="https://evil.example"></iframe>', { kind: 'unusable', raw: '<iframe src="https://evil.example"></iframe>', why: 'is markup with no text in it (an embed), which Frontline does not show' }],
    ['   ', { kind: 'none' }],
    [42, { kind: 'none' }]
  ])('%j', (raw, read) => {
    expect(readSlideMedia(raw)).toEqual(read);
  });

  it.each([
    ['https://www.youtube.com/watch?v=x', 'video'],
    ['https://m.youtube.com/watch?v=x', 'video'],
    ['https://vimeo.com/1', 'video'],
    ['https://example.org/clip.mp4', 'video'],
    ['https://soundcloud.com/a/b', 'audio'],
    ['https://example.org/talk.mp3?x=1', 'audio'],
    ['https://www.flickr.com/photos/a/1', 'image'],
    ['https://commons.wikimedia.org/wiki/File:Map.png', 'image'],
    ['https://example.org/photo.JPG', 'image'],
    ['https://www.google.com/maps/@34.3,41.0,12z', 'map'],
    ['https://maps.google.co.uk/?q=x', 'map'],
    ['https://www.openstreetmap.org/#map=1/2/3', 'map'],
    ['https://docs.google.com/document/d/1', 'document'],
    ['https://example.org/report.pdf', 'document'],
    ['https://www.google.com/search?q=maps', 'other'],
    ['https://en.wikipedia.org/wiki/Al-Qaim', 'other'],
    ['https://twitter.com/x/status/1', 'other']
  ])('%s is %s', (url, kind) => {
    expect(mediaKindOf(url)).toBe(kind);
  });

  it('webAddress keeps http(s), reads //host as https, and refuses the rest', () => {
    expect(webAddress('//www.bbc.com/news/x')).toBe('https://www.bbc.com/news/x');
    expect(webAddress(' http://a.org/ ')).toBe('http://a.org/');
    for (const bad of ['javascript:alert(1)', '///a', '//', '\\\\server\\share', 'data:text/html,x', 'www.bbc.com']) expect(webAddress(bad)).toBeNull();
  });
});
