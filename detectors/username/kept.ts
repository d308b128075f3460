/**
 * User names that identify nobody, left as they are wherever they are found: the one list.
 *
 * - System and service accounts that Unix, Windows, cloud images and common daemons create: they name
 *   a role or a program, not a person (`root`, `www-data`, `postgres`, `ec2-user`, `SYSTEM`). `admin`,
 *   `administrator` and `guest` are here too: shared built-in accounts, and what scanners try over
 *   ssh by the thousand (`Invalid user admin from …`); a person's own account is named after them.
 * - Placeholders that stand for "no user" (`unknown`, `(unknown)`, `null`, `-`: the last cannot even
 *   start a user name) and status words written where a name could be (`login=failed`, `account:
 *   locked`).
 * Compared in lower case. `systemd-*` accounts, Windows' per-session `DWM-n`/`UMFD-n` and machine
 * accounts ending in `$` are kept by rule (keptName, and the `$` ends no name: see index.ts).
 */
const KEPT = new Set([
  // Unix base system
  'root', 'toor', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy',
  'backup', 'list', 'irc', 'gnats', 'nobody', 'nogroup', 'nfsnobody', 'operator', 'halt', 'shutdown',
  'adm', 'wheel', 'messagebus', 'syslog', 'sshd', 'dbus', 'polkitd', 'rtkit', 'avahi', 'colord', 'pulse',
  'gdm', 'lightdm', 'uuidd', 'tss', 'tcpdump', 'sssd', 'chrony', 'ntp', 'rpc', 'rpcuser', 'usbmux',
  'dnsmasq', 'landscape', 'pollinate', 'lxd', 'kernoops', 'saned', 'geoclue', 'whoopsie', 'cups',
  // cloud images and tools
  'ubuntu', 'debian', 'centos', 'fedora', 'admin', 'administrator', 'guest', 'ec2-user', 'azureuser',
  'opc', 'cloud-user', 'vagrant', 'pi', 'core', 'docker', 'containerd', 'kubelet',
  // services
  'www-data', 'www', 'apache', 'httpd', 'nginx', 'tomcat', 'jetty', 'postgres', 'postgresql', 'mysql',
  'mariadb', 'redis', 'mongodb', 'mongod', 'memcache', 'memcached', 'rabbitmq', 'elasticsearch',
  'kibana', 'logstash', 'grafana', 'prometheus', 'zabbix', 'nagios', 'git', 'gitlab', 'gitlab-runner',
  'jenkins', 'ftp', 'ftpuser', 'anonymous', 'postfix', 'dovecot', 'dovenull', 'vmail', 'exim',
  'clamav', 'amavis', 'bind', 'named', 'squid', 'haproxy', 'zookeeper', 'kafka', 'hadoop', 'hdfs',
  'yarn', 'spark', 'hive', 'oracle', 'sonar', 'nexus', 'ansible', 'deploy', 'runner', 'svc', 'cyrus',
  'login', // PAM's `by LOGIN(uid=0)`: the login program
  // Windows built-in accounts and profiles
  'system', 'local service', 'network service', 'localservice', 'networkservice', 'defaultaccount',
  'wdagutilityaccount', 'krbtgt', 'public', 'default', 'defaultuser0', 'all users', 'default user',
  // placeholders and status words
  'unknown', 'null', 'none', 'nil', 'undefined', 'empty', 'na', 'n', 'nobody', 'noone',
  'true', 'false', 'yes', 'no', 'ok', 'success', 'successful', 'succeeded', 'fail', 'failed', 'failure',
  'error', 'invalid', 'denied', 'locked', 'unlocked', 'disabled', 'enabled', 'active', 'inactive',
  'expired', 'pending', 'required', 'missing', 'all', 'any', 'self', 'me', 'current', 'user',
]);

/** Whether text[start, end) is a name kept as it is (a system account or a placeholder). */
export function keptName(text: string, start: number, end: number): boolean {
  return isKept(text.slice(start, end).toLowerCase());
}

function isKept(name: string): boolean {
  return KEPT.has(name) || name.startsWith('systemd-') || /^(?:dwm|umfd)-\d{1,3}$/.test(name) || MACHINE_ACCOUNT.test(name);
}

/**
 * A Windows computer account (`WS01$`: the NetBIOS name, at most 15 chars, and `$`), as a whole
 * value under a user field (`<Data Name="SubjectUserName">WS01$</Data>`); in text the `$` ends no name.
 */
const MACHINE_ACCOUNT = /^[a-z0-9][a-z0-9._-]{0,14}\$$/;

/**
 * Status words and placeholders of other languages, written with letters beyond ASCII, where a name
 * could stand (`login: échec`, `account: verrouillé`, `login=успешно`, `user=неизвестно`): no names
 * in text. Not in KEPT: a field rule (`"username": …`) replaces its whole value as it always has.
 */
const STATUS_BEYOND_ASCII = new Set([
  'échec', 'échoué', 'échouée', 'succès', 'réussie', 'verrouillé', 'verrouillée', 'bloqué', 'bloquée',
  'désactivé', 'désactivée', 'activé', 'activée', 'refusé', 'refusée', 'expiré', 'expirée',
  'ungültig', 'gültig', 'gelöscht', 'éxito', 'inválido', 'inválida', 'válido', 'válida', 'sí', 'ningún',
  'não', 'błąd', 'błędny', 'başarılı', 'başarısız', 'geçersiz', 'geçerli', 'låst', 'okänd',
  'успешно', 'успех', 'ошибка', 'отказано', 'отказ', 'неизвестно', 'неизвестный', 'нет', 'да', 'никто',
  'заблокирован', 'заблокировано', 'истёк', 'истек', 'неверно', 'неверный', 'пусто',
  'ναι', 'όχι', 'επιτυχία', 'αποτυχία', 'άγνωστος', 'άγνωστο', 'κανένας',
]);

/**
 * Whether text[start, end) is no name in text: a kept name, or a status word of another language
 * (STATUS_BEYOND_ASCII). One slice for both: every keyed value asks.
 */
export function keptInText(text: string, start: number, end: number): boolean {
  const name = text.slice(start, end).toLowerCase();
  return isKept(name) || STATUS_BEYOND_ASCII.has(name);
}

/** A whole value under a user field that is a kept name (`root`, `unknown`): left whole, as in text. */
export function keptValue(value: string): boolean {
  const v = value.trim();
  return keptName(v, 0, v.length);
}

/** `USERNAME_mgxuv5q5nh3ksl4w`: what the hash operator wrote (a type, `_`, 16 base32 chars). */
const PSEUDONYM = /^[A-Z][A-Z0-9_]*_[a-z2-7]{16}$/;

/** Whether text[start, end) is a keyed pseudonym: anonymizing twice changes nothing the first pass wrote. */
export function isPseudonym(text: string, start: number, end: number): boolean {
  return end - start >= 18 && PSEUDONYM.test(text.slice(start, end));
}
