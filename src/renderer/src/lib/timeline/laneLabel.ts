// A lane's label: its name, how many events it holds, the long events across the view it counts
// rather than draws, and, for a density lane, what is in view (events, their figures, how many
// are dated only loosely). Text only.

/** What vis-timeline holds for a lane (a group). */
export interface LaneGroup {
  id: string;
  content: string;
  order: number;
  className: string;
  /** Events in the lane. */
  total: number;
  density?: LaneInView | undefined;
  /** Long events overlapping the view that are not drawn as items here. */
  spanning?: number;
}

/** What a density lane's label says is in view: events (spread, see density.ts), how many of them are dated only loosely, their figures. */
export interface LaneInView {
  total: number;
  uncertain: number;
  /** How loosely: "a week or more". */
  loosely: string;
  sum: number;
  unit: string | undefined;
}

export function renderLaneLabel(group: LaneGroup | null): HTMLElement {
  const root = document.createElement('div');
  // vis-timeline asks with no group while it is being destroyed.
  if (!group) return root;
  root.className = group.density ? 'lane-label lane-label-density' : 'lane-label';
  root.dataset['lane'] = group.id;
  const name = document.createElement('span');
  name.className = 'lane-name';
  name.textContent = group.content;
  const count = document.createElement('span');
  count.className = 'lane-count';
  count.textContent = `${group.total.toLocaleString('en-GB')} ${group.total === 1 ? 'event' : 'events'}`;
  root.append(name, count);
  if (group.spanning) {
    const spanning = document.createElement('span');
    spanning.className = 'lane-spanning';
    spanning.dataset['spanning'] = String(group.spanning);
    spanning.textContent = `+${group.spanning > 999 ? '999+' : group.spanning.toLocaleString('en-GB')} longer event${group.spanning === 1 ? '' : 's'} across the view`;
    spanning.title = 'Events lasting much longer than the view. Zoom out to see them drawn.';
    root.append(spanning);
  }
  if (group.density) {
    const inView = document.createElement('span');
    inView.className = 'lane-density-summary';
    const sum = group.density.unit && group.density.sum > 0 ? `, ${Math.round(group.density.sum).toLocaleString('en-GB')} ${group.density.unit}` : '';
    inView.textContent = `${Math.round(group.density.total).toLocaleString('en-GB')} in view${sum}`;
    root.append(inView);
    const uncertain = Math.round(group.density.uncertain);
    if (uncertain > 0) {
      const loose = document.createElement('span');
      loose.className = 'lane-density-summary lane-density-uncertain';
      loose.dataset['uncertain'] = String(uncertain);
      loose.textContent = `${uncertain.toLocaleString('en-GB')} with uncertain dates`;
      loose.title = `${uncertain.toLocaleString('en-GB')} of the events in view are dated only to ${group.density.loosely} (a window of possible dates). The bars spread each over the days it may fall on, drawn paler.`;
      root.append(loose);
    }
  }
  return root;
}
