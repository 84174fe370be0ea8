/**
 * Reading one input file safely: only a regular file (a symlink is followed
 * only when it ends at one), never more than a stated size. A symlink to
 * `/dev/zero` would otherwise grow the process until it crashes, and a FIFO
 * would block forever. The file is opened non-blocking and checked with
 * `fstat` on the open descriptor, so what is checked is what is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/**
 * Largest CSV or .xlsx file read: 64 MB. A 130,000-campaign Campaigns export
 * is about 15 MB as CSV and 5 MB as .xlsx; four times the largest realistic
 * export keeps a typo'd path to a disk image or a log from eating memory.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A file that cannot be read; the message names no file (the caller does). */
export class UnreadableFile extends Error {}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

export function describeIoError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "ELOOP") return "is a symbolic link loop";
  if (code === "ENXIO") return "is not a regular file (a socket or device)";
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

function formatMb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** The bytes of a regular file of at most `maxBytes`; anything else throws UnreadableFile. */
export function readRegularFile(path: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UnreadableFile(describeIoError(error));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new UnreadableFile(`is ${kindOf(stats)}, not a regular file`);
    }
    if (stats.size > maxBytes) {
      throw new UnreadableFile(
        `is ${formatMb(stats.size)}, larger than the ${formatMb(maxBytes)} the planner reads`,
      );
    }
    // One byte more than fstat said: a file that grows while read is caught, not truncated.
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) throw new UnreadableFile("changed while it was being read");
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(describeIoError(error));
  } finally {
    closeSync(fd);
  }
}
