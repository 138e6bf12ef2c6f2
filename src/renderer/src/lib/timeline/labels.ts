// Event labels, built once and measured in one layout pass each time new ones are needed (a
// hidden host off screen), and the elements of the events drawn, kept so they are updated in place.
// Memory follows the view: what is no longer fed is forgotten.
import { eventView, type EventColumns, type EventView } from '../../../../shared/dataset/columns';
import { buildLabel } from './itemElement';
import { TYPICAL_LABEL_PX } from './feedPolicy';

export class LabelCache {
  readonly #host: HTMLElement;
  #cols: EventColumns | undefined;
  readonly #views = new Map<number, EventView>();
  readonly #labels = new Map<number, { el: HTMLElement; width: number }>();
  readonly #roots = new Map<number, HTMLElement>();

  constructor(container: HTMLElement) {
    this.#host = document.createElement('div');
    this.#host.className = 'ev-measure';
    this.#host.setAttribute('aria-hidden', 'true');
    container.append(this.#host);
  }

  /** New data: everything known belongs to the old. */
  reset(cols: EventColumns | undefined): void {
    this.#cols = cols;
    this.#views.clear();
    this.#labels.clear();
    this.#roots.clear();
  }

  view(index: number): EventView {
    let view = this.#views.get(index);
    if (!view) {
      view = eventView(this.#cols!, index);
      this.#views.set(index, view);
    }
    return view;
  }

  /** Build and measure the labels of these events (those not measured yet) in one layout pass. */
  measure(indices: Iterable<number>): void {
    const fresh: { index: number; el: HTMLElement }[] = [];
    for (const i of indices) {
      if (this.#labels.has(i)) continue;
      const el = buildLabel(this.view(i));
      this.#host.appendChild(el);
      fresh.push({ index: i, el });
    }
    for (const f of fresh) this.#labels.set(f.index, { el: f.el, width: Math.ceil(f.el.getBoundingClientRect().width) });
    for (const f of fresh) f.el.remove();
  }

  label(index: number): { el: HTMLElement; width: number } {
    let label = this.#labels.get(index);
    if (!label) {
      this.measure([index]);
      label = this.#labels.get(index)!;
    }
    return label;
  }

  width(index: number): number {
    return this.label(index).width;
  }

  /** The event's element on the timeline (made on first use, then updated in place). */
  root(index: number): HTMLElement {
    let root = this.#roots.get(index);
    if (!root) {
      root = document.createElement('div');
      this.#roots.set(index, root);
    }
    return root;
  }

  /** The element of an event drawn, if it is. */
  drawn(index: number): HTMLElement | undefined {
    const root = this.#roots.get(index);
    return root?.isConnected ? root : undefined;
  }

  /** Average measured label width (what a lane of unseen events will need). */
  typical(): number {
    if (this.#labels.size < 10) return TYPICAL_LABEL_PX;
    let sum = 0;
    for (const l of this.#labels.values()) sum += l.width;
    return sum / this.#labels.size;
  }

  /** Type sizes changed: every label is measured again when next needed. */
  remeasure(): void {
    this.#labels.clear();
  }

  /** Forget an event no longer fed. */
  forget(index: number): void {
    this.#labels.delete(index);
    this.#views.delete(index);
    this.#roots.delete(index);
  }

  destroy(): void {
    this.#host.remove();
  }
}
