/** The words the USERNAME detector reads around a name: keys, labels, and the words that are no name. */

/**
 * Keys (compared without case, `_`, `-`, `.`, spaces and quotes) whose value is a user name. Not
 * `owner` (`Owner: com.apple.iokit…` in macOS logs) nor `principal` (Kerberos `HTTP/host@REALM`).
 */
export const USER_KEYS = new Set([
  'user', 'username', 'ruser', 'login', 'loginname', 'logname', 'logon', 'logonname', 'account',
  'accountname', 'samaccountname', 'uid',
  // Linux audit's account (`acct="alice"`), GitHub's and GitLab's audit logs' acting user (`"actor":"octocat"`).
  'acct', 'actor',
  '用户', '用户名', '登录名', '登录用户', '账号', '帐号', '登录账号', '登陆账号', '用户账号', '账户名',
]);
/**
 * Keys whose value is an account only when written with its domain: Event Viewer's rendered events
 * (`Security ID:  CORP\alice`, a SID resolved to its account; `S-1-5-18` or `SYSTEM` otherwise).
 */
export const DOMAIN_USER_KEYS = new Set(['securityid']);
/** A key ending in one of these names a user too (`remote_user`, `sasl_username`, `TargetUserName`). */
export const USER_KEY_ENDS = ['user', 'username', 'loginname', 'accountname'];

/** Chinese keys (before `：`, `=`) whose value is a user name: `用户名：`, `登录账号=`, `操作用户=`. */
export const ZH_LABELS = ['用户', '用户名', '登录名', '账号', '帐号', '登录账号', '用户账号'];
/** Chinese labels a name follows without a colon (`登录用户 alice`, `用户alice登录成功`); not `账号`, mostly a bank's. */
export const ZH_BARE = ['用户', '用户名', '登录名'];
/** An `账号` of these is a bank account's, whatever its value (`银行账号：`, `收款账号=`). */
export const BANK_WORDS = /银行|收款|付款|对公|卡/;

/** A key written as code: camelCase (`userName`) or snake_case (`user_name`), not an English word. */
export const CODE_SPELLED = /[a-z][A-Z]|[A-Za-z]_[A-Za-z]/;

/** The word before a bare `user` that makes the next word a name (`Invalid user X`, `for user X`). */
export const USER_QUALIFIERS = new Set(['invalid', 'illegal', 'unknown', 'for', 'of', 'from', 'by', 'authenticating', 'as']);

/**
 * The word before `for X` in sshd: its authentication methods (`Accepted publickey for X from`) and
 * `Too many authentication failures for X`.
 */
export const SSH_FOR = new Set([
  'password', 'publickey', 'none', 'hostbased', 'keyboard-interactive', 'keyboard-interactive/pam',
  'gssapi-with-mic', 'gssapi-keyex', 'gssapi', 'failures',
]);

/** English words that follow `user` in sentences (`waiting for user input`): not names after prose. */
export const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'not', 'is', 'was', 'are', 'has', 'had', 'have', 'does', 'did', 'do',
  'can', 'cannot', 'could', 'should', 'would', 'will', 'must', 'may', 'might', 'in', 'on', 'at', 'to',
  'of', 'for', 'from', 'by', 'with', 'without', 'into', 'via', 'that', 'this', 'which', 'who', 'whose',
  'when', 'if', 'then', 'than', 'already', 'successfully', 'now', 'still', 'also', 'only',
  'input', 'inputs', 'data', 'info', 'information', 'account', 'accounts', 'name', 'names', 'id', 'ids',
  'uid', 'gid', 'session', 'sessions', 'login', 'logins', 'logout', 'auth', 'authentication',
  'authorization', 'credentials', 'password', 'passwords', 'profile', 'profiles', 'settings',
  'preferences', 'request', 'requests', 'access', 'role', 'roles', 'group', 'groups', 'permission',
  'permissions', 'agent', 'interface', 'interaction', 'action', 'actions', 'space', 'home', 'mode',
  'level', 'list', 'lookup', 'record', 'records', 'entry', 'object', 'context', 'details', 'table',
  'database', 'directory', 'manager', 'service', 'process', 'processes', 'limit', 'limits', 'quota',
  'key', 'keys', 'token', 'tokens', 'cache', 'config', 'configuration', 'experience', 'units',
  'unit', 'instance', 'slice', 'here', 'there', 'which', 'logged', 'exists', 'found', 'created',
  'deleted', 'removed', 'added', 'updated', 'changed', 'signed', 'connected', 'disconnected',
  'agents', 'devices', 'events', 'files', 'jobs', 'tasks', 'errors', 'messages', 'changes', 'types',
  'count', 'counts', 'number', 'status', 'state', 'type', 'error', 'message', 'event', 'file', 'job',
  'task', 'data', 'notification', 'notifications', 'activity', 'behavior', 'behaviour', 'feedback',
  'content', 'upload', 'uploads', 'defined', 'specified', 'provided', 'supplied', 'requested',
  'permission', 'denied', 'timeout', 'timed', 'cancelled', 'canceled', 'aborted', 'closed', 'opened',
  // after a key spelled as code (`userName is empty`, `userName length 3`)
  'length', 'too', 'field', 'empty', 'blank', 'format', 'value', 'values', 'taken', 'available', 'valid',
  'invalid', 'mismatch', 'missing', 'required', 'null', 'set', 'unset', 'changes', 'param', 'parameter',
  // words that label the id after them (`用户 ticket X174686140`, `用户 order 2026…`): replacing one
  // would take the word that keeps that id from being read as a personal number on a second pass
  'ticket', 'order', 'orders', 'invoice', 'txn', 'ref', 'trace', 'commit', 'build', 'version', 'ver',
  'block', 'node', 'total', 'took', 'elapsed', 'sent', 'ssh', 'listen', 'port', 'tweet', 'deleting',
  // words that name another kind of value (`用户IP 192.0.2.1`, `用户SID S-1-5-21-…`, `用户 email x@…`)
  'ip', 'ipv4', 'ipv6', 'addr', 'address', 'sid', 'mac', 'imei', 'email', 'mail', 'phone', 'mobile', 'tel',
  // SQL after a table named like a key (`from t_user where …`, `join sys_user u on …`)
  'where', 'join', 'inner', 'left', 'right', 'outer', 'cross', 'union', 'having', 'returning', 'select',
  'values', 'as', 'using', 'natural', 'straight_join', 'force', 'ignore', 'use', 'lock', 'nolock',
  // Names may be written beyond ASCII (`for user józef`): the words of other languages with such
  // letters that a translated or mixed message puts after `user` (`for user не найден`, `Password for
  // user geändert`): German, French, Spanish, Portuguese, Polish, Turkish, Swedish, Russian, Greek.
  'für', 'über', 'gelöscht', 'geändert', 'hinzugefügt', 'ungültig', 'gültig', 'bestätigt', 'zurückgesetzt',
  'à', 'été', 'créé', 'créée', 'supprimé', 'supprimée', 'modifié', 'modifiée', 'connecté', 'connectée',
  'déconnecté', 'bloqué', 'bloquée', 'désactivé', 'activé', 'vérifié', 'échoué', 'échec', 'déjà', 'réussie',
  'está', 'sesión', 'contraseña', 'inválido', 'válido', 'también', 'aún', 'ningún', 'eliminó', 'creó',
  'não', 'sessão', 'já', 'também', 'inválida', 'válida',
  'został', 'została', 'się', 'już', 'użytkownika', 'nieprawidłowy', 'zalogował', 'wylogował', 'usunięty',
  'için', 'giriş', 'başarılı', 'başarısız', 'şifre', 'değil', 'oluşturuldu', 'güncellendi',
  'är', 'för', 'ändrad', 'låst',
  'не', 'для', 'был', 'была', 'найден', 'заблокирован', 'вошёл', 'вошел', 'вышел', 'удалён', 'удален',
  'создан', 'успешно', 'уже', 'пароль', 'сессия', 'существует', 'отсутствует',
  'δεν', 'για', 'με', 'και', 'στο', 'συνδέθηκε', 'αποσυνδέθηκε', 'δημιουργήθηκε', 'διαγράφηκε',
]);
