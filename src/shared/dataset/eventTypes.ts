// The closed list of event types the app knows, with the label, colour and shape each is drawn
// with. Importers map foreign vocabularies (ACLED, UCDP, TimelineJS) onto these keys.

export const EVENT_TYPES = [
  'offensive',
  'capture',
  'control',
  'clash',
  'attack',
  'civilians',
  'displacement',
  'protest',
  'statement',
  'development',
  'context',
  'other'
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Glyph drawn beside an event so its type is told by shape, not by colour alone. */
export type TypeShape =
  | 'chevron'
  | 'diamond'
  | 'band'
  | 'cross'
  | 'star'
  | 'triangle'
  | 'circle'
  | 'square'
  | 'bubble'
  | 'hexagon'
  | 'ring'
  | 'dot';

export interface EventTypeStyle {
  readonly label: string;
  readonly plural: string;
  readonly description: string;
  /** Colour on a light background; chosen from the Okabe–Ito colour-blind-safe palette where possible. */
  readonly colour: string;
  readonly shape: TypeShape;
}

export const EVENT_TYPE_STYLES: Readonly<Record<EventType, EventTypeStyle>> = {
  offensive: {
    label: 'Offensive',
    plural: 'Offensives',
    description: 'A military operation or campaign over a period of time',
    colour: '#C44E00',
    shape: 'chevron'
  },
  capture: {
    label: 'Capture',
    plural: 'Captures',
    description: 'A place taken, retaken or declared taken',
    colour: '#0067A5',
    shape: 'diamond'
  },
  control: {
    label: 'Control of territory',
    plural: 'Control of territory',
    description: 'Territory held by an actor over a span of time',
    colour: '#5A5A5A',
    shape: 'band'
  },
  clash: {
    label: 'Armed clash',
    plural: 'Armed clashes',
    description: 'Fighting between armed groups',
    colour: '#A8322D',
    shape: 'cross'
  },
  attack: {
    label: 'Remote violence',
    plural: 'Remote violence',
    description: 'Air strikes, shelling, explosives and other remote attacks',
    colour: '#7A4E9C',
    shape: 'star'
  },
  civilians: {
    label: 'Violence against civilians',
    plural: 'Violence against civilians',
    description: 'Attacks on unarmed civilians',
    colour: '#8C2D04',
    shape: 'triangle'
  },
  displacement: {
    label: 'Displacement',
    plural: 'Displacement',
    description: 'People forced to leave their homes',
    colour: '#B0487F',
    shape: 'circle'
  },
  protest: {
    label: 'Protest or riot',
    plural: 'Protests and riots',
    description: 'Demonstrations, protests and riots',
    colour: '#2B7A78',
    shape: 'square'
  },
  statement: {
    label: 'Statement or claim',
    plural: 'Statements and claims',
    description: 'What an actor or observer said or claimed',
    colour: '#007A5E',
    shape: 'bubble'
  },
  development: {
    label: 'Strategic development',
    plural: 'Strategic developments',
    description: 'Agreements, arrests, headquarters and other non-violent developments',
    colour: '#8A6D00',
    shape: 'hexagon'
  },
  context: {
    label: 'Historical context',
    plural: 'Historical context',
    description: 'Background the source mentions, far outside the period of the events',
    colour: '#6B6B6B',
    shape: 'ring'
  },
  other: {
    label: 'Other',
    plural: 'Other',
    description: 'Anything the other types do not cover',
    colour: '#4D4D4D',
    shape: 'dot'
  }
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}
