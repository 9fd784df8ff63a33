/**
 * Human-readable text in every input: names and titles (one line) and free text (descriptions,
 * notes, comments: line breaks kept). Every module builds its text fields from these two, so the
 * rule is one rule: leading and trailing whitespace is trimmed (never refused), and characters that
 * are never part of honest text are refused with a 400 naming the field —
 *
 * - C0 controls U+0000–U+001F (NUL, BEL, ESC, TAB, CR, LF…), DEL U+007F and the C1 controls
 *   U+0080–U+009F: invisible on screen, they break CSV files, terminals and logs;
 * - U+2028/U+2029 (line and paragraph separators): a line break that JavaScript and JSON treat
 *   differently from `\n`;
 * - the bidirectional embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069: they make a
 *   name read differently from what it is (a spoofed name in a list or a report).
 *
 * Free text keeps `\n` (a CR LF or a lone CR becomes `\n`); a name has no line break at all.
 * Inner spaces are left as written. The patterns are published in the OpenAPI document, so a client
 * can check a field before it sends it.
 */
import { z } from '@hono/zod-openapi';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is what this pattern is for
const oneLine = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, with the line feed (U+000A) allowed
const lines = /^[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

/** A name or title: one line, trimmed, `min`–`max` characters after trimming. */
export const lineText = (max: number, min = 1) =>
  z.string().trim().min(min).max(max).regex(oneLine, 'one line of text: no line breaks, control characters or direction overrides');

/** Free text (descriptions, notes, comments): trimmed, line breaks kept as `\n`, no other control characters. */
export const multilineText = (max: number, min = 1) =>
  z
    .string()
    .overwrite((v) => v.replace(/\r\n?/g, '\n'))
    .trim()
    .min(min)
    .max(max)
    .regex(lines, 'no control characters other than line breaks, and no direction overrides');
