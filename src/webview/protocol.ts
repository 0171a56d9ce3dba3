/**
 * Messages between the Channel Timeline webview and the extension. Types only: the webview bundle
 * and the extension each import them without pulling in the other side's code.
 */
import type { ChannelKind } from '../core/schema';
import type { SvgElement } from '../core/svg';

export interface TimelineFilterState {
  readonly actorId?: string | undefined;
  readonly country?: string | undefined;
  readonly kind?: ChannelKind | undefined;
  /** The first year on the axis, "YYYY"; the earliest start when absent. */
  readonly from?: string | undefined;
}

/** What a hover over a bar, a tick or an endpoint shows, as plain text. */
export interface ChannelDetails {
  readonly name: string;
  readonly kindLabel: string;
  readonly period: string;
  readonly stateLabel: string;
  readonly summary: string | undefined;
  readonly endpoints: ReadonlyArray<{ readonly actorId: string; readonly name: string; readonly post: string }>;
  readonly events: ReadonlyArray<{ readonly date: string; readonly text: string; readonly verified: boolean | 'partial'; readonly note: string | undefined; readonly sources: readonly string[] }>;
}

export interface RenderMessage {
  readonly type: 'render';
  readonly svg: SvgElement;
  readonly asOf: string;
  /** Where the date came from: "front matter as_of in memo.md", "today"... */
  readonly dateLabel: string;
  readonly horizon: string | undefined;
  readonly filters: TimelineFilterState;
  readonly choices: {
    readonly actors: ReadonlyArray<{ readonly id: string; readonly name: string }>;
    readonly countries: ReadonlyArray<{ readonly code: string; readonly name: string }>;
    readonly kinds: ReadonlyArray<{ readonly kind: ChannelKind; readonly label: string }>;
    readonly years: readonly string[];
  };
  readonly channels: Readonly<Record<string, ChannelDetails>>;
  /** Whether a memo is open to insert the figure into. */
  readonly canInsert: boolean;
}

export type ToExtension =
  | { readonly type: 'ready'; readonly width: number }
  | { readonly type: 'resize'; readonly width: number }
  | { readonly type: 'showActor'; readonly actorId: string }
  | { readonly type: 'filter'; readonly filters: TimelineFilterState }
  | { readonly type: 'insertFigure' };

export type ToWebview = RenderMessage;
