// The closed vocabularies of the dataset format, without zod, so code that only needs the words
// (the renderer) does not bundle the schema library.

export const SOURCE_KINDS = ['news', 'report', 'dataset', 'gazetteer', 'reference', 'other'] as const;

export const COORDINATE_PRECISIONS = ['exact', 'approximate'] as const;

export const PLACE_KINDS = [
  'country',
  'province',
  'region',
  'city',
  'town',
  'village',
  'crossing',
  'river',
  'area',
  'other'
] as const;

export const ACTOR_KINDS = [
  'state-force',
  'government',
  'armed-group',
  'coalition',
  'militia',
  'state',
  'person',
  'organisation',
  'media',
  'population',
  'other'
] as const;

export const EVENT_STATUSES = ['reported', 'claimed', 'disputed', 'confirmed', 'assessment'] as const;

export const FIGURE_BOUNDS = ['exact', 'approximate', 'at-least', 'at-most', 'vague'] as const;

export const EVENT_ACTOR_ROLES = [
  'attacker',
  'defender',
  'holder',
  'target',
  'participant',
  'backer',
  'speaker',
  'affected',
  'subject'
] as const;

export type EventStatus = (typeof EVENT_STATUSES)[number];
