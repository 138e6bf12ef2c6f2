// The viewer state handed to every view through Svelte's context: App creates it once; a view
// calls getViewer() and reads it or calls its intents (see the note in viewer.svelte.ts).
import { getContext, setContext } from 'svelte';
import type { ViewerState } from './viewer.svelte';

const KEY = Symbol('viewer');

export function setViewer(viewer: ViewerState): ViewerState {
  return setContext(KEY, viewer);
}

export function getViewer(): ViewerState {
  const viewer = getContext<ViewerState | undefined>(KEY);
  if (!viewer) throw new Error('getViewer() outside the viewer (App sets it)');
  return viewer;
}
