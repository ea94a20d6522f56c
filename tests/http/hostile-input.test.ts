import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFingerprintBesidesCodeTries } from '../support/fingerprint';
import { capturingLog } from '../support/log';
import { startServer, type TestServer } from '../support/server';
import { json, login, walkIn } from '../socket/live';
import { firstBookableSlot, person } from '../support/factories';

/**
 * Junk sent to every route of the OpenAPI document (issue 13, item 7), as an anonymous caller,
 * as the kiosk and as a signed-in admin: bad percent-encodings and prototype keys in the path,
 * impossible dates and wrong numbers in the query, bodies of the wrong type, too deep, too large,
 * falsely compressed or not JSON at all. Whatever arrives: never a 5xx, the error shape on every
 * 4xx, no write accepted, nothing logged as a failure, and the database exactly as it was.
 *
 * The path, query and body around the junk are real (the demo office, a real booking, ticket,
 * notice…), so that junk a route let through would reach its command and show.
 */
type JsonSchema = {
  type?: string;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};
type Parameter = { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema };
type Operation = { method: string; path: string; parameters: Parameter[]; body?: JsonSchema; auth: 'session' | 'kiosk' | 'none' };
type Caller = { name: string; auth: Operation['auth']; headers: Record<string, string> };
type Probe = { method: string; path: string; headers?: Record<string, string>; body?: string; what: string };
type Answer = { status: number; contentType: string; text: string };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IMPOSSIBLE_DATES = ['2026-13-01', '2026-02-30', '0000-00-00', '2026-11-31', '2026-1-1', '26-11-24'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

/** Path segments as they arrive on the wire (already percent-encoded where they are encoded at all). */
const PATH_JUNK = [
  '%FF%FE', '%E0%A4%A', '%C0%AF', '%', '%00', '%2e%2e', '..%2F..%2Fetc', '%F0%9F%98%80', 'x'.repeat(3000),
  ...PROTOTYPE_KEYS, '0x10', '-1', '1e3', '%201', '9'.repeat(30), 'null', 'DEMO', ...IMPOSSIBLE_DATES, "'%3B--",
];
/** Query values (raw, already encoded), each put in place of one known parameter. */
const QUERY_JUNK = ['', '0x10', '1e3', '-1', '%20%207', '%FF', 'x'.repeat(3000), 'null', ...IMPOSSIBLE_DATES];

const has = (schema: JsonSchema, type: string): boolean => schema.type === type || (schema.anyOf ?? []).some((s) => s.type === type);
const isDate = (schema: JsonSchema) => [schema, ...(schema.anyOf ?? [])].some((s) => s.pattern?.includes('\\d{4}-'));

/** Values of the wrong type (or an impossible value) for a field: none of them may be accepted. */
const wrongValues = (schema: JsonSchema): unknown[] => {
  const values: unknown[] = [{}, [{}], { __proto__: { x: 1 } }];
  const numeric = has(schema, 'integer') || has(schema, 'number');
  if (!has(schema, 'null')) values.push(null);
  if (numeric) values.push(false, '', [], '0x10', 1.5, 1e308, -1e308, 'tujuh', ...(has(schema, 'string') ? [] : ['12']));
  else if (has(schema, 'string')) {
    values.push(123, true, [], 'x'.repeat(2000));
    if (isDate(schema)) values.push(...IMPOSSIBLE_DATES);
    if ([schema, ...(schema.anyOf ?? [])].some((s) => s.enum)) values.push('bukan-pilihan');
  }
  if (has(schema, 'boolean')) values.push('true', 1, 0, []);
  if (has(schema, 'array')) {
    values.push('A', 5, [null], [[1]], Array.from({ length: 400 }, () => 'A'));
    const item = schema.items ?? (schema.anyOf ?? []).find((s) => s.items)?.items;
    for (const [key, field] of Object.entries(item?.properties ?? {})) {
      for (const wrong of wrongValues(field).slice(0, 6)) values.push([{ [key]: wrong }]);
    }
  }
  return values;
};

/** Whole bodies that are not what any route takes: wrong JSON types, empty, prototype keys, deep nesting. */
const WHOLE_BODY_JUNK = [
  '[]', '"teks"', '123', 'true', '{}', '[{}]',
  '{"__proto__":{"admin":true,"role":"admin","polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"__proto__":null}',
  `${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}`,
  `${'['.repeat(7000)}${']'.repeat(7000)}`,
];

describe('hostile input to every documented route', () => {
  let s: TestServer;
  let capture: ReturnType<typeof capturingLog>;
  let agent: Agent;
  let operations: Operation[];
  let callers: Caller[];
  let valid: { params: Record<string, string>; query: Record<string, string>; ids: Record<string, string> };

  const send = (probe: Probe, caller: Caller): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const { port } = new URL(s.url);
      const headers: Record<string, string | number> = { Accept: 'application/json', ...caller.headers, ...probe.headers };
      if (probe.body !== undefined) {
        headers['Content-Length'] = Buffer.byteLength(probe.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const req = httpRequest({ hostname: '127.0.0.1', port, path: probe.path, method: probe.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(probe.body);
    });

  beforeAll(async () => {
    capture = capturingLog();
    s = await startServer({ log: capture.log, config: { bookingRateLimit: 1_000_000, publicWriteRateLimit: 1_000_000, loginRateLimit: 1_000_000 } });
    agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const cookie = await login(s.url);
    const as = { cookie };
    const created = async (path: string, body: object) => {
      const res = await json(`${s.url}/api${path}`, { method: 'POST', ...as, body: JSON.stringify(body) });
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
      return res.body;
    };
    const slot = await firstBookableSlot(s.app);
    const holder = person(1);
    const booking = await created('/offices/demo/bookings', { service: 'A', slotId: slot.id, ...holder });
    const ticket = await walkIn(s.url, s.kioskToken, 'B');
    const ids = {
      staff: String((await created('/offices/demo/staff', { username: 'petugas', displayName: 'Petugas Loket', role: 'counter' })).user.id),
      notice: String((await created('/offices/demo/notices', { textId: 'Wajib memakai masker' })).id),
      contact: String((await created('/offices/demo/whatsapp-contacts', { label: 'Pencatatan Sipil', phone: '081234567890' })).id),
      closure: String((await created('/offices/demo/closures', { from: '2026-12-01', to: '2026-12-02', reason: 'Pelatihan pegawai' })).id),
      kiosk: '1',
      counter: '1',
    };
    valid = {
      // entryId: a well-formed waiting-room entry that does not exist (demo has no release).
      params: { officeId: 'demo', counterId: '1', ticketId: ticket.id, date: '2026-12-01', booking: booking.code, service: 'A', entryId: 'AAAAAAAAAAAAAAAA' },
      query: { service: 'A', from: '2026-11-24', date: '2026-11-24', nik4: holder.nik.slice(-4) },
      ids,
    };
    callers = [
      { name: 'anonymous', auth: 'none', headers: {} },
      { name: 'kiosk', auth: 'kiosk', headers: { Authorization: `Bearer ${s.kioskToken}` } },
      { name: 'admin', auth: 'session', headers: { Cookie: cookie, 'Accept-Language': 'en' } },
    ];
    type DocOperation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; security?: Record<string, unknown>[] };
    const doc = (await json(`${s.url}/api/openapi.json`)).body as { paths: Record<string, Record<string, DocOperation>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        ...(op.requestBody ? { body: op.requestBody.content['application/json']!.schema } : {}),
        auth: op.security?.some((r) => 'session' in r) ? ('session' as const) : op.security?.some((r) => 'kiosk' in r) ? ('kiosk' as const) : ('none' as const),
      })),
    );
  });
  afterAll(async () => {
    agent?.destroy();
    await s?.stop();
  });

  /** The real value of a path parameter on this route: `code` and `id` mean different things on different routes. */
  const realParam = (path: string, name: string): string => {
    if (name === 'code') return path.includes('/bookings/') ? valid.params.booking! : valid.params.service!;
    if (name === 'id') {
      const resource = path.match(/\/(\w[\w-]*)\/\{id\}/)?.[1] ?? '';
      return { counters: valid.ids.counter, staff: valid.ids.staff, kiosks: valid.ids.kiosk, notices: valid.ids.notice, 'whatsapp-contacts': valid.ids.contact, closures: valid.ids.closure }[resource] ?? '1';
    }
    const value = valid.params[name];
    if (value === undefined) throw new Error(`no real value for {${name}} in ${path}`);
    return value;
  };

  const pathOf = (op: Operation, junk: Record<string, string> = {}) =>
    `/api${op.path.replace(/\{(\w+)\}/g, (_, name: string) => junk[name] ?? encodeURIComponent(realParam(op.path, name)))}`;

  const queryOf = (op: Operation, junk: Record<string, string> = {}) => {
    const parts = op.parameters
      .filter((p) => p.in === 'query' && (p.required || p.name in junk))
      .map((p) => `${p.name}=${junk[p.name] ?? encodeURIComponent(valid.query[p.name] ?? '')}`);
    return parts.length ? `?${parts.join('&')}` : '';
  };

  /**
   * Every junk request for one route. A caller the route is not for is refused before its input
   * is read, so it gets the junk of the request itself (transport, path) and not every wrong field.
   */
  const probesFor = (op: Operation, caller: Caller): Probe[] => {
    const probes: Probe[] = [];
    const base = pathOf(op) + queryOf(op);
    const write = WRITES.has(op.method);

    // Bodies that never reach a route: malformed, falsely compressed, unknown encoding or charset, too large, not JSON.
    const transport: Probe[] = [
      { method: op.method, path: base, body: '{"service": "A",', what: 'malformed JSON' },
      { method: op.method, path: base, body: '{"service":"A"}', headers: { 'Content-Encoding': 'gzip' }, what: 'false gzip' },
      { method: op.method, path: base, body: '{}', headers: { 'Content-Encoding': 'x-rahasia' }, what: 'unknown encoding' },
      { method: op.method, path: base, body: '{}', headers: { 'Content-Type': 'application/json; charset=latin1' }, what: 'latin1' },
      { method: op.method, path: base, body: JSON.stringify({ blob: 'x'.repeat(100_000) }), what: 'too large' },
    ];
    if (write) {
      transport.push(
        { method: op.method, path: base, body: 'service=A&stock=0', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, what: 'form' },
        { method: op.method, path: base, body: '{"service":"A"}', headers: { 'Content-Type': 'text/plain' }, what: 'text/plain' },
        { method: op.method, path: base, body: '--x\r\n\r\n--x--', headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, what: 'multipart' },
      );
    }
    probes.push(...transport);

    // Each path parameter in turn replaced by junk.
    for (const param of op.parameters.filter((p) => p.in === 'path')) {
      for (const junk of PATH_JUNK) probes.push({ method: op.method, path: pathOf(op, { [param.name]: junk }) + queryOf(op), what: `path {${param.name}}=${junk.slice(0, 20)}` });
    }

    // Each query parameter in turn replaced by junk, repeated, or nested; prototype keys beside it.
    for (const param of op.parameters.filter((p) => p.in === 'query')) {
      for (const junk of QUERY_JUNK) {
        // An empty value for an optional text parameter is as good as leaving it out.
        if (junk === '' && !param.required && !has(param.schema, 'integer') && !isDate(param.schema) && !param.schema.enum) continue;
        const path = pathOf(op) + queryOf(op, { [param.name]: junk });
        probes.push({ method: op.method, path, what: `query ${param.name}=${junk.slice(0, 20)}` });
      }
      const junk = `x&${param.name}=y&${PROTOTYPE_KEYS.map((k) => `${k}=1&${param.name}[${k}]=1`).join('&')}`;
      probes.push({ method: op.method, path: pathOf(op) + queryOf(op, { [param.name]: junk }), what: `query ${param.name} repeated, prototype keys` });
    }

    // Bodies of the wrong shape, and each field of the body with a value of the wrong type.
    if (op.body && (op.auth === 'none' || op.auth === caller.auth)) {
      for (const body of WHOLE_BODY_JUNK) probes.push({ method: op.method, path: base, body, what: `body ${body.slice(0, 30)}` });
      for (const [field, schema] of Object.entries(op.body.properties ?? {})) {
        for (const wrong of wrongValues(schema)) {
          probes.push({ method: op.method, path: base, body: JSON.stringify({ [field]: wrong }), what: `body.${field}=${JSON.stringify(wrong)?.slice(0, 30)}` });
        }
      }
    }
    return probes;
  };

  it('answers every junk request with a 4xx in the error shape, accepts no write, logs no failure and changes nothing', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(70);
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    // Junk codes with well-formed nik4 are counted as wrong tries (domain/codeAttempts): the one write a refusal makes.
    const before = dbFingerprintBesidesCodeTries(s.db);
    const problems: string[] = [];
    const seen = new Set<string>();
    let sent = 0;

    const jobs = callers.flatMap((caller) => operations.flatMap((op) => probesFor(op, caller).map((probe) => ({ caller, op, probe }))));
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { caller, op, probe } = jobs[next++]!;
        const answer = await send(probe, caller);
        sent++;
        seen.add(`${op.method} ${op.path}`);
        const where = `${caller.name} ${op.method} ${op.path} [${probe.what}] → ${answer.status}`;
        if (answer.status >= 500) problems.push(`${where}: ${answer.text.slice(0, 200)}`);
        else if (WRITES.has(op.method) && answer.status < 400) problems.push(`${where}: a junk write was accepted: ${answer.text.slice(0, 200)}`);
        if (answer.status >= 400) {
          let error: { code?: unknown; message?: unknown; fields?: unknown } | undefined;
          try {
            error = (JSON.parse(answer.text) as { error?: typeof error }).error;
          } catch {
            error = undefined;
          }
          const fieldsOk = error?.fields === undefined || Object.values(error.fields as object).every((m) => typeof m === 'string');
          if (!answer.contentType.startsWith('application/json') || typeof error?.code !== 'string' || !/^[A-Z_]+$/.test(error.code) || typeof error.message !== 'string' || !error.message || !fieldsOk) {
            problems.push(`${where}: not the error shape: ${answer.text.slice(0, 200)}`);
          }
          if (/at \w+ \(|node_modules|\.ts:\d+/.test(answer.text)) problems.push(`${where}: leaks a stack trace`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    expect(problems.slice(0, 40)).toEqual([]);
    expect(seen.size).toBe(operations.length);
    expect(sent).toBe(jobs.length);
    expect(capture.errors().map((e) => e.msg)).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(dbFingerprintBesidesCodeTries(s.db)).toBe(before);
  });
});
