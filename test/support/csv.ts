// A strict RFC 4180 reader, the tests' independent oracle for the agent's CSV: a quoted field
// is text, an unquoted field equal to the null marker is NULL.
/** A strict RFC 4180 reader (the test's independent oracle): quoted → text, unquoted marker → null. */
export function readCsv(text: string, marker: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        value += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          value += '"';
          i++;
        } else break;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') value += text[i++];
      if (/["\r]/.test(value)) throw new Error(`unquoted field with a quote or CR: ${value}`);
    }
    row.push(!quoted && value === marker ? null : value);
    if (text[i] === ',') i++;
    else if (text[i] === '\n') {
      rows.push(row);
      row = [];
      i++;
    } else if (i < text.length) throw new Error(`bad character after field at ${i}`);
  }
  return rows;
}
