// The map from the keyboard, when it has the focus (Tab reaches it; a visible ring shows it): the
// arrows pan (Shift for further), + and - zoom, Enter opens what is under the crosshair at the
// centre (selects an event, lists a place's events, zooms into a disc) or, with "Select area" on,
// takes the view as the area; Esc closes what the map has open, else gives the focus back. These
// keys are the map's while it has the focus (the timeline's commands do not also run).
import type { MapController } from './MapController';

const PAN_PX = 120;

export class MapKeys {
  readonly #c: MapController;
  readonly #onescape: () => void;
  readonly #canvas: HTMLCanvasElement;

  constructor(controller: MapController, onescape: () => void) {
    this.#c = controller;
    this.#onescape = onescape;
    this.#canvas = controller.map.getCanvas();
    this.#canvas.addEventListener('keydown', this.#key);
  }

  readonly #key = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const map = this.#c.map;
    const step = e.shiftKey ? PAN_PX * 3 : PAN_PX;
    const pan = (x: number, y: number) => map.panBy([x, y], { duration: 200 });
    switch (e.key) {
      case 'ArrowLeft':
        pan(-step, 0);
        break;
      case 'ArrowRight':
        pan(step, 0);
        break;
      case 'ArrowUp':
        pan(0, -step);
        break;
      case 'ArrowDown':
        pan(0, step);
        break;
      case '+':
      case '=':
        map.zoomIn({ duration: 200 });
        break;
      case '-':
      case '_':
        map.zoomOut({ duration: 200 });
        break;
      case 'Enter':
        if (this.#c.area.active) this.#c.area.selectView();
        else this.#c.activateCentre();
        break;
      case 'Escape':
        if (this.#c.list.open) this.#c.list.close();
        else if (!this.#c.area.cancel()) this.#onescape();
        break;
      default:
        return;
    }
    // Handled here: the window's command keys (the timeline's pan and zoom) leave it alone.
    e.preventDefault();
  };

  destroy(): void {
    this.#canvas.removeEventListener('keydown', this.#key);
  }
}
