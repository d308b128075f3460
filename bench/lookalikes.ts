/**
 * Look-alikes that belong to no detector: numbers and tokens logs are full of (timestamps, ids,
 * hashes, versions, amounts) that must come out unchanged. The near misses of one type (a resident ID
 * with a wrong check char, a Luhn-failing card number) are its detector's (DetectorSpec.generate).
 */
import { withLuhn } from '../detectors/lib/checksum.js';
import { pad, pastDate, type Rng } from '../detectors/lib/generate.js';

/** A look-alike as written: `before + value + after`; `value` must survive anonymization. */
export interface Lookalike {
  readonly kind: string;
  readonly value: string;
  readonly before: string;
  readonly after: string;
}

const look = (kind: string, value: string, before = '', after = ''): Lookalike => ({ kind, value, before, after });

/** Epoch ms between 2024-01-01 and 2027-01-01. */
const epochMs = (r: Rng) => 1704067200000 + Math.floor(r.next() * 94694400000);

function isoParts(r: Rng) {
  const t = new Date(epochMs(r)).toISOString(); // 2026-02-24T12:26:41.123Z
  return { date: t.slice(0, 10), time: t.slice(11, 19), ms: t.slice(20, 23), iso: t };
}


export const GENERAL_LOOKALIKES = {
  iso_timestamp(r) {
    const { date, time, ms, iso } = isoParts(r);
    return look('iso_timestamp', r.pick([iso, `${date} ${time}`, `${date} ${time},${ms}`, `${date}T${time}+08:00`, `${date}T${time}.${ms}${r.digits(3)}Z`]));
  },
  compact_timestamp(r) {
    const { date, time } = isoParts(r);
    return look('compact_timestamp', (date + time).replace(/[-:]/g, ''), r.pick(['', 'ts=', 'batch_', '时间戳:']));
  },
  epoch_seconds(r) {
    return look('epoch_seconds', String(Math.floor(epochMs(r) / 1000)), r.pick(['ts=', 'time=', 'exp=', '"iat":', '']));
  },
  epoch_millis(r) {
    // Half of them pass Luhn on purpose (about 10% would by chance).
    const v = withLuhn(String(epochMs(r)).slice(0, 12), r.chance(0.5));
    return look('epoch_millis', v, r.pick(['ts=', 'timestamp=', '"time":', 'at ', '']));
  },
  order_id(r) {
    const { date, time } = isoParts(r);
    const compact = (date + time).replace(/[-:]/g, '');
    return look('order_id', r.pick([`ORD${compact}${r.digits(4)}`, `${compact}${r.digits(4)}`, `SO${r.digits(10)}`]), r.pick(['order_id=', 'orderNo: ', '订单号:', 'out_trade_no=']));
  },
  snowflake_id(r) {
    const v = ((BigInt(epochMs(r)) - 1288834974657n) << 22n) | BigInt(r.int(0, 4194303));
    return look('snowflake_id', v.toString(), r.pick(['id=', 'uid=', 'msg_id=', '"id":', 'tweet ']));
  },
  hdfs_timestamp(r) {
    const { y, m, d } = pastDate(r, 2008, 2012);
    return look('hdfs_timestamp', `${pad(y % 100, 2)}${pad(m, 2)}${pad(d, 2)} ${pad(r.int(0, 23), 2)}${pad(r.int(0, 59), 2)}${pad(r.int(0, 59), 2)}`);
  },
  hdfs_block(r) {
    const v = BigInt(r.int(1, 0x7fffffff)) * 4294967296n + BigInt(r.int(0, 0xffffffff));
    return look('hdfs_block', `blk_${r.chance(0.5) ? '-' : ''}${v}`, r.pick(['block ', 'Deleting block ', '']));
  },
  uuid(r) {
    const h = r.hex(32);
    return look('uuid', `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`, r.pick(['request_id=', 'traceId: ', '请求ID=', '']));
  },
  git_sha(r) {
    return look('git_sha', r.hex(r.pick([7, 8, 12, 40])), r.pick(['commit ', 'rev=', 'build ', 'sha=']));
  },
  hex_hash(r) {
    const [before, after] = r.pick([['md5=', ''], ['sha256:', ''], ['etag="', '"'], ['checksum ', ''], ['', '']]);
    return look('hex_hash', r.hex(r.pick([32, 40, 64])), before, after);
  },
  version(r) {
    // Four-part versions always have a part > 255, or they would be IPv4 addresses.
    return look('version', r.pick([
      `10.0.${r.int(10240, 22631)}.${r.int(1, 4000)}`,
      `6.1.7601.${r.int(17000, 24000)}`,
      `${r.int(1, 20)}.${r.int(0, 40)}.${r.int(0, 30)}`,
      `v${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 99)}`,
      `${r.int(1, 9)}.${r.int(0, 9)}.${r.int(1000, 9999)}.${r.int(0, 99)}`,
    ]), r.pick(['version=', 'ver ', 'build ', '版本:', 'os=Windows ']));
  },
  oid(r) {
    return look('oid', r.pick(['1.3.6.1.4.1.311.21.7', '1.2.840.113549.1.1.11', '2.16.840.1.101.3.4.2.1', `1.3.6.1.2.1.2.2.1.${r.int(1, 22)}.${r.int(1, 48)}`, '1.3.6.1.4.1.2021.10.1.3.1']), r.pick(['oid=', 'OID ', 'sigalg=']));
  },
  host_name(r) {
    // Host names without an address in them (`ip-10-0-1-17` spells one and is found since issue 10).
    const h = r.pick([
      `web-${r.hex(9)}-${r.pick(['x2k4p', 'q7zlm', 'b9r2t'])}`,
      `app${pad(r.int(1, 40), 2)}.prod.example.com`,
      `node-${r.int(1, 64)}.cluster.local`,
      `db-primary-${r.int(0, 3)}`,
    ]);
    return look('host_name', h, r.pick(['host=', 'node ', 'hostname: ']));
  },
  amount(r) {
    const v = `${r.int(1, 999)},${pad(r.int(0, 999), 3)}.${pad(r.int(0, 99), 2)}`;
    return look('amount', r.chance(0.2) ? `${r.int(1, 99)},${v}` : v, r.pick(['amount=', '金额:', 'total ', '¥', '$']));
  },
  port(r) {
    return look('port', String(r.pick([80, 443, 3306, 5432, 6379, 8080, 8443, 9092, r.int(1024, 65535)])), r.pick(['port=', 'localhost:', 'listen ', '端口:']));
  },
  pid(r) {
    const [before, after] = r.pick([['pid=', ''], ['pid ', ''], ['[', ']'], ['process ', ' exited']]);
    return look('pid', String(r.int(2, 4194304)), before, after);
  },
  duration(r) {
    return look('duration', r.pick([String(r.int(1, 99999)), `${r.int(0, 99)}.${r.digits(3)}`]), r.pick(['took ', 'elapsed=', 'rt=', '耗时', 'cost=']), r.pick(['ms', 's', '', 'ms']));
  },
  byte_count(r) {
    return look('byte_count', String(r.int(0, 2147483647)), r.pick(['bytes=', 'size=', 'content-length: ', 'sent ', '大小:']));
  },
  retina_asset(r) {
    return look('retina_asset', `${r.pick(['icon', 'logo', 'avatar_default', 'banner'])}@${r.int(2, 3)}x.${r.pick(['png', 'webp', 'jpg'])}`, r.pick(['GET /static/img/', 'asset=', '']));
  },
  user_at_host(r) {
    return look('user_at_host', `${r.pick(['deploy', 'root', 'git', 'ubuntu', 'ec2-user'])}@${r.pick(['web01', 'db-primary', 'localhost', 'build7'])}`, r.pick(['ssh ', 'login ', '']));
  },
  browser_version(r) {
    // `Chrome/122.0.0.0` is a dotted quad in every browser user agent since 2022.
    const v = r.pick([`${r.int(100, 131)}.0.0.0`, `${r.int(100, 131)}.0.${r.int(4000, 6800)}.${r.int(0, 200)}`]);
    return look('browser_version', v, r.pick(['Chrome/', 'Edg/', 'CriOS/']));
  },
} satisfies Record<string, (r: Rng) => Lookalike>;
