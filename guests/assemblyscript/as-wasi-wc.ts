// as-wasi-wc: a WASI command built with @assemblyscript/wasi-shim (its asconfig.json: WASI imports instead of
// the env.* ones, start function exported as _start). Reads all of stdin and prints
// {"bytes":B,"lines":L,"words":W} and "\n" like wc: L counts "\n" bytes, W counts maximal runs of bytes
// that are not space, \t, \n, \r, \v or \f.

const buffer = new ArrayBuffer(4096);
let bytes: i64 = 0;
let lines: i64 = 0;
let words: i64 = 0;
let inWord = false;

function isSpace(c: u8): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d);
}

for (;;) {
  const n = process.stdin.read(buffer);
  if (n <= 0) break;
  const view = Uint8Array.wrap(buffer, 0, n);
  for (let i = 0; i < n; i++) {
    const c = view[i];
    if (c == 0x0a) lines++;
    if (isSpace(c)) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  bytes += n;
}
process.stdout.write(`{"bytes":${bytes},"lines":${lines},"words":${words}}\n`);
