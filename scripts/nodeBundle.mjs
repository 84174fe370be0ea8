/** esbuild options every Node bundle shares: the CLI, the preview and the benches. */
export const NODE_BUNDLE = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
};
