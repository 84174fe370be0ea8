/** Entry of `credit-planner` (bundled to dist/cli.mjs). */
import { failUnexpected, main } from "./run";

// A closed pipe (`| head`) ends the output quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.exitCode = failUnexpected(error);
  },
);
