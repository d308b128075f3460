/**
 * A seeded corpus of realistic mixed logs (English and Chinese) that records what it planted: about
 * one line in three carries personal data, and every line is full of look-alikes that must survive.
 * Same seed and line count, same corpus.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CORPUS_TYPES,
  FIELD_NAMES,
  generators,
  lookalikeOf,
  type Lang,
  type LookalikeKind,
  type PatternType,
  type Sample,
} from './generate.js';
import { rng, type Rng } from './random.js';

export interface PlantedSpan {
  readonly type: PatternType;
  readonly start: number;
  readonly end: number;
}
export interface LookalikeSpan {
  readonly kind: LookalikeKind;
  readonly start: number;
  readonly end: number;
}
export interface CorpusLine {
  readonly text: string;
  readonly planted: PlantedSpan[];
  readonly lookalikes: LookalikeSpan[];
}
export interface CorpusOptions {
  readonly seed: number;
  readonly lines: number;
  /** Share of lines that carry personal data (default 1/3). */
  readonly piiShare?: number;
}

/** Builds one line left to right and records the spans of what it writes. */
class LineBuilder {
  text = '';
  readonly planted: PlantedSpan[] = [];
  readonly lookalikes: LookalikeSpan[] = [];

  constructor(
    readonly r: Rng,
    readonly lang: Lang,
    private readonly pending: Sample[],
  ) {}

  s(str: string): this {
    this.text += str;
    return this;
  }

  /** A look-alike of this kind, with its own label. */
  la(kind: LookalikeKind): this {
    const x = lookalikeOf(kind)(this.r);
    this.text += x.before;
    const start = this.text.length;
    this.text += x.value;
    this.lookalikes.push({ kind, start, end: this.text.length });
    this.text += x.after;
    return this;
  }

  /** A look-alike's bare value (no label), e.g. a timestamp at the start of a line. */
  bare(kind: LookalikeKind): this {
    const x = lookalikeOf(kind)(this.r);
    const start = this.text.length;
    this.text += x.value;
    this.lookalikes.push({ kind, start, end: this.text.length });
    return this;
  }

  pii(x: Sample, before = x.before, after = x.after, value = x.value): this {
    this.text += before;
    const start = this.text.length;
    this.text += value;
    this.planted.push({ type: x.type, start, end: this.text.length });
    this.text += after;
    return this;
  }

  /** Take the next pending sample of this type (or of any type) out of the queue. */
  take(type?: PatternType): Sample | undefined {
    const i = type ? this.pending.findIndex((p) => p.type === type) : 0;
    return i >= 0 && i < this.pending.length ? this.pending.splice(i, 1)[0] : undefined;
  }

  /** A slot for personal data in free text: ` <label><value>` when one is pending, else nothing. */
  slot(): this {
    const x = this.take();
    if (x) this.s(' ').pii(x);
    return this;
  }

  /** Pending samples as `key=value` (query string) or `"key":"value"` (JSON). */
  fields(style: 'query' | 'json'): this {
    for (let x = this.take(); x; x = this.take()) {
      const key = FIELD_NAMES[x.type];
      let value = x.value;
      if (x.inWriting) {
        // Found only as written (`Emmas` in `Emmas-iPhone`): the field holds all of it.
        if (style === 'query') this.s('&').pii(x, `${key}=${x.before}`, x.after);
        else this.s(',').pii(x, `"${key}":"${x.before}`, `${x.after}"`);
        continue;
      }
      if (style === 'query') {
        if (x.type === 'EMAIL' && this.r.chance(0.4)) value = value.replace('@', '%40');
        value = value.replace(/ /g, ''); // grouped numbers go into URLs compact
        this.s('&').pii(x, `${key}=`, '', value);
      } else this.s(',').pii(x, `"${key}":"`, '"');
    }
    return this;
  }

  rest(): Sample[] {
    return this.pending.splice(0);
  }
}

interface Template {
  readonly lang: Lang;
  /** Only used for lines that carry personal data (the line itself is personal: an access log's client). */
  readonly piiOnly?: boolean;
  build(b: LineBuilder, r: Rng): void;
}

const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const EN_MESSAGES = ['user login succeeded', 'profile updated', 'session refreshed', 'cache miss for key', 'retrying request', 'payment authorized', 'webhook delivered', 'rate limit exceeded', 'token issued', 'user registered'];
const ZH_MESSAGES = ['用户注册成功', '用户登录成功', '实名认证通过', '支付成功', '退款申请已提交', '收货地址已更新', '短信验证码已发送', '风控校验未通过', '同步用户信息失败', '会员等级已变更'];
const LOGGERS = ['c.e.user.UserService', 'c.e.pay.PaymentService', 'c.e.gateway.AuthFilter', 'o.a.k.clients.NetworkClient', 'c.e.order.OrderController', 'c.e.risk.RiskEngine'];
const THREADS = ['main', 'http-nio-8080-exec-7', 'pool-3-thread-12', 'kafka-consumer-2', 'scheduling-1'];
const PATHS = ['/api/v1/users', '/api/v2/orders', '/login', '/static/img', '/api/v1/payments/confirm', '/health'];
/** A user agent; browsers carry a `Chrome/122.0.0.0` look-alike. */
function userAgent(b: LineBuilder, r: Rng): LineBuilder {
  const kind = r.int(0, 3);
  if (kind === 0) return b.s('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ').la('browser_version').s(' Safari/537.36');
  if (kind === 1) return b.s('Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148');
  return b.s(kind === 2 ? 'okhttp/4.12.0' : 'curl/8.5.0');
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

const TEMPLATES: readonly Template[] = [
  {
    lang: 'en', // application log
    build(b, r) {
      b.bare('iso_timestamp').s(` ${r.pick(LEVELS)} [${r.pick(THREADS)}] ${r.pick(LOGGERS)} - ${r.pick(EN_MESSAGES)}`);
      b.s(' ').la('uuid').slot().s(' ').la(r.pick(['duration', 'byte_count', 'epoch_millis'] as const)).s(' ').la('snowflake_id');
    },
  },
  {
    lang: 'en', // payment event
    build(b, r) {
      b.bare('iso_timestamp').s(` INFO  c.e.pay.PaymentService - charge ${r.pick(['succeeded', 'declined', 'pending'])} `).la('order_id').s(' ').la('amount');
      b.s(` currency=${r.pick(['USD', 'CNY', 'EUR', 'HKD'])}`).slot().s(' ').la(r.pick(['luhn_fail_16', 'luhn_unknown_iin_16'] as const)).s(' ').la('duration');
    },
  },
  {
    lang: 'en', // registration
    build(b, r) {
      b.bare('iso_timestamp').s(' INFO  c.e.user.RegistrationController - new user registered ').la('snowflake_id').slot();
      b.s(' ').la('epoch_seconds').s(' ').la('hex_hash').s(` plan=${r.pick(['free', 'pro', 'team'])}`);
    },
  },
  {
    lang: 'en', // java stack trace
    build(b, r) {
      const cls = r.pick(['OrderService', 'UserRepository', 'PaymentGateway', 'KafkaListener']);
      if (r.chance(0.5)) {
        b.s(`\tat com.example.${cls.toLowerCase()}.${cls}.${r.pick(['create', 'handle', 'lambda$process$3'])}(${cls}.java:${r.int(20, 900)}) ~[app-`)
          .bare('version').s('.jar:').la('git_sha').s(']').slot();
      } else {
        b.s(`Caused by: java.lang.${r.pick(['IllegalStateException', 'IllegalArgumentException', 'RuntimeException'])}: ${r.pick(['duplicate key', 'invalid value', 'lookup failed for'])}`)
          .slot().s(' (').la('epoch_millis').s(', ').la('uuid').s(')');
      }
    },
  },
  {
    lang: 'en', // nginx access log: the client address is personal, so only on personal lines
    piiOnly: true,
    build(b, r) {
      const ip = b.take('IP_ADDRESS') ?? generators.IP_ADDRESS(r, 'en');
      b.pii(ip, '', '');
      const d = new Date(1704067200000 + Math.floor(r.next() * 94694400000));
      b.s(` - - [${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0800] "`);
      b.s(`${r.pick(['GET', 'GET', 'POST'])} ${r.pick(PATHS)}?ts=`).bare('epoch_millis').fields('query');
      b.s(` HTTP/1.1" ${r.pick([200, 200, 204, 302, 404, 500])} `).bare('byte_count').s(' "-" "');
      userAgent(b, r).s('" ').la('duration');
    },
  },
  {
    lang: 'en', // HDFS
    build(b, r) {
      b.bare('hdfs_timestamp').s(` ${r.int(1, 999)} INFO dfs.DataNode$PacketResponder: PacketResponder ${r.int(0, 2)} for block `).bare('hdfs_block');
      const ip = b.take('IP_ADDRESS');
      const port = `:${r.int(30000, 60000)}`;
      if (ip) b.s(' src: /').pii(ip, ip.value.includes(':') ? '[' : '', ip.value.includes(':') ? `]${port}` : port);
      b.s(' terminating').slot().s(' ').la('byte_count');
    },
  },
  {
    lang: 'en', // kubernetes / infra
    build(b, r) {
      b.s(`I${r.pick(['0224', '1109', '0305'])} ${p2(r.int(0, 23))}:${p2(r.int(0, 59))}:${p2(r.int(0, 59))}.${r.digits(6)} `).bare('pid').s(` controller.go:${r.int(10, 900)}] "Reconciling node" `);
      b.la('host_name').s(' ').la('version').s(' ').la('git_sha').slot().s(' ').la(r.pick(['oid', 'retina_asset', 'user_at_host', 'port'] as const));
    },
  },
  {
    lang: 'en', // JSON line
    build(b, r) {
      b.s('{"ts":"').bare('iso_timestamp').s(`","level":"${r.pick(['info', 'warn', 'error'])}","msg":"${r.pick(EN_MESSAGES)}","trace_id":"`).bare('hex_hash');
      b.s('","dur_ms":').bare('duration').s(',"bytes":').bare('byte_count').fields('json').s(',"seq":').bare(r.pick(['snowflake_id', 'epoch_millis', 'compact_timestamp'] as const)).s('}');
    },
  },
  {
    lang: 'zh', // 业务日志
    build(b, r) {
      b.bare('iso_timestamp').s(` ${r.pick(LEVELS)} ${r.pick(ZH_MESSAGES)}`).slot().s(' ').la('duration').s(' ').la(r.pick(['id18_bad_check', 'uuid', 'order_15'] as const));
    },
  },
  {
    lang: 'zh', // 支付
    build(b, r) {
      b.bare('iso_timestamp').s(` [${r.pick(THREADS)}] ${r.pick(['INFO', 'WARN'])}  c.e.pay.PayService - ${r.pick(['支付失败', '支付成功', '退款成功'])} `).la('order_id');
      b.s(' ').la('amount').s('元').slot().s(' ').la(r.pick(['luhn_fail_16', 'luhn_unknown_iin_16', 'compact_timestamp'] as const));
    },
  },
  {
    lang: 'zh', // 实名认证 / 设备
    build(b, r) {
      b.s('[').bare('iso_timestamp').s(`] ${r.pick(['实名认证', '设备绑定', '账户安全'])} ${r.pick(['通过', '失败', '待复核'])}`).slot();
      b.s(' ').la('uuid').s(' ').la('version').s(' ').la(r.pick(['epoch_seconds', 'hex_hash', 'pid'] as const));
    },
  },
  {
    lang: 'zh', // 订单
    build(b, r) {
      b.bare('iso_timestamp').s(' INFO ').la('order_15').s(` ${r.pick(['已发货', '已签收', '已取消'])} `).la('compact_timestamp').slot().s(' ').la('amount').s(' ').la('byte_count');
    },
  },
];

const PLAIN_TEMPLATES = TEMPLATES.filter((t) => !t.piiOnly);

/** Lines one at a time (for writing large corpora without holding them). */
export function* corpusLines(options: CorpusOptions): Generator<CorpusLine> {
  const r = rng(options.seed);
  const share = options.piiShare ?? 1 / 3;
  for (let n = 0; n < options.lines; n++) {
    const personal = r.chance(share);
    const t = r.pick(personal ? TEMPLATES : PLAIN_TEMPLATES);
    const pending: Sample[] = [];
    if (personal) {
      const count = r.chance(0.15) ? 2 : 1;
      for (let k = 0; k < count; k++) pending.push(generators[r.pick(CORPUS_TYPES)](r, t.lang));
    }
    const b = new LineBuilder(r, t.lang, pending);
    t.build(b, r);
    for (const x of b.rest()) b.s(' ').pii(x); // what the template had no slot for
    yield { text: b.text, planted: b.planted, lookalikes: b.lookalikes };
  }
}

export function generateCorpus(options: CorpusOptions): CorpusLine[] {
  return [...corpusLines(options)];
}

/**
 * A short hash of the code that generates corpora: these bench files and every detector (the
 * generators live there), so a cached corpus is rebuilt when any of them changes.
 */
export function generatorCodeHash(benchFiles: readonly string[]): string {
  const hash = createHash('sha256');
  const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
  const detectorFiles = ['../detectors/', '../detectors/lib/'].flatMap((dir) =>
    readdirSync(here(dir))
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map((f) => dir + f),
  );
  for (const f of [...benchFiles, 'lookalikes.js', ...detectorFiles]) hash.update(readFileSync(here(f)));
  return hash.digest('hex').slice(0, 12);
}
