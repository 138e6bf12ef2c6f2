// Links in File > Export Image and on the command line: the request's "selected" or "all" becomes
// the links main draws (only between events the filters show), the argument schema takes them, and
// PNG, SVG and PDF are all made with them; `npm run export -- --links all|<event id>` draws them too.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../cli/export';
import { stringAt } from '../../shared/dataset/columns';
import { INVOKE_ARGS } from '../../shared/ipc/args';
import type { DatasetPayload, ImageExportRequest } from '../../shared/ipc/contract';
import { checkSvg } from '../../shared/render/svgCheck';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { renderExport } from './exportImage';
import { buildExportRequest } from './exportSession';

const LINKS = fileURLToPath(new URL('../../../tests/fixtures/links.frontline', import.meta.url));
const MARCH = { start: Date.UTC(2020, 2, 1), end: Date.UTC(2020, 2, 26) };
const VIEW: ImageExportRequest = { format: 'svg', what: 'view', window: MARCH, laneMode: 'theatre', indices: null, theme: 'screen', width: 1600, height: 700 };

let tmp: string;
let payload: DatasetPayload;
let ids: string[];
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-export-links-'));
  const service = new DatasetService(inlineRunLoad);
  await service.load(LINKS, { displayName: 'links.frontline', bundled: false });
  payload = (await service.held())!.payload;
  ids = Array.from({ length: payload.columns.count }, (_, i) => stringAt(payload.columns.ids, i));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const drawnLinks = (svg: string) => [...svg.matchAll(/<g class="link" data-from="([^"]*)" data-to="([^"]*)" data-kind="([^"]*)">/g)].map((m) => `${m[1]} ${m[3]} ${m[2]}`).sort();

describe('links in an exported image', () => {
  it('the argument schema takes links and the selected event, and refuses others', () => {
    expect(INVOKE_ARGS.exportImage.safeParse([{ ...VIEW, links: 'selected', selected: 2 }]).success).toBe(true);
    expect(INVOKE_ARGS.exportImage.safeParse([{ ...VIEW, links: 'some' }]).success).toBe(false);
    expect(INVOKE_ARGS.exportImage.safeParse([{ ...VIEW, links: 'selected', selected: -1 }]).success).toBe(false);
  });

  it("the selected event's links, drawn", async () => {
    const built = buildExportRequest(payload, { ...VIEW, links: 'selected', selected: ids.indexOf('e-offensive') });
    if (!built.ok) throw new Error(built.message);
    const svg = new TextDecoder().decode((await renderExport(built.request)).bytes);
    expect(checkSvg(svg).problems).toEqual([]);
    expect(drawnLinks(svg)).toEqual(['e-offensive leads-to e-capture', 'e-raid part-of e-offensive']);
  });

  it('all links, but only between the events the filters show', async () => {
    const shown = Uint32Array.from(ids.map((_, i) => i).filter((i) => ids[i] !== 'e-dup'));
    const built = buildExportRequest(payload, { ...VIEW, indices: shown, links: 'all' });
    if (!built.ok) throw new Error(built.message);
    const svg = new TextDecoder().decode((await renderExport(built.request)).bytes);
    expect(drawnLinks(svg)).toEqual(['e-far related-to e-capture', 'e-offensive leads-to e-capture', 'e-raid part-of e-offensive', 'e-report disputes e-capture', 'e-response responds-to e-capture']);
  });

  it('none unless asked for', async () => {
    const built = buildExportRequest(payload, VIEW);
    if (!built.ok) throw new Error(built.message);
    expect(built.request.links).toBeUndefined();
  });

  it('PNG and PDF are made with links drawn', async () => {
    for (const format of ['png', 'pdf'] as const) {
      const built = buildExportRequest(payload, { ...VIEW, format, links: 'all' });
      if (!built.ok) throw new Error(built.message);
      const out = await renderExport(built.request);
      expect(out.bytes.length, format).toBeGreaterThan(1000);
    }
  }, 60_000);
});

describe('npm run export -- --links', () => {
  it('all: every link between the events drawn, named in the legend', async () => {
    const out = join(tmp, 'all.svg');
    const r = await runExport([LINKS, '--out', out, '--range', '2020-03-01..2020-03-25', '--links', 'all']);
    expect(r.exitCode).toBe(0);
    const svg = await readFile(out, 'utf8');
    expect(drawnLinks(svg)).toHaveLength(6);
    expect(checkSvg(svg).texts).toContain('Link: disputes');
  });

  it("an event's id: that event's links", async () => {
    const out = join(tmp, 'one.svg');
    expect((await runExport([LINKS, '--out', out, '--range', '2020-03-01..2020-03-25', '--links', 'e-raid'])).exitCode).toBe(0);
    expect(drawnLinks(await readFile(out, 'utf8'))).toEqual(['e-raid part-of e-offensive']);
  });

  it('an id the dataset does not have: exit 1, saying so', async () => {
    const r = await runExport([LINKS, '--out', join(tmp, 'x.svg'), '--links', 'e-nowhere']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('--links: ');
    expect(r.stderr).toContain('has no event "e-nowhere"');
  });
});
