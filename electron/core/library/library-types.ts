/** What a library document is: a local policy text, a national law or regulation, or a typical court case. */
export const LIBRARY_KINDS = ['policy', 'law', 'case'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** One navigable unit of a document: a law article (with its later paragraphs), or one paragraph. */
export interface LibraryParagraph {
  ordinal: number;
  /** Chapter/section path the unit sits under, e.g. `第二章 机构和人员`; null before the first heading. */
  heading: string | null;
  text: string;
}

export interface ParsedDocument {
  title: string;
  /** Version date (YYYY-MM-DD) shown to residents; null when the source gives none. */
  date: string | null;
  /** Enactment/amendment lines or the issuing note, shown with the text. */
  versionNote: string | null;
  paragraphs: LibraryParagraph[];
}

/** Highlighted snippet as data, never HTML: the renderer decides how a hit looks. */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export type SearchMode = 'fts' | 'short' | 'pinyin';

export interface LibraryHit {
  docId: string;
  title: string;
  kind: LibraryKind;
  date: string | null;
  ordinal: number;
  heading: string | null;
  snippet: SnippetSegment[];
}

export interface LibrarySearchResult {
  hits: LibraryHit[];
  /** Number of hits, counted up to a cap (see totalCapped) so huge result sets stay fast. */
  total: number;
  /** True when there are more hits than `total` says. */
  totalCapped: boolean;
  mode: SearchMode;
}

export interface LibraryDocumentView {
  docId: string;
  title: string;
  kind: LibraryKind;
  date: string | null;
  versionNote: string | null;
  paragraphs: LibraryParagraph[];
  focusOrdinal: number | null;
}

export interface LibraryListItem {
  docId: string;
  title: string;
  kind: LibraryKind;
  date: string | null;
}
