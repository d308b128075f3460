import type { Rng } from '../lib/generate.js';

/** Names as people get them: initials and surnames, first.last, pinyin, with digits now and then. */
const FIRST = ['alice', 'james', 'maria', 'david', 'sarah', 'michael', 'emma', 'oliver', 'sophia', 'lucas', 'hannah', 'daniel'];
const LAST = ['smith', 'johnson', 'garcia', 'miller', 'brown', 'wilson', 'taylor', 'anderson', 'thomas', 'moore', 'clarke', 'walker'];
const PINYIN_GIVEN = ['wei', 'fang', 'xiuying', 'jing', 'lei', 'qiang', 'min', 'jie', 'yang', 'yong', 'yan', 'juan', 'tao', 'ming'];
const PINYIN_FAMILY = ['zhang', 'wang', 'li', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu'];

export function userName(r: Rng, lang: 'en' | 'zh'): string {
  const [given, family] = lang === 'zh' ? [r.pick(PINYIN_GIVEN), r.pick(PINYIN_FAMILY)] : [r.pick(FIRST), r.pick(LAST)];
  const digits = r.chance(0.4) ? String(r.int(1, 99)) : '';
  switch (r.int(0, 4)) {
    case 0:
      return given[0] + family + digits; // jsmith7
    case 1:
      return `${given}.${family}${digits}`; // alice.smith
    case 2:
      return `${family}_${given}${digits}`; // zhang_wei
    case 3:
      return family + given + digits; // zhangwei88
    default:
      return given + family[0] + digits; // alices
  }
}

/** Where logs write a user name: the text before it and after it (no other personal value in either). */
export const EN_PLACES: ReadonlyArray<readonly [string, string]> = [
  ['user=', ''],
  ['ruser=', ' rhost=localhost'],
  ['pam_unix(sshd:session): session opened for user ', ' by (uid=0)'],
  ['sshd[2231]: Invalid user ', ' from'],
  ['Failed password for invalid user ', ''],
  ['Accepted publickey for ', ' from'],
  ['Disconnected from authenticating user ', ''],
  ['imap-login: Login: user=<', '>, method=PLAIN'],
  ['sudo:   ', ' : TTY=pts/0 ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx'],
  ['su[4242]: (to root) ', ' on pts/1'],
  ['open /home/', '/.ssh/authorized_keys'],
  ['C:\\Users\\', '\\AppData\\Local\\Temp'],
  ['/Users/', '/Library/Logs'],
  ["Access denied for user '", "'@'localhost'"],
  ['password authentication failed for user "', '"'],
  ['remote_user=', ''],
  ['"userName":"', '"'],
];
export const ZH_PLACES: ReadonlyArray<readonly [string, string]> = [
  ['用户名：', ''],
  ['登录用户 ', ' 登录成功'],
  ['账号:', ''],
  ['用户', '登录失败'],
  ['user=', ''],
  ['操作用户=', ''],
];
