// vis-timeline as Frontline uses it: dates as UTC calendar days, stacked lanes with vertical
// scrolling, our own wheel handling, items laid out by us and drawn by our templates.
import moment from 'moment';
import type { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { MAX_WINDOW_MS, MIN_WINDOW_MS } from '../view/windowMath';
import type { Item } from './feeder';
import { renderLaneLabel, type LaneGroup } from './laneLabel';

export function createTimeline(container: HTMLElement, items: DataSet<Item, 'id'>, groups: DataSet<LaneGroup, 'id'>, render: (item: Item) => HTMLElement): Timeline {
  const options: TimelineOptions = {
    // Dataset dates are calendar dates in UTC; show them as such whatever the machine's zone.
    moment: (date: moment.MomentInput) => moment(date).utc(),
    align: 'left',
    stack: true,
    orientation: { axis: 'top', item: 'top' },
    margin: { axis: 6, item: { horizontal: 6, vertical: 3 } },
    verticalScroll: true,
    horizontalScroll: false,
    zoomable: false, // wheel and pinch are handled in wheel.ts
    moveable: true,
    selectable: true,
    multiselect: false,
    showCurrentTime: false,
    showTooltips: false,
    groupHeightMode: 'auto',
    dataAttributes: ['event'],
    order: (a: Item, b: Item) => a.order - b.order,
    groupOrder: 'order',
    template: (item: Item) => render(item),
    groupTemplate: (group: LaneGroup | null) => renderLaneLabel(group),
    zoomMin: MIN_WINDOW_MS,
    zoomMax: MAX_WINDOW_MS,
    height: '100%'
  } as TimelineOptions;
  return new Timeline(container, items, groups, options);
}
