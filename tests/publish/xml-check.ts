/**
 * A strict, small XML 1.0 reader for tests (no dependency): checks well-formedness (one root,
 * balanced tags, quoted unique attributes, only the five predefined or numeric entities, no
 * raw `<` or `&` in text) and returns the element tree with decoded text and attributes.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;

function decode(raw: string, where: string): string {
  if (/[<]/.test(raw)) throw new Error(`raw < in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, entity: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated entity in ${where}`);
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (entity in named) return named[entity] as string;
    const num = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(entity);
    if (num) return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    throw new Error(`unknown entity &${entity}; in ${where}`);
  });
}

export function parseXml(xml: string): XmlElement {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('character not allowed in XML');
  let i = 0;
  const rest = () => xml.slice(i);
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i] as string)) i++;
  };
  if (rest().startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml[i] === '<') {
      if (xml[i + 1] === '/') {
        const m = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest());
        const open = stack.pop();
        if (!m || !open || open.name !== m[1]) throw new Error(`mismatched closing tag at ${i}`);
        i += m[0].length;
        if (stack.length === 0) root = open;
        continue;
      }
      i++;
      const name = NAME.exec(rest())?.[0];
      if (name === undefined) throw new Error(`bad tag name at ${i}`);
      i += name.length;
      const element: XmlElement = { name, attrs: {}, children: [], text: '' };
      for (;;) {
        skipSpace();
        if (rest().startsWith('/>') || xml[i] === '>') break;
        const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest());
        if (!attr) throw new Error(`bad attribute in <${name}> at ${i}`);
        const key = attr[1] as string;
        if (key in element.attrs) throw new Error(`duplicate attribute ${key}`);
        element.attrs[key] = decode(attr[3] ?? attr[4] ?? '', `attribute ${key}`);
        i += attr[0].length;
      }
      if (stack.length === 0 && root !== undefined) throw new Error('more than one root element');
      stack.at(-1)?.children.push(element);
      if (rest().startsWith('/>')) {
        i += 2;
        if (stack.length === 0) root = element;
      } else {
        i++;
        stack.push(element);
      }
    } else {
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next < 0 ? xml.length : next);
      const top = stack.at(-1);
      if (top === undefined) {
        if (raw.trim() !== '') throw new Error('text outside the root element');
      } else top.text += decode(raw, `<${top.name}>`);
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length > 0 || root === undefined) throw new Error('unclosed element or no root');
  return root;
}

export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}
