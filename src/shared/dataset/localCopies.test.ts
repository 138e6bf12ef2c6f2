// Verifiable sources: a source's sha256 and archive are validated by field (hostile strings
// included), a copy compares as verified / changed / unrecorded / missing, and Save As never
// blesses a changed copy.
import { describe, expect, it } from 'vitest';
import { archiveKind, compareLocalCopy, describeLocalCopy, sourcesForSave, withSha256, type LocalCopyCheck } from './localCopies';
import { formatProblem } from './problems';
import type { Source } from './schema';
import { parseDatasetText } from './validateDataset';

const HASH = '041f1a87942a24b34ea7a4e070c64d4e71143d085243556066ed73926f2ecfaf';
const OTHER = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A one-event dataset whose one source has these extra fields. */
function datasetText(source: Record<string, unknown>): string {
  return JSON.stringify(
    {
      format: 'frontline-dataset',
      version: 1,
      metadata: { title: 'Hashes' },
      sources: [{ id: 'wire', publisher: 'Wire', title: 'Report', localCopy: 'sources/wire.txt', ...source }],
      events: [{ id: 'e', type: 'capture', title: 'Town taken', start: { value: '2017-11-03', precision: 'day' }, citations: [{ source: 'wire', quote: 'Taken.' }] }]
    },
    null,
    2
  );
}

const check = (source: Record<string, unknown>) => parseDatasetText(datasetText(source), 'h.frontline');

describe('sha256 and archive in the dataset format', () => {
  it('accepts a SHA-256 in either case and an http(s) or WACZ archive, without warnings', () => {
    for (const source of [{ sha256: HASH }, { sha256: HASH.toUpperCase() }, { archive: 'https://web.archive.org/web/20171103/https://www.bbc.co.uk/news/x' }, { archive: 'archives/bbc-2017-11-03.wacz' }, { archive: 'capture.WACZ' }]) {
      const result = check(source);
      expect(result.ok, JSON.stringify(source)).toBe(true);
      if (result.ok) expect(result.warnings).toEqual([]);
    }
  });

  it('refuses a malformed SHA-256, naming the field and its line', () => {
    const hostile: unknown[] = [
      'abc',
      HASH.slice(0, 63),
      `${HASH}0`,
      `${HASH.slice(0, 63)}g`,
      `${HASH}\n`.replace('\n', '\nX'),
      `sha256:${HASH}`,
      `${HASH.slice(0, 32)} ${HASH.slice(32)}`,
      '<script>alert(1)</script>'.padEnd(64, 'a'),
      'a'.repeat(100_000),
      64,
      null,
      [HASH],
      { value: HASH }
    ];
    for (const sha256 of hostile) {
      const result = check({ sha256 });
      expect(result.ok, String(sha256).slice(0, 80)).toBe(false);
      if (result.ok) continue;
      const p = result.problems.find((q) => q.field?.startsWith('sources[0] (id "wire").sha256'));
      expect(p, `${String(sha256).slice(0, 80)}: ${result.problems.map(formatProblem).join('; ')}`).toBeDefined();
      expect(p!.line).toBeGreaterThan(0);
      expect(p!.message).toMatch(/SHA-256 written as 64 hexadecimal digits|should be string/);
    }
  });

  it('trims a padded SHA-256 (as every string) and removes invisible characters with a warning', () => {
    const padded = check({ sha256: `  ${HASH}  ` });
    expect(padded.ok).toBe(true);
    if (padded.ok) expect(padded.dataset.sources[0]!.sha256).toBe(HASH);
    const zeroWidth = check({ sha256: `${HASH.slice(0, 10)}\u200b${HASH.slice(10)}` });
    expect(zeroWidth.ok).toBe(true);
    if (zeroWidth.ok) expect(zeroWidth.warnings.map((w) => w.field)).toEqual(['sources[0] (id "wire").sha256']);
  });

  it('warns about a SHA-256 with no local copy to check it against', () => {
    const result = parseDatasetText(datasetText({ sha256: HASH }).replace('"localCopy": "sources/wire.txt",', ''), 'h.frontline');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.map((w) => `${w.field}: ${w.message}`)).toEqual(['sources[0] (id "wire").sha256: is the SHA-256 of a local copy, but the source has no localCopy: nothing is checked against it']);
  });

  it('an archive that is not http(s) is kept as text with a warning; one that is neither an address nor a WACZ file inside the folder is refused', () => {
    for (const archive of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'ftp://archive.example/x.wacz', '//evil.example/x', '\\\\server\\share\\x.wacz']) {
      const result = check({ archive });
      expect(result.ok, archive).toBe(true);
      if (result.ok) expect(result.warnings.map((w) => `${w.field}: ${w.message}`), archive).toEqual(['sources[0] (id "wire").archive: this address is not an http(s) web address; it is shown as text and never opened']);
    }
    for (const archive of ['capture.html', '../capture.wacz', 'a/../../capture.wacz', '/tmp/capture.wacz', 'C:\\capture.wacz', 'C:capture.wacz']) {
      const result = check({ archive });
      expect(result.ok, archive).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.field), archive).toContain('sources[0] (id "wire").archive');
    }
    const empty = check({ archive: '   ' });
    expect(empty.ok).toBe(false);
  });

  it('archiveKind tells addresses, WACZ files and anything else apart', () => {
    expect(archiveKind('https://archive.ph/abc')).toEqual({ kind: 'url', safe: true });
    expect(archiveKind('vbscript:x')).toEqual({ kind: 'url', safe: false });
    expect(archiveKind('captures/a.wacz')).toEqual({ kind: 'wacz' });
    expect(archiveKind('a.warc')).toEqual({ kind: 'invalid' });
  });
});

describe('comparing a local copy with its recorded SHA-256', () => {
  const source = { id: 'wire', localCopy: 'sources/wire.txt' };
  it('verified, changed, unrecorded, missing, unreadable', () => {
    expect(compareLocalCopy({ ...source, sha256: HASH.toUpperCase() }, { ok: true, sha256: HASH })).toEqual({ source: 'wire', localCopy: 'sources/wire.txt', state: 'verified', recorded: HASH, actual: HASH });
    expect(compareLocalCopy({ ...source, sha256: HASH }, { ok: true, sha256: OTHER }).state).toBe('changed');
    expect(compareLocalCopy(source, { ok: true, sha256: OTHER }).state).toBe('unrecorded');
    expect(compareLocalCopy({ ...source, sha256: HASH }, { ok: false, missing: true, reason: 'no such file' }).state).toBe('missing');
    expect(compareLocalCopy(source, { ok: false, missing: false, reason: 'is a folder' }).state).toBe('unreadable');
  });

  it('says so in words, never silently', () => {
    const words = (c: LocalCopyCheck) => describeLocalCopy(c);
    expect(words(compareLocalCopy({ ...source, sha256: HASH }, { ok: true, sha256: HASH }))).toBe('local copy verified (SHA-256 041f1a87942a…)');
    expect(words(compareLocalCopy({ ...source, sha256: HASH }, { ok: true, sha256: OTHER }))).toBe('local copy changed since the dataset was made (SHA-256 recorded 041f1a87942a…, now e3b0c44298fc…)');
    expect(words(compareLocalCopy(source, { ok: true, sha256: OTHER }))).toBe('local copy not verified: the dataset records no SHA-256 for it');
    expect(words(compareLocalCopy(source, { ok: false, missing: true, reason: 'x' }))).toBe("local copy missing: sources/wire.txt is not in the dataset's folder");
    expect(words(compareLocalCopy(source, { ok: false, missing: false, reason: 'is a folder, not a file' }))).toBe('local copy not read: is a folder, not a file');
  });
});

describe('what Save As records', () => {
  const src = (id: string, extra: Partial<Source> = {}): Source => ({ id, kind: 'news', publisher: 'P', title: 'T', localCopy: `sources/${id}.txt`, note: 'n', ...extra });
  const checks = new Map<string, LocalCopyCheck>([
    ['fresh', compareLocalCopy(src('fresh'), { ok: true, sha256: HASH })],
    ['same', compareLocalCopy(src('same', { sha256: HASH.toUpperCase() }), { ok: true, sha256: HASH })],
    ['edited', compareLocalCopy(src('edited', { sha256: HASH }), { ok: true, sha256: OTHER })],
    ['gone', compareLocalCopy(src('gone', { sha256: HASH }), { ok: false, missing: true, reason: 'no such file' })]
  ]);
  const sources = [src('fresh'), src('same', { sha256: HASH.toUpperCase() }), src('edited', { sha256: HASH }), src('gone', { sha256: HASH }), { id: 'web', kind: 'news' as const, publisher: 'P', title: 'T' }];
  const saved = sourcesForSave(sources, checks);

  it('computes the hash of a copy that had none, keeps a matching one (in lower case), just after localCopy', () => {
    expect(saved.sources[0]!.sha256).toBe(HASH);
    expect(Object.keys(saved.sources[0]!)).toEqual(['id', 'kind', 'publisher', 'title', 'localCopy', 'sha256', 'note']);
    expect(saved.sources[1]!.sha256).toBe(HASH);
    expect(saved.sources[4]).toBe(sources[4]);
  });

  it('never blesses a changed copy: the recorded hash stays and the user is told', () => {
    expect(saved.sources[2]!.sha256).toBe(HASH);
    expect(saved.warnings[0]).toMatch(/^Source "edited": its local copy sources\/edited\.txt changed since the dataset was made; the SHA-256 recorded for it was kept/);
  });

  it('a missing copy keeps what was recorded, said too', () => {
    expect(saved.sources[3]!.sha256).toBe(HASH);
    expect(saved.warnings[1]).toBe('Source "gone": its local copy sources/gone.txt could not be read (no such file), so the SHA-256 recorded for it was written unchecked.');
    expect(saved.warnings).toHaveLength(2);
  });

  it('withSha256 replaces a hash in place', () => {
    expect(withSha256(src('x', { sha256: OTHER }), HASH)).toEqual({ ...src('x'), sha256: HASH });
  });
});
