import type { FieldKind } from './field-kind';

/**
 * Key layouts for the docked keyboard, in simple-keyboard's notation ("{name}" = function key).
 * Fewer, bigger keys than a desktop layout: residents type names, addresses and short stories,
 * so letters, digits and common Chinese punctuation are enough.
 */
export type TextMode = 'pinyin' | 'abc' | 'abcShift' | 'symbols';
export type PadKind = 'numeric' | 'phone' | 'idNumber' | 'date';

export function textLayout(multiline: boolean): Record<TextMode, string[]> {
  const last = multiline ? '{mode} {symbols} {space} {enter} {bksp}' : '{mode} {symbols} {space} {bksp}';
  return {
    pinyin: ['1 2 3 4 5 6 7 8 9 0', 'q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m ， 。 ？', last],
    abc: ['1 2 3 4 5 6 7 8 9 0', 'q w e r t y u i o p', 'a s d f g h j k l', '{shift} z x c v b n m , . ?', last],
    abcShift: ['1 2 3 4 5 6 7 8 9 0', 'Q W E R T Y U I O P', 'A S D F G H J K L', '{shift} Z X C V B N M , . ?', last],
    symbols: ['1 2 3 4 5 6 7 8 9 0', '、 ： ； “ ” （ ） 《 》 —', '! @ # % & * - + = /', '， 。 ？ ！ … · ¥ ( )', last.replace('{symbols}', '{letters}')],
  };
}

export function padLayout(kind: PadKind): string[] {
  const bottomLeft = kind === 'idNumber' ? 'X' : kind === 'phone' ? '-' : '{clear}';
  const rows = ['1 2 3', '4 5 6', '7 8 9', `${bottomLeft} 0 {bksp}`];
  return kind === 'idNumber' || kind === 'phone' ? [...rows, '{clear}'] : rows;
}

export function padKindFor(kind: FieldKind): PadKind | null {
  return kind === 'numeric' || kind === 'phone' || kind === 'idNumber' || kind === 'date' ? kind : null;
}
