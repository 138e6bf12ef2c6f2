// Command line: export a timeline image (PNG, SVG or PDF) or an interactive page (.html) of a
// dataset without opening a window, with the same code the app uses to open the file and draw it.
//   npm run export -- data/deir-al-zour-al-qaim-2017.frontline --out timeline.png --range 2017-01-01..2017-12-31
// Exit 0 written, 1 the file could not be opened, drawn or written, 2 usage error or a table to map.
import { basename, dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatProblem } from '../shared/dataset/problems';
import { stringAt, type EventColumns } from '../shared/dataset/columns';
import { LinkIndex, linkEndLookup, type ResolvedLink } from '../shared/dataset/links';
import { parseRange, type TimeWindow } from '../shared/render/exportWindow';
import { THEME_NAMES, isThemeName, type ThemeName } from '../shared/render/themes';
import { isMapPlacement, MAP_PLACEMENTS, type MapPlacement } from '../shared/render/timelineWithMap';
import { LANE_MODES, type LaneMode } from '../shared/timeline/laneAssignment';
import { datasetOf, imageNow, openDatasetFile } from '../main/dataset/openDatasetFile';
import { sweepTempFiles } from '../main/files/atomicWrite';
import { EXPORT_FORMATS, exportImage, type ExportFormat } from '../main/export/exportImage';
import { MAX_PNG_SIDE } from '../main/export/rasterise';
import { PAGE_SIZE_NAMES, PAGE_SIZES, isPageSizeName, type PageSizeName } from '../main/export/pdf';
import { terminalSafe } from './terminalText';
import { exportPageFile } from './exportPage';
import { ensureBasemaps } from '../../scripts/build-basemap';

export interface ExportOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const USAGE = `Usage: npm run export -- <dataset> --out <file.png|file.svg|file.pdf|file.html> [options]

Draws the timeline of a dataset (any format the app opens) as a PNG, a vector SVG or a vector PDF
with a title, a legend of the event types shown and the sources; or writes an interactive page
(.html): one file that opens in any browser, offline, with the timeline, table, search, filters,
details and stories (the whole dataset, or the events within --range).

  --out <file>         where to write; the format follows the extension (.png, .svg, .pdf, .html)
  --range <from..to>   the dates shown, e.g. 2017-01-01..2017-12-31, 2017-10..2017-11 or 2017
                       (default: where the events are, as the app frames them;
                       events outside are counted at the edges)
  --theme <theme>      ${THEME_NAMES.join(', ')} (default screen)
  --title <text>       the title (default: the dataset's)
  --subtitle <text>    the subtitle (default: the dataset's)
  --lanes <mode>       lanes by ${LANE_MODES.join(', ')} (default theatre)
  --width <px>         PNG/SVG: layout width (default 1920)
  --height <px>        PNG/SVG: layout height (default: as tall as needed)
  --scale <n>          PNG: pixel scale, e.g. 2 or 4 (default 1)
  --page <size>        PDF: ${PAGE_SIZE_NAMES.map((p) => `${p} (${PAGE_SIZES[p].label})`).join(', ')}; default a4
  --pages <n>          PDF: split the range over n pages (default 1)
  --map [placement]    add a map of the places of the events drawn, ${MAP_PLACEMENTS.join(' or ')} the
                       timeline (default beside); offline basemap from Natural Earth and GeoNames
  --links <which>      draw the links between the events drawn: all, or the id of one event (its links)

An interactive page takes --range (the events within it; default all), --title and --subtitle.

Exit status: 0 written, 1 the dataset could not be opened or the image not written, 2 usage error.`;

export interface ExportArgs {
  readonly file: string;
  readonly out: string;
  /** An image format, or 'html' for an interactive page. */
  readonly format: ExportFormat | 'html';
  readonly window?: TimeWindow;
  readonly theme: ThemeName;
  readonly title?: string;
  readonly subtitle?: string;
  readonly lanes: LaneMode;
  readonly width?: number;
  readonly height?: number;
  readonly scale?: number;
  readonly page: PageSizeName;
  readonly pages: number;
  readonly map?: MapPlacement;
  /** Links to draw: 'all', or the id of the event whose links are drawn. */
  readonly links?: string;
}

export type ParsedExportArgs = { readonly ok: true; readonly args: ExportArgs } | { readonly ok: false; readonly message: string };

const OPTIONS_WITH_VALUE = ['--out', '--range', '--theme', '--title', '--subtitle', '--lanes', '--width', '--height', '--scale', '--page', '--pages', '--links'] as const;

function positiveNumber(name: string, text: string, max: number, integer: boolean): number | string {
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) return `${name} needs a positive ${integer ? 'whole ' : ''}number (got "${text}")`;
  if (v > max) return `${name} may be at most ${max} (got ${text})`;
  return v;
}

export function parseExportArgs(argv: readonly string[]): ParsedExportArgs {
  const files: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    if (arg === '--help') return { ok: false, message: '' };
    // --map takes an optional placement: the next word when it is one, else beside.
    if (arg === '--map' || arg.startsWith('--map=')) {
      if (values.has('--map')) return { ok: false, message: '--map is given twice' };
      const inline = arg.startsWith('--map=') ? arg.slice('--map='.length) : undefined;
      const next = argv[i + 1];
      const placement = inline ?? (next !== undefined && isMapPlacement(next) ? argv[++i]! : 'beside');
      if (!isMapPlacement(placement)) return { ok: false, message: `--map: use ${MAP_PLACEMENTS.join(' or ')} (got "${placement}")` };
      values.set('--map', placement);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!(OPTIONS_WITH_VALUE as readonly string[]).includes(name)) return { ok: false, message: `Unknown option ${name}` };
    // A value may start with "--" only when given inline (--title=--x); titles may start with "-".
    const value = eq !== -1 ? arg.slice(eq + 1) : i + 1 < argv.length && !argv[i + 1]!.startsWith('--') ? argv[++i] : undefined;
    if (value === undefined) return { ok: false, message: `${name} needs a value` };
    if (values.has(name)) return { ok: false, message: `${name} is given twice` };
    values.set(name, value);
  }
  if (files.length !== 1) return { ok: false, message: files.length === 0 ? '' : `One dataset at a time (got ${files.length})` };
  const out = values.get('--out');
  if (out === undefined || out.trim() === '') return { ok: false, message: '--out <file.png|file.svg|file.pdf|file.html> is required' };
  const ext = extname(out).slice(1).toLowerCase();
  const page = ext === 'html' || ext === 'htm';
  if (!page && !(EXPORT_FORMATS as readonly string[]).includes(ext)) return { ok: false, message: `--out: the file name must end in ${EXPORT_FORMATS.map((f) => `.${f}`).join(', ')} or .html (got "${out}")` };
  const format = page ? 'html' : (ext as ExportFormat);
  // A page is interactive: its reader chooses lanes, zoom and theme; only what it holds is set here.
  const imageOnly = ['--theme', '--lanes', '--width', '--height', '--scale', '--page', '--pages', '--map', '--links'].filter((f) => values.has(f));
  if (page && imageOnly.length > 0) return { ok: false, message: `${imageOnly.join(', ')}: for an image, not an interactive page (it takes --range, --title and --subtitle)` };

  let window: TimeWindow | undefined;
  const range = values.get('--range');
  if (range !== undefined) {
    const parsed = parseRange(range);
    if (!parsed.ok) return { ok: false, message: `--range: ${parsed.message}` };
    window = parsed.window;
  }
  const theme = values.get('--theme') ?? 'screen';
  if (!isThemeName(theme)) return { ok: false, message: `--theme: use one of ${THEME_NAMES.join(', ')} (got "${theme}")` };
  const lanes = values.get('--lanes') ?? 'theatre';
  if (!(LANE_MODES as readonly string[]).includes(lanes)) return { ok: false, message: `--lanes: use one of ${LANE_MODES.join(', ')} (got "${lanes}")` };
  const pageSize = values.get('--page') ?? 'a4';
  if (!isPageSizeName(pageSize)) return { ok: false, message: `--page: use one of ${PAGE_SIZE_NAMES.join(', ')} (got "${pageSize}")` };

  const numbers: { width?: number; height?: number; scale?: number; pages: number } = { pages: 1 };
  const specs = [
    ['--width', 'width', MAX_PNG_SIDE, true],
    ['--height', 'height', MAX_PNG_SIDE, true],
    ['--scale', 'scale', 16, false],
    ['--pages', 'pages', 200, true]
  ] as const;
  for (const [flag, key, max, integer] of specs) {
    const text = values.get(flag);
    if (text === undefined) continue;
    const v = positiveNumber(flag, text, max, integer);
    if (typeof v === 'string') return { ok: false, message: v };
    numbers[key] = v;
  }
  if (format === 'pdf' && (numbers.width !== undefined || numbers.height !== undefined || numbers.scale !== undefined)) {
    return { ok: false, message: 'A PDF takes its size from --page (a4, letter, slide), not --width, --height or --scale' };
  }
  if (format !== 'pdf' && (values.has('--page') || values.has('--pages'))) return { ok: false, message: '--page and --pages are for a PDF' };
  if (format === 'svg' && numbers.scale !== undefined) return { ok: false, message: '--scale is for a PNG (an SVG scales without loss)' };
  if (numbers.width !== undefined && numbers.width < 320) return { ok: false, message: '--width must be at least 320' };
  if (numbers.height !== undefined && numbers.height < 200) return { ok: false, message: '--height must be at least 200' };

  const title = values.get('--title');
  const subtitle = values.get('--subtitle');
  const map = values.get('--map') as MapPlacement | undefined;
  const links = values.get('--links');
  return {
    ok: true,
    args: {
      file: files[0]!,
      out,
      format,
      theme,
      lanes: lanes as LaneMode,
      page: pageSize,
      pages: numbers.pages,
      ...(window ? { window } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(subtitle !== undefined ? { subtitle } : {}),
      ...(numbers.width !== undefined ? { width: numbers.width } : {}),
      ...(numbers.height !== undefined ? { height: numbers.height } : {}),
      ...(numbers.scale !== undefined ? { scale: numbers.scale } : {}),
      ...(map ? { map } : {}),
      ...(links !== undefined ? { links } : {})
    }
  };
}

/** The column index of the event with this id, if the dataset has one. */
function eventIndexOf(columns: EventColumns, id: string): number | undefined {
  for (let i = 0; i < columns.count; i++) if (stringAt(columns.ids, i) === id) return i;
  return undefined;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** What export prints, with anything from the file that a terminal could act on escaped. */
export async function runExport(argv: readonly string[]): Promise<ExportOutput> {
  const out = await exportFile(argv);
  return { exitCode: out.exitCode, stdout: terminalSafe(out.stdout), stderr: terminalSafe(out.stderr) };
}

async function exportFile(argv: readonly string[]): Promise<ExportOutput> {
  const parsed = parseExportArgs(argv);
  if (!parsed.ok) return { exitCode: 2, stdout: '', stderr: `${parsed.message ? `${parsed.message}\n\n` : ''}${USAGE}\n` };
  const a = parsed.args;
  const outcome = await openDatasetFile(resolve(a.file), a.file);
  if (outcome.kind === 'needs-mapping') {
    return { exitCode: 2, stdout: '', stderr: `${a.file}: a table whose columns must be mapped first; run npm run inspect -- ${a.file} to see them, then save it as a Frontline dataset.\n` };
  }
  const read = datasetOf(outcome);
  if (!read) {
    const problems = outcome.kind === 'failed' ? (outcome.error.problems ?? []) : [];
    return { exitCode: 1, stdout: '', stderr: `${problems.map(formatProblem).join('\n')}\n${a.file}: cannot be opened\n` };
  }
  const warnings = read.skipped.length > 0 ? `${a.file}: ${read.skipped.length} event(s) or row(s) left out, drawn without them\n` : '';
  const { header, columns } = read.dataset;
  const target = resolve(a.out);
  await sweepTempFiles(dirname(target));
  if (a.format === 'html') {
    const image = imageNow(read.dataset.image);
    const page = await exportPageFile(
      { out: a.out, ...(a.window ? { window: a.window } : {}), ...(a.title !== undefined ? { title: a.title } : {}), ...(a.subtitle !== undefined ? { subtitle: a.subtitle } : {}) },
      target,
      { header, columns, bytes: image.bytes, ranges: image.ranges, displayName: basename(a.file) }
    );
    return { ...page, stderr: `${warnings}${page.stderr}` };
  }
  // Run from the source tree, the basemap is built from the installed packages when it is missing or stale.
  if (a.map) {
    try {
      ensureBasemaps();
    } catch (err) {
      return { exitCode: 1, stdout: '', stderr: `${warnings}${a.out} could not be written: the offline basemap could not be built (${err instanceof Error ? err.message : String(err)})\n` };
    }
  }
  let links: ResolvedLink[] | undefined;
  if (a.links !== undefined) {
    const indexOf = linkEndLookup(header.links, columns.count, (i) => stringAt(columns.ids, i));
    const all = a.links === 'all';
    const selected = all ? undefined : eventIndexOf(columns, a.links);
    if (!all && selected === undefined) return { exitCode: 1, stdout: '', stderr: `${warnings}--links: ${a.file} has no event "${a.links}" (give an event's id, or all)\n` };
    links = new LinkIndex(header.links, indexOf).shown(selected, all, undefined);
  }
  const result = await exportImage(target, {
    format: a.format,
    header,
    columns,
    ...(a.window ? { window: a.window } : {}),
    lanes: a.lanes,
    theme: a.theme,
    labels: { ...(a.title !== undefined ? { title: a.title } : {}), ...(a.subtitle !== undefined ? { subtitle: a.subtitle } : {}) },
    ...(a.width !== undefined ? { width: a.width } : {}),
    ...(a.height !== undefined ? { height: a.height } : {}),
    ...(a.scale !== undefined ? { scale: a.scale } : {}),
    page: a.page,
    pages: a.pages,
    ...(a.map ? { map: a.map } : {}),
    ...(links ? { links } : {})
  });
  if (!result.ok) return { exitCode: 1, stdout: '', stderr: `${warnings}${result.message}\n` };
  const r = result.rendered;
  const size = r.format === 'pdf' ? `${r.pages} page${r.pages === 1 ? '' : 's'}, ${PAGE_SIZES[a.page].label}` : `${r.width} × ${r.height} px`;
  const events = `${r.labelled} event${r.labelled === 1 ? '' : 's'} labelled${r.counted > 0 ? `, ${r.counted} drawn as density` : ''}`;
  const overflow = r.overflow ? `${a.out}: the picture is taller than the size asked for and was cut off; give a larger --height or a shorter --range\n` : '';
  return { exitCode: 0, stdout: `Wrote ${a.out} (${size}, ${events}, ${formatBytes(result.bytes)})\n`, stderr: `${warnings}${overflow}` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await runExport(process.argv.slice(2));
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}
