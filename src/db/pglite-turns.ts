import type { PGlite, Transaction } from '@electric-sql/pglite';

/**
 * PGlite runs in the thread that answers HTTP, and a statement's promise
 * settles in microtasks: a chain of statements (a message stored in slices,
 * a loop of lead inserts) never gives the event loop a turn, so /health, the
 * SMTP listener and every request wait for the whole chain, not for one
 * statement. Here every statement starts on a new turn of the event loop
 * (setImmediate), so nothing else waits longer than one statement.
 */
export function withTurnsBetweenStatements(client: PGlite): PGlite {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (async (...args: Parameters<PGlite['query']>) => {
    await turn();
    return query(...args);
  }) as PGlite['query'];
  client.exec = (async (...args: Parameters<PGlite['exec']>) => {
    await turn();
    return exec(...args);
  }) as PGlite['exec'];
  client.transaction = (async <T>(callback: (tx: Transaction) => Promise<T>) => {
    await turn();
    return transaction((tx) => callback(txWithTurns(tx)));
  }) as PGlite['transaction'];
  return client;
}

function txWithTurns(tx: Transaction): Transaction {
  const query = tx.query.bind(tx);
  const exec = tx.exec.bind(tx);
  tx.query = (async (...args: Parameters<Transaction['query']>) => {
    await turn();
    return query(...args);
  }) as Transaction['query'];
  tx.exec = (async (...args: Parameters<Transaction['exec']>) => {
    await turn();
    return exec(...args);
  }) as Transaction['exec'];
  return tx;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
