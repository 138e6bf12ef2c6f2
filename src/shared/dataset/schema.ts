// The native Frontline dataset format (version 1), as zod schemas. The published JSON Schema in
// data/ is generated from these (npm run schema), and the types below are what every layer uses.
import { z } from 'zod';
import { DATE_PRECISIONS, MAX_MARGIN_DAYS } from './dates';
import { EVENT_TYPES } from './eventTypes';
import { LINK_KINDS } from './links';
import { SHA256_PATTERN } from './localCopies';
import {
  ACTOR_KINDS,
  COORDINATE_PRECISIONS,
  EVENT_ACTOR_ROLES,
  EVENT_STATUSES,
  FIGURE_BOUNDS,
  PLACE_KINDS,
  SOURCE_KINDS,
  type EventStatus
} from './vocabulary';

export { ACTOR_KINDS, COORDINATE_PRECISIONS, EVENT_ACTOR_ROLES, EVENT_STATUSES, FIGURE_BOUNDS, PLACE_KINDS, SOURCE_KINDS };
export type { EventStatus };

export const DATASET_FORMAT = 'frontline-dataset';
export const DATASET_VERSION = 1;

/** Caps that keep a hostile file from exhausting memory or the UI. */
export const LIMITS = {
  idLength: 128,
  shortText: 500,
  longText: 20_000,
  quote: 2_000,
  listItems: 1_000,
  events: 2_000_000,
  collection: 200_000
} as const;

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
    message: 'ids use letters, digits and . _ : - and start with a letter or digit'
  })
  .max(LIMITS.idLength)
  .meta({ description: 'Stable identifier, unique within its collection.' });

// Strings arrive trimmed and cleaned of invisible characters (the validator does it before the
// schema), so the schema has no transforms: the JSON Schema generated from it accepts exactly
// what it accepts, and the fast path in the loader (Ajv on that JSON Schema) agrees with it.
const shortText = z.string().min(1, { message: 'must not be empty' }).max(LIMITS.shortText);
const longText = z.string().max(LIMITS.longText);

/** Plain calendar date (YYYY-MM-DD); checked for existence in the dataset validator. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'dates are written YYYY-MM-DD' })
  .meta({ description: 'Calendar date YYYY-MM-DD (no time, no time zone).' });

export const datePrecisionSchema = z.enum(DATE_PRECISIONS).meta({
  description:
    'How precisely the source dates this point. day: YYYY-MM-DD; week: ISO week YYYY-Www; month: YYYY-MM; ' +
    'year: YYYY; approximate: a day YYYY-MM-DD the event happened around (give or take `margin` days when given, ' +
    'extent unknown otherwise); between: YYYY-MM-DD/YYYY-MM-DD, sometime between the first and the last day given. ' +
    'Each names a window of possible dates, never a duration: an event that lasted has an end.'
});

export const datePointSchema = z
  .strictObject({
    value: z.string().max(21).meta({ description: 'Resolved value, written in the form its precision takes.' }),
    precision: datePrecisionSchema,
    margin: z
      .number()
      .int()
      .min(1)
      .max(MAX_MARGIN_DAYS)
      .optional()
      .meta({ description: 'For an approximate day only: how many days either side of it the date may be (ACLED codes a day within about a week or a month).' }),
    asWritten: shortText
      .optional()
      .meta({ description: 'The source\'s own wording, verbatim ("last week", "since 2014", "Early on Friday").' })
  })
  .meta({ description: 'One end of an event, with its precision and the wording it was resolved from.' });

export const sourceSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(SOURCE_KINDS).default('news'),
  publisher: shortText,
  title: shortText,
  author: shortText.optional(),
  date: isoDate.optional().meta({ description: 'Publication date.' }),
  url: z
    .string()
    .max(2_048)
    .optional()
    .meta({ description: 'http(s) address; other schemes are refused when opening links.' }),
  localCopy: z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'Path, relative to the dataset file, of a plain-text copy used to verify quotes.' }),
  sha256: z
    .string()
    .regex(SHA256_PATTERN, { message: 'must be a SHA-256 written as 64 hexadecimal digits' })
    .optional()
    .meta({
      description:
        "SHA-256 of the local copy's bytes (64 hexadecimal digits), recorded when the dataset was made: opening the dataset checks the copy against it."
    }),
  archive: z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(2_048)
    .optional()
    .meta({
      description:
        "An archived capture of the source: a web archive's http(s) address, or the name of a WACZ file in the dataset's folder. Shown as text, never opened or loaded."
    }),
  note: longText.optional()
});

export const coordinatesSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  precision: z.enum(COORDINATE_PRECISIONS).meta({
    description: 'exact: the place itself; approximate: a representative or estimated point.'
  }),
  uncertaintyKm: z.number().positive().max(20_000).optional(),
  source: idSchema.meta({ description: 'Source id the coordinates come from.' }),
  note: shortText.optional()
});

export const placeNameSchema = z.strictObject({
  name: shortText,
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'use a BCP 47 language tag such as "ar" or "en"' })
    .optional(),
  note: shortText.optional()
});

export const placeSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  altNames: z.array(placeNameSchema).max(LIMITS.listItems).default([]),
  kind: z.enum(PLACE_KINDS).default('other'),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, { message: 'use ISO 3166-1 alpha-2 country codes such as "SY"' }))
    .max(50)
    .default([])
    .meta({ description: 'Countries the place lies in (ISO 3166-1 alpha-2); several for cross-border places.' }),
  admin1: shortText.optional(),
  admin2: shortText.optional(),
  parent: idSchema.optional().meta({ description: 'Place id of the enclosing place.' }),
  coordinates: coordinatesSchema.optional(),
  note: longText.optional()
});

export const actorLinkSchema = z.strictObject({
  actor: idSchema,
  asWritten: shortText.optional(),
  note: shortText.optional()
});

export const actorSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  aliases: z.array(shortText).max(LIMITS.listItems).default([]),
  kind: z.enum(ACTOR_KINDS).default('other'),
  role: shortText.optional().meta({ description: 'Position or description, e.g. "Iraqi prime minister".' }),
  backedBy: z.array(actorLinkSchema).max(100).default([]).meta({ description: 'Who backs this actor.' }),
  memberOf: z.array(actorLinkSchema).max(100).default([]),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(50).default([]),
  note: longText.optional()
});

export const figureSchema = z.strictObject({
  value: z
    .number()
    .min(-1e15, { message: 'is out of range' })
    .max(1e15, { message: 'is out of range' })
    .nullable()
    .meta({ description: 'The number, or null when the source gives none ("a few kilometres").' }),
  low: z.number().min(-1e15).max(1e15).optional(),
  high: z.number().min(-1e15).max(1e15).optional(),
  unit: shortText.meta({ description: 'What one counts in: people, fighters, percent, km...' }),
  counts: shortText.meta({ description: 'What is counted, e.g. "civilians forced to flee their homes".' }),
  label: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Short words shown after the number on the timeline, e.g. "displaced".' }),
  bound: z.enum(FIGURE_BOUNDS).default('exact').meta({
    description: 'exact; approximate ("some", "about"); at-least ("more than"); at-most; vague (no number).'
  }),
  qualifier: shortText.optional().meta({ description: 'The qualifier as the source wrote it: "some", "about", "more than".' }),
  asOf: isoDate.optional(),
  asWritten: shortText.meta({ description: 'The figure as the source wrote it, verbatim.' })
});

export const eventActorSchema = z.strictObject({
  actor: idSchema,
  role: z.enum(EVENT_ACTOR_ROLES).default('participant'),
  asWritten: shortText.optional()
});

export const claimantSchema = z.strictObject({
  actor: idSchema.optional(),
  asWritten: shortText.meta({ description: 'Who says so, as the source puts it: "Syria\'s army announced".' })
});

export const citationSchema = z.strictObject({
  source: idSchema,
  quote: z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(LIMITS.quote)
    .optional()
    .meta({
      description:
        'A short verbatim excerpt of the source supporting the event. Imports from event datasets (ACLED, UCDP) have none: the row is the record.'
    }),
  note: z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(LIMITS.quote)
    .optional()
    .meta({ description: 'What the source says beyond a quote, e.g. the articles an ACLED or UCDP row cites.' })
});

export const linkSchema = z
  .strictObject({
    from: idSchema.meta({ description: 'Id of the event the link goes from.' }),
    to: idSchema.meta({ description: 'Id of the event the link goes to.' }),
    kind: z.enum(LINK_KINDS).meta({
      description:
        'What the link says, read from `from` to `to`: leads-to (an offensive leads to a capture), part-of, responds-to, ' +
        'disputes (a report disputes a claim), same-as (one event reported twice), related-to (related in a way not said).'
    }),
    note: shortText.optional().meta({ description: 'How the link was made, when that needs saying.' }),
    citation: citationSchema.optional().meta({ description: 'The source, and the words of it, that support the link.' })
  })
  .meta({ description: 'A link between two events of the dataset.' });

/** What a media item of an event is: a picture, a film, a recording, a map, a document, or another page. */
export const MEDIA_KINDS = ['image', 'video', 'audio', 'map', 'document', 'other'] as const;

export const mediaSchema = z
  .strictObject({
    url: z
      .string()
      .min(1, { message: 'must not be empty' })
      .max(2_048)
      .meta({ description: 'http(s) address of the media. Shown as text: never loaded, embedded or played; other schemes are flagged.' }),
    kind: z.enum(MEDIA_KINDS).optional(),
    caption: shortText.optional(),
    credit: shortText.optional().meta({ description: 'Who made or holds the media, as the file credits it.' })
  })
  .meta({ description: 'A picture, video, sound, map or document that goes with the event (TimelineJS media). Not a source: the citations are.' });

export const timelineEventSchema = z.strictObject({
  id: idSchema,
  type: z.enum(EVENT_TYPES),
  title: shortText,
  summary: longText.optional(),
  start: datePointSchema,
  end: datePointSchema.optional(),
  dateNote: shortText.optional().meta({ description: 'How the date was resolved, when that needs saying.' }),
  places: z.array(idSchema).max(LIMITS.listItems).default([]),
  actors: z.array(eventActorSchema).max(LIMITS.listItems).default([]),
  claimant: claimantSchema.optional(),
  status: z.enum(EVENT_STATUSES).default('reported'),
  statusNote: shortText.optional(),
  figures: z.array(figureSchema).max(100).default([]),
  citations: z.array(citationSchema).min(1, { message: 'every event needs at least one citation' }).max(100),
  tags: z.array(shortText).max(100).default([]),
  media: z.array(mediaSchema).max(100).optional()
});

export const theatreSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  label: shortText
});

export const datasetMetadataSchema = z.strictObject({
  title: shortText,
  subtitle: shortText.optional(),
  description: longText.optional(),
  language: z.string().max(35).optional(),
  referenceDate: isoDate
    .optional()
    .meta({ description: 'The date relative wording ("last week") was resolved against.' }),
  created: isoDate.optional(),
  license: shortText.optional(),
  theatres: z
    .array(theatreSchema)
    .max(100)
    .default([])
    .meta({ description: 'Countries given their own lane, in order; events elsewhere share one lane.' }),
  notes: longText.optional()
});

export const storyStepSchema = z.strictObject({
  event: idSchema.meta({ description: 'Id of the event this step shows.' }),
  note: longText.optional().meta({ description: 'Presenter notes: shown to the presenter, never on the audience\'s slide.' })
});

export const storySchema = z
  .strictObject({
    id: idSchema,
    title: shortText,
    description: longText.optional(),
    steps: z.array(storyStepSchema).max(LIMITS.listItems).meta({ description: 'The events to present, in the order to present them.' })
  })
  .meta({ description: 'A named, ordered selection of events with optional presenter notes, presented instead of all events.' });

export const datasetSchema = z
  .strictObject({
    $schema: z.string().max(2_048).optional(),
    format: z.literal(DATASET_FORMAT),
    version: z.literal(DATASET_VERSION),
    metadata: datasetMetadataSchema,
    sources: z.array(sourceSchema).min(1).max(LIMITS.collection),
    places: z.array(placeSchema).max(LIMITS.collection).default([]),
    actors: z.array(actorSchema).max(LIMITS.collection).default([]),
    events: z.array(timelineEventSchema).max(LIMITS.events),
    links: z
      .array(linkSchema)
      .max(LIMITS.collection)
      .optional()
      .meta({ description: 'Links between events ("this offensive led to that capture", "this report disputes that claim").' }),
    stories: z.array(storySchema).max(LIMITS.listItems).optional().meta({ description: 'Stories: named, ordered selections of the events, for presenting.' })
  })
  .meta({
    title: 'Frontline dataset',
    description: 'Sourced conflict events with date precision, places, actors, claims and figures.'
  });

export type DatePoint = z.infer<typeof datePointSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Coordinates = z.infer<typeof coordinatesSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type EventActor = z.infer<typeof eventActorSchema>;
export type Claimant = z.infer<typeof claimantSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type EventLink = z.infer<typeof linkSchema>;
export type Media = z.infer<typeof mediaSchema>;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type StoryStep = z.infer<typeof storyStepSchema>;
export type Story = z.infer<typeof storySchema>;
export type DatasetMetadata = z.infer<typeof datasetMetadataSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
/** A dataset as written in a file, before defaults are filled in. */
export type DatasetInput = z.input<typeof datasetSchema>;
