// The events at one place, listed over the map when its mark holds more than can be told apart (a
// disc of a single place, or an approximate place's area with several events): each a button
// named by its title and date; choosing one selects it everywhere. Text only (textContent).

export interface ListedEvent {
  readonly index: number;
  readonly text: string;
}

export class EventList {
  readonly el: HTMLElement;
  #onpick: (index: number) => void;
  #onclose: () => void;

  constructor(container: HTMLElement, onpick: (index: number) => void, onclose: () => void) {
    this.#onpick = onpick;
    this.#onclose = onclose;
    this.el = document.createElement('div');
    this.el.className = 'map-event-list';
    this.el.setAttribute('role', 'dialog');
    this.el.hidden = true;
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.close();
      }
    });
    container.appendChild(this.el);
  }

  get open(): boolean {
    return !this.el.hidden;
  }

  /**
   * List `events` (at most those given) under a heading, near (x, y) in the container's px; `more`
   * events in view there were left off. The focus goes to the first event when asked (keyboard).
   */
  show(heading: string, events: readonly ListedEvent[], more: number, x: number, y: number, focus: boolean): void {
    this.el.replaceChildren();
    this.el.setAttribute('aria-label', heading);
    const title = document.createElement('p');
    title.className = 'map-event-list-title';
    title.textContent = heading;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'icon-button map-event-list-close';
    close.setAttribute('aria-label', 'Close the list');
    close.textContent = '×';
    close.addEventListener('click', () => this.close());
    title.appendChild(close);
    const list = document.createElement('ul');
    for (const ev of events) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'map-event-list-item';
      button.dataset['index'] = String(ev.index);
      button.textContent = ev.text;
      button.addEventListener('click', () => this.#onpick(ev.index));
      item.appendChild(button);
      list.appendChild(item);
    }
    this.el.append(title, list);
    if (more > 0) {
      const note = document.createElement('p');
      note.className = 'map-event-list-more';
      note.textContent = `and ${more.toLocaleString('en-GB')} more: narrow the time window or the filters to list them`;
      this.el.appendChild(note);
    }
    const parent = this.el.parentElement?.getBoundingClientRect();
    const w = parent?.width ?? 400;
    const h = parent?.height ?? 300;
    this.el.style.left = `${Math.max(4, Math.min(x + 12, w - 300))}px`;
    this.el.style.top = `${Math.max(4, Math.min(y - 12, h - 220))}px`;
    this.el.hidden = false;
    if (focus) list.querySelector('button')?.focus();
  }

  close(): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    this.el.replaceChildren();
    this.#onclose();
  }

  destroy(): void {
    this.el.remove();
  }
}
