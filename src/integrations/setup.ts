import { createAnonymizer, importDetectors, keyFromEnvironment, loadKeyFile, loadPolicyFile, type Anonymizer, type Detector, type PolicyInput } from '../index.js';

/**
 * What a logger integration is configured with, as plain data: a pino transport runs in a worker
 * thread and receives only structured-clonable options, so nothing here is a function or a class.
 */
export interface AnonymizerSetup {
  /** A policy as plain data, or the path of a YAML or JSON policy file (the default policy when absent). */
  readonly policy?: PolicyInput | string;
  /**
   * The path of a key file (`logveil keygen`), for the keyed operators (hash, pseudonym, encrypt).
   * When absent, the file the environment variable LOGVEIL_KEY_FILE names, as the CLI reads it; when
   * that is unset too, a random key is made at start: pseudonyms then agree only until the process
   * restarts.
   */
  readonly keyFile?: string;
  /**
   * A module whose export is the detector list (the default list when absent), as for
   * `AnonymizerPool` (`importDetectors` imports it): a URL as a string or an absolute path, and the
   * export's name (`default` when absent).
   */
  readonly detectors?: { readonly module: string; readonly export?: string };
}

/** The anonymizer a setup describes, its detector module imported; LV_POLICY, LV_KEY or LV_USAGE when it cannot be made. */
export async function anonymizerFor(setup: AnonymizerSetup): Promise<Anonymizer> {
  const detectors = setup.detectors === undefined ? undefined : await importDetectors(setup.detectors);
  return anonymizerWith(setup, detectors);
}

/** The anonymizer of a policy (or policy file) and key file, with a detector list (the default list when absent). */
export function anonymizerWith(setup: Pick<AnonymizerSetup, 'policy' | 'keyFile'>, detectors?: readonly Detector[]): Anonymizer {
  const policy = typeof setup.policy === 'string' ? loadPolicyFile(setup.policy) : setup.policy;
  const key = setup.keyFile === undefined ? keyFromEnvironment() : loadKeyFile(setup.keyFile);
  return createAnonymizer({ policy, key, detectors });
}
