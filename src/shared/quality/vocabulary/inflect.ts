/**
 * Regular English inflections, so the vocabulary lists a base form once ("pan" → pans, panned,
 * panning). Irregular forms are listed by hand where they are needed.
 */

const SIBILANT = /(s|sh|ch|x|z)$/;
const CONSONANT_Y = /[^aeiou]y$/;
// One short syllable ending consonant-vowel-consonant doubles its last letter ("pan" → "panned").
const DOUBLES = /^[^aeiou]*[aeiou][^aeiouwxy]$/;

export function plural(word: string): string {
  if (CONSONANT_Y.test(word)) return `${word.slice(0, -1)}ies`;
  if (SIBILANT.test(word)) return `${word}es`;
  return `${word}s`;
}

export function nouns(...words: string[]): string[] {
  return words.flatMap((w) => [w, plural(w)]);
}

export function verbs(...words: string[]): string[] {
  return words.flatMap((w) => {
    const last = w.split(' ');
    const head = last[0] ?? w;
    const tail = last.slice(1).join(' ');
    const forms = [head, plural(head)];
    if (head.endsWith('e')) forms.push(`${head}d`, `${head.slice(0, -1)}ing`);
    else if (CONSONANT_Y.test(head)) forms.push(`${head.slice(0, -1)}ied`, `${head}ing`);
    else if (DOUBLES.test(head)) forms.push(`${head}${head.at(-1)}ed`, `${head}${head.at(-1)}ing`);
    else forms.push(`${head}ed`, `${head}ing`);
    return tail ? forms.map((f) => `${f} ${tail}`) : forms;
  });
}
