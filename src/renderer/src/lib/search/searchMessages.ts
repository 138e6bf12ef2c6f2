// Messages between the renderer and its search worker.
import type { DatasetHeader, EventColumns } from '../../../../shared/dataset/columns';
import type { MatchReason, SearchResult } from '../../../../shared/search/searchIndex';

/** Why the listed results match: for the whole-word results and for those found by completing the last word. */
export interface Explanations {
  readonly exact: readonly (readonly MatchReason[])[];
  readonly prefix: readonly (readonly MatchReason[])[];
}

export type SearchRequest =
  | { readonly kind: 'index'; readonly generation: number; readonly columns: EventColumns; readonly header: DatasetHeader }
  | { readonly kind: 'search'; readonly id: number; readonly generation: number; readonly query: string }
  | { readonly kind: 'explain'; readonly id: number; readonly generation: number; readonly query: string; readonly exact: readonly number[]; readonly prefix: readonly number[] };

export type SearchReply =
  | { readonly kind: 'indexed'; readonly generation: number }
  | { readonly kind: 'result'; readonly id: number; readonly generation: number; readonly result: SearchResult }
  | { readonly kind: 'explained'; readonly id: number; readonly generation: number; readonly explanations: Explanations }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };
