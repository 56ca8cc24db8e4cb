/**
 * The shape of the vocabulary: a cue is a word or phrase that, in the right context, says
 * something about the prompt (a camera move, a light source, a colour, a cut). Context is
 * data too: conditions on the words around the match, so a homonym ("pan", "track", "drone")
 * is told apart by a list entry, not by code.
 */

export type Tag =
  | 'camera:move'
  | 'camera:still'
  | 'lighting'
  | 'lighting:mood'
  | 'format'
  | 'detail:colour'
  | 'detail:material'
  | 'detail:texture'
  | 'detail:pattern'
  | 'detail:product'
  | 'audio:music'
  | 'audio:speech'
  | 'audio:sound'
  | 'audio:silence'
  /** A place that is a setting wherever it stands ("kitchen", "studio"). */
  | 'place'
  /** A landscape: a setting, and also a subject on its own ("a misty pine forest"). */
  | 'place:landscape'
  /** A place word that is a setting only after a locative preposition ("in the water", "at the bar"). */
  | 'place:prep'
  /** A whole setting phrase ("underwater", "in space", "backdrop"). */
  | 'place:setting'
  | 'filler'
  | 'filler:soft'
  | 'cut'
  | 'tod:night'
  | 'tod:midday'
  | 'tod:dawn'
  | 'tod:dusk'
  | 'tod:golden'
  | 'speed:slow'
  | 'speed:fast'
  | 'negator'
  /** Blockers: a phrase that looks like a cue but is not one ("golden retriever", "safe and sound"). */
  | 'not:camera'
  | 'not:lighting'
  | 'not:detail'
  | 'not:audio'
  | 'not:place'
  | 'not:format'
  | 'not:filler';

export type WordList = readonly string[];

/** Every field given must hold. Word windows stay inside the match's clause. */
export interface Condition {
  /** One of these words within `within` words before the match. */
  before?: WordList;
  /** One of these words within `within` words after the match. */
  after?: WordList;
  /** Window for before/after, in words (default 1). */
  within?: number;
  /** The match opens its clause: an imperative ("Pull back from…", "Zoom in slowly"). */
  clauseStart?: true;
  /** The match is its clause's only content (", vertical."). */
  clauseAlone?: true;
  /** Capitalised without starting a sentence: a name ("Zoom call", "Golden Gate"). */
  name?: true;
  /** The next word is a content word the match describes ("glass bottle", not "a glass of"). */
  modifies?: true;
  /** The previous word is a content word describing the match ("a coastal town", not "a town"). */
  modified?: true;
  /** The match's words are written with hyphens ("fly-through", "push-in"). */
  hyphenated?: true;
}

export interface Cue {
  tag: Tag;
  /** Words or phrases; a hyphen and a space are the same ("time-lapse" = "time lapse"). */
  terms: WordList;
  /** At least one must hold, when given. */
  need?: readonly Condition[];
  /** None may hold. */
  unless?: readonly Condition[];
}
