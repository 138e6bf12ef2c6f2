// The name a country is shown by wherever a code would otherwise be spelt out (region labels, the
// country filter): the dataset's own (its theatres' labels, which for an import are the names the
// file wrote, "Democratic Republic of Congo"), else the runtime's English name. Codes only group.
import { countryName } from './describe';
import type { DatasetMetadata } from './schema';

export function countryLabeller(metadata: Pick<DatasetMetadata, 'theatres'>): (code: string) => string {
  const own = new Map<string, string>();
  for (const t of metadata.theatres) if (!own.has(t.country)) own.set(t.country, t.label);
  return (code) => own.get(code) ?? countryName(code);
}
