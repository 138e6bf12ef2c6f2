// Datasets for the export tests, opened exactly as the app and the command line open them.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { openDatasetFile, type OpenedColumns } from '../dataset/openDatasetFile';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BUNDLED_PATH = join(PROJECT_ROOT, 'data', 'deir-al-zour-al-qaim-2017.frontline');
export const HOSTILE_PATH = join(PROJECT_ROOT, 'tests', 'fixtures', 'hostile.frontline');
export const YEAR_2017 = { start: Date.UTC(2017, 0, 1), end: Date.UTC(2018, 0, 1) };

export async function openForTest(path: string): Promise<OpenedColumns> {
  const opened = await openDatasetFile(path);
  if (opened.kind !== 'opened') throw new Error(`${path} did not open`);
  return opened.dataset;
}

/** The bundled dataset with one event's title in Arabic (and optionally a new dataset title), written to `path`. */
export async function writeArabicVariant(path: string, title?: string): Promise<void> {
  const json = JSON.parse(readFileSync(BUNDLED_PATH, 'utf8')) as { metadata: { title: string }; events: { title: string }[] };
  json.events.find((e) => e.title.startsWith('Civilians forced'))!.title = 'Civilians flee دير الزور province';
  if (title !== undefined) json.metadata.title = title;
  await writeFile(path, JSON.stringify(json));
}

/** pdftotext / pdfinfo (poppler-utils) when installed, anywhere on the PATH. */
export function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
