// The window's keys: while presenting, the clicker's keys (lib/present/keys.ts); otherwise the
// command table's (src/shared/commands.ts), run through perform(). Typing in a field keeps its
// keys, except Ctrl chords, which work everywhere as the menu's accelerators would.
import { commandForKey } from '../../../../shared/commands';
import { perform } from './perform';
import type { ViewerState } from './viewer.svelte';

const TYPING = 'input, textarea, select, [contenteditable="true"]';

export function windowKey(viewer: ViewerState, event: KeyboardEvent): void {
  if (event.defaultPrevented || event.altKey) return;
  const target = event.target instanceof Element ? event.target : null;
  if (viewer.presenting.active) {
    // The Presenter view button, reached with Tab, takes its own Enter and Space.
    if ((event.key === 'Enter' || event.key === ' ') && target?.closest('.present-presenter-button')) return;
    if (viewer.presenting.key(event)) event.preventDefault();
    return;
  }
  const spec = commandForKey(event);
  if (!spec) return;
  if (!event.ctrlKey && !event.metaKey) {
    // F5 and Shift+F5 start presenting from anywhere but a dialog; other keys not while typing.
    const presenting = spec.id === 'present' || spec.id === 'present-from-selected';
    if (target?.closest(presenting ? 'dialog[open]' : `${TYPING}, dialog[open]`)) return;
  }
  if (perform(viewer, spec.id)) event.preventDefault();
}
