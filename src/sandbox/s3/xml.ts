// The XML S3 speaks: answers built from plain values, and the few small request documents
// (CompleteMultipartUpload, Delete, CreateBucketConfiguration) read without a parser library:
// they are flat, and their size is capped before they are read.

export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** A value of an XML tree: text, a nested element list, or nothing (omitted). */
export type XmlValue = string | number | boolean | XmlNode[] | undefined;
/** One element: [name, value]. */
export type XmlNode = [string, XmlValue];

function render(nodes: XmlNode[]): string {
  let out = '';
  for (const [name, value] of nodes) {
    if (value === undefined) continue;
    const inner = Array.isArray(value) ? render(value) : escapeXml(String(value));
    out += `<${name}>${inner}</${name}>`;
  }
  return out;
}

/** A whole document: `<?xml …?><Root xmlns="…">…</Root>`. */
export function xmlDocument(root: string, children: XmlNode[] | string, namespace = true): string {
  const ns = namespace ? ` xmlns="${S3_NS}"` : '';
  const inner = typeof children === 'string' ? escapeXml(children) : render(children);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${inner}</${root}>`;
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The inner texts of every `<name>…</name>` in `xml`, in order (no nesting of the same name). */
export function elements(xml: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(
    `<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>|<${name}(?:\\s[^>]*)?/>`,
    'g',
  );
  for (const m of xml.matchAll(re)) out.push(m[1] ?? '');
  return out;
}

/** The text of the first `<name>` in `xml`, unescaped; undefined when absent. */
export function text(xml: string, name: string): string | undefined {
  const found = elements(xml, name)[0];
  return found === undefined ? undefined : unescapeXml(found);
}
