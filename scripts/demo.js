// `npm run demo` runs this file; the demo itself is scripts/demo.ts, which Node runs with its types stripped.
await import('./demo.ts');
