// The map view's place in the window: open or not, beside or below the timeline, and its share of
// the split. Read from main's settings once at start and written back (debounced) when changed, so
// the layout is the same after a restart. The viewer holds one (viewer.mapLayout); M toggles it.
import { clampMapSize, DEFAULT_MAP_LAYOUT, normalizeMapLayout, type MapLayout, type MapPlacement } from '../../../../shared/map/mapLayout';
import { getApi } from '../api';

/** A resize drag saves once it stops, not on every step. */
const SAVE_DELAY_MS = 250;

export class MapLayoutState {
  open = $state(DEFAULT_MAP_LAYOUT.open);
  placement = $state<MapPlacement>(DEFAULT_MAP_LAYOUT.placement);
  /** The map's share of the split (MAP_SIZE_MIN to MAP_SIZE_MAX). */
  size = $state(DEFAULT_MAP_LAYOUT.size);
  /** Why the layout could not be remembered, if it could not (shown once, not on every drag). */
  error = $state<string | undefined>(undefined);
  #loaded = false;
  /** The user changed something before the saved layout arrived: theirs wins. */
  #touched = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  get layout(): MapLayout {
    return { open: this.open, placement: this.placement, size: this.size };
  }

  /** Read the remembered layout (once). */
  async load(): Promise<void> {
    if (this.#loaded) return;
    this.#loaded = true;
    const result = await getApi().getMapLayout();
    if (!result.ok || this.#touched) return;
    const layout = normalizeMapLayout(result.value);
    this.open = layout.open;
    this.placement = layout.placement;
    this.size = layout.size;
  }

  toggle(open = !this.open): void {
    this.open = open;
    this.#changed();
  }

  setPlacement(placement: MapPlacement): void {
    this.placement = placement;
    this.#changed();
  }

  setSize(size: number): void {
    const next = clampMapSize(size);
    if (next === this.size) return;
    this.size = next;
    this.#changed();
  }

  #changed(): void {
    this.#touched = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#save(), SAVE_DELAY_MS);
  }

  async #save(): Promise<void> {
    this.#timer = undefined;
    const result = await getApi().saveMapLayout(this.layout);
    this.error = result.ok ? undefined : result.error.message;
  }
}
