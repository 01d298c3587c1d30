/**
 * Offset ↔ line/character conversion shared by the language server and the CLI.
 *
 * Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP. Characters are UTF-16 code units, which is what
 * both LSP (default `positionEncoding`) and JavaScript string offsets use, so no re-encoding is needed.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 offset within the line. */
  character: number;
}

export class LineIndex {
  /** Offset at which each line starts; always begins with 0. */
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line containing `offset` (clamped into the text). */
  lineAt(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.lineStarts[line] };
  }

  /** Offset of a position; a character past the end of its line is clamped to the line break. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.max(start, Math.min(start + position.character, this.lineEnd(position.line)));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    const l = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    let end = l + 1 < this.lineStarts.length ? this.lineStarts[l + 1] : this.text.length;
    if (end > this.lineStarts[l] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[l] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
