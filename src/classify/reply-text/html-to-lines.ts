/**
 * HTML mail to text lines, keeping the line structure a reader sees, with
 * quoted history turned into ">" lines before any text heuristic runs.
 *
 * Mail clients mark history in the markup far more reliably than in words:
 * Gmail's `gmail_quote`, Apple and Thunderbird `blockquote type=cite`,
 * Thunderbird's `moz-cite-prefix`, Yahoo's `yahoo_quoted`, Outlook's
 * `divRplyFwdMsg` / `OLK_SRC_BODY_SECTION` / bordered header box. Blockquote
 * style containers become one more ">" level (text after them can still be a
 * bottom-posted reply); Outlook-style markers have no end, so everything from
 * them to the end of the document is quoted.
 */

import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type HtmlLines = { lines: string[]; markers: string[] };

const SKIP = new Set([
  'head',
  'style',
  'script',
  'title',
  'meta',
  'link',
  'template',
  'svg',
  'object',
  'xml',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

const NEST_CLASSES = [
  'gmail_quote',
  'yahoo_quoted',
  'moz-cite-prefix',
  'protonmail_quote',
  'tutanota_quote',
  'zmail_extra',
  'spark_quote',
];
const CUT_IDS = [
  'divrplyfwdmsg',
  'x_divrplyfwdmsg',
  'appendonsend',
  'olk_src_body_section',
  'mail-editor-reference-message-container',
];
const CUT_CLASSES = ['outlookmessageheader', 'olk_src_body_section', 'ms-outlook-mobile-reference-message'];
// Outlook 2007-2016 draw the reply header in a box with a coloured top border.
const OUTLOOK_HEADER_BOX = /border-top\s*:\s*solid\s+#(?:e1e1e1|b5c4df)/i;

type QuoteMark = 'nest' | 'cut' | null;

function quoteMark(el: Element): { mark: QuoteMark; label: string } {
  const name = el.name.toLowerCase();
  const classes = (el.attribs.class ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const id = (el.attribs.id ?? '').toLowerCase();
  const style = el.attribs.style ?? '';
  if (CUT_IDS.includes(id)) return { mark: 'cut', label: `${name}#${id}` };
  const cutClass = classes.find((c) => CUT_CLASSES.includes(c));
  if (cutClass) return { mark: 'cut', label: `${name}.${cutClass}` };
  if (name === 'div' && OUTLOOK_HEADER_BOX.test(style))
    return { mark: 'cut', label: 'div[style=border-top]' };
  const nestClass = classes.find((c) => NEST_CLASSES.some((n) => c === n || c.startsWith(`${n}_`)));
  if (nestClass) return { mark: 'nest', label: `${name}.${nestClass}` };
  if (name === 'blockquote') {
    // Gmail's "indent" button is a borderless blockquote: the person's own text.
    const isIndent = el.attribs.type !== 'cite' && /border\s*:\s*none/i.test(style) && /margin/i.test(style);
    if (!isIndent)
      return { mark: 'nest', label: el.attribs.type === 'cite' ? 'blockquote[type=cite]' : 'blockquote' };
  }
  return { mark: null, label: '' };
}

class LineSink {
  readonly lines: { text: string; depth: number }[] = [];
  private buf = '';
  private bufDepth = 0;

  write(text: string, depth: number): void {
    if (this.buf === '') this.bufDepth = depth;
    this.buf += text;
  }

  /** End the current line; an empty line is kept only when `keepEmpty` (a <br> or an empty paragraph). */
  flush(depth: number, keepEmpty = false): void {
    const text = this.buf.replace(/[ \t]+/g, ' ').trim();
    if (text !== '' || keepEmpty) this.lines.push({ text, depth: text !== '' ? this.bufDepth : depth });
    this.buf = '';
  }

  lastLine(): { text: string; depth: number } | undefined {
    return this.lines[this.lines.length - 1];
  }

  get count(): number {
    return this.lines.length;
  }

  get pending(): boolean {
    return this.buf.trim() !== '';
  }
}

export function htmlToLines(html: string): HtmlLines {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const sink = new LineSink();
  const markers: string[] = [];
  let cutFrom = false;

  const visit = (node: ChildNode, depth: number, pre: boolean, level = 0): void => {
    // Hostile nesting (an "HTML bomb") must not blow the stack: past a sane
    // depth the rest of the subtree is read as plain text, without recursion.
    if (level > maxNesting) {
      sink.write(flatText(node), effective(depth));
      return;
    }
    if (node.type === 'text') {
      const data = node.data;
      if (pre) {
        const parts = data.split('\n');
        parts.forEach((part, k) => {
          if (k > 0) sink.flush(effective(depth), true);
          sink.write(part, effective(depth));
        });
      } else {
        sink.write(data.replace(/[\s\u00a0]+/g, ' '), effective(depth));
      }
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === 'br') {
      sink.flush(effective(depth), true);
      return;
    }
    if (name === 'hr') {
      sink.flush(effective(depth));
      // Hotmail's <hr id="stopSpelling"> starts the history.
      if ((el.attribs.id ?? '').toLowerCase() === 'stopspelling') {
        markers.push('hr#stopSpelling');
        cutFrom = true;
      }
      sink.write('________________________________', effective(depth));
      sink.flush(effective(depth));
      return;
    }
    const { mark, label } = quoteMark(el);
    if (mark) markers.push(label);
    if (mark === 'cut' && !cutFrom) sink.flush(effective(depth));
    if (mark === 'cut') cutFrom = true;
    const inner = mark === 'nest' ? depth + 1 : depth;
    const block = BLOCK.has(name) || mark !== null;
    if (block) sink.flush(effective(depth));
    if (isSignatureBlock(el)) {
      // Give the text heuristics the "-- " delimiter the markup already implies.
      markers.push(`${name}.signature`);
      if (sink.lastLine()?.text !== '--') {
        sink.write('--', effective(depth));
        sink.flush(effective(depth));
      }
    }
    const before = sink.count;
    const cellGap = name === 'td' || name === 'th';
    if (name === 'li') sink.write('- ', effective(inner));
    for (const child of el.children) visit(child, inner, pre || name === 'pre', level + 1);
    if (cellGap) sink.write(' ', effective(inner));
    if (block) {
      // An empty paragraph (<p>&nbsp;</p>, Outlook's blank line) is an empty line.
      const emptyParagraph =
        sink.count === before && !sink.pending && (name === 'p' || name === 'div') && hasNbsp(el);
      sink.flush(effective(inner), emptyParagraph);
    }
  };
  const effective = (depth: number) => depth + (cutFrom ? 1 : 0);

  for (const child of doc.children) visit(child, 0, false);
  sink.flush(effective(0));
  const lines = sink.lines.map(({ text, depth }) =>
    depth > 0 ? `${'> '.repeat(depth)}${text}`.trimEnd() : text,
  );
  return { lines, markers: [...new Set(markers)] };
}

// Gmail, Thunderbird and Outlook on the web wrap the signature they insert.
function isSignatureBlock(el: Element): boolean {
  const classes = (el.attribs.class ?? '').toLowerCase().split(/\s+/);
  const id = (el.attribs.id ?? '').toLowerCase();
  return classes.includes('gmail_signature') || classes.includes('moz-signature') || id === 'signature';
}

// Per element, once: nested empty <div>s each ask about their whole subtree.
const nbspCache = new WeakMap<Element, boolean>();

/**
 * Whether a text node under `el` (through tags only) holds a no-break space.
 * Post-order with an explicit stack and a cache: an HTML bomb of nested empty
 * blocks neither overflows the stack nor rescans each subtree from every
 * ancestor.
 */
function hasNbsp(el: Element): boolean {
  const stack: { el: Element; expanded: boolean }[] = [{ el, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (nbspCache.has(top.el)) {
      stack.pop();
      continue;
    }
    if (!top.expanded) {
      top.expanded = true;
      for (const c of top.el.children)
        if (c.type === 'tag' && !nbspCache.has(c)) stack.push({ el: c, expanded: false });
      continue;
    }
    stack.pop();
    nbspCache.set(
      top.el,
      top.el.children.some(
        (c) =>
          (c.type === 'text' && c.data.includes('\u00a0')) || (c.type === 'tag' && nbspCache.get(c) === true),
      ),
    );
  }
  return nbspCache.get(el) === true;
}

const maxNesting = 300;

/** The text under a node, collected with an explicit stack (no recursion). */
function flatText(root: ChildNode): string {
  const out: string[] = [];
  const stack: ChildNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') out.push((node as { data: string }).data);
    else if ('children' in node && Array.isArray(node.children)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
    }
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}
