import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument, DocumentParseError, latestDate } from '../../electron/core/library/document-parse';
import { buildSnippet } from '../../electron/core/library/snippet';
import { bigramDocument, bigramTermQuery } from '../../electron/core/library/text-grams';
import { extractKeyTerms, initialsOf } from '../../electron/core/library/key-terms';

const LAW = `# 中华人民共和国示例法

2001年1月1日 第九届全国人民代表大会常务委员会第二十次会议通过

2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议《关于修改部分法律的决定》修正

<!-- INFO END -->

## 第一章 总则

第一条 为了示例，制定本法。

第二条 本法适用于：

（一）甲；

（二）乙。

## 第二章 程序

### 第一节 申请

第三条 当事人可以申请。
`;

describe('parseDocument', () => {
  it('makes each law article one unit, keeps its later paragraphs, and records the heading path', () => {
    const doc = parseDocument(LAW, { kind: 'law', fileName: '行政法_示例法.md' });
    expect(doc.title).toBe('中华人民共和国示例法');
    expect(doc.date).toBe('2018-12-29');
    expect(doc.versionNote).toContain('2001年1月1日');
    expect(doc.paragraphs.map((p) => p.text.slice(0, 3))).toEqual(['第一条', '第二条', '第三条']);
    expect(doc.paragraphs[1]?.text).toBe('第二条 本法适用于：\n（一）甲；\n（二）乙。');
    expect(doc.paragraphs[0]?.heading).toBe('第一章 总则');
    expect(doc.paragraphs[2]?.heading).toBe('第二章 程序 · 第一节 申请');
  });

  it('takes the version date from the file name when it has one', () => {
    expect(parseDocument(LAW, { kind: 'law', fileName: '行政法_示例法(2019-08-26).md' }).date).toBe('2019-08-26');
  });

  it('uses front matter title and date, and the file name when there is no heading', () => {
    const fm = parseDocument('---\ntitle: 某某通知\ndate: 2024-11-08\n---\n正文第一段。\n\n正文第二段。\n', { kind: 'policy', fileName: 'x.md' });
    expect(fm).toMatchObject({ title: '某某通知', date: '2024-11-08' });
    expect(fm.paragraphs).toHaveLength(2);
    const plain = parseDocument('一、总体要求\n坚持依法办事。\n二、具体措施\n设立调解室。\n', { kind: 'policy', fileName: '调解室建设方案.txt' });
    expect(plain.title).toBe('调解室建设方案');
    expect(plain.paragraphs).toEqual([
      { ordinal: 0, heading: '一、总体要求', text: '坚持依法办事。' },
      { ordinal: 1, heading: '二、具体措施', text: '设立调解室。' },
    ]);
  });

  it('names the file and field of bad front matter', () => {
    expect(() => parseDocument('---\ndate: 8 Nov\n---\ntext', { kind: 'policy', fileName: 'bad.md' })).toThrow(DocumentParseError);
    expect(() => parseDocument('---\ndate: 8 Nov\n---\ntext', { kind: 'policy', fileName: 'bad.md' })).toThrow(/bad\.md.*"date"/);
  });

  it('cuts very long paragraphs at sentence ends', () => {
    const long = `${'这是一个很长的句子，用来测试切分。'.repeat(200)}`;
    const doc = parseDocument(long, { kind: 'policy', fileName: 'long.txt' });
    expect(doc.paragraphs.length).toBeGreaterThan(1);
    expect(doc.paragraphs.every((p) => p.text.length <= 1500)).toBe(true);
    expect(doc.paragraphs.map((p) => p.text).join('')).toBe(long);
  });

  it('finds the latest date among enactment lines', () => {
    expect(latestDate(['1994年7月5日 通过', '2018年12月29日 修正', '2009年8月27日 修正'])).toBe('2018-12-29');
    expect(latestDate([])).toBeNull();
  });
});

describe('buildSnippet', () => {
  it('returns hit and non-hit segments that rebuild the window, without HTML', () => {
    const segments = buildSnippet('为了规范和促进法律援助工作，保障<b>公民</b>权益。', ['法律援助', '公民']);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['法律援助', '公民']);
    expect(segments.map((s) => s.text).join('')).toBe('为了规范和促进法律援助工作，保障<b>公民</b>权益。');
  });

  it('keeps the hit inside a bounded window for any text around it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), (before, after) => {
        const b = before.replace(/调解|\s/g, '');
        const a = after.replace(/调解|\s/g, '');
        const segments = buildSnippet(`${b}调解${a}`, ['调解']);
        const window = segments.map((s) => s.text).join('').replace(/^…|…$/g, '');
        return segments.some((s) => s.hit && s.text === '调解') && `${b}调解${a}`.includes(window) && window.length <= 110;
      }),
    );
    const text = `${'甲'.repeat(300)}人民调解${'乙'.repeat(300)}`;
    const segments = buildSnippet(text, ['人民调解']);
    expect(segments[0]?.text.startsWith('…')).toBe(true);
    expect(segments.find((s) => s.hit)?.text).toBe('人民调解');
    expect(segments.map((s) => s.text).join('').length).toBeLessThan(130);
  });
});

describe('bigram index text', () => {
  it('writes overlapping bigrams plus the run end, and queries them as tokens, prefixes or phrases', () => {
    expect(bigramDocument('法律援助，调解')).toBe('法律 律援 援助 助 调解 解');
    expect(bigramTermQuery('调')).toBe('"调" *');
    expect(bigramTermQuery('调解')).toBe('"调解"');
    expect(bigramTermQuery('法律援助')).toBe('"法律 律援 援助"');
    expect(bigramTermQuery('，')).toBeNull();
  });
});

describe('pinyin key terms', () => {
  it('computes initials and keeps glossary terms, titles and frequent sequences', () => {
    expect(initialsOf('法律援助')).toBe('flyz');
    expect(initialsOf('行政复议')).toBe('xzfy');
    const terms = extractKeyTerms({ glossary: ['法律援助'], titles: ['中华人民共和国人民调解法'], headings: ['第二章 社区矫正'], texts: ['安置帮教'.repeat(10)] });
    const byTerm = new Map(terms.map((t) => [t.term, t.initials]));
    expect(byTerm.get('法律援助')).toBe('flyz');
    expect(byTerm.get('人民调解法')).toBe('rmtjf');
    expect(byTerm.get('社区矫正')).toBe('sqjz');
    expect(byTerm.get('安置帮教')).toBe('azbj');
  });
});
