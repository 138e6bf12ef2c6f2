// The map's text, drawn as DOM over the map rather than by MapLibre (whose text needs glyph files
// from a server the app does not have): place names with their Arabic names, shaped by the
// browser's own text engine, and the largest cities for context, where labelPlacement.ts found
// room. Dataset text only ever becomes textContent, never HTML.
import type { PlacedLabel } from './labelPlacement';

const PAD_X = 4;

export class LabelLayer {
  readonly root: HTMLElement;
  readonly #labels = new Map<string, HTMLElement>();
  readonly #dots = new Map<string, HTMLElement>();
  readonly #widths = new Map<string, number>();
  readonly #ctx: CanvasRenderingContext2D | null;
  #fonts: Record<PlacedLabel['kind'], { font: string; size: number }> = { place: { font: '600 12px sans-serif', size: 12 }, city: { font: '11px sans-serif', size: 11 } };

  readonly #onfonts: () => void;

  /** `remeasured`: the labels' sizes changed (a web font arrived): place them again. */
  constructor(parent: HTMLElement, remeasured: () => void) {
    // Text is measured on a canvas, in the page's fonts: one that arrives later (the Arabic face is
    // fetched from the app the first time a label needs it) changes every width.
    this.#onfonts = () => {
      this.#widths.clear();
      remeasured();
    };
    document.fonts?.addEventListener('loadingdone', this.#onfonts);
    this.root = document.createElement('div');
    this.root.className = 'map-labels';
    this.root.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.root);
    this.#ctx = document.createElement('canvas').getContext('2d');
    this.refreshFonts();
  }

  /** Read the labels' fonts from the page's styles (they follow the theme: larger in the projector theme). */
  refreshFonts(): void {
    for (const kind of ['place', 'city'] as const) {
      const probe = document.createElement('div');
      probe.className = `map-label map-label-${kind}`;
      probe.textContent = 'x';
      this.root.appendChild(probe);
      const cs = getComputedStyle(probe);
      const size = Number.parseFloat(cs.fontSize) || (kind === 'place' ? 12 : 11);
      this.#fonts[kind] = { font: `${cs.fontWeight} ${size}px ${cs.fontFamily}`, size };
      probe.remove();
    }
    this.#widths.clear();
  }

  /** The room a label takes, px: its text's width with padding, and a line's height. */
  measure(text: string, kind: PlacedLabel['kind']): { width: number; height: number } {
    const { font, size } = this.#fonts[kind];
    const key = `${kind}\u0000${text}`;
    let width = this.#widths.get(key);
    if (width === undefined) {
      if (this.#ctx) {
        this.#ctx.font = font;
        width = this.#ctx.measureText(text).width;
      } else width = text.length * size * 0.6;
      if (this.#widths.size > 5000) this.#widths.clear();
      this.#widths.set(key, width);
    }
    return { width: Math.ceil(width) + 2 * PAD_X, height: Math.ceil(size * 1.4) };
  }

  draw(placed: readonly PlacedLabel[]): void {
    const seen = new Set<string>();
    for (const label of placed) {
      seen.add(label.key);
      let el = this.#labels.get(label.key);
      if (!el) {
        el = document.createElement('div');
        el.className = `map-label map-label-${label.kind}`;
        el.dir = 'auto';
        this.root.appendChild(el);
        this.#labels.set(label.key, el);
      }
      if (el.textContent !== label.text) el.textContent = label.text;
      el.dataset['side'] = label.side;
      el.style.transform = `translate(${Math.round(label.box.x0)}px, ${Math.round(label.box.y0)}px)`;
      el.style.width = `${Math.round(label.box.x1 - label.box.x0)}px`;
      if (label.kind === 'city') {
        let dot = this.#dots.get(label.key);
        if (!dot) {
          dot = document.createElement('div');
          dot.className = 'map-city-dot';
          this.root.appendChild(dot);
          this.#dots.set(label.key, dot);
        }
        dot.style.transform = `translate(${Math.round(label.x - 2.5)}px, ${Math.round(label.y - 2.5)}px)`;
      }
    }
    for (const [key, el] of this.#labels) {
      if (seen.has(key)) continue;
      el.remove();
      this.#labels.delete(key);
    }
    for (const [key, dot] of this.#dots) {
      if (seen.has(key)) continue;
      dot.remove();
      this.#dots.delete(key);
    }
  }

  destroy(): void {
    document.fonts?.removeEventListener('loadingdone', this.#onfonts);
    this.root.remove();
  }
}
