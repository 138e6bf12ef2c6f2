// A JSON syntax error (jsonc-parser's code) in words, for every file Frontline reads as JSON:
// datasets, TimelineJS files and control layers alike.

/** Words for a jsonc-parser error code (printParseErrorCode); the code itself if unknown. */
export function jsonErrorText(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'badly written number',
    PropertyNameExpected: 'expected a field name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected "," between items',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end of the data',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unfinished comment',
    UnexpectedEndOfString: 'unfinished text (missing closing ")',
    UnexpectedEndOfNumber: 'unfinished number',
    InvalidUnicode: 'bad \\u escape',
    InvalidEscapeCharacter: 'bad escape after \\',
    InvalidCharacter: 'control character inside text'
  };
  return words[code] ?? code;
}
