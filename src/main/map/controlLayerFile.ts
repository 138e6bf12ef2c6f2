// File › Open Control Layer…: a GeoJSON or KML file of areas or points with a controller and the
// dates they hold for, picked in main's dialog, read as a bounded regular file (no FIFO, no device,
// at most 64 MB, checked before reading) and parsed as hostile input (src/shared/map/controlLayer.ts).
// A file with any problem is refused whole, every problem named by file, line, feature and field;
// the dataset open stays as it was (main holds no layer: the window keeps it). Free of Electron.
import { basename } from 'node:path';
import type { Problem } from '../../shared/dataset/problems';
import { LAYER_LIMITS, parseControlLayer } from '../../shared/map/controlLayer';
import type { LayerOutcome } from '../../shared/ipc/contract';
import { readPickedFile } from '../files/readLocalCopy';

/** The dialog's filters: control layers first (dialogs select the first filter). */
export const LAYER_FILTERS: readonly { readonly name: string; readonly extensions: readonly string[] }[] = [
  { name: 'Control layers (GeoJSON, KML)', extensions: ['geojson', 'json', 'kml'] },
  { name: 'All files', extensions: ['*'] }
];

/** Read and check the control layer at `path`; `displayName` is how its problems name it. Never throws for anything about the file. */
export async function openControlLayerFile(path: string, displayName: string = basename(path)): Promise<LayerOutcome> {
  const file = { path, displayName };
  const failed = (message: string, problems: readonly Problem[]): LayerOutcome => ({
    kind: 'failed',
    file,
    error: { code: 'invalid-data', message, problems }
  });
  const read = await readPickedFile(path, LAYER_LIMITS.bytes);
  if (!read.ok) {
    const why = read.message.startsWith('is too large') ? `is too large for a control layer (at most ${LAYER_LIMITS.bytes / 1024 / 1024} MB): ${read.message.replace(/^is too large to read: /, '')}` : read.message;
    return failed(`${displayName} could not be opened as a control layer.`, [{ severity: 'error', file: displayName, message: why }]);
  }
  const parsed = parseControlLayer(displayName, read.bytes);
  if (!parsed.ok) return failed(`${displayName} could not be opened as a control layer: nothing of it was drawn.`, parsed.problems);
  return { kind: 'opened', file, layer: parsed.layer, warnings: parsed.warnings };
}

export interface LayerDialogs {
  /** The open dialog for a control layer: a path, or undefined when the user cancelled. */
  showOpenLayer(): Promise<string | undefined>;
}

/** What the window's File › Open Control Layer… asks main for. */
export class LayerSession {
  constructor(private readonly deps: { readonly dialogs: LayerDialogs; readonly log?: (message: string) => void }) {}

  async openDialog(): Promise<LayerOutcome> {
    const path = await this.deps.dialogs.showOpenLayer();
    if (path === undefined) return { kind: 'dismissed' };
    const outcome = await openControlLayerFile(path);
    if (outcome.kind === 'opened') this.deps.log?.(`opened control layer ${path}: ${outcome.layer.features.length} features`);
    else if (outcome.kind === 'failed') this.deps.log?.(`refused control layer ${path}: ${outcome.error.problems?.length ?? 0} problems`);
    return outcome;
  }
}
