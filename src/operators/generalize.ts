import type { Operator } from './operator.js';

/**
 * Keep a coarse version of the value: a birth date becomes its year, coordinates are rounded to two
 * decimals (about 1 km), an IPv4 address becomes its /24 network and an IPv6 address its /48, a postal
 * code keeps its first three characters. Types with no coarse form are tagged.
 */
export const generalize: Operator = (value, ctx) => {
  switch (ctx.type) {
    case 'DATE_OF_BIRTH': {
      const year = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(value);
      return year ? year[1] : `<${ctx.type}>`;
    }
    case 'GEO': {
      let rounded = false;
      const out = value.replace(/-?\d{1,3}\.\d+/g, (n) => {
        rounded = true;
        return Number(n).toFixed(2);
      });
      return rounded ? out : `<${ctx.type}>`;
    }
    case 'IP_ADDRESS': {
      const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(value);
      if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
      if (value.includes(':')) {
        const groups = value.split('%')[0].split(':');
        const head = groups.slice(0, 3).map((g) => g || '0');
        while (head.length < 3) head.push('0');
        return `${head.join(':')}::/48`;
      }
      return `<${ctx.type}>`;
    }
    case 'POSTAL_CODE':
      return value.length > 3 ? value.slice(0, 3) + '*'.repeat(value.length - 3) : `<${ctx.type}>`;
    default:
      return `<${ctx.type}>`;
  }
};
