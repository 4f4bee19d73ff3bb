/**
 * Small highlight.js grammars for common languages whose official grammars are large.
 *
 * Why: the official grammars for the languages we want weigh ~70 KB minified; next to marked and
 * DOMPurify they would push the webview past its 150 KB budget. These definitions use
 * highlight.js's own modes (comments, strings, numbers) plus a keyword list per language: they
 * colour keywords, literals, types, strings, comments and numbers, which is what a reader of an
 * answer needs, at a few hundred bytes each. The tiny official grammars are still used as is.
 */
import type { HLJSApi, Language, LanguageFn, Mode } from 'highlight.js';

interface CompactSpec {
  readonly keywords: string;
  readonly literals?: string;
  readonly types?: string;
  readonly builtIns?: string;
  readonly lineComment?: '//' | '#' | '--';
  readonly blockComment?: boolean;
  readonly caseInsensitive?: boolean;
  /** Single-quoted strings; off where `'` means something else (Rust lifetimes). */
  readonly apostropheStrings?: boolean;
  readonly backtickStrings?: boolean;
  readonly tripleQuotedStrings?: boolean;
  /** Keywords after which a name is a definition (`function foo`, `def foo`). */
  readonly definers?: string;
  readonly extra?: (hljs: HLJSApi) => Mode[];
}

function compact(spec: CompactSpec): LanguageFn {
  return (hljs: HLJSApi): Language => {
    const modes: Mode[] = [];
    if (spec.lineComment === '//') modes.push(hljs.C_LINE_COMMENT_MODE);
    if (spec.lineComment === '#') modes.push(hljs.HASH_COMMENT_MODE);
    if (spec.lineComment === '--') modes.push(hljs.COMMENT('--', '$'));
    if (spec.blockComment) modes.push(hljs.C_BLOCK_COMMENT_MODE);
    if (spec.tripleQuotedStrings) {
      modes.push({ scope: 'string', begin: /"""/, end: /"""/ }, { scope: 'string', begin: /'''/, end: /'''/ });
    }
    modes.push(hljs.QUOTE_STRING_MODE);
    if (spec.apostropheStrings !== false) modes.push(hljs.APOS_STRING_MODE);
    if (spec.backtickStrings) modes.push({ scope: 'string', begin: '`', end: '`', contains: [hljs.BACKSLASH_ESCAPE] });
    modes.push(hljs.C_NUMBER_MODE);
    if (spec.definers) {
      modes.push({ beginKeywords: spec.definers, end: /[\s(<:{=]/, excludeEnd: true, contains: [hljs.UNDERSCORE_TITLE_MODE] });
    }
    modes.push(...(spec.extra?.(hljs) ?? []));
    return {
      case_insensitive: spec.caseInsensitive ?? false,
      keywords: { keyword: spec.keywords, literal: spec.literals ?? '', type: spec.types ?? '', built_in: spec.builtIns ?? '' },
      contains: modes,
    };
  };
}

const C_FAMILY = 'break case continue default do else for goto if return sizeof static struct switch typedef union while extern const volatile register inline enum';
const C_TYPES = 'int char short long float double void unsigned signed bool size_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t';

const typescript = compact({
  keywords:
    'break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof let new return super switch this throw try typeof var void while with yield async await of static get set from as implements interface type enum namespace declare readonly abstract private protected public keyof infer satisfies',
  literals: 'true false null undefined NaN Infinity',
  types: 'string number boolean any unknown never object symbol bigint',
  builtIns: 'console window document Promise Array Object JSON Math Map Set Error RegExp Date Symbol',
  lineComment: '//',
  blockComment: true,
  backtickStrings: true,
  definers: 'function class interface type enum',
});

export const COMPACT_GRAMMARS: Readonly<Record<string, LanguageFn>> = {
  typescript,
  javascript: typescript,
  python: compact({
    keywords: 'and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case',
    literals: 'True False None',
    builtIns: 'print len range str int float list dict set tuple open super self isinstance',
    lineComment: '#',
    tripleQuotedStrings: true,
    definers: 'def class',
    extra: () => [{ scope: 'meta', begin: /@[\w.]+/ }],
  }),
  bash: compact({
    keywords: 'if then else elif fi for while until do done case esac in function select return local export readonly declare unset shift',
    literals: 'true false',
    builtIns: 'echo cd printf read source set test exit eval exec',
    lineComment: '#',
    extra: () => [{ scope: 'variable', begin: /\$\{?[\w@#?$!*-]+\}?/ }],
  }),
  css: compact({
    keywords: '!important',
    lineComment: undefined,
    blockComment: true,
    extra: () => [
      { scope: 'keyword', begin: /@[\w-]+/ },
      { scope: 'selector-class', begin: /\.[A-Za-z_-][\w-]*/ },
      { scope: 'selector-id', begin: /#[A-Za-z_-][\w-]*/ },
      { scope: 'attribute', begin: /[\w-]+(?=\s*:[^:])/ },
    ],
  }),
  rust: compact({
    keywords: 'as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait type unsafe use where while',
    literals: 'true false Some None Ok Err',
    types: 'i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str String Vec Option Result Box',
    builtIns: 'println! print! format! vec! panic! assert! assert_eq!',
    lineComment: '//',
    blockComment: true,
    apostropheStrings: false,
    definers: 'fn struct enum trait impl mod',
  }),
  java: compact({
    keywords: 'abstract assert break case catch class continue default do else enum extends final finally for if implements import instanceof interface new package private protected public return static super switch synchronized this throw throws try var volatile while record sealed permits yield',
    literals: 'true false null',
    types: 'int long short byte char boolean float double void String Object List Map',
    lineComment: '//',
    blockComment: true,
    definers: 'class interface enum record',
    extra: () => [{ scope: 'meta', begin: /@\w+/ }],
  }),
  c: compact({ keywords: C_FAMILY, literals: 'NULL true false', types: C_TYPES, lineComment: '//', blockComment: true, extra: () => [{ scope: 'meta', begin: /#\s*\w+/, end: /$/ }] }),
  cpp: compact({
    keywords: `${C_FAMILY} class namespace template typename public private protected virtual override final new delete this throw try catch using constexpr auto decltype noexcept operator friend explicit mutable`,
    literals: 'true false nullptr NULL',
    types: `${C_TYPES} string vector map unique_ptr shared_ptr`,
    builtIns: 'std cout cin endl',
    lineComment: '//',
    blockComment: true,
    definers: 'class struct namespace',
    extra: () => [{ scope: 'meta', begin: /#\s*\w+/, end: /$/ }],
  }),
  csharp: compact({
    keywords: 'abstract as async await base break case catch class const continue default delegate do else enum event explicit extern finally fixed for foreach get if implicit in interface internal is lock namespace new operator out override params private protected public readonly record ref return sealed set static struct switch this throw try typeof using var virtual void volatile when where while yield',
    literals: 'true false null',
    types: 'bool byte char decimal double float int long object sbyte short string uint ulong ushort dynamic',
    lineComment: '//',
    blockComment: true,
    definers: 'class interface struct enum record namespace',
  }),
  go: compact({
    keywords: 'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var',
    literals: 'true false nil iota',
    types: 'bool byte error float32 float64 int int32 int64 rune string uint uint8 uint32 uint64 any',
    builtIns: 'append cap close copy delete len make new panic print println recover',
    lineComment: '//',
    blockComment: true,
    backtickStrings: true,
    definers: 'func type',
  }),
  yaml: compact({
    keywords: '',
    literals: 'true false null yes no on off',
    lineComment: '#',
    extra: () => [{ scope: 'attr', begin: /[\w.-]+(?=\s*:(?:\s|$))/ }],
  }),
  sql: compact({
    keywords: 'select from where and or not insert into values update set delete create table alter drop index view join inner left right outer full on group by order having limit offset union all distinct as case when then else end primary key foreign references default unique check exists in is like between returning with begin commit rollback',
    literals: 'true false null',
    types: 'int integer bigint smallint text varchar char boolean date timestamp numeric decimal real serial uuid json jsonb',
    builtIns: 'count sum avg min max coalesce now',
    lineComment: '--',
    blockComment: true,
    caseInsensitive: true,
  }),
};
