const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Split a blob into lines exactly as the diff parser presents them: UTF-8 with replacement
 * characters, no line terminators, a trailing carriage return stripped, and no phantom empty line
 * after a final newline.
 */
export function decodeBlobLines(bytes: Uint8Array): string[] {
  if (bytes.length === 0) return [];
  const text = decoder.decode(bytes);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}
