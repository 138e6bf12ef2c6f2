// Markers at the timeline's edges for the events the view leaves out ("← 3 earlier events",
// "2 later events →"): the default view frames where the events are, so a long background span
// or far-off context runs off its edge; a marker says so, and shows the whole range when pressed.

export class EdgeMarkers {
  readonly #before: HTMLButtonElement;
  readonly #after: HTMLButtonElement;
  readonly #container: HTMLElement;

  constructor(container: HTMLElement, onshowall: () => void) {
    this.#container = container;
    const make = (side: 'before' | 'after') => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `edge-marker edge-marker-${side}`;
      button.dataset['side'] = side;
      button.hidden = true;
      button.addEventListener('click', () => onshowall());
      container.append(button);
      return button;
    };
    this.#before = make('before');
    this.#after = make('after');
  }

  /** Events wholly before and after the view (among those the filters show). */
  update(before: number, after: number): void {
    // In the bottom corners of the lanes' panel, where the lanes seldom reach.
    const centre = this.#container.querySelector<HTMLElement>('.vis-panel.vis-center');
    const left = centre?.offsetLeft ?? 0;
    const right = centre ? this.#container.clientWidth - centre.offsetLeft - centre.offsetWidth : 0;
    const set = (button: HTMLButtonElement, n: number, side: 'before' | 'after') => {
      button.hidden = n === 0;
      if (n === 0) return;
      const events = `${n.toLocaleString('en-GB')} ${side === 'before' ? 'earlier' : 'later'} event${n === 1 ? '' : 's'}`;
      button.textContent = side === 'before' ? `← ${events}` : `${events} →`;
      button.dataset['count'] = String(n);
      button.setAttribute('aria-label', `${events} outside the view: show the whole range`);
      button.title = 'Show the whole range';
      if (side === 'before') button.style.left = `${left + 4}px`;
      else button.style.right = `${right + 4}px`;
    };
    set(this.#before, before, 'before');
    set(this.#after, after, 'after');
  }

  destroy(): void {
    this.#before.remove();
    this.#after.remove();
  }
}
