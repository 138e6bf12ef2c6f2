// Command line: an interactive page (npm run export -- DATASET --out story.html), written with the
// same code main uses for File › Export › Interactive page…: the whole dataset by default, or the
// events within --range; --title and --subtitle name the page's dataset otherwise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetHeader, EventColumns } from '../shared/dataset/columns';
import { aboutSize } from '../shared/export/interactivePage';
import type { TimeWindow } from '../shared/render/exportWindow';
import { checkPageDataset, pageBasemap, pageDatasetBytes, pageMeta, pageTemplatePath, readPageTemplate, writeInteractivePage } from '../main/export/interactivePage';
import { ensurePageTemplate } from '../../scripts/build-page';
import { ensureBasemaps } from '../../scripts/build-basemap';

export interface PageArgs {
  readonly out: string;
  readonly window?: TimeWindow;
  readonly title?: string;
  readonly subtitle?: string;
}

export interface PageDatasetRead {
  readonly header: DatasetHeader;
  readonly columns: EventColumns;
  readonly bytes: Uint8Array;
  readonly ranges: Uint32Array;
  readonly displayName: string;
}

/** Events that overlap `window`: one that lasted (or a background era) counts if any of it is inside. */
export function eventsInWindow(columns: EventColumns, window: TimeWindow): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < columns.count; i++) {
    if (columns.start[i]! < window.end && columns.end[i]! > window.start) out.push(i);
  }
  return Uint32Array.from(out);
}

function madeWith(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { productName?: string; version?: string };
    return `${pkg.productName ?? 'Frontline'} ${pkg.version ?? ''}`.trim();
  } catch {
    return 'Frontline';
  }
}

/** Write the page; what to print, and the exit status. */
export async function exportPageFile(a: PageArgs, target: string, read: PageDatasetRead): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let notes = '';
  // A fresh clone has no build: the template is built once (the app's build does this too).
  if (pageTemplatePath() === undefined) {
    try {
      await ensurePageTemplate();
      notes += 'Built the interactive page template (out/page/frontline-page.html).\n';
    } catch (err) {
      return { exitCode: 1, stdout: '', stderr: `${a.out} could not be written: the page template could not be built (${err instanceof Error ? err.message : String(err)})\n` };
    }
  }
  const template = await readPageTemplate(pageTemplatePath());
  if (!template.ok) return { exitCode: 1, stdout: '', stderr: `${notes}${a.out} could not be written: ${template.message}\n` };
  const header: DatasetHeader =
    a.title !== undefined || a.subtitle !== undefined
      ? { ...read.header, metadata: { ...read.header.metadata, ...(a.title !== undefined ? { title: a.title } : {}), ...(a.subtitle !== undefined ? { subtitle: a.subtitle } : {}) } }
      : read.header;
  const indices = a.window ? eventsInWindow(read.columns, a.window) : null;
  if (indices !== null && indices.length === 0) return { exitCode: 1, stdout: '', stderr: `${notes}${a.out} was not written: no event of ${read.displayName} falls within --range\n` };
  const data = pageDatasetBytes({ header, columns: read.columns, bytes: read.bytes, ranges: read.ranges }, indices);
  if (!data.ok) return { exitCode: 1, stdout: '', stderr: `${notes}${a.out} could not be written: ${data.message}\n` };
  const checked = checkPageDataset(data.bytes, data.events, read.displayName);
  if (!checked.ok) return { exitCode: 1, stdout: '', stderr: `${notes}${a.out} could not be written: ${checked.message}\n` };
  const meta = pageMeta({ fileName: read.displayName, title: header.metadata.title, events: data.events, ofEvents: read.columns.count, what: indices === null ? 'all' : 'shown', madeWith: madeWith() });
  // The page's map draws on the offline basemap (built from the installed packages when missing).
  let basemap = await pageBasemap();
  if (!basemap.ok) {
    try {
      ensureBasemaps();
      basemap = await pageBasemap();
    } catch (err) {
      basemap = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }
  if (!basemap.ok) notes += `${a.out}: the page has no map (${basemap.message})\n`;
  const written = await writeInteractivePage(target, template.template, { dataset: data.bytes, meta, ...(basemap.ok ? { basemap: basemap.bytes } : {}) });
  if (!written.ok) return { exitCode: 1, stdout: '', stderr: `${notes}${written.message}\n` };
  const held = indices === null ? `all ${data.events.toLocaleString('en-GB')} events` : `${data.events.toLocaleString('en-GB')} of ${read.columns.count.toLocaleString('en-GB')} events`;
  return { exitCode: 0, stdout: `Wrote ${a.out} (interactive page, ${held}, ${aboutSize(written.bytes).replace('about ', '')})\n`, stderr: notes };
}
