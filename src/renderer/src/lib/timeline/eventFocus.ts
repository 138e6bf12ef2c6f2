// Every event on the timeline is reachable from the keyboard: one Tab stop among the events drawn
// in view (a roving tabindex), ← → (and ↑ ↓) move to the previous or next event in time, past the
// view's edge to the next event shown (the view follows), Home and End to the first and last in
// view, Enter or Space open its details. Each event is a button named by its title and date.

export interface FocusHost {
  /** Events drawn in the visible window, in time order (start, then column order). */
  inView(): readonly number[];
  /** The element of an event, if it is drawn. */
  element(index: number): HTMLElement | undefined;
  /** The next (or previous) event the filters show beyond `index`, in time order. */
  neighbour(index: number, direction: 1 | -1): number | undefined;
  /** Bring an event into view (then focusWhenDrawn shows it the focus). */
  reveal(index: number): void;
  open(index: number): void;
  focused(index: number | undefined): void;
}

export class EventFocus {
  readonly #host: FocusHost;
  readonly #container: HTMLElement;
  /** The event holding the Tab stop. */
  #current: number | undefined;
  /** An event to focus as soon as it is drawn (moving past the view's edge). */
  #pending: number | undefined;
  readonly #onkeydown: (e: KeyboardEvent) => void;
  readonly #onfocusin: (e: FocusEvent) => void;
  readonly #onfocusout: (e: FocusEvent) => void;
  readonly #oninput = () => (this.#lastInput = performance.now());
  /** When the user last pressed a pointer or a key (a focus change then is theirs). */
  #lastInput = -Infinity;

  constructor(container: HTMLElement, host: FocusHost) {
    this.#container = container;
    this.#host = host;
    this.#onkeydown = (e) => this.#keydown(e);
    this.#onfocusin = (e) => {
      const index = indexOf(e.target);
      if (index === undefined) return;
      this.#setCurrent(index);
      host.focused(index);
    };
    this.#onfocusout = (e) => {
      const index = indexOf(e.target);
      if (index === undefined || indexOf(e.relatedTarget) !== undefined) return;
      host.focused(undefined);
      // vis-timeline moves an item's element when it redraws (a resize, a restack), and an element
      // taken out of the page loses the focus: give it back once the element is in the page again.
      // (Focus lost to nothing, not by a click or a key of the user's.)
      if (e.relatedTarget === null && performance.now() - this.#lastInput > 250) this.#refocus(index);
    };
    container.addEventListener('keydown', this.#onkeydown);
    container.addEventListener('focusin', this.#onfocusin);
    container.addEventListener('focusout', this.#onfocusout);
    document.addEventListener('pointerdown', this.#oninput, true);
  }

  /** After every feed and redraw: one event in view holds the Tab stop; a pending one takes the focus. */
  refresh(): void {
    const inView = this.#host.inView();
    if (this.#pending !== undefined) {
      const el = this.#host.element(this.#pending);
      if (el && inView.includes(this.#pending)) {
        this.#setCurrent(this.#pending);
        this.#pending = undefined;
        el.focus({ preventScroll: true });
        return;
      }
    }
    const keep = this.#current !== undefined && inView.includes(this.#current);
    this.#setCurrent(keep ? this.#current : inView[0]);
  }

  #refocus(index: number, tries = 6): void {
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      const el = this.#host.element(index);
      if (el) el.focus({ preventScroll: true });
      else if (tries > 0) this.#refocus(index, tries - 1);
    });
  }

  /** The element holding the Tab stop, if an event is drawn in view. */
  current(): HTMLElement | undefined {
    return this.#current === undefined ? undefined : this.#host.element(this.#current);
  }

  /** Give the focus back to the event that had it (after its details close), if it is drawn. */
  restore(): void {
    this.current()?.focus({ preventScroll: true });
  }

  #setCurrent(index: number | undefined): void {
    const previous = this.#current;
    this.#current = index;
    if (previous !== undefined && previous !== index) {
      const el = this.#host.element(previous);
      if (el) el.tabIndex = -1;
    }
    if (index !== undefined) {
      const el = this.#host.element(index);
      if (el) el.tabIndex = 0;
    }
  }

  #move(from: number, to: number | 'first' | 'last'): void {
    const inView = this.#host.inView();
    let target: number | undefined;
    if (to === 'first') target = inView[0];
    else if (to === 'last') target = inView[inView.length - 1];
    else target = to;
    if (target === undefined || target === from) return;
    const el = inView.includes(target) ? this.#host.element(target) : undefined;
    if (el) {
      this.#setCurrent(target);
      el.focus({ preventScroll: true });
      return;
    }
    // Past the view's edge: the view follows, and the event takes the focus once drawn.
    this.#pending = target;
    this.#host.reveal(target);
  }

  #keydown(e: KeyboardEvent): void {
    const index = indexOf(e.target);
    if (index === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const inView = this.#host.inView();
    const at = inView.indexOf(index);
    const step = (direction: 1 | -1) => {
      const next = at >= 0 ? inView[at + direction] : undefined;
      this.#move(index, next ?? this.#host.neighbour(index, direction) ?? index);
    };
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        step(1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        step(-1);
        break;
      case 'Home':
        this.#move(index, 'first');
        break;
      case 'End':
        this.#move(index, 'last');
        break;
      case 'Enter':
      case ' ':
        this.#host.open(index);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  destroy(): void {
    this.#container.removeEventListener('keydown', this.#onkeydown);
    this.#container.removeEventListener('focusin', this.#onfocusin);
    this.#container.removeEventListener('focusout', this.#onfocusout);
    document.removeEventListener('pointerdown', this.#oninput, true);
  }
}

/** The column index of the event element `target` is (an `.ev` with data-index), if it is one. */
function indexOf(target: EventTarget | null): number | undefined {
  if (!(target instanceof HTMLElement) || !target.classList.contains('ev')) return undefined;
  const value = target.dataset['index'];
  return value === undefined ? undefined : Number(value);
}
