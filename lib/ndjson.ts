/**
 * Reads a streamed NDJSON body (one JSON value per line) and hands each non-empty line's text to
 * `onLine` as soon as the line is complete; a last line without a newline is handed over at the end.
 * The browser side of the pre-fill and the playground streams.
 */
export async function readNdjsonLines(body: NonNullable<Response["body"]>, onLine: (text: string) => void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const text of lines) if (text.trim()) onLine(text);
  }
  if (buffered.trim()) onLine(buffered);
}
