/**
 * A small XML 1.0 well-formedness check for the JUnit reporter's output: one root element,
 * properly nested and closed tags, quoted attributes without raw `<`, only the five predefined
 * entities or character references, no raw `<` or `&` in text. Returns the problems found.
 */
const NAME = '[A-Za-z_][\\w.-]*';
const ATTR = `\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*')`;
const TOKEN = new RegExp(
  `<\\?xml[^?]*\\?>|<!--[\\s\\S]*?-->|<(${NAME})((?:${ATTR})*)\\s*(/?)>|</(${NAME})\\s*>|<|[^<]+`,
  'g',
);
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** Problems that make `xml` not well-formed; empty when it is. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let roots = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const [token, startName, attrs, selfClose, endName] = match;
    if (token === '<') {
      problems.push(`stray '<' at ${match.index}`);
    } else if (startName !== undefined) {
      if (open.length === 0) roots += 1;
      if (attrs && ENTITY.test(attrs)) problems.push(`bad entity in attributes of <${startName}>`);
      if (selfClose !== '/') open.push(startName);
    } else if (endName !== undefined) {
      const expected = open.pop();
      if (expected !== endName) problems.push(`</${endName}> closes <${expected ?? 'nothing'}>`);
    } else if (!token.startsWith('<')) {
      if (ENTITY.test(token)) problems.push(`bad entity in text near ${match.index}`);
      if (open.length === 0 && token.trim() !== '') problems.push('text outside the root element');
    }
  }
  if (open.length > 0) problems.push(`unclosed <${open.join('>, <')}>`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}
