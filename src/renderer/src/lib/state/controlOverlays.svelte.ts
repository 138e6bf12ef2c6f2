// Keeps the map's overlays (viewer.mapOverlays) in step with control at the time cursor's date and
// the control layer: call syncControlOverlays(viewer) once from the map view's script; while that
// component lives, the overlays follow the cursor, the dataset and the layer opened or closed.
import { untrack } from 'svelte';
import { cursorLabel } from '../cursor/cursorStep';
import { CONTROL_OVERLAY_ID, controlOverlay, LAYER_AREAS_ID, LAYER_POINTS_ID, layerOverlays, sideColours } from './controlOverlays';
import { controlDate } from './timeHooks';
import type { ViewerState } from './viewer.svelte';

/** Returns the colour of each holder (by holderKey), as the overlay draws them, for a legend. */
export function syncControlOverlays(viewer: ViewerState): () => ReadonlyMap<string, string> {
  // One colour per holder for the whole dataset (every holder its records name, in their order).
  const colours = $derived(sideColours(viewer.control.records.map((r) => r.holders.map((i) => viewer.payload?.header.actors[i]?.id ?? String(i)).sort().join('+'))));
  const overlays = viewer.mapOverlays;
  // The overlays' list is written, never read, here (untracked: setting it must not run these again).
  $effect(() => {
    const date = controlDate(viewer);
    const geojson = viewer.control.geojson;
    const shown = date === undefined || geojson.features.length === 0 ? undefined : controlOverlay(geojson, colours, `Control on ${cursorLabel(date)}, from the dataset's captures and control events`);
    untrack(() => (shown ? overlays.set(shown) : overlays.remove(CONTROL_OVERLAY_ID)));
  });
  $effect(() => {
    const file = viewer.layer.file;
    const date = controlDate(viewer);
    const shown = file && date !== undefined ? layerOverlays(viewer.layer.geojson, `${file.displayName} on ${cursorLabel(date)}`) : [];
    untrack(() => {
      if (shown.length === 0) for (const id of [LAYER_AREAS_ID, LAYER_POINTS_ID]) overlays.remove(id);
      for (const overlay of shown) overlays.set(overlay);
    });
  });
  $effect(() => () => untrack(() => [CONTROL_OVERLAY_ID, LAYER_AREAS_ID, LAYER_POINTS_ID].forEach((id) => overlays.remove(id))));
  return () => colours;
}
