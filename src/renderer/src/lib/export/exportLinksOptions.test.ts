// The export dialog's links choice: as on screen by default (every link when Shift+L draws them
// all, the selected event's when one is selected, else none), and what the request asks of main.
import { describe, expect, it } from 'vitest';
import { buildRequest, defaultForm, type ExportContext } from './exportOptions';

const VIEW = { start: Date.UTC(2020, 2, 1), end: Date.UTC(2020, 2, 26) };
const context = (more: Partial<ExportContext> = {}): ExportContext => ({ window: VIEW, laneMode: 'theatre', indices: null, ...more });

describe('links in the export dialog', () => {
  it('default to what the screen draws', () => {
    expect(defaultForm(context(), 'T', '').links).toBe('none');
    expect(defaultForm(context({ selected: 3 }), 'T', '').links).toBe('selected');
    expect(defaultForm(context({ selected: 3, allLinks: true }), 'T', '').links).toBe('all');
    expect(defaultForm(context({ allLinks: true }), 'T', '').links).toBe('all');
  });

  it("ask main for the selected event's links, naming it, or for all, or for none", () => {
    const selected = context({ selected: 3 });
    const one = buildRequest(defaultForm(selected, 'T', ''), selected);
    expect(one.ok && [one.request.links, one.request.selected]).toEqual(['selected', 3]);
    const all = buildRequest({ ...defaultForm(selected, 'T', ''), links: 'all' }, selected);
    expect(all.ok && [all.request.links, all.request.selected]).toEqual(['all', undefined]);
    const none = buildRequest({ ...defaultForm(selected, 'T', ''), links: 'none' }, selected);
    expect(none.ok && 'links' in none.request).toBe(false);
    // "The selected event's" with nothing selected asks for none.
    const nothing = buildRequest({ ...defaultForm(context(), 'T', ''), links: 'selected' }, context());
    expect(nothing.ok && 'links' in nothing.request).toBe(false);
  });
});
