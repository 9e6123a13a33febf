/** Reads a required environment variable, failing at cold start with a message that names it. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`environment variable ${name} is not set; the stack sets it on every function that needs it`);
  }
  return value;
}
