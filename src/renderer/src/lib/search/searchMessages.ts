// Messages between the renderer and its search worker.
import type { DatasetHeader, EventColumns } from '../../../../shared/dataset/columns';

export type SearchRequest =
  | { readonly kind: 'index'; readonly generation: number; readonly columns: EventColumns; readonly header: DatasetHeader }
  | { readonly kind: 'search'; readonly id: number; readonly generation: number; readonly query: string };

export type SearchReply =
  | { readonly kind: 'indexed'; readonly generation: number }
  | { readonly kind: 'result'; readonly id: number; readonly generation: number; readonly indices: Uint32Array }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };
