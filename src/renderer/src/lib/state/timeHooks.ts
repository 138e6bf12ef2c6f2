// How the time cursor, control at its date and the control layer reach the rest of the viewer:
// small hosts over ViewerState, so those states are tested on their own (with stand-in hosts) and
// the viewer gains three fields, not their wiring.
import type { ControlHost } from './control.svelte';
import type { LayerHost } from './controlLayer.svelte';
import type { CursorHost } from './timeCursor.svelte';
import type { ViewerState } from './viewer.svelte';

export function cursorHost(viewer: ViewerState): CursorHost {
  return {
    get range() {
      return viewer.payload?.header.fullRange;
    },
    get window() {
      return viewer.window;
    },
    showWindow: (window, animate) => viewer.showWindow(window, animate)
  };
}

const DAY_MS = 86_400_000;

/**
 * The day control (and a control layer) is shown for: while presenting, the last day the step's
 * event may have happened on (so a capture "in October" shows as done, never before it happened);
 * otherwise the time cursor's.
 */
export function controlDate(viewer: ViewerState): number | undefined {
  const i = viewer.presenting.active ? viewer.selectedIndex : undefined;
  const end = i === undefined ? undefined : viewer.payload?.columns.end[i];
  if (end === undefined) return viewer.timeCursor.date;
  return Math.floor((end - 1) / DAY_MS) * DAY_MS;
}

export function controlHost(viewer: ViewerState): ControlHost {
  return {
    get payload() {
      return viewer.payload;
    },
    get date() {
      return controlDate(viewer);
    },
    select: (index, options) => viewer.select(index, options)
  };
}

export function layerHost(viewer: ViewerState): LayerHost {
  return {
    get date() {
      return controlDate(viewer);
    },
    notify: (message) => viewer.notices.show(message),
    // Shown as any file that could not be opened; nothing else changes.
    refuse: (error) => (viewer.opening.openError = error)
  };
}
