// Links between events in the viewer: the dataset's links by column index (both ways for each
// event, for the details), whether every link is drawn or only the selected event's (Shift+L, or
// Links in the legend), and so which links the timeline draws now: those of the selected event,
// and with "all" every other, where both ends pass the filters. The viewer holds one (viewer.links).
import { LinkIndex, type LinkEnd, type ResolvedLink } from '../../../../shared/dataset/links';
import type { ViewerState } from './viewer.svelte';

export class LinksState {
  /** Draw every link (not only the selected event's). */
  showAll = $state(false);
  readonly #viewer: ViewerState;

  constructor(viewer: ViewerState) {
    this.#viewer = viewer;
    this.index = $derived.by(() => {
      const p = this.#viewer.payload;
      if (!p || p.header.links.length === 0) return undefined;
      const ids = this.#viewer.indexOfId;
      return new LinkIndex(p.header.links, (id) => ids.get(id));
    });
    this.shown = $derived(this.index ? this.index.shown(this.#viewer.selectedIndex, this.showAll, this.#viewer.include) : []);
    this.ofSelected = $derived(this.index && this.#viewer.selectedIndex !== undefined ? this.index.of(this.#viewer.selectedIndex) : []);
  }

  /** The dataset's links by column index (undefined: it has none). */
  readonly index: LinkIndex | undefined;
  /** The links the timeline draws now. */
  readonly shown: readonly ResolvedLink[];
  /** The selected event's links, both ways, in the dataset's order. */
  readonly ofSelected: readonly LinkEnd[];

  /** Draw every link, or only the selected event's (toggle when `on` is not given). */
  toggle(on = !this.showAll): void {
    this.showAll = on;
  }
}
