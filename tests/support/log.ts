/** A logger that keeps what the server logs, to prove that a client's mistake is not logged as a failure. */
import pino from 'pino';

export const capturingLog = () => {
  const lines: { level: number; msg?: string; err?: { stack?: string } }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return {
    log,
    /** Everything logged at error level or above (an unhandled error, with its stack). */
    errors: () => lines.filter((line) => line.level >= 50),
  };
};
