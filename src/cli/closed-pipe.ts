/**
 * Ends the process quietly when its reader goes away (`npm run ask … | head -3`): without this a
 * write after the pipe closed raises EPIPE as an unhandled 'error' and Node prints a stack trace.
 * Everything the reader wanted has been delivered by then, so exit code 0, as Unix tools do.
 */
export function endQuietlyWhenPipeCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
