// The place of an ACLED row: its location under its admin regions, in its country, at coordinates
// of some precision (PlaceMaker), with what it lacks said once however many rows lack it. A row
// whose place cells are those of an earlier row has that row's place, found by the cells
// themselves (SeenPlaces): most rows of an export name a place met before, and reading their
// coordinates as numbers and looking the place up again is most of the work of a row's place.
import { GEO_PRECISION, NO_GEO_PRECISION, type AcledColumns } from './acledFields';
import { countryCode } from './countries';
import { clip, type ImportBuilder } from './importBuilder';
import { PlaceMaker } from './placeMaker';
import { cell, readCoordinates, type RepeatedWarnings } from './rowHelpers';

/** The cells of a row that make its place (as `cell` reads them). */
export interface PlaceCells {
  readonly location: string;
  readonly admin1: string;
  readonly admin2: string;
  readonly admin3: string;
  readonly country: string;
  readonly lat: string;
  readonly lon: string;
  readonly precision: string;
}

/** Rows of one location text with other cells than those already kept are looked up as new, past this. */
const PER_LOCATION = 8;

/** What was made of the place cells of a row (`T`), kept for the rows with the same cells. */
export class SeenPlaces<T> {
  readonly #byLocation = new Map<string, { readonly cells: PlaceCells; readonly made: T }[]>();

  /** What was made of these cells, or undefined when no row had them all. */
  find(cells: PlaceCells): T | undefined {
    const seen = this.#byLocation.get(cells.location);
    if (seen === undefined) return undefined;
    for (let i = 0; i < seen.length; i++) {
      const s = seen[i]!.cells;
      if (
        s.lat === cells.lat &&
        s.lon === cells.lon &&
        s.precision === cells.precision &&
        s.admin1 === cells.admin1 &&
        s.admin2 === cells.admin2 &&
        s.admin3 === cells.admin3 &&
        s.country === cells.country
      ) {
        return seen[i]!.made;
      }
    }
    return undefined;
  }

  /** Keep what was made of these cells (a few per location text: the list scanned per row stays short). */
  add(cells: PlaceCells, made: T): void {
    const seen = this.#byLocation.get(cells.location);
    if (seen === undefined) this.#byLocation.set(cells.location, [{ cells, made }]);
    else if (seen.length < PER_LOCATION) seen.push({ cells, made });
  }
}

/** A row's place, as the rows with the same place cells share it. */
export interface RowPlace {
  /** The event's places (see PlaceMaker.placeList). */
  readonly list: string[];
  /** The place's words in the title. */
  readonly where: string;
  /** The country cell when it names no country this app knows (undefined when it does). */
  readonly unknownCountry: string | undefined;
  readonly noCoordinates: boolean;
  /** Why the coordinates' precision is not known, when it is not. */
  readonly noPrecision: string | undefined;
}

/** The places of one ACLED table's rows. */
export class AcledPlaces {
  readonly #places: PlaceMaker;
  readonly #seen = new SeenPlaces<RowPlace>();
  readonly #countries = new Map<string, string | undefined>();

  /** `acled`: the source of the coordinates; `name`: a column's header, for problems. */
  constructor(
    private readonly b: ImportBuilder,
    private readonly c: AcledColumns,
    private readonly notices: RepeatedWarnings,
    private readonly name: (column: number) => string,
    acled: string
  ) {
    this.#places = new PlaceMaker(b, acled);
  }

  /** The row's place; undefined: the row is skipped (its coordinates do not read). */
  place(line: number, cells: readonly string[]): RowPlace | undefined {
    const c = this.c;
    const texts: PlaceCells = {
      location: cell(cells, c.location),
      admin1: cell(cells, c.admin1),
      admin2: cell(cells, c.admin2),
      admin3: cell(cells, c.admin3),
      country: cell(cells, c.country),
      lat: cell(cells, c.lat),
      lon: cell(cells, c.lon),
      precision: cell(cells, c.geo)
    };
    const seen = this.#seen.find(texts);
    if (seen !== undefined) {
      this.#notices(line, seen);
      return seen;
    }
    const coords = readCoordinates(texts.lat, texts.lon);
    if (!coords.ok) {
      this.b.skip(line, this.name(coords.which === 'lat' ? c.lat : c.lon), coords.reason);
      return undefined;
    }
    const { location, admin1, admin2, admin3, country } = texts;
    const code = this.#countryCode(cells, country);
    const geoText = texts.precision;
    const geo = geoText === '1' || geoText === '2' || geoText === '3' ? GEO_PRECISION[geoText] : undefined;
    const list = this.#places.placeList({
      name: location,
      admin1,
      admin2,
      admin3,
      country: code,
      countryName: country,
      at: coords.at,
      precision: geo?.precision ?? 'approximate',
      kind: geo?.kind ?? 'town',
      note: geo ? geo.note : coords.at ? NO_GEO_PRECISION : undefined
    });
    const made: RowPlace = {
      list,
      where: location || admin3 || admin2 || admin1 || country,
      unknownCountry: code === undefined ? country : undefined,
      noCoordinates: coords.at === undefined,
      noPrecision: coords.at === undefined || geo !== undefined ? undefined : geoText === '' ? 'no geo precision' : `"${clip(geoText, 40)}" is not an ACLED geo precision (1, 2 or 3)`
    };
    this.#notices(line, made);
    this.#seen.add(texts, made);
    return made;
  }

  /** The country's code, from the first row that names it (its ISO numeric or alpha-3 code first, then the name). */
  #countryCode(cells: readonly string[], text: string): string | undefined {
    let code = this.#countries.get(text);
    if (code === undefined && !this.#countries.has(text)) {
      code = countryCode({ numeric: cell(cells, this.c.iso), alpha3: cell(cells, this.c.iso3), name: text });
      this.#countries.set(text, code);
      // The country is shown by the name the file writes ("Democratic Republic of Congo"); the
      // code only groups.
      if (code !== undefined && text !== '') this.b.countryLabel(code, text);
    }
    return code;
  }

  /** What a row's place is said to lack (in this order): a country this app knows, coordinates, their precision. */
  #notices(line: number, place: RowPlace): void {
    const c = this.c;
    const unknown = place.unknownCountry;
    if (unknown !== undefined && unknown !== '') this.notices.add(`country:${unknown}`, line, this.name(c.country), `"${clip(unknown, 80)}" is not a country this app knows; its places have no country`);
    if (place.noCoordinates) this.notices.add('nocoords', line, this.name(c.lat), 'no coordinates; the place is kept without them');
    else if (place.noPrecision !== undefined) this.notices.add('geo', line, this.name(c.geo), `${place.noPrecision}; the coordinates are taken as approximate`);
  }
}
