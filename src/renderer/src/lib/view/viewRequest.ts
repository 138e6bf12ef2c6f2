// What the viewer asks of the views that show time (the timeline now; a map could follow its
// window or its reveal): each request is a value with a sequence number, so a view acts on each
// once, in order, whatever else changed at the same time.
import type { TimeRange } from './windowMath';

export type ViewRequestKind =
  /** Zoom by a factor (< 1 zooms in) around a time that stays put (default: the middle). */
  | { readonly kind: 'zoom'; readonly factor: number; readonly around?: number }
  /** Pan by a share of the width (negative: back in time). */
  | { readonly kind: 'pan'; readonly fraction: number }
  /** Show exactly this window. */
  | { readonly kind: 'window'; readonly window: TimeRange }
  /** Frame where the events are ('frame', the default view), or the whole range ('all'). */
  | { readonly kind: 'fit'; readonly which: 'frame' | 'all' }
  /** Bring an event into view, zoomed in far enough that it is drawn as an event. */
  | { readonly kind: 'reveal'; readonly index: number }
  /** A presentation step: glide to the window given (or reveal), then centre the event's label. */
  | { readonly kind: 'present'; readonly index: number; readonly window: TimeRange | undefined };

export type ViewRequest = ViewRequestKind & {
  readonly seq: number;
  /** Glide there (false: jump, as for reduced motion or a resize). */
  readonly animate: boolean;
};
