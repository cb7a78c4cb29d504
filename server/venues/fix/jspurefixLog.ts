import { EmptyLogger, type IJsFixLogger, type JsFixLogFields, JsFixLoggerFactory } from 'jspurefix';
import type { Logger } from 'pino';

/**
 * jspurefix's logs into the gateway's pino logger. Its info lines narrate every
 * state change, so they go to debug; the venue itself logs what matters.
 */
export class PinoFixLogFactory extends JsFixLoggerFactory {
  constructor(private readonly log: Logger) {
    super();
  }

  logger(type: string, context?: JsFixLogFields): IJsFixLogger {
    const log = this.log.child({ jspurefix: type, ...context });
    return {
      info: (message, fields) => log.debug(fields ?? {}, message),
      debug: (message, fields) => log.trace(fields ?? {}, message),
      warning: (message, fields) => log.warn(fields ?? {}, message),
      error: (err, fields) => log.warn({ ...fields, err }, err.message),
    };
  }

  // The "plain" loggers are FIX message logs; the venue publishes the wire itself (wire$).
  plain(): IJsFixLogger {
    return new EmptyLogger();
  }
}
