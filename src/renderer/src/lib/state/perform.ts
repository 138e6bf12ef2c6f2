// What each command of the table (src/shared/commands.ts) does to the viewer: the one place the
// keys, the menu's commands and the toolbar's buttons all end up. Whether a command may run now
// is the table's `when`, checked against the state here.
import { command, type CommandId, type Condition } from '../../../../shared/commands';
import { getApi } from '../api';
import { copyCurrentView } from '../export/exportOptions';
import { notInPage } from '../target';
import type { ViewerState } from './viewer.svelte';

function holds(viewer: ViewerState, condition: Condition): boolean {
  switch (condition) {
    case 'dataset':
      return viewer.payload !== undefined;
    case 'file-on-disk':
      return viewer.payload !== undefined && !viewer.payload.file.bundled;
    case 'not-presenting':
      return !viewer.presenting.active;
    case 'selection':
      return viewer.selectedIndex !== undefined;
    case 'control-layer':
      return viewer.layer.layer !== undefined;
  }
}

/** Whether a command may run in the viewer's state. */
export function canRun(viewer: ViewerState, id: CommandId): boolean {
  return (command(id).when ?? []).every((c) => holds(viewer, c));
}

/** Run a command; false when it may not run now (the caller then leaves its key alone). */
export function perform(viewer: ViewerState, id: CommandId): boolean {
  if (!canRun(viewer, id)) return false;
  // The interactive page is read-only: what needs main says so instead.
  const refusal = notInPage(id);
  if (refusal !== undefined) {
    viewer.notices.show(refusal);
    return true;
  }
  const api = getApi();
  const opening = viewer.opening;
  switch (id) {
    case 'zoom-in':
      viewer.zoom('in');
      break;
    case 'zoom-out':
      viewer.zoom('out');
      break;
    case 'pan-back':
      viewer.pan(-0.2);
      break;
    case 'pan-forward':
      viewer.pan(0.2);
      break;
    case 'pan-back-far':
      viewer.pan(-0.6);
      break;
    case 'pan-forward-far':
      viewer.pan(0.6);
      break;
    case 'fit':
      viewer.fit('frame');
      break;
    case 'toggle-filters':
      viewer.toggle('filters');
      break;
    case 'toggle-links':
      viewer.links.toggle();
      break;
    case 'next-event':
      viewer.step(1);
      break;
    case 'previous-event':
      viewer.step(-1);
      break;
    case 'first-event':
      viewer.jumpTo('first');
      break;
    case 'last-event':
      viewer.jumpTo('last');
      break;
    case 'cycle-lanes':
      viewer.cycleLanes();
      break;
    case 'lanes-theatre':
    case 'lanes-type':
    case 'lanes-actor':
    case 'lanes-admin1':
      viewer.setLanes(id.slice('lanes-'.length) as 'theatre' | 'type' | 'actor' | 'admin1');
      break;
    case 'find':
      viewer.focusSearch++;
      break;
    case 'toggle-table':
      viewer.toggleTableWithFocus();
      break;
    case 'toggle-map':
      viewer.mapLayout.toggle();
      break;
    case 'close-details':
      viewer.closeDetails();
      break;
    case 'open-file':
      void opening.open(() => api.openFileDialog());
      break;
    case 'reload-file':
      void opening.open(() => api.reloadFile());
      break;
    case 'save-as-frontline':
      void viewer.save('frontline');
      break;
    case 'save-as-csv':
      void viewer.save('csv');
      break;
    case 'export-image':
      viewer.toggle('export', true);
      break;
    case 'export-page':
      viewer.toggle('page', true);
      break;
    case 'copy-image': {
      const meta = viewer.payload!.header.metadata;
      void copyCurrentView(api, viewer.exportContext, meta.title, meta.subtitle ?? '').then((message) => viewer.notices.show(message, message.startsWith('Could not') ? 'error' : 'info'));
      break;
    }
    case 'clear-cache':
      void opening.clearCache();
      break;
    case 'present':
      viewer.presenting.act({ kind: 'start', from: 'beginning' });
      break;
    case 'present-from-selected':
      viewer.presenting.act({ kind: 'start', from: 'selected' });
      break;
    case 'show-shortcuts':
      viewer.toggle('shortcuts', true);
      break;
    case 'main-open':
      opening.openFromMain();
      break;
    case 'open-control-layer':
      void viewer.layer.open();
      break;
    case 'close-control-layer':
      viewer.layer.close();
      break;
    case 'cursor-back':
      viewer.timeCursor.step(-1);
      break;
    case 'cursor-forward':
      viewer.timeCursor.step(1);
      break;
    case 'cursor-play':
      viewer.timeCursor.toggle();
      break;
  }
  return true;
}
