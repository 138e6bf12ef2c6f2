// The control layer the user opened (File › Open Control Layer…): a GeoJSON or KML file of areas
// or points with who controls them and from when to when, read and checked in main; kept here until
// closed or replaced, and drawn for the time cursor's date. A refused file is shown as any file that
// could not be opened (every problem by file, line, feature and field); the dataset stays as it was,
// and so does a layer already open. Reached as `viewer.layer`.
//
// For the map view: `geojson` (the features valid on the cursor's day, as a GeoJSON
// FeatureCollection of Polygon, MultiPolygon and Point features with flat properties, see
// LayerFeatureProperties), `controllers` (every controller in the file, in order, for a legend and
// stable colours: a feature's `controllerIndex` indexes it), `file` (its name, for the legend).
import type { AppError, FileRef, LayerOutcome, Result } from '../../../../shared/ipc/contract';
import { layerAt, type ControlLayer, type LayerFeature, type LayerGeometry } from '../../../../shared/map/controlLayer';
import type { Problem } from '../../../../shared/dataset/problems';
import { getApi } from '../api';

/** Properties of each feature of `geojson` (primitives only, as MapLibre keeps them). */
export interface LayerFeatureProperties {
  /** Position of the feature in the file. */
  readonly index: number;
  readonly controller: string;
  /** Index of the controller in `controllers`. */
  readonly controllerIndex: number;
  readonly name: string;
  readonly source: string;
  /** The dates as the file writes them ("2017-10"); validTo '' when open-ended. */
  readonly validFrom: string;
  readonly validTo: string;
}

export type LayerGeoJsonGeometry =
  | { readonly type: 'Point'; readonly coordinates: readonly [number, number] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly (readonly [number, number])[])[])[] };

export interface LayerGeoJson {
  readonly type: 'FeatureCollection';
  readonly features: readonly { readonly type: 'Feature'; readonly id: number; readonly geometry: LayerGeoJsonGeometry; readonly properties: LayerFeatureProperties }[];
}

/** A feature's geometry as GeoJSON: a point, or its polygons (rings of [lon, lat] pairs) as one MultiPolygon. */
export function geometryOf(geometry: LayerGeometry): LayerGeoJsonGeometry {
  if (geometry.kind === 'point') return { type: 'Point', coordinates: [geometry.lon, geometry.lat] };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.polygons.map((rings) =>
      rings.map((ring) => {
        const out: [number, number][] = new Array(ring.length >> 1);
        for (let k = 0; k < out.length; k++) out[k] = [ring[2 * k]!, ring[2 * k + 1]!];
        return out;
      })
    )
  };
}

/** What the layer state reads of the viewer and how it tells the user. */
export interface LayerHost {
  /** The time cursor's day (UTC ms), or undefined without a dataset. */
  readonly date: number | undefined;
  /** Say something that went well. */
  notify(message: string): void;
  /** A file that could not be opened: its message and problems (as the open-error dialog shows them). */
  refuse(error: AppError): void;
}

export class ControlLayerState {
  layer = $state.raw<ControlLayer | undefined>(undefined);
  file = $state.raw<FileRef | undefined>(undefined);
  warnings = $state.raw<readonly Problem[]>([]);
  /** Main's dialog is open or the file is being read. */
  busy = $state(false);

  readonly #host: LayerHost;
  /** Each feature's GeoJSON geometry, made once per layer (a file may hold a million positions). */
  readonly #geometries: readonly LayerGeoJsonGeometry[];
  /** Controllers of the layer, in order of first appearance. */
  readonly controllers: readonly string[];
  /** The features valid on the cursor's day. */
  readonly atCursor: readonly LayerFeature[];
  /** The same, as GeoJSON for the map. */
  readonly geojson: LayerGeoJson;

  constructor(host: LayerHost) {
    this.#host = host;
    this.#geometries = $derived(this.layer ? this.layer.features.map((f) => geometryOf(f.geometry)) : []);
    this.controllers = $derived(this.layer?.controllers ?? []);
    this.atCursor = $derived(this.layer && host.date !== undefined ? layerAt(this.layer, host.date) : []);
    this.geojson = $derived(this.#collection());
  }

  #collection(): LayerGeoJson {
    const layer = this.layer;
    if (!layer) return { type: 'FeatureCollection', features: [] };
    const geometries = this.#geometries;
    const position = new Map(layer.features.map((f, k) => [f, k]));
    const controllerIndex = new Map(layer.controllers.map((c, k) => [c, k]));
    return {
      type: 'FeatureCollection',
      features: this.atCursor.map((f) => ({
        type: 'Feature' as const,
        id: f.index,
        geometry: geometries[position.get(f)!]!,
        properties: {
          index: f.index,
          controller: f.controller,
          controllerIndex: controllerIndex.get(f.controller) ?? -1,
          name: f.name ?? '',
          source: f.source ?? '',
          validFrom: f.validFromText,
          validTo: f.validToText ?? ''
        }
      }))
    };
  }

  /** File › Open Control Layer…: main's dialog, then the file read and checked there. */
  async open(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    let result: Result<LayerOutcome>;
    try {
      result = await getApi().openControlLayer();
    } catch (err) {
      result = { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
    } finally {
      this.busy = false;
    }
    const outcome: LayerOutcome = result.ok ? result.value : { kind: 'failed', error: result.error };
    if (outcome.kind === 'dismissed') return;
    if (outcome.kind === 'failed') {
      this.#host.refuse(outcome.error);
      return;
    }
    this.layer = outcome.layer;
    this.file = outcome.file;
    this.warnings = outcome.warnings;
    const n = outcome.layer.features.length;
    const controllers = outcome.layer.controllers;
    const warned = outcome.warnings.length > 0 ? ` ${outcome.warnings.length} warning${outcome.warnings.length === 1 ? '' : 's'}: ${outcome.warnings[0]!.message}` : '';
    this.#host.notify(
      `Opened control layer ${outcome.file.displayName}: ${n.toLocaleString('en-GB')} feature${n === 1 ? '' : 's'} (${controllers.slice(0, 5).join(', ')}${controllers.length > 5 ? ', …' : ''}), drawn for the time cursor's date.${warned}`
    );
  }

  /** File › Close Control Layer. */
  close(): void {
    if (!this.layer) return;
    const name = this.file?.displayName;
    this.layer = undefined;
    this.file = undefined;
    this.warnings = [];
    if (name) this.#host.notify(`Closed control layer ${name}.`);
  }
}
