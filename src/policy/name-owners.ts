import type { FieldPath } from '../record/index.js';
import { keyWords } from './key-words.js';

/**
 * Whose `name` a field is. A bare `name` (or `display_name`) key is a person's name when nothing
 * says otherwise (`{"name": "Olivia Brown"}`, `user.name`, `customer.name`), but structured logs nest
 * it under the thing it names: Elastic Common Schema writes `host.name`, `os.name`, `service.name`, `process.name`,
 * `rule.name`, `file.name`, `user_agent.name`; a Windows event read as JSON `Provider.#attributes.Name`
 * (`Microsoft-Windows-Security-Auditing`); Kubernetes `objectRef.name`. Read as a person's name, each
 * of these would be replaced in every record. Under such an owner the value is scanned like any
 * other value instead (an email or a phone in it is still found); under any other owner, or none, the
 * `name` stays a person's.
 */

/**
 * The owners whose `name` names a piece of software, infrastructure or a log schema's own object:
 * ECS and OpenTelemetry field sets, Kubernetes objects, Windows events. Compared by the owner key's
 * last two words, then its last word, also without a plural `s` (`hosts[0].name`). Not here: owners
 * whose `name` may be a person's (`agent` alone: a support agent; `account`, `client`, `contact`,
 * `device`, `driver`, `member`, `owner`, `profile`, `source`, `data`, `payload`; `object` and
 * `metadata`: Stripe's `data.object` is the customer, and metadata is free-form; `application`,
 * `transaction`, `policy`: a job application, a payment, an insurance policy name their people), nor
 * businesses and goods (`organization`, `vendor`, `brand`, `item`, `product`: a shop or a gift may
 * carry a person's name; `order.items[].name` holds one in the bench corpus).
 */
const THINGS = new Set([
  ...['user_agent', 'browser', 'os', 'host', 'server', 'node', 'cluster', 'instance', 'machine', 'container', 'image', 'pod'],
  ...['namespace', 'deployment', 'ref', 'resource', 'cloud', 'region', 'zone', 'project', 'interface', 'network'],
  ...['service', 'process', 'thread', 'program', 'executable', 'module', 'dll', 'file', 'directory', 'folder', 'volume', 'disk'],
  ...['app', 'package', 'library', 'plugin', 'extension', 'engine', 'runtime', 'logger', 'class'],
  ...['function', 'method', 'handler', 'controller', 'route', 'endpoint', 'operation', 'api', 'span', 'trace'],
  ...['metric', 'event', 'action', 'command', 'task', 'job', 'queue', 'topic', 'stream', 'pipeline', 'workflow', 'step', 'stage'],
  ...['database', 'db', 'schema', 'table', 'column', 'field', 'index', 'bucket', 'key', 'secret', 'domain', 'question', 'channel'],
  ...['rule', 'role', 'group', 'permission', 'threat', 'tactic', 'technique', 'vulnerability', 'scanner', 'observer'],
  ...['country', 'city', 'continent', 'geo', 'environment', 'parameter', 'param', 'header', 'cookie', 'attribute', 'property'],
  ...['tag', 'label', 'setting', 'option', 'config', 'experiment'],
]);

/**
 * Owners that are things only as XML elements, whose `Name` is an attribute (`<Provider Name=…>`,
 * evtx_dump's `Provider.#attributes.Name`): a JSON `provider.name` may be a doctor's.
 */
const ELEMENT_THINGS = new Set(['provider']);

/**
 * Keys that hold another key's parts rather than naming an owner: attribute containers (`#attributes`,
 * `@attributes`, xml2js's `$`), ECS's `process.parent`; the owner is the key above them.
 */
const PASS_THROUGH = new Set(['attributes', 'attrs', 'attr', 'properties', 'props', 'parent']);
const ATTRIBUTES = new Set(['attributes', 'attrs', 'attr']);

/**
 * Whether a person-name key names a thing's name instead: `name` or `display_name` nested under an
 * owner in THINGS (`host.name`, `Provider.#attributes.Name`, `targetResources[0].displayName`), or a
 * key that says its owner before `display name` (`appDisplayName`, `resourceDisplayName` in Entra ID
 * sign-in logs; `userDisplayName` stays a person's). `keyAt` is the key's index in the path.
 */
export function namesAThing(path: FieldPath, keyAt: number): boolean {
  const words = keyWords(path[keyAt] as string);
  const n = words.length;
  if (n === 0 || words[n - 1] !== 'name') return false;
  if (n === 1 || (n === 2 && words[0] === 'display')) return ownerIsThing(path, keyAt);
  return n >= 3 && words[n - 2] === 'display' && isThingWords(words, n - 2);
}

/** Whether the nearest key above path[keyAt] that names an owner names a thing. */
function ownerIsThing(path: FieldPath, keyAt: number): boolean {
  let attribute = false; // the name is an element's attribute (it sits in an attribute container)
  for (let i = keyAt - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg !== 'string') continue; // an array index: `hosts[0].name`
    const words = keyWords(seg);
    const last = words[words.length - 1];
    if (words.length === 0 || ATTRIBUTES.has(last)) attribute = true; // `$`, `#attributes`
    if (words.length === 0 || PASS_THROUGH.has(last)) continue;
    return isThingWords(words, words.length) || (attribute && ELEMENT_THINGS.has(last));
  }
  return false;
}

/** Whether words[0, end) end in a thing: `user_agent`, `userAgent` (two words), else the last word. */
function isThingWords(words: readonly string[], end: number): boolean {
  return (end >= 2 && THINGS.has(`${words[end - 2]}_${words[end - 1]}`)) || isThing(words[end - 1]);
}

function isThing(word: string): boolean {
  if (THINGS.has(word)) return true;
  // A plural owner (`hosts`, `processes`, `libraries`).
  if (word.endsWith('ies')) return THINGS.has(`${word.slice(0, -3)}y`);
  if (word.endsWith('es') && THINGS.has(word.slice(0, -2))) return true;
  return word.endsWith('s') && THINGS.has(word.slice(0, -1));
}
