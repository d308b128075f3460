import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pastOneMachine } from './past-one-machine.js';
import { binEnv, root, runLogveil, runShell, sandbox } from './run.js';

/*
 * samples/k8s/anonymize-job.yaml, README's Kubernetes Indexed Job: read with the `yaml` package and
 * checked field by field, then its pods played here: each volume a folder, the init container's
 * command and each pod's logveil run with the env Kubernetes would give it.
 */

interface Mount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value: string }>;
  resources?: { requests: { cpu: string } };
  volumeMounts: Mount[];
}
interface Volume {
  name: string;
  secret?: { secretName: string; defaultMode?: number };
  configMap?: { name: string };
  emptyDir?: { medium?: string };
  persistentVolumeClaim?: { claimName: string };
}
interface Job {
  apiVersion: string;
  kind: string;
  spec: {
    completionMode: string;
    completions: number;
    parallelism: number;
    backoffLimitPerIndex?: number;
    podFailurePolicy?: { rules: Array<{ action: string; onExitCodes?: { containerName: string; operator: string; values: number[] } }> };
    template: {
      spec: {
        restartPolicy: string;
        securityContext: { runAsNonRoot?: boolean; runAsUser?: number };
        initContainers: Container[];
        containers: Container[];
        volumes: Volume[];
      };
    };
  };
}

const manifestText = readFileSync(join(root, 'samples', 'k8s', 'anonymize-job.yaml'), 'utf8');
const job = parse(manifestText) as Job;
const pod = job.spec.template.spec;
const logveil = pod.containers.find((c) => c.name === 'logveil')!;
const envOf = (c: Container, name: string) => c.env?.find((e) => e.name === name)?.value;
const volume = (name: string) => pod.volumes.find((v) => v.name === name)!;
/** The options of logveil's args that take a value. */
const WITH_VALUE = ['--policy', '-o', '--threads'];
/** The inputs among a logveil command line's args: neither options nor their values. */
const inputsOf = (args: string[]) => args.slice(1).filter((a, i) => !a.startsWith('-') && !WITH_VALUE.includes(args[i]));
/** The mount of `c` that holds `path`, the longest first. */
const mountOf = (c: Container, path: string) =>
  c.volumeMounts.filter((m) => path.startsWith(m.mountPath + '/')).sort((a, b) => b.mountPath.length - a.mountPath.length)[0];

describe('samples/k8s/anonymize-job.yaml', () => {
  it('reads the same as YAML 1.1 and 1.2 (Kubernetes reads 1.1: no octal, yes/no or other reading that differs)', () => {
    expect(parse(manifestText, { version: '1.1' })).toEqual(job);
  });

  it('is an Indexed Job whose completions are the LOGVEIL_SHARDS its pods get', () => {
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    expect(logveil).toBeDefined();
    expect(envOf(logveil, 'LOGVEIL_SHARDS')).toBe(String(job.spec.completions));
    expect(job.spec.completions).toBeGreaterThan(1);
    expect(job.spec.parallelism).toBeLessThanOrEqual(job.spec.completions);
    // Kubernetes sets the index; a --shard or an index written here would give every pod the same one
    expect(envOf(logveil, 'JOB_COMPLETION_INDEX')).toBeUndefined();
    expect(logveil.args!.some((a) => a.startsWith('--shard') || a === '--no-shard')).toBe(false);
  });

  it('asks for as many threads as CPUs requested, so that every pod maps alike whatever its node has', () => {
    const args = logveil.args!;
    expect(args).toContain('--threads');
    expect(args[args.indexOf('--threads') + 1]).toBe(String(logveil.resources!.requests.cpu));
  });

  it('retries a failed shard on its own and fails the Job on exit 2 (usage, policy or key error)', () => {
    expect(pod.restartPolicy).toBe('Never'); // backoffLimitPerIndex and podFailurePolicy require it
    expect(job.spec.backoffLimitPerIndex).toBeGreaterThan(0);
    expect(job.spec.podFailurePolicy!.rules).toContainEqual({
      action: 'FailJob',
      onExitCodes: { containerName: 'logveil', operator: 'In', values: [2] },
    });
  });

  it('gives logveil the key of the Secret README creates, copied readable by its user alone, through LOGVEIL_KEY_FILE', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    const keyFile = envOf(logveil, 'LOGVEIL_KEY_FILE')!;
    const keyMount = mountOf(logveil, keyFile);
    expect(keyMount.readOnly).toBe(true);
    expect(volume(keyMount.name).emptyDir).toEqual(expect.objectContaining({ medium: 'Memory' })); // never on the node's disk
    // the init container fills that volume from the Secret volume
    const init = pod.initContainers.find((c) => c.volumeMounts.some((m) => m.name === keyMount.name))!;
    const secretMount = init.volumeMounts.find((m) => volume(m.name).secret)!;
    const secret = volume(secretMount.name).secret!;
    expect(secret.secretName).toBe('logveil-key');
    expect(secret.defaultMode! & 0o007).toBe(0); // nobody else on the node
    const initKey = init.volumeMounts.find((m) => m.name === keyMount.name)!.mountPath;
    const file = keyFile.slice(keyMount.mountPath.length); // /logveil.key
    expect(init.command).toEqual(['sh', '-c', `cp ${secretMount.mountPath}${file} ${initKey}${file} && chmod 600 ${initKey}${file}`]);
    expect(pastOneMachine()).toContain(`kubectl create secret generic ${secret.secretName} --from-file=${file.slice(1)}=my.key`);
    expect(init.image).toBe(logveil.image);
  });

  it('reads the policy of the ConfigMap README creates, and inputs and outputs on one volume, the output outside the input', () => {
    const args = logveil.args!;
    expect(args[0]).toBe('anonymize');
    const policy = args[args.indexOf('--policy') + 1];
    const policyVolume = volume(mountOf(logveil, policy).name).configMap!;
    expect(pastOneMachine()).toContain(
      `kubectl create configmap ${policyVolume.name} --from-file=${policy.slice(mountOf(logveil, policy).mountPath.length + 1)}=samples/policy.yaml`,
    );
    const output = args[args.indexOf('-o') + 1];
    const inputs = inputsOf(args);
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) {
      expect(mountOf(logveil, input).name).toBe(mountOf(logveil, output).name);
      expect(output.startsWith(input + '/') || output === input).toBe(false);
    }
    expect(volume(mountOf(logveil, output).name).persistentVolumeClaim).toBeDefined();
  });

  it('its pods, played with the env Kubernetes gives each, write together what one run writes', { timeout: 180_000 }, () => {
    const { dir, path, tree } = sandbox('k8s');
    const place = (name: string) => path(join('volumes', name));
    /** A path as the container sees it, mapped to the folder that plays its volume. */
    const local = (c: Container, p: string) => {
      const m = mountOf(c, p);
      return m ? place(m.name) + p.slice(m.mountPath.length) : p;
    };
    const put = (file: string, content: string | Buffer) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    };
    for (const v of pod.volumes) mkdirSync(place(v.name), { recursive: true });
    // kubectl create configmap / secret, as README says: the policy, and a key made by keygen
    // As written but for --threads 1: nine runs starting worker threads each take a minute on two
    // shared cores, and what threads write is pool.test.ts's to check; here it is the split.
    const given = logveil.args!;
    const args = given.map((a, i) => (a.startsWith('/') ? local(logveil, a) : given[i - 1] === '--threads' ? '1' : a));
    put(args[args.indexOf('--policy') + 1], readFileSync(join(root, 'samples', 'policy.yaml')));
    expect(runLogveil(['keygen', 'my.key'], { cwd: dir }).code).toBe(0);
    const secretVolume = pod.volumes.find((v) => v.secret)!;
    const secretKey = join(place(secretVolume.name), 'logveil.key');
    put(secretKey, readFileSync(path('my.key')));
    chmodSync(secretKey, secretVolume.secret!.defaultMode!);
    // the logs on the data volume
    const [logs] = inputsOf(args);
    expect(inputsOf(args)).toHaveLength(1);
    for (let i = 0; i < 20; i++) put(join(logs, `2026/02/${i}.log`), `login ${i} from 192.0.2.${i} mail u${i}@example.com\n`);
    put(join(logs, 'api/app.ndjson'), '{"email":"ann.lee@example.com","ip":"198.51.100.7"}\n');

    const init = pod.initContainers[0];
    const cp = runShell(init.command![2].replace(/\/\S+/g, (p) => local(init, p)), { cwd: dir });
    expect({ code: cp.code, stderr: cp.stderr }).toEqual({ code: 0, stderr: '' });
    const keyFile = local(logveil, envOf(logveil, 'LOGVEIL_KEY_FILE')!);
    // the Secret's file as mounted (group-readable) is refused: that is why the init container copies it
    const direct = runLogveil(['anonymize', '--shard', '0/1', '--policy', args[args.indexOf('--policy') + 1], logs, '-o', path('direct')], {
      cwd: dir,
      env: { ...binEnv, LOGVEIL_KEY_FILE: secretKey },
    });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toMatch(/key file is accessible by others \(mode 440\).*\[LV_KEY\]/);

    const output = args[args.indexOf('-o') + 1];
    const whole = runLogveil([...args.slice(0, -1), path('whole')], { cwd: dir, env: { ...binEnv, LOGVEIL_KEY_FILE: keyFile } });
    expect({ code: whole.code, stderr: whole.stderr }).toEqual({ code: 0, stderr: '' });
    expect(args[args.length - 2]).toBe('-o');
    for (let index = 0; index < job.spec.completions; index++) {
      const env = { ...binEnv, JOB_COMPLETION_INDEX: String(index), LOGVEIL_SHARDS: envOf(logveil, 'LOGVEIL_SHARDS'), LOGVEIL_KEY_FILE: keyFile };
      const r = runLogveil(args, { cwd: dir, env });
      expect({ index, code: r.code, stderr: r.stderr }).toEqual({ index, code: 0, stderr: '' });
    }
    const rel = output.slice(dir.length + 1);
    expect(tree(rel)).toEqual(tree('whole'));
    expect(tree(rel)).toHaveLength(21);
    for (const f of tree('whole')) expect(readFileSync(join(output, f)), f).toEqual(readFileSync(path(join('whole', f))));
  });
});
