// The filter "with links": events joined to another event of the dataset by a link, counted beside
// the option as every facet is, and combined with the other facets (AND) as they are.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringAt } from '../dataset/columns';
import { loadDatasetBytes } from '../dataset/loadDatasetBytes';
import { FilterEngine, maskIndices, WITH_LINKS, WITHOUT_LINKS } from './eventFilter';

const LINKS = new URL('../../../tests/fixtures/links.frontline', import.meta.url);
const BUNDLED = new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url);

function open(url: URL, edit?: (raw: Record<string, unknown>) => void) {
  let bytes: Uint8Array = readFileSync(url);
  if (edit) {
    const raw = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    edit(raw);
    bytes = new TextEncoder().encode(JSON.stringify(raw));
  }
  const result = loadDatasetBytes(bytes, 'x.frontline');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const { columns, header } = result.loaded;
  return { columns, header, engine: new FilterEngine(columns, header), ids: (mask: Uint8Array) => Array.from(maskIndices(mask), (i) => stringAt(columns.ids, i)).sort() };
}

describe('the filter "with links"', () => {
  it('offers With links and Without links, with how many events each has', () => {
    const { engine } = open(LINKS);
    expect(engine.facets.links).toEqual({
      id: 'links',
      label: 'Links',
      values: [
        { key: WITH_LINKS, label: 'With links', total: 7 },
        { key: WITHOUT_LINKS, label: 'Without links', total: 1 }
      ]
    });
  });

  it('shows the events with a link, either end', () => {
    const { engine, ids } = open(LINKS);
    expect(ids(engine.mask({ links: [WITH_LINKS] }))).toEqual(['e-capture', 'e-dup', 'e-far', 'e-offensive', 'e-raid', 'e-report', 'e-response']);
    expect(ids(engine.mask({ links: [WITHOUT_LINKS] }))).toEqual(['e-alone']);
  });

  it('counts follow the other facets, and combine with them', () => {
    const { engine, ids } = open(LINKS);
    const statements = { type: ['statement'] };
    expect(Array.from(engine.counts(statements).counts.links)).toEqual([2, 0]);
    expect(ids(engine.mask({ ...statements, links: [WITH_LINKS] }))).toEqual(['e-report', 'e-response']);
    expect(engine.size({ type: ['clash'], links: [WITH_LINKS] })).toBe(1);
  });

  it('a dataset without links has only "Without links" (the panel then shows no such section)', () => {
    const { engine } = open(BUNDLED, (raw) => delete raw['links']);
    expect(engine.facets.links.values.map((v) => v.key)).toEqual([WITHOUT_LINKS]);
  });
});
