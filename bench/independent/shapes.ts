/**
 * Log lines for the independent evaluation, written after reading real ones (loghub's samples, the
 * systems' documentation) and copying none: parts that are plain text, a planted value, or a
 * look-alike that must survive. A line may be several physical lines (MyBatis, Hibernate): the value
 * is in the last, the first names its column.
 */
import type { Faker } from '@faker-js/faker';
import { residentIdCheckChar } from '../cn-resident-id.js';
import type { Value, ValueType } from './values.js';

export type Part = string | { value: Value } | { lookalike: string; text: string };
export interface Line { shape: string; parts: Part[] }

/** A log shape; `keyed` when it writes a word (key, column, label) right before the value. */
export interface Template { shape: string; keyed: boolean; accepts: (v: Value) => boolean; build: (v: Value, key: string) => Part[] }

/** Field names a system would use for a type. */
export const KEYS: Record<ValueType, string[]> = {
  PHONE: ['mobile', 'phone', 'contactPhone', 'tel'],
  EMAIL: ['email', 'mail', 'userEmail'],
  IPV4: ['client_ip', 'remote_addr', 'src'],
  IPV6: ['client_ip', 'remote_addr', 'src'],
  MAC: ['mac', 'wifi_mac', 'bssid'],
  CARD: ['cardNo', 'pan', 'card_number'],
  IBAN: ['iban', 'payee_iban', 'account'],
  CN_RESIDENT_ID: ['idCard', 'id_no', 'certNo'],
  CN_USCC: ['uscc', 'creditCode', 'unified_social_credit_code'],
  US_SSN: ['ssn', 'SSN', 'social_security_number', 'taxpayerSsn'],
  IMEI: ['imei', 'IMEI', 'deviceImei'],
  CN_PASSPORT: ['passport', 'passportNo', 'passport_no'],
  HK_ID: ['hkid', 'hk_id_no', 'hkIdCard'],
  TW_NATIONAL_ID: ['twid', 'tw_national_id', 'nationalId'],
  USERNAME: ['userName', 'username', 'login_user'],
  BANK_ACCOUNT: ['bankAccount', 'account_no', 'beneficiary_account'],
};
const CN_WORDS: Partial<Record<ValueType, string>> = {
  PHONE: '手机号', CN_RESIDENT_ID: '身份证号', EMAIL: '邮箱', CARD: '银行卡号', CN_USCC: '统一社会信用代码', CN_PASSPORT: '护照号',
  HK_ID: '香港身份证', TW_NATIONAL_ID: '身分證字號', IMEI: '设备IMEI', BANK_ACCOUNT: '银行账号', USERNAME: '用户名',
};
const isIp = (v: Value) => v.type === 'IPV4' || v.type === 'IPV6';
/** JSON string body of a text (the quotes are written by the template). */
const j = (s: string) => JSON.stringify(s).slice(1, -1);
const jsonValue = (v: Value): Part => ({ value: { ...v, text: j(v.text) } });
/** `camelCase`/`kebab-case` to a SQL column name. */
const column = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/[-.]/g, '_').toLowerCase();
/** The log shapes a value may go in: its own (a label, a system's convention), else every shape that takes its type and gives it the word it needs. */
export function shapesFor(v: Value, templates: readonly Template[]): Template[] {
  return templates.filter((t) => {
    if (v.label) return t.shape === 'context with a note';
    if (v.shapes) return v.shapes.includes(t.shape);
    if (!t.accepts(v)) return false;
    if ((v.needsWord || v.key) && !t.keyed) return false;
    return !(v.key && t.shape === 'chinese app line'); // its word is its own, not the key
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The templates, clean lines and look-alikes, drawing from one seeded faker. */
export function logShapes(g: Faker) {
  const two = (n: number) => String(n).padStart(2, '0');
  const L = (lookalike: string, text: string): Part => ({ lookalike, text });
  const iso = () => L('timestamp', g.date.recent({ days: 30 }).toISOString());
  const epochMs = () => L('epoch millis', String(g.date.recent({ days: 30 }).getTime()));
  const uuid = () => L('uuid', g.string.uuid());
  const sha = () => L('hex hash', g.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' }));
  const span16 = () => L('hex hash', g.string.hexadecimal({ length: 16, casing: 'lower', prefix: '' }));
  const version = () => L('version', g.system.semver());
  const orderId = () => L('order id', `${g.date.recent().toISOString().slice(0, 10).replaceAll('-', '')}${g.string.numeric(10)}`);
  const port = () => L('port', String(g.internet.port()));
  const duration = () => L('duration', `${g.number.int({ min: 1, max: 9999 })}ms`);
  const pid = () => String(g.number.int({ min: 200, max: 65000 }));
  const id = () => L('order id', g.string.numeric(12));
  // A pthread id as Apache's `tid` and Python's %(thread)d print it: an x86-64 user-space address
  // (0x7f0000000000–0x7fffffffffff), 15 digits starting 139/140: one in ten passes Luhn like a UATP card.
  const threadId = () => L('thread id', String(g.number.int({ min: 0x7f0000000000, max: 0x7fffffffffff })));
  // A monotonic clock in nanoseconds after 1.2 to 11 days of uptime: 15 digits starting with 1.
  const monoNanos = () => L('monotonic nanoseconds', String(g.number.int({ min: 1e14, max: 2e14 - 1 })));
  const syslogTs = (): Part => {
    const d = g.date.recent();
    return L('timestamp', `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 19)}`);
  };
  const clfTs = (): Part => {
    const d = g.date.recent();
    return L('timestamp', `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`);
  };
  /** Apache error log time: `Wed Dec 02 20:55:36.123456 2026`. */
  const apacheTs = (): Part => {
    const d = g.date.recent();
    const [day, , , year] = d.toUTCString().split(' ');
    return L('timestamp', `${day.slice(0, 3)} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${d.toISOString().slice(11, 19)}.${g.string.numeric(6)} ${year}`);
  };
  const javaTs = () => L('timestamp', g.date.recent().toISOString().replace('T', ' ').replace('Z', '').replace('.', ','));
  const sqlTs = () => L('timestamp', g.date.recent().toISOString().replace('T', ' ').slice(0, 19));
  const logcatTs = (): Part => {
    const d = g.date.recent();
    return L('timestamp', `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${d.toISOString().slice(11, 23)}`);
  };
  /** CBS/Windows time: `2026-12-03 10:44:52,`. */
  const cbsTs = () => L('timestamp', g.date.recent().toISOString().replace('T', ' ').slice(0, 19));
  /** BGL: epoch seconds, a date, a location code, a microsecond timestamp. */
  const bglHead = (): Part[] => {
    const d = g.date.recent();
    const loc = `R${two(g.number.int(63))}-M${g.number.int(1)}-N${g.number.int({ min: 0, max: 15 }).toString(16).toUpperCase()}-C:J${two(g.number.int({ min: 2, max: 17 }))}-U${two(g.number.int({ min: 1, max: 11 }))}`;
    const ts = d.toISOString();
    return ['- ', L('epoch seconds', String(Math.floor(d.getTime() / 1000))), ` ${ts.slice(0, 10).replaceAll('-', '.')} `, L('node location', loc), ' ', L('timestamp', `${ts.slice(0, 10)}-${ts.slice(11, 19).replaceAll(':', '.')}.${g.string.numeric(6)}`), ' ', L('node location', loc)];
  };
  /** A four-part Windows version small enough to read as an IPv4 address (`6.1.1.2`). */
  const ipLikeVersion = () => `${g.number.int({ min: 6, max: 10 })}.${g.number.int({ min: 0, max: 3 })}.${g.number.int({ min: 1, max: 255 })}.${g.number.int({ min: 0, max: 255 })}`;
  const user = () => g.helpers.arrayElement(['deploy', 'root', 'oracle', 'backup']);
  const word = (v: Value, key: string) => v.label ?? key;

  const TEMPLATES: Template[] = [
    {
      shape: 'nginx access (client)', keyed: false, accepts: isIp,
      build: (v) => [{ value: v }, ' - - [', clfTs(), '] "GET /api/v2/orders/', orderId(), ' HTTP/1.1" 200 ', String(g.number.int(90000)), ' "-" "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" rt=', L('duration', `0.${g.string.numeric(3)}`)],
    },
    {
      // nginx `$remote_addr - $remote_user [$time_local]` with basic auth (Apache %h %l %u %t).
      shape: 'nginx access (remote_user)', keyed: true, accepts: () => false,
      build: (v) => ['203.0.113.', String(g.number.int({ min: 1, max: 254 })), ' - ', { value: v }, ' [', clfTs(), '] "GET /admin/reports?page=', String(g.number.int(40)), ' HTTP/1.1" 200 ', String(g.number.int(90000)), ' "https://intranet.example.com/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"'],
    },
    {
      // IIS logs in their default layouts: W3C extended of IIS 7+ (date time s-ip cs-method cs-uri-stem
      // cs-uri-query s-port cs-username c-ip cs(User-Agent) …) and of IIS 5/6 (date time c-ip
      // cs-username s-ip s-port cs-method …), and IIS's own comma-separated format.
      shape: 'iis w3c (cs-username)', keyed: true, accepts: () => false,
      build: (v) => {
        const when = g.date.recent().toISOString();
        const client = `198.51.100.${g.number.int({ min: 1, max: 254 })}`;
        const server = `192.0.2.${g.number.int({ min: 1, max: 254 })}`;
        const user = [g.helpers.arrayElement(['', 'CONTOSO\\']), { value: v }];
        switch (g.number.int(2)) {
          case 0:
            return [L('timestamp', when.slice(0, 19).replace('T', ' ')), ' ', server, ' ', g.helpers.arrayElement(['GET', 'POST']), ' /owa/ - 443 ', ...user, ' ', client, ' Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - ', g.helpers.arrayElement(['200', '302', '401']), ' 0 0 ', String(g.number.int({ min: 1, max: 900 }))];
          case 1:
            return [L('timestamp', when.slice(0, 19).replace('T', ' ')), ' ', client, ' ', ...user, ' ', server, ' 80 GET /images/logo.gif - 200 Mozilla/4.0+(compatible;+MSIE+6.0)'];
          default:
            return [client, ', ', ...user, ', ', `${when.slice(5, 7)}/${when.slice(8, 10)}/${when.slice(2, 4)}`, ', ', L('timestamp', when.slice(11, 19)), ', W3SVC2, WEB01, ', server, ', ', String(g.number.int(9000)), ', 163, 3223, 200, 0, GET, /intro.htm, -,'];
        }
      },
    },
    {
      // vsftpd's own log (xferlog_std_format=NO): `Thu Dec  4 07:50:03 2026 [pid 4242] [X] OK LOGIN: Client "…"`.
      shape: 'vsftpd log', keyed: true, accepts: () => false,
      build: (v) => [apacheTs(), ' [pid ', pid(), '] [', { value: v }, '] ', g.helpers.arrayElement(['OK LOGIN: Client "', 'FAIL LOGIN: Client "', 'OK DOWNLOAD: Client "']), `198.51.100.${g.number.int({ min: 1, max: 254 })}"`],
    },
    {
      // Squid's native access.log: time elapsed client code/status bytes method URL user hierarchy/peer type.
      shape: 'squid access (user)', keyed: true, accepts: () => false,
      build: (v) => [L('epoch seconds', `${Math.floor(g.date.recent().getTime() / 1000)}.${g.string.numeric(3)}`), '    ', String(g.number.int({ min: 1, max: 9000 })), ` 198.51.100.${g.number.int({ min: 1, max: 254 })} TCP_MISS/200 `, String(g.number.int(90000)), ' GET http://www.example.com/index.html ', { value: v }, ' HIER_DIRECT/203.0.113.5 text/html'],
    },
    {
      // OpenVPN server log: the client instance `X/address:port` before its message.
      shape: 'openvpn (common name)', keyed: true, accepts: () => false,
      build: (v) => [sqlTs(), ' us=', g.string.numeric(6), ' ', { value: v }, `/198.51.100.${g.number.int({ min: 1, max: 254 })}:`, String(g.number.int({ min: 1024, max: 65535 })), ' ', g.helpers.arrayElement(['MULTI_sva: pool returned IPv4=10.8.0.6', 'SENT CONTROL [x]: PUSH_REPLY', 'Data Channel: cipher AES-256-GCM'])],
    },
    {
      // FreeRADIUS radius.log: `Login OK: [X] (from client NAS port N cli …)`.
      shape: 'freeradius auth', keyed: true, accepts: () => false,
      build: (v) => [apacheTs(), ' : Auth: (', String(g.number.int(9999)), ') ', g.helpers.arrayElement(['Login OK: [', 'Login incorrect (pap: Cleartext password does not match "known good" password): [']), { value: v }, '] (from client vpn-gw port ', String(g.number.int(99)), ')'],
    },
    {
      // Linux audit: `type=USER_LOGIN msg=audit(…): pid=… uid=0 auid=… ses=… msg='op=login acct="X" exe=…'`.
      shape: 'linux audit (acct)', keyed: true, accepts: () => false,
      build: (v) => ['type=USER_LOGIN msg=audit(', L('epoch seconds', String(Math.floor(g.date.recent().getTime() / 1000))), '.', g.string.numeric(3), ':', pid(), '): pid=', pid(), ' uid=0 auid=', String(g.number.int({ min: 1000, max: 2000 })), ' ses=', String(g.number.int(99)), ' msg=\'op=login acct="', { value: v }, '" exe="/usr/sbin/sshd" hostname=? addr=', `198.51.100.${g.number.int({ min: 1, max: 254 })}`, ' terminal=ssh res=success\''],
    },
    {
      // Cisco ASA syslog: `%ASA-6-113004: AAA user authentication Successful : server = … : user = X`.
      shape: 'cisco asa (user =)', keyed: true, accepts: () => false,
      build: (v) => [syslogTs(), ' fw01 : %ASA-6-113004: AAA user authentication Successful : server = 192.0.2.5 : user = ', { value: v }],
    },
    {
      // MySQL general query log: `2026-12-04T07:50:03.123456Z	   42 Connect	X@localhost on shop using Socket`.
      shape: 'mysql general log', keyed: true, accepts: () => false,
      build: (v) => [L('timestamp', g.date.recent().toISOString().replace('Z', '123Z')), '\t   ', String(g.number.int({ min: 1, max: 999 })), ' Connect\t', { value: v }, '@', g.helpers.arrayElement(['localhost', '10.0.0.5']), ' on ', g.helpers.arrayElement(['shop', 'crm']), ' using ', g.helpers.arrayElement(['Socket', 'TCP/IP'])],
    },
    {
      // PostgreSQL with Debian's log_line_prefix '%m [%p] %q%u@%d '.
      shape: 'postgresql log', keyed: true, accepts: () => false,
      build: (v) => [javaTs(), ' UTC [', pid(), '] ', { value: v }, '@', g.helpers.arrayElement(['shop', 'billing_prod', 'crm']), ' ', g.helpers.arrayElement(['ERROR:  deadlock detected', 'LOG:  duration: 12.345 ms  statement: select 1', 'FATAL:  password authentication failed for user "x"'])],
    },
    {
      shape: 'nginx access (query)', keyed: true, accepts: (v) => !/\s/.test(v.text) && !isIp(v) && v.type !== 'USERNAME',
      build: (v, key) => ['198.51.100.23 - - [', clfTs(), '] "GET /account/lookup?', key, '=', { value: v }, '&ts=', epochMs(), ' HTTP/2.0" 200 512 "https://shop.example.com/" "okhttp/', version(), '"'],
    },
    {
      shape: 'app log, URL query', keyed: true, accepts: () => false,
      build: (v, key) => [javaTs(), ' INFO  [http-nio-8080-exec-2] c.e.api.AccessLog - GET /v1/callback?', key, '=', { value: v }, '&lang=fr&ts=', epochMs(), ' 200 ', duration()],
    },
    {
      shape: 'sshd auth', keyed: false, accepts: isIp,
      build: (v) => [syslogTs(), ' bastion sshd[', pid(), ']: ', g.helpers.arrayElement(['Accepted publickey for deploy from ', 'Failed password for invalid user oracle from ', 'Connection closed by authenticating user root ']), { value: v }, ' port ', port(), ' ssh2'],
    },
    {
      shape: 'sshd auth (user)', keyed: true, accepts: () => false,
      build: (v) => [syslogTs(), ' bastion sshd[', pid(), ']: ', ...(g.datatype.boolean()
        ? ['Invalid user ', { value: v }, ' from 192.0.2.44 port ', port()]
        : [g.helpers.arrayElement(['Accepted password for ', 'Failed password for ', 'Accepted publickey for ']), { value: v }, ' from 192.0.2.44 port ', port(), ' ssh2'])],
    },
    {
      shape: 'pam auth failure', keyed: true, accepts: () => false,
      build: (v) => g.datatype.boolean()
        ? [syslogTs(), ' bastion sshd[', pid(), ']: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.44  user=', { value: v }]
        : [syslogTs(), ' web01 su[', pid(), ']: pam_unix(su:auth): authentication failure; logname=', user(), ' uid=1000 euid=0 tty=pts/0 ruser=', { value: v }, ' rhost=  user=root'],
    },
    {
      shape: 'sshd reverse lookup', keyed: false, accepts: () => false,
      build: (v) => [syslogTs(), ' bastion sshd[', pid(), ']: Connection from ', { value: v }, ' port ', port(), ' on 192.0.2.10 port 22 rdomain ""'],
    },
    {
      shape: 'kubernetes node event', keyed: false, accepts: () => false,
      build: (v) => ['{"ts":"', iso(), '","level":"info","logger":"node-controller","msg":"Node became ready","node":"', { value: v }, '","request_id":"', uuid(), '"}'],
    },
    {
      shape: 'hadoop ipc client', keyed: false, accepts: () => false,
      build: (v) => [javaTs(), ' INFO org.apache.hadoop.ipc.Client: Retrying connect to server: nn1.example.com/', { value: v }, ':', port(), '. Already tried ', String(g.number.int(9)), ' time(s); maxRetries=45'],
    },
    {
      shape: 'postfix smtpd', keyed: false, accepts: (v) => isIp(v) || v.type === 'EMAIL',
      build: (v) => v.type === 'EMAIL'
        ? [syslogTs(), ' mx1 postfix/qmgr[', pid(), ']: ', L('queue id', g.string.alphanumeric({ length: 11, casing: 'upper' })), ': from=<', { value: v }, '>, size=', String(g.number.int(99999)), ', nrcpt=1 (queue active)']
        : [syslogTs(), ' mx1 postfix/smtpd[', pid(), ']: connect from unknown[', { value: v }, ']'],
    },
    {
      shape: 'dovecot login', keyed: true, accepts: (v) => isIp(v) || v.type === 'EMAIL',
      build: (v) => [syslogTs(), ' mail dovecot: ', g.helpers.arrayElement(['imap-login', 'pop3-login']), ': ', g.helpers.arrayElement(['Login', 'Disconnected (auth failed, 1 attempts in 2 secs)']), ': user=<',
        ...(v.type === 'EMAIL' || v.type === 'USERNAME' ? [{ value: v }, '>, method=PLAIN, rip=192.0.2.77'] : ['>, method=PLAIN, rip=', { value: v }]),
        ', lip=192.0.2.25, mpid=', pid(), ', TLS, session=<', L('session id', g.string.alphanumeric(16)), '>'],
    },
    {
      shape: 'apache error (client)', keyed: false, accepts: isIp,
      build: (v) => ['[', apacheTs(), '] [proxy_fcgi:error] [pid ', pid(), ':tid ', threadId(), '] [client ', { value: v }, ':', port(), '] AH01071: Got error \'Primary script unknown\''],
    },
    {
      shape: 'haproxy http', keyed: false, accepts: isIp,
      build: (v) => [syslogTs(), ' lb1 haproxy[', pid(), ']: ', { value: v }, ':', port(), ' [', clfTs(), '] www~ app/web02 ', L('duration', `0/0/1/${g.number.int(400)}/${g.number.int(400)}`), ' 200 ', String(g.number.int(9999)), ' - - ---- 12/12/0/0/0 0/0 "GET /health HTTP/1.1"'],
    },
    {
      shape: 'bgl ras', keyed: false, accepts: (v) => v.type === 'IPV4',
      build: (v) => [...bglHead(), ' RAS APP FATAL ciod: lost the I/O node stream to ', { value: v }, ':', port(), ' after ', String(g.number.int(300)), ' retries'],
    },
    {
      shape: 'cloudtrail-like json', keyed: false, accepts: (v) => isIp(v) || v.type === 'EMAIL',
      build: (v) => ['{"eventVersion":"1.08","eventTime":"', L('timestamp', g.date.recent().toISOString().slice(0, 19) + 'Z'), '","eventName":"ConsoleLogin","', v.type === 'EMAIL' ? 'userName' : 'sourceIPAddress', '":"', { value: v }, '","requestID":"', uuid(), '","recipientAccountId":"', L('order id', g.string.numeric(12)), '"}'],
    },
    {
      shape: 'hibernate binding', keyed: false, accepts: (v) => !isIp(v) && !v.needsWord && v.type !== 'USERNAME',
      build: (v) => [javaTs(), ' TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [', String(g.number.int({ min: 1, max: 9 })), '] as [VARCHAR] - [', { value: v }, ']'],
    },
    {
      shape: 'hibernate insert + binding', keyed: true, accepts: (v) => !isIp(v) && v.type !== 'USERNAME',
      build: (v, key) => {
        const t = () => [javaTs(), ' TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter ['];
        return ['Hibernate: insert into customer (created_at, ', column(key), ', id) values (?, ?, ?)\n',
          ...t(), '1] as [TIMESTAMP] - [', sqlTs(), ']\n', ...t(), '2] as [VARCHAR] - [', { value: v }, ']\n', ...t(), '3] as [BIGINT] - [', id(), ']'];
      },
    },
    {
      shape: 'syslog RFC 5424', keyed: true, accepts: () => true,
      build: (v, key) => ['<165>1 ', iso(), ' app01.example.com billing ', pid(), ' ID47 [meta@32473 seq="', String(g.number.int(9999)), '"] ', key, '=', { value: v }, ' order=', orderId(), ' took ', duration()],
    },
    {
      shape: 'docker json-file', keyed: true, accepts: () => true,
      build: (v, key) => ['{"log":"', L('timestamp', g.date.recent().toISOString().slice(11, 23)), ' INFO contact saved ', key, ': ', jsonValue(v), '\\n","stream":"stdout","time":"', iso(), '"}'],
    },
    {
      shape: 'kubernetes structured json', keyed: true, accepts: () => true,
      build: (v, key) => ['{"ts":"', iso(), '","level":"info","logger":"profile-svc","msg":"profile updated","', key, '":"', jsonValue(v), '","request_id":"', uuid(), '","duration_ms":', L('duration', String(g.number.int(3000))), '}'],
    },
    {
      shape: 'java app with MDC', keyed: true, accepts: () => true,
      build: (v, key) => [javaTs(), ' INFO  [http-nio-8080-exec-', String(g.number.int({ min: 1, max: 200 })), '] c.e.shop.ProfileService [traceId=', span16(), ' spanId=', span16(), '] - update ', key, '=', { value: v }, ' build=', version()],
    },
    {
      shape: 'mybatis parameters', keyed: false, accepts: (v) => !v.text.includes(',') && !v.needsWord && v.type !== 'USERNAME',
      build: (v) => [javaTs(), ' DEBUG [main] c.e.m.CustomerMapper.insert - ==> Parameters: ', id(), '(Long), ', { value: v }, '(String), ', sqlTs(), '(Timestamp)'],
    },
    {
      shape: 'mybatis preparing + parameters', keyed: true, accepts: (v) => !v.text.includes(','),
      build: (v, key) => [javaTs(), ' DEBUG [http-nio-8080-exec-3] c.e.m.CustomerMapper.insert - ==>  Preparing: INSERT INTO t_customer (id, ', column(key), ', created_at) VALUES (?, ?, ?)\n',
        javaTs(), ' DEBUG [http-nio-8080-exec-3] c.e.m.CustomerMapper.insert - ==> Parameters: ', id(), '(Long), ', { value: v }, '(String), ', sqlTs(), '(Timestamp)'],
    },
    {
      shape: 'sql insert values', keyed: true, accepts: (v) => !v.text.includes("'"),
      build: (v, key) => [javaTs(), ' DEBUG [batch-1] jdbc.sqlonly - insert into t_customer (id, ', column(key), ', status, created_at) values (', id(), ", '", { value: v }, "', 'ACTIVE', '", sqlTs(), "')"],
    },
    {
      shape: 'tsv settlement row', keyed: false, accepts: () => false,
      build: (v) => [L('timestamp', g.date.recent().toISOString().slice(0, 10)), '\t', orderId(), '\t', { value: v }, '\t', L('amount', `${g.number.int(9999)}.${g.string.numeric(2)}`), '\tAPPROVED'],
    },
    {
      shape: 'android logcat', keyed: true, accepts: () => true,
      build: (v, key) => [logcatTs(), `  ${pid()}  ${pid()} I ContactSync: sync ok `, key, ' ', { value: v }, ' in ', duration()],
    },
    {
      shape: 'chinese app line', keyed: true, accepts: (v) => CN_WORDS[v.type] !== undefined,
      build: (v) => [javaTs(), ' INFO [order-worker-3] 用户实名认证通过 ', CN_WORDS[v.type]!, '：', { value: v }, ' 订单号：', orderId()],
    },
    {
      shape: 'chinese sentence', keyed: false, accepts: () => false,
      build: (v) => [javaTs(), ' INFO [cs-ticket-7] ', ...g.helpers.arrayElement([
        ['客户', { value: v }, '来电咨询退款进度，工单', orderId(), '已创建'],
        ['已通知用户', { value: v }, '于明日前完成付款'],
        ['配送员联系不上收件人，留言', { value: v }, '，改约明天送达'],
      ] as Part[][])],
    },
    {
      shape: 'context with a note', keyed: true, accepts: () => false,
      build: (v, key) => g.datatype.boolean()
        ? [javaTs(), ' INFO  [main] c.e.crm.ContactService - verified ', word(v, key), ' ', { value: v }, ' in ', duration()]
        : [logcatTs(), `  ${pid()}  ${pid()} I DeviceInfo: `, word(v, key), ' ', { value: v }],
    },
    {
      shape: 'home path', keyed: true, accepts: () => false,
      build: (v) => [syslogTs(), ' web01 sshd[', pid(), ']: Authentication refused: bad ownership or modes for file /home/', { value: v }, '/.ssh/authorized_keys'],
    },
    {
      shape: 'windows user path', keyed: true, accepts: () => false,
      build: (v) => [cbsTs(), ', Info                  DISM   DISM Provider Store: PID=', pid(), ' Loading provider from C:\\Users\\', { value: v }, '\\AppData\\Local\\Temp\\', L('uuid', g.string.uuid().toUpperCase()), '\\DismProv.dll'],
    },
    {
      shape: 'shell prompt', keyed: true, accepts: () => false,
      build: (v) => [L('timestamp', g.date.recent().toISOString()), ' session.log: [', { value: v }, '@web01 ~]$ sudo systemctl restart nginx'],
    },
  ];

  /** Lines with look-alikes only: every one must come back byte-identical. */
  const CLEAN: (() => Part[])[] = [
    // Thread ids and nanosecond clocks: 15 digits starting with 1, like a UATP card without its word.
    () => [L('timestamp', g.date.recent().toISOString().replace('T', ' ').slice(0, 23).replace('.', ',')), ' ', threadId(), ' INFO worker.py:88 task ', uuid(), ' done in ', duration()],
    () => [iso(), ' [tracing] span=', span16(), ' start_ns=', monoNanos(), ' dur_ns=', L('duration', String(g.number.int({ min: 1000, max: 9999999 })))],
    () => [syslogTs(), ' bastion sshd[', pid(), ']: pam_unix(sshd:session): session closed for user deploy'],
    () => ['<14>1 ', iso(), ' worker07 scheduler ', pid(), ' - - job ', uuid(), ' finished in ', duration(), ' exit=0 ts=', epochMs()],
    () => [javaTs(), ' INFO  [main] o.s.b.StartupInfoLogger - Started App v', version(), ' on port ', port(), ' in ', L('duration', `${g.number.int(20)}.${g.string.numeric(3)}`), ' seconds'],
    () => ['{"ts":"', iso(), '","level":"debug","msg":"cache hit","key":"', sha(), '","order_id":"', orderId(), '"}'],
    () => [logcatTs(), `  ${pid()}  ${pid()} D GC: freed 2048K, 12% free, paused `, duration(), ' commit ', sha()],
    () => [javaTs(), ' DEBUG [main] c.e.m.OrderMapper.select - ==> Parameters: ', orderId(), '(String), ', epochMs(), '(Long)'],
    // Windows CBS: versions after `~~` and inside package names read like IPv4 addresses.
    () => [cbsTs(), ', Info                  CBS    Exec: Processing package: Package_for_KB', String(g.number.int({ min: 2000000, max: 5999999 })), '~31bf3856ad364e35~amd64~~', L('CBS version after ~~', ipLikeVersion())],
    () => [cbsTs(), ', Info                  CSI    ', L('hex hash', g.string.hexadecimal({ length: 8, casing: 'lower', prefix: '' })), ' Creating NT transaction (seq ', String(g.number.int(9)), '), objectname [6]"(null)" for amd64_microsoft-windows-servicingstack_31bf3856ad364e35_', L('version in a package name', ipLikeVersion()), '_none_', L('hex hash', g.string.hexadecimal({ length: 16, casing: 'lower', prefix: '' }))],
    () => [cbsTs(), ', Info                  CBS    Session: ', L('session id', `${g.string.numeric(8)}_${g.string.numeric(10)}`), ' initialized by client WindowsUpdateAgent, external staging directory: (null)'],
    // BGL / HPC.
    () => [...bglHead(), ' RAS KERNEL INFO ', String(g.number.int(900)), ' double-hummer alignment exceptions'],
    () => [L('order id', g.string.numeric(6)), ' node-', String(g.number.int(500)), ' unix.hw state_change.unavailable ', L('epoch seconds', String(Math.floor(g.date.recent().getTime() / 1000))), ' 1 Component State Change: Component "alt0" is in the unavailable state (HWID=', String(g.number.int(5000)), ')'],
    // Three-octet prefixes, five-group hex, Message-IDs, template ids.
    () => [syslogTs(), ' gw1 dhcpd[', pid(), ']: pool ', L('three-octet prefix', `10.${g.number.int({ min: 1, max: 254 })}.${g.number.int({ min: 1, max: 254 })}`), '/24 has 0 free leases'],
    () => [syslogTs(), ' host3 kernel: [', L('duration', `${g.number.int(9999)}.${g.string.numeric(6)}`), '] usb 1-1.2: vendor descriptor ', L('five-group hex', Array.from({ length: 5 }, () => g.string.hexadecimal({ length: 2, casing: 'lower', prefix: '' })).join(':')), ' ignored'],
    () => [syslogTs(), ' mx1 postfix/cleanup[', pid(), ']: ', L('queue id', g.string.alphanumeric({ length: 11, casing: 'upper' })), ': message-id=<', L('Message-ID', `${g.string.numeric(14)}.${g.string.alphanumeric({ length: 10, casing: 'upper' })}@mx1.example.com`), '>'],
    () => [javaTs(), ' INFO  [mail-1] c.e.mail.Inbound - Message-ID: <', L('Message-ID', `${g.string.alphanumeric(12)}.${g.string.numeric(6)}@mail.example.net`), '> accepted'],
    () => [javaTs(), ' INFO  [sms-2] c.e.sms.Sender - sent tpl ', L('template id', `TPL_${g.date.recent().getUTCFullYear()}${g.string.numeric(7)}`), ' biz ', orderId()],
    () => {
      const body = `${g.helpers.arrayElement(['110101', '310104', '440305'])}${g.date.birthdate({ mode: 'age', min: 18, max: 80 }).toISOString().slice(0, 10).replaceAll('-', '')}${g.string.numeric(3)}`;
      const check = residentIdCheckChar(body);
      const wrong = check === '0' ? '1' : check === 'X' ? '5' : String((Number(check) + 1) % 10);
      return [javaTs(), ' INFO  [settle-1] c.e.pay.Settlement - batch ', L('18 digits failing the resident-id check', body + wrong), ' closed, ', String(g.number.int(999)), ' rows'];
    },
    // Field-rule values implausible for their type (issue 10 §3).
    () => [logcatTs(), `  ${pid()}  ${pid()} F DEBUG   : #03 pc 0003f2a0  /system/lib64/libc.so fault `, 'address: ', L('implausible field value', `0x${g.string.hexadecimal({ length: 8, casing: 'lower', prefix: '' })}`)],
    () => [logcatTs(), `  ${pid()}  ${pid()} I ActivityManager: Start proc `, pid(), ' name=', L('implausible field value', g.helpers.arrayElement(['com.example.app', 'com.android.settings', 'org.example.wallet'])), ' for activity'],
    () => [syslogTs(), ' mac01 kernel[0]: IOService registered Name=', L('implausible field value', g.helpers.arrayElement(['IOReporter', 'AppleACPIPlatform', 'IOUSBHostDevice'])), ' id=0x', g.string.hexadecimal({ length: 9, casing: 'lower', prefix: '' })],
    () => [logcatTs(), `  ${pid()}  ${pid()} D InputReader: event deviceId=`, L('implausible field value', String(g.number.int({ min: 1, max: 12 }))), ' source=0x1002 action=DOWN'],
    // Placeholders stay as they are.
    () => [javaTs(), ' INFO  [main] c.e.crm.Profile - ', g.helpers.arrayElement(['phone', 'mobile', 'email', 'ssn', 'cardNo', 'idCard', 'passport']), '=', L('placeholder', g.helpers.arrayElement(['-', 'null', 'N/A', 'none', 'unknown', '***', 'XXX-XX-XXXX', '000000000'])), ' status=incomplete'],
  ];

  /** Addresses that identify nobody; look-alikes only when this build keeps them (see the report). */
  const LOOPBACK: () => Part[] = () => g.helpers.arrayElement([
    () => [syslogTs(), ' mx1 postfix/smtpd[', pid(), ']: connect from localhost[', L('loopback', '127.0.0.1'), ']'],
    () => [javaTs(), ' INFO  [main] o.s.b.w.e.tomcat.TomcatWebServer - Tomcat started on ', L('loopback', '0.0.0.0'), ':8080'],
    () => ['{"ts":"', iso(), '","level":"info","msg":"health check","remote_addr":"', L('loopback', '::1'), '"}'],
  ] as (() => Part[])[])();

  return { TEMPLATES, CLEAN, LOOPBACK, KEYS };
}
