/**
 * Lambda runtimes that run on arm64 (Graviton) and are not deprecated, after the runtime table of
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (checked 2026-11): Node.js 18+, Python 3.9+,
 * Java 8 on Amazon Linux 2 and Java 11+, .NET 8+, Ruby 3.2+, and the OS-only runtimes provided.al2 / provided.al2023.
 * Not: go1.x and provided (Amazon Linux 1, x86_64 only, deprecated), java8 (AL1), and deprecated language versions —
 * those need a runtime upgrade first, which is a different change.
 *
 * `nativeBinaryRisk` is the performance risk of the move: 1 when the code is portable bytecode (Java, .NET), 2 when
 * it may ship native extensions or is a compiled binary that must be rebuilt for arm64 (Node.js, Python, Ruby, provided).
 */
export interface Arm64Runtime {
  family: 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'provided';
  nativeBinaryRisk: 1 | 2;
}

const MIN_VERSION: Readonly<Record<'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby', number>> = {
  nodejs: 18,
  python: 3.9,
  java: 11,
  dotnet: 8,
  ruby: 3.2,
};

/** The runtime's arm64 support, or undefined when it cannot (or should not, being deprecated) run on arm64. */
export function arm64Runtime(runtime: string): Arm64Runtime | undefined {
  if (runtime === 'provided.al2' || runtime === 'provided.al2023') return { family: 'provided', nativeBinaryRisk: 2 };
  if (runtime === 'java8.al2') return { family: 'java', nativeBinaryRisk: 1 };
  const match = /^(nodejs|python|java|dotnet|ruby)(\d+(?:\.\d+)?)(?:\.x)?$/.exec(runtime);
  if (!match) return undefined;
  const family = match[1] as keyof typeof MIN_VERSION;
  // Python minor versions compare as numbers only when padded (3.10 > 3.9): compare [major, minor] pairs.
  if (!versionAtLeast(match[2], MIN_VERSION[family])) return undefined;
  return { family, nativeBinaryRisk: family === 'java' || family === 'dotnet' ? 1 : 2 };
}

function versionAtLeast(version: string, minimum: number): boolean {
  const [major, minor = 0] = version.split('.').map(Number);
  const [minMajor, minMinor = 0] = String(minimum).split('.').map(Number);
  return major > minMajor || (major === minMajor && minor >= minMinor);
}
